// The page's side of the analysis worker. Calls are "latest wins": while one runs, newer requests
// replace older waiting ones, and a superseded request resolves to null, so a quick run of edits never
// builds a backlog. Only the layers whose object identity changed are sent (see api.ts).
import * as Comlink from 'comlink';
import type { FeatureMeasure } from '../core/feature-measure.ts';
import type { Report } from '../core/report.ts';
import type { AreaMethod, Project, ProjectLayer } from '../core/types.ts';
import type { Api } from './api.ts';
import type { HistoryDelta, SaveOutcome } from '../state/persist.ts';

export interface AnalysisClient {
  /** The report of the project, or null when a newer request superseded this one. */
  report(project: Project, method?: AreaMethod): Promise<Report | null>;
  composition(project: Project, method?: AreaMethod): Promise<ReturnType<Api['zoneComposition']> | null>;
  /** The comparison of two scenarios (never superseded: a report must not cancel it). */
  compare(
    project: Project,
    from: string,
    to: string,
    method?: AreaMethod,
  ): Promise<ReturnType<Api['compare']>>;
  /** Saves the project to IndexedDB in the worker (never superseded); says whether it worked. */
  persist(project: Project, history?: HistoryDelta): Promise<SaveOutcome>;
  /**
   * The measure of feature `featureIndex` of layer `layerIndex`, as the inspector shows it (never
   * superseded, so a click never cancels a waiting report); null when there is no such feature.
   */
  measure(
    project: Project,
    layerIndex: number,
    featureIndex: number,
    method: AreaMethod,
  ): Promise<FeatureMeasure | null>;
  /** A URL of the label points of the layer at `index` (never superseded). */
  labelUrl(project: Project, index: number): Promise<string>;
  /** A URL of the display GeoJSON of the layer at `index` (never superseded). */
  displayUrl(project: Project, index: number): Promise<string>;
  dispose(): void;
}

/**
 * The worker's api as the page sees it through Comlink (`Comlink.Remote<Api>` fits it): every call
 * of `api`, answered asynchronously. Derived from the api, never copied, so it cannot drift.
 */
export type AnalysisRemote = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** Features per message when a large layer is sent to the worker. */
export const SYNC_BATCH = 10_000;

/** A client over any Comlink-like remote (tests pass the api itself). */
export function createClientFor(remote: AnalysisRemote, onDispose: () => void = () => {}): AnalysisClient {
  let sent: ProjectLayer[] = [];
  let seq = 0;
  let busy: Promise<unknown> = Promise.resolve();

  async function sync(project: Project): Promise<void> {
    const changed: Record<number, ProjectLayer> = {};
    const large: number[] = [];
    project.layers.forEach((l, i) => {
      if (sent[i] === l) return;
      // A large layer goes as an empty shell, then its features in batches (one message each).
      if (l.features.length > SYNC_BATCH) {
        changed[i] = { ...l, features: [] };
        large.push(i);
      } else changed[i] = l;
    });
    const { layers, ...meta } = project;
    await remote.update(meta, changed, layers.length);
    for (const i of large) {
      const features = layers[i]!.features;
      for (let k = 0; k < features.length; k += SYNC_BATCH)
        await remote.appendFeatures(i, features.slice(k, k + SYNC_BATCH));
    }
    sent = [...layers];
  }

  function latest<T>(job: () => Promise<T>): Promise<T | null> {
    const mine = ++seq;
    const run = busy.then(async () => (mine === seq ? job() : null));
    // The chain must go on whether a job failed or not; errors reach only their caller.
    busy = run.catch(() => undefined);
    return run.then((v) => (mine === seq ? v : null));
  }

  /** Runs in turn with the other calls but is never dropped for a newer one. */
  function always<T>(job: () => Promise<T>): Promise<T> {
    const run = busy.then(job);
    busy = run.catch(() => undefined);
    return run;
  }

  return {
    persist: (project, history) =>
      always(async () => {
        await sync(project);
        return remote.persist(history);
      }),
    displayUrl: (project, index) =>
      always(async () => {
        await sync(project);
        return remote.displayUrl(index);
      }),
    measure: (project, layerIndex, featureIndex, method) =>
      always(async () => {
        await sync(project);
        return remote.featureMeasure(layerIndex, featureIndex, method);
      }),
    labelUrl: (project, index) =>
      always(async () => {
        await sync(project);
        return remote.labelUrl(index);
      }),
    report: (project, method) =>
      latest(async () => {
        await sync(project);
        return remote.report(method);
      }),
    compare: (project, from, to, method) =>
      always(async () => {
        await sync(project);
        return remote.compare(from, to, method);
      }),
    composition: (project, method) =>
      latest(async () => {
        await sync(project);
        return remote.zoneComposition(method);
      }),
    dispose: onDispose,
  };
}

/** Starts the analysis worker (Vite bundles it from the URL) and returns its client. */
export function createAnalysisClient(): AnalysisClient {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<Api>(worker);
  return createClientFor(remote, () => {
    remote[Comlink.releaseProxy]();
    worker.terminate();
  });
}
