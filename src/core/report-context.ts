// What every analysis of a report shares: the workspace overlays are measured in, the planned area
// as one shape, per-layer workspaces for a layer's own areas, and the warnings collected on the way.
import { fieldText } from './fields.ts';
import { intersectionArea, unionShapes, type OverlayNote } from './overlay.ts';
import { layerPlaneCrs, lonLatBox, nearestGk3Crs } from './plane.ts';
import { geometryCrossesAntimeridian } from './antimeridian.ts';
import { geometryEnclosesPole } from './pole.ts';
import { shapeFromPc, shapeOf, type Shape } from './shape.ts';
import type { AreaMethod, Feature, Project, ProjectLayer } from './types.ts';
import type { ReportWarning } from './report-types.ts';
import { warningText, type WarningParams } from './warning-text.ts';
import { workspaceFor, type Workspace } from './workspace.ts';

export interface ReportContext {
  project: Project;
  method: AreaMethod;
  /** overlays are measured here */
  ws: Workspace;
  /** the project's fallback plane (nearest 3-degree zone to the project's centre) */
  projectPlane: string;
  warnings: ReportWarning[];
  warned: Set<string>;
  /** conflicts carry their polygons (ReportOptions.conflictGeometry) */
  conflictGeometry?: boolean;
  /** the planned area as one shape, once the zones analysis (the registry's first) has run */
  planned?: Shape;
}

export function layersOf(project: Project, role: ProjectLayer['role']): ProjectLayer[] {
  return project.layers.filter((l) => l.role === role);
}

const centreCache = new WeakMap<ProjectLayer[], string>();
// Each layer's box once: an edit of one layer then costs the union of a few boxes, not a walk over
// every position of the project (100 000 parcels: ≈ 50 ms an edit).
const layerBoxes = new WeakMap<readonly Feature[], [number, number, number, number] | null>();

function layerBox(features: readonly Feature[]): [number, number, number, number] | null {
  let b = layerBoxes.get(features);
  if (b === undefined) {
    b = lonLatBox(features) ?? null;
    layerBoxes.set(features, b);
  }
  return b;
}

/** The CGCS2000 3-degree zone nearest the centre of every layer's features (contract §3). */
export function projectPlaneCrs(project: Project): string {
  const hit = centreCache.get(project.layers);
  if (hit) return hit;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const l of project.layers) {
    const b = layerBox(l.features);
    if (!b) continue;
    minX = Math.min(minX, b[0]);
    maxX = Math.max(maxX, b[2]);
  }
  const crs = nearestGk3Crs(minX <= maxX ? (minX + maxX) / 2 : 114);
  centreCache.set(project.layers, crs);
  return crs;
}

/** The workspace a layer's own feature areas are measured in. */
export function layerWorkspace(
  ctx: Pick<ReportContext, 'method' | 'projectPlane'>,
  layer: ProjectLayer,
): Workspace {
  return ctx.method === 'ellipsoidal'
    ? workspaceFor('ellipsoidal')
    : workspaceFor('plane', layerPlaneCrs(layer.crs, ctx.projectPlane));
}

export function makeContext(project: Project, method: AreaMethod): ReportContext {
  const projectPlane = projectPlaneCrs(project);
  const zoneLayer = layersOf(project, 'zone')[0];
  const ws =
    method === 'ellipsoidal'
      ? workspaceFor('ellipsoidal')
      : workspaceFor('plane', layerPlaneCrs(zoneLayer?.crs, projectPlane));
  return { project, method, ws, projectPlane, warnings: [], warned: new Set() };
}

export function featureName(layer: ProjectLayer, f: Feature, index: number): string {
  return fieldText(layer, f, 'name') ?? `#${index}`;
}

/** A warning about one feature, worded by the catalogue (its Chinese words are `message`). */
export function featureWarning(
  layer: ProjectLayer,
  f: Feature,
  index: number,
  code: string,
  params: WarningParams,
  extra: Pick<ReportWarning, 'at'> = {},
): ReportWarning {
  const own = fieldText(layer, f, 'name');
  const w: ReportWarning = {
    code,
    layer: layer.id,
    feature: index,
    name: featureName(layer, f, index),
    params: { ...params, ...(own ? { name: own } : {}) },
    message: '',
    ...extra,
  };
  w.message = warningText(w, 'zh');
  return w;
}

