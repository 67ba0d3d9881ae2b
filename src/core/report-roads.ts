// Road length inside the planned area by class and status, and road-network density (km/km²).
import { flatLine } from './area.ts';
import { fieldText, fieldValue, roadStatus } from './fields.ts';
import { lineLengthInside } from './overlay.ts';
import { layersOf, type ReportContext } from './report-context.ts';
import type { RoadEntry } from './report-types.ts';
import type { Shape } from './shape.ts';
import type { Geometry, Position } from './types.ts';

function linesOf(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(linesOf);
  return [];
}

/** All road length (m) inside a shape, e.g. a park: the numerator of its road-network density. */
export function roadLengthInside(ctx: ReportContext, shape: Shape): number {
  let len = 0;
  for (const layer of layersOf(ctx.project, 'road'))
    for (const f of layer.features)
      for (const line of linesOf(f.geometry)) len += lineLengthInside(flatLine(line, ctx.ws), shape, ctx.ws);
  return len;
}

export function analyseRoads(ctx: ReportContext, planned: Shape | undefined): RoadEntry[] {
  const groups = new Map<string, RoadEntry>();
  if (!planned) return [];
  for (const layer of layersOf(ctx.project, 'road')) {
    for (const f of layer.features) {
      let len = 0;
      for (const line of linesOf(f.geometry))
        len += lineLengthInside(flatLine(line, ctx.ws), planned, ctx.ws);
      if (len <= 0) continue;
      const cls = fieldText(layer, f, 'class') ?? '未分级';
      const status = roadStatus(fieldValue(layer, f, 'status')) || 'unknown';
      const key = `${cls}\u0000${status}`;
      const g = groups.get(key);
      if (g) {
        g.length_m += len;
        g.length_km = g.length_m / 1000;
      } else groups.set(key, { class: cls, status, length_m: len, length_km: len / 1000 });
    }
  }
  return [...groups.values()].sort((a, b) => b.length_m - a.length_m);
}
