// The report (contract §3) with the extra unit fields and the summary a dashboard needs.
import type { AreaMethod, ZoneCategory } from './types.ts';
import type { RelocationStatus } from './fields.ts';
import type { WarningParams } from './warning-text.ts';

export interface ReportWarning {
  code: string;
  layer?: string;
  feature?: number;
  name?: string;
  /** the Chinese words (contract §3); the page words the warning from `code` and `params` */
  message: string;
  /** what the catalogue (warning-text.ts) needs to word the warning in any language */
  params?: WarningParams;
  at?: [number, number];
}

export interface ZoneEntry {
  name: string;
  category: ZoneCategory | 'unknown';
  area_m2: number;
  area_mu: number;
  area_km2: number;
  area_ha: number;
  layer: string;
  feature: number;
}

export interface Composition {
  planned_m2: number;
  built_m2: number;
  development_m2: number;
  control_m2: number;
  /** planned area covered by no built/development/control part */
  unassigned_m2: number;
  /** area counted in more than one category (the overlap where no point lies in three parts) */
  overlap_m2: number;
  /** parts lying outside the planned area */
  outside_m2: number;
  planned_km2: number;
  planned_mu: number;
  built_km2: number;
  development_km2: number;
  control_km2: number;
}

export interface LandUseEntry {
  class: string;
  name: string;
  area_m2: number;
  share: number;
  area_mu: number;
  area_km2: number;
  area_ha: number;
  parcels: number;
}

export interface PlanEntry {
  layer: string;
  kind: string;
  classes: LandUseEntry[];
}

export interface AdminEntry {
  layer: string;
  kind: string;
  name: string;
  code: string;
  overlap_m2: number;
  overlap_mu: number;
  share_of_zone: number;
  share_of_unit: number;
  unit_area_m2: number;
}

export interface VillageEntry {
  name: string;
  overlap_m2: number;
  overlap_mu: number;
  relocation: RelocationStatus;
  population?: number;
  households?: number;
  layer: string;
  feature: number;
}

/** A constraint layer: `overlap_m2` for farmland and red line, `outside_m2` for the urban boundary. */
export interface ConstraintEntry {
  kind: string;
  layer: string;
  overlap_m2?: number;
  overlap_mu?: number;
  outside_m2?: number;
  outside_mu?: number;
  share_of_zone: number;
}

export interface RoadEntry {
  class: string;
  status: string;
  length_m: number;
  length_km: number;
}

export interface EnterpriseEntry {
  name: string;
  area_m2: number;
  area_mu: number;
  investment: number | null;
  intensity_wan_per_mu: number | null;
  belowThreshold: boolean;
  status: string;
  output: number | null;
  tax: number | null;
  employees: number | null;
  park: string | null;
  layer: string;
  feature: number;
}

export interface QuotaEntry {
  park: string;
  allocated_m2: number;
  used_m2: number;
  remaining_m2: number;
  share_used: number;
  allocated_mu: number;
  used_mu: number;
}

export interface ParkEntry {
  name: string;
  industry: string;
  area_m2: number;
  area_mu: number;
  area_km2: number;
  enterprises: number;
  investment: number;
  /** road length inside the park, and per km² of it (the density of each core's road grid) */
  roadLength_m: number;
  roadDensity_km_per_km2: number;
}

export interface Totals {
  planned_m2: number;
  planned_km2: number;
  planned_mu: number;
  enterprises: number;
  enterprisesByStatus: Record<string, number>;
  investment_wan: number;
  output_wan: number;
  tax_wan: number;
  employees: number;
  enterpriseArea_m2: number;
  averageIntensity_wan_per_mu: number | null;
  belowThreshold: number;
  intensityThreshold_wan_per_mu: number;
  roadLength_m: number;
  villages: number;
  villagesToRelocate: number;
  populationAffected: number;
  landUseCovered_m2: number;
}

/**
 * One piece of land where two plans disagree, or a plan's construction land meets a 三区三线 line
 * (contract §6). Inside the planned area, one connected piece per pair of classes and village.
 */
export interface ConflictEntry {
  /** stable id from the place (conflict-id.ts, docs/conflicts.md) */
  id: string;
  /** plan kinds (`industry-plan`…); planB is a constraint kind for a 三区三线 conflict */
  planA: string;
  planB: string;
  /** layer ids of the two sides */
  layerA: string;
  layerB: string;
  /** the classes: the data's codes (a constraint's kind, or `outside-urban-boundary`) */
  classA: string;
  classB: string;
  /** the classes' names in Chinese */
  nameA: string;
  nameB: string;
  /** the compatibility rule that made it a conflict (compatibility.ts or the project's own) */
  rule: string;
  /** in the report's area method */
  area_m2: number;
  area_mu: number;
  /** in both area methods */
  ellipsoidal_m2: number;
  plane_m2: number;
  township: string;
  village: string;
  /** below the project's sliver tolerance (default 1 亩): listed apart */
  sliver: boolean;
  /** a point inside it (lon/lat), for a label or to zoom to */
  at: [number, number];
  /** its box, lon/lat [west, south, east, north] */
  bbox: [number, number, number, number];
  /** its polygons, when the report was asked for them (ReportOptions.conflictGeometry) */
  geometry?: ConflictWithGeometry['geometry'];
}

/** A conflict with its polygons (lon/lat), from conflictFeatures (src/core/conflict-features.ts). */
export interface ConflictWithGeometry extends ConflictEntry {
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** Conflicts totalled by pair of plans (contract §6); slivers apart. */
export interface ConflictPairTotal {
  planA: string;
  planB: string;
  layerA: string;
  layerB: string;
  count: number;
  area_m2: number;
  area_mu: number;
  slivers: number;
  sliver_m2: number;
}

export interface ConflictTownshipTotal {
  township: string;
  count: number;
  area_m2: number;
  area_mu: number;
  slivers: number;
  sliver_m2: number;
}

export interface ConflictSummary {
  count: number;
  area_m2: number;
  area_mu: number;
  slivers: number;
  sliver_m2: number;
  sliverTolerance_mu: number;
  /** pieces dropped as rounding noise: narrower than 5 cm on average (two boundaries drawn as one) */
  noiseDropped: number;
  /** the project's own compatibility rules in force (ids), before the defaults */
  projectRules: string[];
}

export interface Report {
  areaMethod: AreaMethod;
  /** the Gauss-Kruger CRS overlays were measured in (plane method) */
  planeCrs?: string;
  zones: ZoneEntry[];
  composition: Composition;
  landUse: LandUseEntry[];
  plans: PlanEntry[];
  admin: AdminEntry[];
  villages: VillageEntry[];
  constraints: ConstraintEntry[];
  roads: RoadEntry[];
  roadDensity_km_per_km2: number;
  enterprises: EnterpriseEntry[];
  parks: ParkEntry[];
  quotas: QuotaEntry[];
  totals: Totals;
  /** contract §6: largest first, slivers after the rest */
  conflicts: ConflictEntry[];
  conflictTotals: ConflictPairTotal[];
  conflictsByTownship: ConflictTownshipTotal[];
  conflictSummary: ConflictSummary;
  warnings: ReportWarning[];
}
