// What the analysis worker exposes. The worker keeps the project's layers between calls so the
// core's caches (keyed by layer and geometry identity) survive: the page sends only the layers that
// changed, and an edit re-measures only what depends on the layers it changed.
import { geometryArea, geometryLength, sphericalArea } from '../core/area.ts';
import { featureMeasure, type FeatureMeasure } from '../core/feature-measure.ts';
import { buildReport, zoneComposition, type Report } from '../core/report.ts';
import { compareScenarios, type ScenarioComparison } from '../core/compare.ts';
import { scenarioProject } from '../core/scenarios.ts';
import type { AreaMethod, Project, ProjectLayer } from '../core/types.ts';
import { displayCollection } from '../map/decorate.ts';
import { labelCollection } from '../map/label-collection.ts';
import { createProjectWriter, type HistoryDelta, type SaveOutcome } from '../state/persist.ts';

export type ProjectMeta = Omit<Project, 'layers'>;

let meta: ProjectMeta | undefined;
let layers: ProjectLayer[] = [];
const displayUrls = new Map<string, string>();
const writer = createProjectWriter();

function project(): Project {
  if (!meta) throw new Error('no project sent to the analysis worker yet');
  return { ...meta, layers };
}

export const api = {
  /** Replaces the project's settings and the layers given by position; `count` trims the rest. */
  update(next: ProjectMeta, changed: Record<number, ProjectLayer>, count: number): void {
    meta = next;
    const out = layers.slice(0, count);
    for (const [k, layer] of Object.entries(changed)) out[Number(k)] = layer;
    layers = out;
    // Display data of layers no longer in the project is released.
    const ids = new Set(layers.map((l) => l.id));
    for (const [key, url] of displayUrls)
      if (!ids.has(key.replace(/^labels:/, ''))) {
        URL.revokeObjectURL(url);
        displayUrls.delete(key);
      }
  },
  /** Adds features to a layer sent empty: large layers come in batches so the page never blocks long. */
  appendFeatures(index: number, batch: ProjectLayer['features']): void {
    const layer = layers[index];
    if (!layer) throw new Error(`no layer ${index} in the analysis worker`);
    for (const f of batch) layer.features.push(f);
  },
  report(method?: AreaMethod): Report {
    return buildReport(project(), method ? { areaMethod: method } : {});
  },
  /** What changes between two of the project's scenarios (core/compare.ts, contract §5). */
  compare(from: string, to: string, method?: AreaMethod): ScenarioComparison {
    const p = project();
    return compareScenarios(scenarioProject(p, from), scenarioProject(p, to), {
      areaMethod: method ?? p.areaMethod,
      from,
      to,
    });
  },
  zoneComposition(method?: AreaMethod): ReturnType<typeof zoneComposition> {
    const p = project();
    return zoneComposition(p, method ?? p.areaMethod);
  },
  /** The inspector's measure of one feature (null when the layer or feature is not there). */
  featureMeasure(layerIndex: number, featureIndex: number, method: AreaMethod): FeatureMeasure | null {
    const layer = layers[layerIndex];
    const feature = layer?.features[featureIndex];
    return layer && feature ? featureMeasure(project(), layer, feature, method) : null;
  },
  /**
   * Saves the project to IndexedDB from here, so the page never pays for cloning large layers.
   * Only the layers changed since the last save are written, with the undo history's new entries;
   * failures come back as values.
   */
  persist(history?: HistoryDelta): Promise<SaveOutcome> {
    return writer.save(project(), history);
  },
  /** A blob URL of a layer's display GeoJSON for MapLibre to fetch; the previous one is revoked. */
  displayUrl(index: number): string {
    const layer = layers[index];
    if (!layer) throw new Error(`no layer ${index} in the analysis worker`);
    const old = displayUrls.get(layer.id);
    if (old) URL.revokeObjectURL(old);
    const url = URL.createObjectURL(
      new Blob(
        [JSON.stringify(displayCollection(layer, project().settings?.intensityThreshold_wan_per_mu))],
        { type: 'application/geo+json' },
      ),
    );
    displayUrls.set(layer.id, url);
    return url;
  },
  /** A blob URL of a layer's label points (label-collection.ts); the previous one is revoked. */
  labelUrl(index: number): string {
    const layer = layers[index];
    if (!layer) throw new Error(`no layer ${index} in the analysis worker`);
    const key = `labels:${layer.id}`;
    const old = displayUrls.get(key);
    if (old) URL.revokeObjectURL(old);
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(labelCollection(layer))], { type: 'application/geo+json' }),
    );
    displayUrls.set(key, url);
    return url;
  },
  geometryArea,
  geometryLength,
  sphericalArea,
};

export type Api = typeof api;
