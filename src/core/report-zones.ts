// Zones and their composition: the planned area and its built / development / control parts.
import { fieldValue, zoneCategory } from './fields.ts';
import { differenceArea, intersectionArea, intersectionShape } from './overlay.ts';
import type { Workspace } from './workspace.ts';
import {
  cachedUnion,
  featureName,
  featureWarning,
  featureShape,
  layersOf,
  layerWorkspace,
  makeContext,
  plainWarning,
  type ReportContext,
} from './report-context.ts';
import type { Composition, ZoneEntry } from './report-types.ts';
import type { Shape } from './shape.ts';
import type { AreaMethod, Feature, Geometry, Project, ProjectLayer, ZoneCategory } from './types.ts';
import { m2ToHa, m2ToKm2, m2ToMu } from './units.ts';

interface ZoneFeature {
  layer: ProjectLayer;
  feature: Feature;
  index: number;
  category: ZoneCategory | 'unknown';
}

function zoneFeatures(project: Project): ZoneFeature[] {
  const out: ZoneFeature[] = [];
  for (const layer of layersOf(project, 'zone')) {
    layer.features.forEach((feature, index) => {
      const category = zoneCategory(fieldValue(layer, feature, 'category')) ?? 'unknown';
      out.push({ layer, feature, index, category });
    });
  }
  return out;
}

export interface ZoneAnalysis {
  zones: ZoneEntry[];
  composition: Composition;
  /** the planned area as one shape in the report's workspace (undefined: no zone at all) */
  planned: Shape | undefined;
}

const CATEGORIES = ['built', 'development', 'control'] as const;

/** Zones and composition inside a report context (warnings go to the context). */
export function analyseZones(ctx: ReportContext): ZoneAnalysis {
  const all = zoneFeatures(ctx.project);
  const zones: ZoneEntry[] = all.map((z) => {
    const s = featureShape(ctx, z.layer, z.feature, z.index, layerWorkspace(ctx, z.layer));
    const a = Math.max(0, s?.area ?? 0);
    return {
      name: featureName(z.layer, z.feature, z.index),
      category: z.category,
      area_m2: a,
      area_mu: m2ToMu(a),
      area_km2: m2ToKm2(a),
      area_ha: m2ToHa(a),
      layer: z.layer.id,
      feature: z.index,
    };
  });

  let plannedFeatures = all.filter((z) => z.category === 'planned');
  const unknown = all.filter((z) => z.category === 'unknown');
  if (plannedFeatures.length === 0 && all.length > 0) {
    // Without a planned boundary, the zone is what the features cover: unknown ones first, else all.
    plannedFeatures = unknown.length ? unknown : all;
    ctx.warnings.push(
      plainWarning(
        'no-planned-zone',
        { fallback: unknown.length ? 'unknown' : 'all' },
        { layer: all[0]!.layer.id },
      ),
    );
  } else if (unknown.length) {
    for (const z of unknown)
      ctx.warnings.push(featureWarning(z.layer, z.feature, z.index, 'zone-category-unknown', {}));
  }

  const shapesOf = (list: ZoneFeature[]) =>
    list
      .map((z) => featureShape(ctx, z.layer, z.feature, z.index))
      .filter((s): s is Shape => s !== undefined);
  const geomsOf = (list: ZoneFeature[]) => list.map((z) => z.feature.geometry as Geometry | object);

  const planned = plannedFeatures.length
    ? cachedUnion('planned', ctx.ws, geomsOf(plannedFeatures), () => shapesOf(plannedFeatures))
    : undefined;
  if (plannedFeatures.length && !planned)
    ctx.warnings.push(plainWarning('overlay-failed', { what: 'planned' }));
  const plannedArea = Math.max(0, planned?.area ?? 0);

  const byCat: Record<(typeof CATEGORIES)[number], number> = { built: 0, development: 0, control: 0 };
  const catShapes: Shape[] = [];
  for (const cat of CATEGORIES) {
    const list = all.filter((z) => z.category === cat);
    if (!list.length) continue;
    const u = cachedUnion(cat, ctx.ws, geomsOf(list), () => shapesOf(list));
    if (u) {
      byCat[cat] = Math.max(0, u.area);
      catShapes.push(u);
    }
  }
  const partFeatures = all.filter((z) => (CATEGORIES as readonly string[]).includes(z.category));
  const parts = catShapes.length
    ? cachedUnion('parts', ctx.ws, geomsOf(partFeatures), () => catShapes)
    : undefined;
  const partsArea = Math.max(0, parts?.area ?? 0);
  const overlap = partsOverlap(zones, byCat, catShapes, partsArea, ctx.ws);

  const composition: Composition = {
    planned_m2: plannedArea,
    built_m2: byCat.built,
    development_m2: byCat.development,
    control_m2: byCat.control,
    unassigned_m2: planned && parts ? differenceArea(planned, parts, ctx.ws) : plannedArea,
    overlap_m2: overlap,
    outside_m2: parts ? (planned ? differenceArea(parts, planned, ctx.ws) : partsArea) : 0,
    planned_km2: m2ToKm2(plannedArea),
    planned_mu: m2ToMu(plannedArea),
    built_km2: m2ToKm2(byCat.built),
    development_km2: m2ToKm2(byCat.development),
    control_km2: m2ToKm2(byCat.control),
  };
  return { zones, composition, planned };
}

/**
 * Area covered by more than one part. Across categories: Σ|Aᵢ| − |∪Aᵢ| = Σ|Aᵢ∩Aⱼ| − |A∩B∩C|, while
 * the area covered twice or more is Σ|Aᵢ∩Aⱼ| − 2|A∩B∩C|, so the triple intersection is taken off
 * once more. Within a category: its features' areas beyond the category's union.
 */
function partsOverlap(
  zones: readonly ZoneEntry[],
  byCat: Record<string, number>,
  catShapes: readonly Shape[],
  partsArea: number,
  ws: Workspace,
): number {
  let cross = byCat.built! + byCat.development! + byCat.control! - partsArea;
  if (catShapes.length === 3 && cross > 0.01) {
    const ab = intersectionShape(catShapes[0]!, catShapes[1]!, ws);
    if (ab) cross -= intersectionArea(ab, catShapes[2]!, ws);
  }
  let within = 0;
  for (const cat of CATEGORIES) {
    const sum = zones.filter((z) => z.category === cat).reduce((s, z) => s + z.area_m2, 0);
    within += Math.max(0, sum - (byCat[cat] ?? 0));
  }
  return Math.max(0, cross + within);
}

/** Zones and composition alone: cheap enough to call on every edit (caches are per geometry). */
export function zoneComposition(
  project: Project,
  method: AreaMethod = project.areaMethod,
): { zones: ZoneEntry[]; composition: Composition } {
  const { zones, composition } = analyseZones(makeContext(project, method));
  return { zones, composition };
}
