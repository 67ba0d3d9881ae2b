// Enterprise plots: area, investment intensity (万元/亩) against the project's threshold, the park each
// lies in, parks' totals, and construction-land quota used against allocated per park.
import { fieldNumber, fieldText } from './fields.ts';
import { DEFAULT_INTENSITY_THRESHOLD } from './intensity.ts';
import { intersectionArea } from './overlay.ts';
import {
  featureName,
  featureShape,
  layersOf,
  layerWorkspace,
  plainWarning,
  type ReportContext,
} from './report-context.ts';
import { roadLengthInside } from './report-roads.ts';
import type { EnterpriseEntry, ParkEntry, QuotaEntry } from './report-types.ts';
import type { Shape } from './shape.ts';
import type { ProjectLayer } from './types.ts';
import { m2ToKm2, m2ToMu } from './units.ts';

interface ParkShape {
  name: string;
  industry: string;
  shape: Shape;
  layer: ProjectLayer;
  ownArea: number;
}

function parkShapes(ctx: ReportContext): ParkShape[] {
  const out: ParkShape[] = [];
  for (const layer of layersOf(ctx.project, 'park')) {
    layer.features.forEach((f, i) => {
      const shape = featureShape(ctx, layer, f, i);
      if (!shape) return;
      const own = featureShape(ctx, layer, f, i, layerWorkspace(ctx, layer));
      out.push({
        name: featureName(layer, f, i),
        industry: fieldText(layer, f, 'industry') ?? '',
        shape,
        layer,
        ownArea: Math.max(0, own?.area ?? 0),
      });
    });
  }
  return out;
}

export interface EnterpriseAnalysis {
  enterprises: EnterpriseEntry[];
  parks: ParkEntry[];
  quotas: QuotaEntry[];
}

export function analyseEnterprises(ctx: ReportContext): EnterpriseAnalysis {
  const threshold = ctx.project.settings?.intensityThreshold_wan_per_mu ?? DEFAULT_INTENSITY_THRESHOLD;
  const parks = parkShapes(ctx);
  const usedByPark = new Map<string, number>();
  const enterprises: EnterpriseEntry[] = [];
  for (const layer of layersOf(ctx.project, 'enterprise')) {
    const ownWs = layerWorkspace(ctx, layer);
    layer.features.forEach((f, i) => {
      const own = featureShape(ctx, layer, f, i, ownWs);
      const area = Math.max(0, own?.area ?? 0);
      const investment = fieldNumber(layer, f, 'investment') ?? null;
      const mu = m2ToMu(area);
      const intensity = investment !== null && mu > 0 ? investment / mu : null;
      let park: string | null = null;
      const inWs = parks.length ? featureShape(ctx, layer, f, i) : undefined;
      if (inWs) {
        let best = 0;
        for (const p of parks) {
          const a = intersectionArea(inWs, p.shape, ctx.ws);
          if (a > 0) usedByPark.set(p.name, (usedByPark.get(p.name) ?? 0) + a);
          if (a > best) {
            best = a;
            park = p.name;
          }
        }
      }
      enterprises.push({
        name: featureName(layer, f, i),
        area_m2: area,
        area_mu: mu,
        investment,
        intensity_wan_per_mu: intensity,
        belowThreshold: intensity !== null && intensity < threshold,
        status: fieldText(layer, f, 'status') ?? '',
        output: fieldNumber(layer, f, 'output') ?? null,
        tax: fieldNumber(layer, f, 'tax') ?? null,
        employees: fieldNumber(layer, f, 'employees') ?? null,
        park,
        layer: layer.id,
        feature: i,
      });
    });
  }

  const parkEntries: ParkEntry[] = parks.map((p) => {
    const inPark = enterprises.filter((e) => e.park === p.name);
    const roadLength = roadLengthInside(ctx, p.shape);
    return {
      name: p.name,
      industry: p.industry,
      area_m2: p.ownArea,
      area_mu: m2ToMu(p.ownArea),
      area_km2: m2ToKm2(p.ownArea),
      enterprises: inPark.length,
      investment: inPark.reduce((s, e) => s + (e.investment ?? 0), 0),
      roadLength_m: roadLength,
      roadDensity_km_per_km2: p.ownArea > 0 ? roadLength / 1000 / m2ToKm2(p.ownArea) : 0,
    };
  });

  const quotas: QuotaEntry[] = Object.entries(ctx.project.quotas ?? {}).map(([park, allocated]) => {
    const used = usedByPark.get(park) ?? 0;
    if (!parks.some((p) => p.name === park)) ctx.warnings.push(plainWarning('quota-park-missing', { park }));
    return {
      park,
      allocated_m2: allocated,
      used_m2: used,
      remaining_m2: allocated - used,
      share_used: allocated > 0 ? used / allocated : 0,
      allocated_mu: m2ToMu(allocated),
      used_mu: m2ToMu(used),
    };
  });
  return { enterprises, parks: parkEntries, quotas };
}
