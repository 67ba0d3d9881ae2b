// What the analysis worker exposes. The worker keeps each scenario's project (layer-store.ts), so
// the core's caches (keyed by layer and geometry identity) survive between calls, between scenarios
// and across undo: the page sends only layer versions and features the worker lacks, and an edit
// re-measures only what depends on what it changed.
import { geometryArea, geometryLength, sphericalArea } from '../core/area.ts';
import { featureMeasure, type FeatureMeasure } from '../core/feature-measure.ts';
import { createLiveTracker, liveFigures, type LiveFigures, type LiveTracker } from '../core/live-figures.ts';
import { buildReport, zoneComposition, type Report } from '../core/report.ts';
import { compareScenarios, type ScenarioComparison } from '../core/compare.ts';
import { scenarioProject } from '../core/scenarios.ts';
import type { AreaMethod, Feature, Problem } from '../core/types.ts';
import { workCount } from '../core/work-count.ts';
import { displayCollection } from '../map/decorate.ts';
import { labelCollection } from '../map/label-collection.ts';
import { createProjectWriter, type HistoryDelta, type SaveOutcome } from '../state/persist.ts';
import { LayerStore, type Evicted, type LayerVersion, type ProjectMeta } from './layer-store.ts';
import { heldLayersBack } from './held-layer.ts';

export type { ProjectMeta };

/** Live figures with the milliseconds the worker took to compute them. */
export type TimedLiveFigures = LiveFigures & { ms: number };

/** Reports by scenario key (layer versions and settings) and area method, most recent last. */
const REPORTS_KEPT = 8;

/**
 * How long a replaced display URL stays readable. MapLibre fetches a URL a moment after it is set
 * (in its own worker, a frame later at best); a second URL asked for the same layer before that
 * fetch must not revoke the first under it, or the map logs a failed load (seen in CI, stop 16).
 */
const RETIRED_URL_MS = 60_000;

function retire(url: string): void {
  const timer: unknown = setTimeout(() => URL.revokeObjectURL(url), RETIRED_URL_MS);
  // Node (the tests) would wait for the timer before exiting; a worker has no unref
  (timer as { unref?: () => void }).unref?.();
}

