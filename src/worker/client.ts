// The page's side of the analysis worker. Calls are "latest wins": while one runs, newer requests
// replace older waiting ones, and a superseded request resolves to null, so a quick run of edits never
// builds a backlog. Each call names its scenario ('base' unless given); only layer versions and
// features the worker does not hold are sent (see layer-store.ts).
import * as Comlink from 'comlink';
import type { FeatureMeasure } from '../core/feature-measure.ts';
import type { Report } from '../core/report.ts';
import type { AreaMethod, Feature, Problem, Project, ProjectLayer } from '../core/types.ts';
import type { Api, TimedLiveFigures } from './api.ts';

export type { TimedLiveFigures };
import type { Evicted, LayerVersion } from './layer-store.ts';
import type { HistoryDelta, SaveOutcome } from '../state/persist.ts';

/** The base project's scenario id (contract §5). */
export const BASE = 'base';

export interface AnalysisClient {
  /** The report of the project, or null when a newer request superseded this one. */
  report(project: Project, method?: AreaMethod, scenario?: string): Promise<Report | null>;
  composition(
    project: Project,
    method?: AreaMethod,
    scenario?: string,
  ): Promise<ReturnType<Api['zoneComposition']> | null>;
  /**
   * The live figures of `project` against `baseline`, the project when the edit session began
   * (latest wins: a dragged vertex never waits for figures of where it was).
   */
  live(
    project: Project,
    baseline: Project,
    method: AreaMethod,
    scenario?: string,
  ): Promise<TimedLiveFigures | null>;
  /** The comparison of two scenarios (never superseded: a report must not cancel it). */
  compare(
    project: Project,
    from: string,
    to: string,
    method?: AreaMethod,
  ): Promise<ReturnType<Api['compare']>>;
  /**
   * Saves the project, with the undo history's new entries, to IndexedDB in the worker (never
   * superseded); says whether it worked. `problems`, the project's problem list, is saved with it.
   */
  persist(
    project: Project,
    history?: HistoryDelta,
    scenario?: string,
    problems?: readonly Problem[],
  ): Promise<SaveOutcome>;
  /**
   * The measure of feature `featureIndex` of layer `layerIndex`, as the inspector shows it (never
   * superseded, so a click never cancels a waiting report); null when there is no such feature.
   */
  measure(
    project: Project,
    layerIndex: number,
    featureIndex: number,
    method: AreaMethod,
    scenario?: string,
  ): Promise<FeatureMeasure | null>;
  /** A URL of the label points of the layer at `index` (never superseded). */
  labelUrl(project: Project, index: number, scenario?: string): Promise<string>;
  /** A URL of the display GeoJSON of the layer at `index` (never superseded). */
  displayUrl(project: Project, index: number, scenario?: string): Promise<string>;
  /** A deleted scenario: the worker forgets it. */
  dropScenario(scenario: string): Promise<void>;
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

/**
 * Features per message when a large layer is sent to the worker. Copying a message's features
 * blocks the page: 10 000 parcels took 150–170 ms there on the bench machine (`npm run
 * bench:browser`), 2 500 a quarter of that.
 */
export const SYNC_BATCH = 2_500;

/** The baseline of a scenario's edit session is held in the worker as a scenario of its own. */
const baselineOf = (scenario: string) => `${scenario}\u0000start`;

/** A client over any Comlink-like remote (tests pass the api itself). */
export function createClientFor(remote: AnalysisRemote, onDispose: () => void = () => {}): AnalysisClient {
  // Page objects named once: a layer object is a version, a feature object a token.
  const versions = new WeakMap<ProjectLayer, number>();
  const tokens = new WeakMap<Feature, number>();
  let nextVersion = 1;
  let nextToken = 1;
  const versionOf = (l: ProjectLayer) => {
    let v = versions.get(l);
    if (v === undefined) versions.set(l, (v = nextVersion++));
    return v;
  };
  const tokenOf = (f: Feature) => {
    let t = tokens.get(f);
    if (t === undefined) tokens.set(f, (t = nextToken++));
    return t;
  };
  // What the worker holds, as it told us.
  const heldVersions = new Set<number>();
  const heldTokens = new Set<number>();
  const seqs = { report: 0, live: 0 };
  // One call at a time, in order of lane, in order of asking within a lane. Saves go ahead of every
  // call still waiting: a change must reach the disk before the reports and map data it set off
  // (each takes seconds on a slow machine), so a crash meanwhile loses nothing. Then what the map
  // draws (display data, labels) before reports: a 300 000-parcel import waited 2.6 s behind its
  // report before it could be drawn (bench/profile-large.ts).
  const SAVE = 0;
  const DISPLAY = 1;
  const OTHER = 2;
  type Lane = typeof SAVE | typeof DISPLAY | typeof OTHER;
  interface Task {
    lane: Lane;
    run(): Promise<void>;
  }
  const tasks: Task[] = [];
  let pumping = false;
  function enqueue<T>(job: () => Promise<T>, lane: Lane = OTHER): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const task: Task = {
        lane,
        run: async () => {
          try {
            resolve(await job());
          } catch (e) {
            reject(e);
          }
        },
      };
      const after = tasks.findIndex((t) => t.lane > lane);
      if (after < 0) tasks.push(task);
      else tasks.splice(after, 0, task);
      void pump();
    });
  }
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      for (let t = tasks.shift(); t; t = tasks.shift()) await t.run();
    } finally {
      pumping = false;
    }
  }

  function forget(e: Evicted): void {
    for (const v of e.versions) heldVersions.delete(v);
    for (const t of e.tokens) heldTokens.delete(t);
  }

  async function sync(scenario: string, project: Project): Promise<void> {
    const { layers, ...meta } = project;
    const order = layers.map(versionOf);
    const added: LayerVersion[] = [];
    let batch: [number, Feature][] = [];
    const pending = new Set<number>();
    for (const [i, layer] of layers.entries()) {
      const version = order[i]!;
      if (heldVersions.has(version)) continue;
      const ts = new Uint32Array(layer.features.length);
      for (let k = 0; k < layer.features.length; k++) {
        const f = layer.features[k];
        if (!f) continue;
        const t = tokenOf(f);
        ts[k] = t;
        if (heldTokens.has(t) || pending.has(t)) continue;
        pending.add(t);
        batch.push([t, f]);
        // A large layer's features go in batches, one message each, its tokens worked out between
        // them (300 000 at once held the page 0.1 s), so the page never blocks long.
        if (batch.length === SYNC_BATCH) {
          await remote.putFeatures(batch);
          batch = [];
        }
      }
      const { features: _features, ...shell } = layer;
      added.push({ version, shell, tokens: ts });
    }
    if (batch.length) await remote.putFeatures(batch);
    const evicted = await remote.update(scenario, meta, order, added);
    for (const v of added) heldVersions.add(v.version);
    for (const t of pending) heldTokens.add(t);
    forget(evicted);
  }

  /**
   * Runs after the calls before it, unless a newer call of the same channel came meanwhile. Live
   * figures have a channel of their own: an edit asks for a report and live figures at once, and
   * neither may drop the other.
   */
  function latest<T>(job: () => Promise<T>, channel: 'report' | 'live' = 'report'): Promise<T | null> {
    const mine = ++seqs[channel];
    const run = enqueue(async () => (mine === seqs[channel] ? job() : null));
    return run.then((v) => (mine === seqs[channel] ? v : null));
  }

  /** Runs in turn with the other calls of its lane but is never dropped for a newer one. */
  function always<T>(job: () => Promise<T>, lane: Lane = OTHER): Promise<T> {
    return enqueue(job, lane);
  }

  return {
    persist: (project, history, scenario = BASE, problems) =>
      enqueue(async () => {
        await sync(scenario, project);
        // loaded with the first save (the page's first bundle is kept small)
        const { byReference } = await import('./held-layer.ts');
        return remote.persist(
          scenario,
          // layers the worker holds go by version, not copied (held-layer.ts)
          history &&
            byReference(history, (l) => {
              const v = versions.get(l);
              return v !== undefined && heldVersions.has(v) ? v : undefined;
            }),
          problems ? [...problems] : undefined,
        );
      }, SAVE),
    displayUrl: (project, index, scenario = BASE) =>
      always(async () => {
        await sync(scenario, project);
        return remote.displayUrl(scenario, index);
      }, DISPLAY),
    measure: (project, layerIndex, featureIndex, method, scenario = BASE) =>
      always(async () => {
        await sync(scenario, project);
        return remote.featureMeasure(scenario, layerIndex, featureIndex, method);
      }),
    labelUrl: (project, index, scenario = BASE) =>
      always(async () => {
        await sync(scenario, project);
        return remote.labelUrl(scenario, index);
      }, DISPLAY),
    report: (project, method, scenario = BASE) =>
      latest(async () => {
        await sync(scenario, project);
        return remote.report(scenario, method);
      }),
    compare: (project, from, to, method) =>
      always(async () => {
        await sync(BASE, project);
        return remote.compare(BASE, from, to, method);
      }),
    composition: (project, method, scenario = BASE) =>
      latest(async () => {
        await sync(scenario, project);
        return remote.zoneComposition(scenario, method);
      }),
    live: (project, baseline, method, scenario = BASE) =>
      latest(async () => {
        await sync(baselineOf(scenario), baseline);
        await sync(scenario, project);
        return remote.live(scenario, baselineOf(scenario), method);
      }, 'live'),
    dropScenario: (scenario) =>
      always(async () => {
        forget(await remote.dropScenario(scenario));
        forget(await remote.dropScenario(baselineOf(scenario)));
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
