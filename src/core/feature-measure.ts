// The measure of one feature as the inspector shows it: area for polygons, length for lines, by
// the project's area method and in the same plane the report would use for its layer.
import { geometryArea, geometryLength } from './area.ts';
import { layerPlaneCrs } from './plane.ts';
import { projectPlaneCrs } from './report-context.ts';
import { polygonsOf } from './shape.ts';
import type { AreaMethod, Feature, Project, ProjectLayer } from './types.ts';

export interface FeatureMeasure {
  method: AreaMethod;
  area_m2?: number;
  length_m?: number;
  /** the Gauss-Kruger CRS of a plane measure */
  planeCrs?: string;
}

export function featureMeasure(
  project: Project,
  layer: ProjectLayer,
  feature: Feature,
  method: AreaMethod,
): FeatureMeasure {
  const g = feature.geometry;
  const planeCrs = method === 'plane' ? layerPlaneCrs(layer.crs, projectPlaneCrs(project)) : undefined;
  const ctx = planeCrs ? { planeCrs } : {};
  const out: FeatureMeasure = { method, ...(planeCrs ? { planeCrs } : {}) };
  if (polygonsOf(g).length > 0) out.area_m2 = geometryArea(g, method, ctx);
  else if (g && (g.type === 'LineString' || g.type === 'MultiLineString'))
    out.length_m = geometryLength(g, method, ctx);
  return out;
}
