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
  warnings: ReportWarning[];
}
