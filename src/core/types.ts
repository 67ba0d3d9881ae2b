// Shared core types. Geometry inside a loaded project is always geographic (lon, lat in degrees,
// CGCS2000 ≈ WGS84); each layer remembers the CRS it came in so plane areas can use it.
import type { Feature, FeatureCollection, Geometry, Polygon, MultiPolygon, Position } from 'geojson';
import type { Presentation } from './presentation.ts';

export type { Feature, FeatureCollection, Geometry, Polygon, MultiPolygon, Position };
import type { Resolutions } from './conflict-resolutions.ts';

export type AreaMethod = 'ellipsoidal' | 'plane';

export type LayerRole =
  'zone' | 'park' | 'road' | 'village' | 'admin' | 'landuse' | 'constraint' | 'plan' | 'enterprise';

export const LAYER_ROLES: readonly LayerRole[] = [
  'zone',
  'park',
  'road',
  'village',
  'admin',
  'landuse',
  'constraint',
  'plan',
  'enterprise',
];

export type ZoneCategory = 'planned' | 'built' | 'development' | 'control';

export interface ProjectLayer {
  id: string;
  /** the planner's name for the layer (renamed in the app); the file name is shown without it */
  name?: string;
  role: LayerRole;
  /** admin: county|township|village; constraint: basic-farmland|ecological-redline|urban-boundary; plan: industry-plan|land-use-plan|urban-plan */
  kind?: string;
  /** file name as given in the manifest */
  file: string;
  /** the CRS the layer's file was in (EPSG code or proj4 string); geometry here is already lon/lat */
  crs: string;
  /** canonical field -> the file's own property name, resolved at load */
  fields: Record<string, string>;
  features: Feature[];
}

export interface ProjectSettings {
  /** 投资强度 threshold in 万元/亩; enterprises below it are flagged */
  intensityThreshold_wan_per_mu: number;
  /** three-plan review: conflicts below this many 亩 are slivers (default 1) */
  sliverTolerance_mu?: number;
  /** three-plan review: the project's compatibility rules, tried before the defaults (docs/conflicts.md) */
  compatibility?: unknown;
}

export interface Project {
  name: string;
  crs: string;
  areaMethod: AreaMethod;
  layers: ProjectLayer[];
  settings: ProjectSettings;
  /** construction-land quota per park name, m² (allocated) */
  quotas?: Record<string, number>;
  /** the three-plan review's decisions, by conflict location id (conflict-resolutions.ts) */
  resolutions?: Resolutions;
  /** the slides of a presentation (contract §7) */
  presentation?: Presentation;
  /** everything else the manifest carried, kept so saving loses nothing */
  extra?: Record<string, unknown>;
  /** the scenarios (方案, contract §5) the planner keeps; see core/scenarios.ts */
  scenarios?: ProjectScenarios;
}

/** One scenario: its own versions of some layers, each with the id of the layer it stands for. */
export interface ProjectScenario {
  id: string;
  name: string;
  note: string;
  /**
   * Its versions of the scenario layers (`ProjectScenarios.layerIds`). The active scenario's are
   * the project's own layers and it stores none; an inactive one without a layer has the base's.
   */
  layers: ProjectLayer[];
}

export interface ProjectScenarios {
  /** the scenario the project's layers are now, the one edits go to ('base' is the base project) */
  active: string;
  /** ids of the layers that differ between scenarios (the zone boundaries, usually) */
  layerIds: string[];
  /** every scenario, the base (id 'base') first */
  list: ProjectScenario[];
}

export interface Problem {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  file?: string;
  layer?: string;
  feature?: number;
  name?: string;
  at?: [number, number];
}
