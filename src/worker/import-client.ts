// The page's side of the import worker: one worker per import, terminated on cancel or when done.
import * as Comlink from 'comlink';
import type { Feature } from 'geojson';
import type { Problem, Project } from '../core/types.ts';
import type { ImportApi } from './import.worker.ts';
import { errorOf } from '../io/problem.ts';
import type { BundleResult, ImportOptions, ImportResult } from './import-api.ts';

export interface RunningImport {
  result: Promise<ImportResult | null>;
  cancel(): void;
}

const workerError = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).slice(0, 200) || 'import worker failed';

/** Tells a project bundle from a zipped layer and opens it, both in a worker (never on the page). */
export async function openBundleInWorker(file: File): Promise<BundleResult> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await Comlink.wrap<ImportApi>(worker).openBundle(file);
  } catch (e) {
    return {
      bundle: true,
      project: null,
      problems: [errorOf('read-failed', { detail: workerError(e) }, { file: file.name })],
    };
  } finally {
    worker.terminate();
  }
}

/** Opens a zonemap.json and the files chosen with it in a worker (its zips are unpacked there). */
export async function openManifestInWorker(
  manifest: File,
  files: File[],
): Promise<{ project: Project | null; problems: Problem[] }> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  try {
    // A File's folder path does not travel to the worker: it is sent beside it.
    const paths = files.map((f) => f.webkitRelativePath || f.name);
    return await Comlink.wrap<ImportApi>(worker).openManifest(manifest, files, paths);
  } catch (e) {
    return {
      project: null,
      problems: [errorOf('read-failed', { detail: workerError(e) }, { file: manifest.name })],
    };
  } finally {
    worker.terminate();
  }
}

export function importInWorker(
  file: File,
  opts: ImportOptions,
  onProgress: (fraction: number) => void,
): RunningImport {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<ImportApi>(worker);
  let cancelled = false;
  let settle: (v: null) => void = () => {};
  const cancelledResult = new Promise<null>((resolve) => (settle = resolve));
  const batches: Feature[][] = [];
  const work = remote
    .importFile(
      file,
      opts,
      Comlink.proxy(onProgress),
      Comlink.proxy((batch: Feature[]) => {
        batches.push(batch);
      }),
    )
    .then((r) => ({ ...r, features: batches.flat() }))
    // Whatever goes wrong in the worker (or in carrying its answer over) becomes a problem to show,
    // never an uncaught error in the page.
    .catch((e: unknown): ImportResult => ({
      features: [],
      crs: opts.crs ?? 'EPSG:4326',
      problems: [errorOf('read-failed', { detail: workerError(e) }, { file: file.name })],
    }))
    .finally(() => worker.terminate());
  return {
    result: Promise.race([work, cancelledResult]).then((r) => (cancelled ? null : r)),
    cancel() {
      cancelled = true;
      worker.terminate();
      settle(null);
    },
  };
}