/** One worker's api with its own store (the worker makes one; tests make one each). */
export function createApi() {
  const store = new LayerStore();
  const displayUrls = new Map<string, string>();
  const writer = createProjectWriter();
  const reports = new Map<string, Report>();
  const trackers = new Map<string, LiveTracker>();
  /** the last live figures of each scenario, by what they were computed from */
  const lastLive = new Map<string, { key: string; figures: TimedLiveFigures }>();
  /** What the worker computed, for tests: a scenario switched back to adds nothing here. */
  const computed = { reports: 0, live: 0 };

  function trackerOf(scenario: string): LiveTracker {
    let t = trackers.get(scenario);
    if (!t) {
      t = createLiveTracker();
      trackers.set(scenario, t);
    }
    return t;
  }

  return {
    /** Features of new layer versions, ahead of the update that uses them (large layers in batches). */
    putFeatures(batch: [number, Feature][]): void {
      store.putFeatures(batch);
    },
    /** Sets a scenario's settings and layers by version, the versions the worker lacks given. */
    update(scenario: string, meta: ProjectMeta, versions: number[], added: LayerVersion[]): Evicted {
      const evicted = store.update(scenario, meta, versions, added);
      // Display data of layers no scenario has any more is released.
      const ids = new Set(store.project(scenario).layers.map((l) => l.id));
      for (const [key, url] of displayUrls)
        if (!ids.has(key.replace(/^labels:/, ''))) {
          retire(url);
          displayUrls.delete(key);
        }
      return evicted;
    },
    /** Forgets a deleted scenario. */
    dropScenario(scenario: string): Evicted {
      trackers.delete(scenario);
      lastLive.delete(scenario);
      return store.drop(scenario);
    },
    report(scenario: string, method?: AreaMethod): Report {
      const key = `${method ?? ''}|${store.key(scenario)}`;
      const hit = reports.get(key);
      if (hit) return hit;
      computed.reports++;
      // The page's report carries the conflicts' polygons, which the review draws.
      const r = buildReport(store.project(scenario), {
        ...(method ? { areaMethod: method } : {}),
        conflictGeometry: true,
      });
      reports.set(key, r);
      if (reports.size > REPORTS_KEPT) reports.delete(reports.keys().next().value!);
      return r;
    },
    zoneComposition(scenario: string, method?: AreaMethod): ReturnType<typeof zoneComposition> {
      const p = store.project(scenario);
      return zoneComposition(p, method ?? p.areaMethod);
    },
    /**
     * The live figures of a scenario against its state when the edit session began (sent as the
     * scenario `baseline`); each scenario keeps its own tracker, so only what an edit touched is
     * measured again.
     */
    live(scenario: string, baseline: string, method: AreaMethod): TimedLiveFigures {
      const key = `${method}|${store.key(baseline)}|${store.key(scenario)}`;
      const hit = lastLive.get(scenario);
      if (hit?.key === key) return hit.figures;
      computed.live++;
      const t0 = performance.now();
      const figures: TimedLiveFigures = {
        ...liveFigures(trackerOf(scenario), store.project(baseline), store.project(scenario), method),
        ms: 0,
      };
      figures.ms = performance.now() - t0;
      lastLive.set(scenario, { key, figures });
      return figures;
    },
    /** The inspector's measure of one feature (null when the layer or feature is not there). */
    featureMeasure(
      scenario: string,
      layerIndex: number,
      featureIndex: number,
      method: AreaMethod,
    ): FeatureMeasure | null {
      const p = store.project(scenario);
      const layer = p.layers[layerIndex];
      const feature = layer?.features[featureIndex];
      return layer && feature ? featureMeasure(p, layer, feature, method) : null;
    },
    /**
     * Saves the scenario's project to IndexedDB from here, so the page never pays for cloning large
     * layers. Only the layers changed since the last save are written, with the undo history's new
     * entries; failures come back as values.
     */
    persist(scenario: string, history?: HistoryDelta, problems?: Problem[]): Promise<SaveOutcome> {
      let entries: HistoryDelta | undefined;
      try {
        entries = history && heldLayersBack(history, (v) => store.layerOf(v));
      } catch (e) {
        // the page then sends every entry again, whole (history-save.ts)
        return Promise.resolve({
          ok: false,
          name: 'LostLayer',
          message: e instanceof Error ? e.message : String(e),
        });
      }
      return writer.save(store.project(scenario), entries, problems);
    },
    /** What changes between two of the project's scenarios (core/compare.ts, contract §5). */
    compare(scenario: string, from: string, to: string, method?: AreaMethod): ScenarioComparison {
      const p = store.project(scenario);
      return compareScenarios(scenarioProject(p, from), scenarioProject(p, to), {
        areaMethod: method ?? p.areaMethod,
        from,
        to,
      });
    },
    /** A blob URL of a layer's display GeoJSON for MapLibre to fetch; the previous one is revoked a minute later. */
    displayUrl(scenario: string, index: number): string {
      const p = store.project(scenario);
      const layer = p.layers[index];
      if (!layer) throw new Error(`no layer ${index} in the analysis worker`);
      const old = displayUrls.get(layer.id);
      if (old) retire(old);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(displayCollection(layer, p.settings?.intensityThreshold_wan_per_mu))], {
          type: 'application/geo+json',
        }),
      );
      displayUrls.set(layer.id, url);
      return url;
    },
    /** A blob URL of a layer's label points (label-collection.ts); the previous one is revoked a minute later. */
    labelUrl(scenario: string, index: number): string {
      const layer = store.project(scenario).layers[index];
      if (!layer) throw new Error(`no layer ${index} in the analysis worker`);
      const key = `labels:${layer.id}`;
      const old = displayUrls.get(key);
      if (old) retire(old);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(labelCollection(layer))], { type: 'application/geo+json' }),
      );
      displayUrls.set(key, url);
      return url;
    },
    /** How much the worker has computed so far: reports, live figures, and the core's geometry work. */
    stats(): { reports: number; live: number; work: typeof workCount; held: ReturnType<LayerStore['size']> } {
      return { ...computed, work: { ...workCount }, held: store.size() };
    },
    geometryArea,
    geometryLength,
    sphericalArea,
  };
}

export const api = createApi();
export type Api = ReturnType<typeof createApi>;
