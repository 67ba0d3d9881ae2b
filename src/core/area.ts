// Areas and lengths of GeoJSON geometries (lon/lat) by an area method (contract §3): ellipsoidal on
// CGCS2000, or in a Gauss-Kruger plane. Turf's spherical area is offered for comparison only.
import {
  ANTIMERIDIAN_MESSAGE,
  ANTIMERIDIAN_PLANE_MESSAGE,
  geometryCrossesAntimeridian,
  unwrappedPolygons,
} from './antimeridian.ts';
import { geodesicDistance } from './geodesic-area.ts';
import { lonLatCentre, nearestGk3Crs } from './plane.ts';
import { geometryEnclosesPole, POLE_MESSAGE, POLE_PLANE_MESSAGE, poleGeometryArea } from './pole.ts';
import { buildShape, polygonsOf, shapeOf, type ShapeProblem } from './shape.ts';
import type { AreaMethod, Geometry, Position } from './types.ts';
import { sphericalArea } from './spherical-area.ts';
import { workspaceFor, type Workspace } from './workspace.ts';

export interface AreaContext {
  /** the plane CRS for `plane`; default: the CGCS2000 3-degree zone nearest the geometry's centre */
  planeCrs?: string;
  /**
   * The Gauss-Kruger CRS the geometry was drawn in, when it was: validity is judged and repairs are
   * made in that plane (as validate and GEOS judge the file's own coordinates); an ellipsoidal area
   * then measures the repaired rings with geodesic edges.
   */
  drawnIn?: string;
}

function workspace(method: AreaMethod, ctx: AreaContext, geom: () => Geometry | null | undefined): Workspace {
  if (method === 'ellipsoidal') return workspaceFor('ellipsoidal');
  let crs = ctx.planeCrs;
  if (!crs) {
    const g = geom();
    const c = g ? lonLatCentre([{ type: 'Feature', geometry: g, properties: null }]) : undefined;
    crs = nearestGk3Crs(c ? c[0] : 114);
  }
  return workspaceFor('plane', crs);
}

/** Area in m² of one ring (lon/lat positions), whatever its orientation. */
export function ringArea(ring: Position[], method: AreaMethod, ctx: AreaContext = {}): number {
  const ws = workspace(method, ctx, () => ({ type: 'Polygon', coordinates: [ring] }));
  const shape = buildShape([[ring]], ws);
  return Math.abs(shape.area);
}

/**
 * Area in m² of a polygonal geometry (holes subtract; self-crossing rings measured as repaired, see
 * geometryAreaWithProblems). Non-polygonal geometries measure 0.
 */
export function geometryArea(
  geom: Geometry | null | undefined,
  method: AreaMethod,
  ctx: AreaContext = {},
): number {
  return geometryAreaWithProblems(geom, method, ctx).area;
}

/** A repair an area needed (a warning), or why it could not be measured (`error`). */
export interface AreaProblem {
  code: ShapeProblem['code'] | 'encloses-pole' | 'crosses-antimeridian';
  message: string;
  /** words for warning-text.ts */
  params?: ShapeProblem['params'];
  at?: [number, number];
  /** the area could not be measured: it is given as 0 and the command fails */
  error?: boolean;
}

