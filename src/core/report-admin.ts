// Administrative units and villages the planned area takes land from.
import { fieldNumber, fieldText, fieldValue, relocationStatus } from './fields.ts';
import { shapeContainsPoint } from './overlay.ts';
import { featureName, layersOf, plannedOverlap, type ReportContext } from './report-context.ts';
import type { AdminEntry, VillageEntry } from './report-types.ts';
import type { Shape } from './shape.ts';
import type { Geometry } from './types.ts';
import { m2ToMu } from './units.ts';

export function analyseAdmin(ctx: ReportContext, planned: Shape | undefined): AdminEntry[] {
  const out: AdminEntry[] = [];
  const plannedArea = Math.max(0, planned?.area ?? 0);
  for (const layer of layersOf(ctx.project, 'admin')) {
    layer.features.forEach((f, i) => {
      const o = plannedOverlap(ctx, layer, f, i, planned);
      if (!o || o.area <= 0) return;
      const { shape: s, area: a } = o;
      out.push({
        layer: layer.id,
        kind: layer.kind ?? '',
        name: featureName(layer, f, i),
        code: fieldText(layer, f, 'code') ?? '',
        overlap_m2: a,
        overlap_mu: m2ToMu(a),
        share_of_zone: plannedArea > 0 ? a / plannedArea : 0,
        share_of_unit: s.area > 0 ? Math.min(1, a / s.area) : 0,
        unit_area_m2: Math.max(0, s.area),
      });
    });
  }
  return out;
}

function firstPosition(g: Geometry | null): [number, number] | undefined {
  if (!g) return undefined;
  if (g.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  if (g.type === 'MultiPoint' && g.coordinates[0]) return [g.coordinates[0][0]!, g.coordinates[0][1]!];
  return undefined;
}

export function analyseVillages(ctx: ReportContext, planned: Shape | undefined): VillageEntry[] {
  const out: VillageEntry[] = [];
  if (!planned) return out;
  for (const layer of layersOf(ctx.project, 'village')) {
    layer.features.forEach((f, i) => {
      const o = plannedOverlap(ctx, layer, f, i, planned);
      let a = 0;
      if (o) {
        a = o.area;
        if (a <= 0) return;
      } else {
        // A village given as a point counts when the point lies inside the planned area.
        const p = firstPosition(f.geometry);
        if (!p) return;
        const q = ctx.ws.toWork ? ctx.ws.toWork(p) : p;
        if (!shapeContainsPoint(planned, q[0]!, q[1]!)) return;
      }
      const population = fieldNumber(layer, f, 'population');
      const households = fieldNumber(layer, f, 'households');
      out.push({
        name: featureName(layer, f, i),
        overlap_m2: a,
        overlap_mu: m2ToMu(a),
        relocation: relocationStatus(fieldValue(layer, f, 'relocation')) ?? 'none',
        ...(population !== undefined ? { population } : {}),
        ...(households !== undefined ? { households } : {}),
        layer: layer.id,
        feature: i,
      });
    });
  }
  return out.sort((a, b) => b.overlap_m2 - a.overlap_m2);
}