/** A warning not tied to one feature, worded by the catalogue. */
export function plainWarning(
  code: string,
  params: WarningParams,
  where: Pick<ReportWarning, 'layer'> = {},
): ReportWarning {
  const w: ReportWarning = { code, ...where, params, message: '' };
  w.message = warningText(w, 'zh');
  return w;
}

/** A feature's shape in a workspace, reporting its repairs once per feature as warnings. */
export function featureShape(
  ctx: ReportContext,
  layer: ProjectLayer,
  f: Feature,
  index: number,
  ws: Workspace = ctx.ws,
): Shape | undefined {
  const leftOut = geometryEnclosesPole(f.geometry)
    ? 'encloses-pole'
    : geometryCrossesAntimeridian(f.geometry)
      ? 'crosses-antimeridian'
      : undefined;
  if (leftOut) {
    const key = `${layer.id}\u0000${index}\u0000${leftOut}`;
    if (!ctx.warned.has(key)) {
      ctx.warned.add(key);
      ctx.warnings.push(featureWarning(layer, f, index, leftOut, {}));
    }
    return undefined;
  }
  const s = shapeOf(f.geometry, ws);
  if (s && s.problems.length) {
    for (const p of s.problems) {
      const key = `${layer.id}\u0000${index}\u0000${p.code}`;
      if (ctx.warned.has(key)) continue;
      ctx.warned.add(key);
      ctx.warnings.push(
        featureWarning(layer, f, index, p.code, { ...(p.params ?? {}) }, p.at ? { at: p.at } : {}),
      );
    }
  }
  return s;
}

/**
 * The one "overlap with the planned area" of a feature: its shape (repairs reported), the area it
 * shares with the planned shape, and the overlay's notes as warnings. Undefined when it has no shape
 * or no planned area; area 0 when they do not meet.
 */
export function plannedOverlap(
  ctx: ReportContext,
  layer: ProjectLayer,
  f: Feature,
  index: number,
  planned: Shape | undefined,
): { shape: Shape; area: number } | undefined {
  const shape = featureShape(ctx, layer, f, index);
  if (!shape || !planned) return undefined;
  const notes: OverlayNote[] = [];
  const area = intersectionArea(shape, planned, ctx.ws, notes);
  if (notes.length) overlayWarnings(ctx, layer, index, f, notes);
  return { shape, area };
}

export function overlayWarnings(
  ctx: ReportContext,
  layer: ProjectLayer,
  index: number,
  f: Feature,
  notes: OverlayNote[],
): void {
  for (const n of notes) {
    ctx.warnings.push(featureWarning(layer, f, index, n.code, {}));
  }
  notes.length = 0;
}

// Unions are cached by the identity of the geometries they were made of, so an edit elsewhere
// leaves them be. A few entries per (purpose, workspace), most recent first: switching between two
// scenarios, or undoing an edit, finds the union of the version it comes back to.
const UNION_ENTRIES = 8;
const unionCache = new Map<string, { geoms: readonly object[]; shape: Shape | undefined }[]>();

export function cachedUnion(
  purpose: string,
  ws: Workspace,
  geoms: readonly object[],
  shapes: () => Shape[],
): Shape | undefined {
  const key = `${purpose}\u0000${ws.key}`;
  const list = unionCache.get(key) ?? [];
  const at = list.findIndex(
    (e) => e.geoms.length === geoms.length && e.geoms.every((g, i) => g === geoms[i]),
  );
  if (at >= 0) {
    const hit = list[at]!;
    if (at > 0) unionCache.set(key, [hit, ...list.filter((_, i) => i !== at)]);
    return hit.shape;
  }
  const parts = shapes();
  const shape = parts.length === 0 ? shapeFromPc([], ws) : unionShapes(parts, ws);
  unionCache.set(key, [{ geoms, shape }, ...list].slice(0, UNION_ENTRIES));
  return shape;
}