/** Area plus the repairs it needed (self-intersection and the like), for warnings. */
export function geometryAreaWithProblems(
  geom: Geometry | null | undefined,
  method: AreaMethod,
  ctx: AreaContext = {},
): { area: number; problems: AreaProblem[] } {
  if (!geom) return { area: 0, problems: [] };
  if (geometryEnclosesPole(geom)) {
    return method === 'ellipsoidal'
      ? { area: poleGeometryArea(geom), problems: [{ code: 'encloses-pole', message: POLE_MESSAGE }] }
      : { area: 0, problems: [{ code: 'encloses-pole', message: POLE_PLANE_MESSAGE, error: true }] };
  }
  if (geometryCrossesAntimeridian(geom)) {
    if (method === 'plane')
      return {
        area: 0,
        problems: [{ code: 'crosses-antimeridian', message: ANTIMERIDIAN_PLANE_MESSAGE, error: true }],
      };
    const r = measured(unwrappedPolygons(geom), method, ctx);
    return {
      area: r.area,
      problems: [
        { code: 'crosses-antimeridian', message: ANTIMERIDIAN_MESSAGE },
        // Places back in −180…180.
        ...r.problems.map((p) =>
          p.at && p.at[0] > 180 ? { ...p, at: [p.at[0] - 360, p.at[1]] as [number, number] } : p,
        ),
      ],
    };
  }
  if (ctx.drawnIn && !(method === 'plane' && ctx.planeCrs === ctx.drawnIn)) {
    const drawn = workspaceFor('plane', ctx.drawnIn);
    const shape = shapeOf(geom, drawn);
    const problems: AreaProblem[] = shape
      ? shape.problems
      : measured(geom, 'plane', { planeCrs: ctx.drawnIn }).problems;
    if (!shape) return { area: 0, problems };
    // Valid as drawn and as measured (the common case): measured as it is, without going back.
    if (problems.length === 0) {
      const direct = measured(geom, method, ctx);
      if (direct.problems.length === 0) return direct;
    }
    const ws = workspace(method, ctx, () => geom);
    let area = 0;
    for (const r of shape.allRings) {
      const ring = new Float64Array(r.length);
      for (let i = 0; i < r.length; i += 2) {
        const q = drawn.toLonLat!([r[i]!, r[i + 1]!]);
        const w = ws.toWork ? ws.toWork(q) : q;
        ring[i] = w[0]!;
        ring[i + 1] = w[1]!;
      }
      area += ws.ringArea(ring);
    }
    return { area: Math.max(0, area), problems };
  }
  return measured(geom, method, ctx);
}

function measured(
  geom: Geometry,
  method: AreaMethod,
  ctx: AreaContext,
): { area: number; problems: AreaProblem[] } {
  const ws = workspace(method, ctx, () => geom);
  const shape = shapeOf(geom, ws);
  if (shape) return { area: Math.max(0, shape.area), problems: shape.problems };
  // Nothing left to measure (a ring that is all spike): still say why.
  const polygons = polygonsOf(geom);
  return { area: 0, problems: polygons.length ? buildShape(polygons, ws).problems : [] };
}

export { sphericalArea };

/** Every ring and line of a geometry as a list of positions (points have none). */
export function linesOf(g: Geometry | null | undefined): Position[][] {
  if (!g) return [];
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    case 'GeometryCollection':
      return g.geometries.flatMap(linesOf);
    default:
      return [];
  }
}

/** Flat workspace coordinates of a polyline, non-finite positions dropped. */
export function flatLine(line: Position[], ws: Workspace): Float64Array {
  const out: number[] = [];
  for (const p of line) {
    const q = ws.toWork ? ws.toWork(p) : p;
    if (Number.isFinite(q[0]) && Number.isFinite(q[1])) out.push(q[0]!, q[1]!);
  }
  return Float64Array.from(out);
}

/**
 * Length in metres of a linear geometry (a polygon's rings count as its perimeter): the sum of
 * geodesics on CGCS2000 (ellipsoidal) or of straight segments in the plane.
 */
export function geometryLength(
  geom: Geometry | null | undefined,
  method: AreaMethod,
  ctx: AreaContext = {},
): number {
  const ws = workspace(method, ctx, () => geom);
  let total = 0;
  for (const line of linesOf(geom)) {
    const f = flatLine(line, ws);
    for (let i = 0; i + 3 < f.length; i += 2) {
      total +=
        ws.method === 'ellipsoidal'
          ? geodesicDistance(f[i]!, f[i + 1]!, f[i + 2]!, f[i + 3]!)
          : ws.segmentLength(f[i]!, f[i + 1]!, f[i + 2]!, f[i + 3]!);
    }
  }
  return total;
}
