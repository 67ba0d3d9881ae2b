// Shared core types. Geometry inside a loaded project is always geographic (lon, lat in degrees,
// CGCS2000 ≈ WGS84); each layer remembers the CRS it came in so plane areas can use it.
import type { Feature, FeatureCollection, Geometry, Polygon, MultiPolygon, Position } from 'geojson';
import type { Presentation } from './presentation.ts';

export type { Feature, FeatureCollection, Geometry, Polygon, MultiPolygon, Position };

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
}

export interface Project {
  name: string;
  crs: string;
  areaMethod: AreaMethod;
  layers: ProjectLayer[];
  settings: ProjectSettings;
  /** construction-land quota per park name, m² (allocated) */
  quotas?: Record<string, number>;
  /** the slides of a presentation (contract §7) */
  presentation?: Presentation;
  /** everything else the manifest carried, kept so saving loses nothing */
  extra?: Record<string, unknown>;
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
