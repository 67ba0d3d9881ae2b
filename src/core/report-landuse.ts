// Land-use shares inside the planned area by class (三调 DLBM or 用地用海 codes), and the same for
// each plan layer (three-plan review).
import { fieldText } from './fields.ts';
import { guessLandUseSystem, landUseName } from './landuse-codes.ts';
import { plannedOverlapArea } from './overlap-area.ts';
import { layersOf, type ReportContext } from './report-context.ts';
import type { LandUseEntry, PlanEntry } from './report-types.ts';
import type { Shape } from './shape.ts';
import type { ProjectLayer } from './types.ts';
import { m2ToHa, m2ToKm2, m2ToMu } from './units.ts';

const systemCache = new WeakMap<object, ReturnType<typeof guessLandUseSystem>>();

function layerSystem(layer: ProjectLayer) {
  const hit = systemCache.get(layer.features);
  if (hit) return hit;
  const codes: string[] = [];
  for (const f of layer.features.slice(0, 500)) {
    const c = fieldText(layer, f, 'class');
    if (c) codes.push(c);
  }
  const sys = layer.role === 'plan' && layer.kind === 'urban-plan' ? 'gb50137' : guessLandUseSystem(codes);
  systemCache.set(layer.features, sys);
  return sys;
}

/**
 * An overlap counts (its parcel in `parcels`, its area in the class) when it exceeds this many m²
 * (10 cm²). A parcel outside the planned area that shares its boundary comes out of the clipping
 * with rounding noise, 6e-8 to 3e-7 m² on a 345 km² zone, which counted it or not by chance; real
 * slivers of a corner are larger (a few dm² in the benchmark project).
 */
export const OVERLAP_TOLERANCE_M2 = 1e-3;

/** Area of each class of the layers inside the planned shape, largest first. */
export function classShares(
  ctx: ReportContext,
  layers: ProjectLayer[],
  planned: Shape | undefined,
): LandUseEntry[] {
  const plannedArea = Math.max(0, planned?.area ?? 0);
  const groups = new Map<string, { name: string; area: number; parcels: number }>();
  for (const layer of layers) {
    const sys = layerSystem(layer);
    layer.features.forEach((f, i) => {
      const a = plannedOverlapArea(ctx, layer, f, i, planned);
      if (!(a > OVERLAP_TOLERANCE_M2)) return;
      const code = fieldText(layer, f, 'class') ?? '';
      const g = groups.get(code);
      if (g) {
        g.area += a;
        g.parcels++;
      } else {
        const name =
          (code && landUseName(code, sys)) || fieldText(layer, f, 'name') || (code ? code : '未分类');
        groups.set(code, { name, area: a, parcels: 1 });
      }
    });
  }
  return [...groups.entries()]
    .map(([code, g]) => ({
      class: code,
      name: g.name,
      area_m2: g.area,
      share: plannedArea > 0 ? g.area / plannedArea : 0,
      area_mu: m2ToMu(g.area),
      area_km2: m2ToKm2(g.area),
      area_ha: m2ToHa(g.area),
      parcels: g.parcels,
    }))
    .sort((a, b) => b.area_m2 - a.area_m2 || a.class.localeCompare(b.class));
}

export function analyseLandUse(ctx: ReportContext, planned: Shape | undefined): LandUseEntry[] {
  return classShares(ctx, layersOf(ctx.project, 'landuse'), planned);
}

export function analysePlans(ctx: ReportContext, planned: Shape | undefined): PlanEntry[] {
  return layersOf(ctx.project, 'plan').map((layer) => ({
    layer: layer.id,
    kind: layer.kind ?? '',
    classes: classShares(ctx, [layer], planned),
  }));
}
