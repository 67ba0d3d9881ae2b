// The report of contract §3: every figure of a project, from one function, so the command line, the
// page, the worker and the tests agree by construction.
import { analyseAdmin, analyseVillages } from './report-admin.ts';
import { ANALYSES } from './analyses.ts';
import { makeContext } from './report-context.ts';
import { DEFAULT_INTENSITY_THRESHOLD } from './intensity.ts';
import { analyseEnterprises } from './report-enterprises.ts';
import { analyseLandUse, analysePlans } from './report-landuse.ts';
import { analyseRoads } from './report-roads.ts';
import type { Report, Totals } from './report-types.ts';
import { analyseZones } from './report-zones.ts';
import type { AreaMethod, Project } from './types.ts';
import { m2ToKm2, m2ToMu } from './units.ts';

export type * from './report-types.ts';
export { zoneComposition } from './report-zones.ts';

export interface ReportOptions {
  areaMethod?: AreaMethod;
  /** each conflict with its polygons (the app's review draws them; the CLI's JSON stays without) */
  conflictGeometry?: boolean;
}

export function buildReport(project: Project, opts: ReportOptions = {}): Report {
  const method = opts.areaMethod ?? project.areaMethod ?? 'ellipsoidal';
  const ctx = makeContext(project, method);
  if (opts.conflictGeometry) ctx.conflictGeometry = true;
  const { zones, composition, planned } = analyseZones(ctx);
  const landUse = analyseLandUse(ctx, planned);
  const plans = analysePlans(ctx, planned);
  const admin = analyseAdmin(ctx, planned);
  const villages = analyseVillages(ctx, planned);
  // The registry's analyses (src/core/analyses.ts) run here, where 三区三线 always ran.
  const registered = Object.assign({}, ...ANALYSES.map((a) => a.run(ctx, planned))) as Pick<
    Report,
    'constraints' | 'conflicts' | 'conflictTotals' | 'conflictsByTownship' | 'conflictSummary'
  >;
  const roads = analyseRoads(ctx, planned);
  const { enterprises, parks, quotas } = analyseEnterprises(ctx);

  const plannedKm2 = m2ToKm2(composition.planned_m2);
  const roadLength = roads.reduce((s, r) => s + r.length_m, 0);
  const threshold = project.settings?.intensityThreshold_wan_per_mu ?? DEFAULT_INTENSITY_THRESHOLD;
  const byStatus: Record<string, number> = {};
  for (const e of enterprises) {
    const k = e.status || '未填';
    byStatus[k] = (byStatus[k] ?? 0) + 1;
  }
  const sum = (f: (e: (typeof enterprises)[number]) => number | null) =>
    enterprises.reduce((s, e) => s + (f(e) ?? 0), 0);
  const withIntensity = enterprises.filter((e) => e.intensity_wan_per_mu !== null);
  const intensityArea = withIntensity.reduce((s, e) => s + e.area_mu, 0);
  const totals: Totals = {
    planned_m2: composition.planned_m2,
    planned_km2: plannedKm2,
    planned_mu: m2ToMu(composition.planned_m2),
    enterprises: enterprises.length,
    enterprisesByStatus: byStatus,
    investment_wan: sum((e) => e.investment),
    output_wan: sum((e) => e.output),
    tax_wan: sum((e) => e.tax),
    employees: sum((e) => e.employees),
    enterpriseArea_m2: sum((e) => e.area_m2),
    // Area-weighted: total investment of the plots that have one over their total area.
    averageIntensity_wan_per_mu:
      intensityArea > 0 ? withIntensity.reduce((s, e) => s + (e.investment ?? 0), 0) / intensityArea : null,
    belowThreshold: enterprises.filter((e) => e.belowThreshold).length,
    intensityThreshold_wan_per_mu: threshold,
    roadLength_m: roadLength,
    villages: villages.length,
    villagesToRelocate: villages.filter((v) => v.relocation !== 'none').length,
    populationAffected: villages.reduce((s, v) => s + (v.population ?? 0), 0),
    landUseCovered_m2: landUse.reduce((s, l) => s + l.area_m2, 0),
  };

  return {
    areaMethod: method,
    ...(method === 'plane' && ctx.ws.planeCrs ? { planeCrs: ctx.ws.planeCrs } : {}),
    zones,
    composition,
    landUse,
    plans,
    admin,
    villages,
    constraints: registered.constraints,
    roads,
    roadDensity_km_per_km2: plannedKm2 > 0 ? roadLength / 1000 / plannedKm2 : 0,
    enterprises,
    parks,
    quotas,
    totals,
    conflicts: registered.conflicts,
    conflictTotals: registered.conflictTotals,
    conflictsByTownship: registered.conflictsByTownship,
    conflictSummary: registered.conflictSummary,
    warnings: ctx.warnings,
  };
}
