// The report of contract §3: every figure of a project, from one function, so the command line, the
// page, the worker and the tests agree by construction.
import { ANALYSES } from './analyses.ts';
import { makeContext } from './report-context.ts';
import { DEFAULT_INTENSITY_THRESHOLD } from './intensity.ts';
import type { Report, Totals } from './report-types.ts';
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
  // Each analysis of the registry (src/core/analyses.ts) in turn; the zones analysis, first, sets
  // the planned area the others measure against.
  const parts: Partial<Report> = {};
  for (const a of ANALYSES) Object.assign(parts, a.run(ctx, ctx.planned));
  const { zones, composition, landUse, plans, admin, villages, constraints, roads, roadDensity_km_per_km2 } =
    parts as Report;
  const { enterprises, parks, quotas, conflicts, conflictTotals, conflictsByTownship, conflictSummary } =
    parts as Report;
  return {
    areaMethod: method,
    ...(method === 'plane' && ctx.ws.planeCrs ? { planeCrs: ctx.ws.planeCrs } : {}),
    zones,
    composition,
    landUse,
    plans,
    admin,
    villages,
    constraints,
    roads,
    roadDensity_km_per_km2,
    enterprises,
    parks,
    quotas,
    totals: reportTotals(parts as Report, project),
    conflicts,
    conflictTotals,
    conflictsByTownship,
    conflictSummary,
    // keys of analyses added later, after those of the contract
    ...parts,
    warnings: ctx.warnings,
  };
}

/** The figures a dashboard shows at a glance, from the analyses' results. */
function reportTotals(r: Report, project: Project): Totals {
  const { composition, enterprises, roads, villages, landUse } = r;
  const roadLength = roads.reduce((s, x) => s + x.length_m, 0);
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
  return {
    planned_m2: composition.planned_m2,
    planned_km2: m2ToKm2(composition.planned_m2),
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
}
