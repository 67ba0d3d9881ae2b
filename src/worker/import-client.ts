// The page's side of the import worker: one worker per import, terminated on cancel or when done.
import * as Comlink from 'comlink';
import type { Feature } from 'geojson';
import type { ImportApi } from './import.worker.ts';
import type { ImportOptions, ImportResult } from './import-api.ts';

export interface RunningImport {
  result: Promise<ImportResult | null>;
  cancel(): void;
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
