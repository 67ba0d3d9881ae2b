// What the analysis worker exposes. The worker keeps the project's layers between calls so the
// core's caches (keyed by layer and geometry identity) survive: the page sends only the layers that
// changed, and a vertex drag re-measures only what depends on the moved zone.
import { geometryArea, geometryLength, sphericalArea } from '../core/area.ts';
import { buildReport, zoneComposition, type Report } from '../core/report.ts';
import type { AreaMethod, Project, ProjectLayer } from '../core/types.ts';

export type ProjectMeta = Omit<Project, 'layers'>;

let meta: ProjectMeta | undefined;
let layers: ProjectLayer[] = [];

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
  },
  report(method?: AreaMethod): Report {
    return buildReport(project(), method ? { areaMethod: method } : {});
  },
  zoneComposition(method?: AreaMethod): ReturnType<typeof zoneComposition> {
    const p = project();
    return zoneComposition(p, method ?? p.areaMethod);
  },
  geometryArea,
  geometryLength,
  sphericalArea,
};

export type Api = typeof api;
