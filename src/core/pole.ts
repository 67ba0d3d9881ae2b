// Polygons round a pole. In lon/lat such a ring is no closed figure (it runs once round in
// longitude), so clipping and the shape's planar repairs cannot hold it; its area on the ellipsoid
// is GeographicLib's PolygonArea, which counts the pole's cap. Overlays leave such features out and
// say so (warning encloses-pole, worded in warning-text.ts); the Gauss-Kruger plane cannot hold them at all.
import { geometryCrossesAntimeridian } from './antimeridian.ts';
import { geographicLibRingArea, ringLonWinding } from './geodesic-area.ts';
import { polygonsOf, shapeOf, type Shape } from './shape.ts';
import { closedRing, FlatGeometry } from './flat-coords.ts';
import type { Geometry, Position } from './types.ts';
import type { Workspace } from './workspace.ts';

function flat(ring: Position[]): number[] {
  const out: number[] = [];
  for (const p of ring) {
    const x = p[0];
    const y = p[1];
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    out.push(x, y);
  }
  if (out.length >= 2 && (out[0] !== out[out.length - 2] || out[1] !== out[out.length - 1]))
    out.push(out[0]!, out[1]!);
  return out;
}

/** Whether a lon/lat ring goes once round a pole (its longitude steps, each under 180°, sum to ±360°). */
export function ringEnclosesPole(ring: Position[]): boolean {
  return Math.abs(ringLonWinding(flat(ring))) > Math.PI;
}

const poleCache = new WeakMap<object, boolean>();

/** Whether any ring of a polygonal geometry goes round a pole (cached per geometry object). */
export function geometryEnclosesPole(g: Geometry | null | undefined): boolean {
  if (!g) return false;
  if (g instanceof FlatGeometry && g.flat) {
    let m = g.memo('pole') as boolean | undefined;
    if (m === undefined) {
      const f = g.flat!;
      m = false;
      for (let r = 0; r < f.ends.length && !m; r++) m = Math.abs(ringLonWinding(closedRing(f, r))) > Math.PI;
      g.setMemo('pole', m);
    }
    return m;
  }
  let hit = poleCache.get(g);
  if (hit === undefined) {
    hit = polygonsOf(g).some((poly) => poly.some(ringEnclosesPole));
    poleCache.set(g, hit);
  }
  return hit;
}

/** The shape overlays use: none for a geometry round a pole or across ±180° (see featureShape's warning). */
export function overlayShapeOf(g: Geometry | null | undefined, ws: Workspace): Shape | undefined {
  return geometryEnclosesPole(g) || geometryCrossesAntimeridian(g) ? undefined : shapeOf(g, ws);
}

/**
 * Ellipsoidal area in m² of a polygonal geometry with a ring round a pole: per polygon, its outer
 * ring's area less its holes', each ring the smaller of the two regions it bounds (a ring round the
 * north pole at 80°N is the cap north of it, whichever way it runs), parts added.
 */
export function poleGeometryArea(g: Geometry | null | undefined): number {
  let total = 0;
  for (const poly of polygonsOf(g)) {
    const [outer, ...holes] = poly.map((r) => Math.abs(geographicLibRingArea(flat(r))));
    if (outer === undefined) continue;
    total += Math.max(0, outer - holes.reduce((s, h) => s + h, 0));
  }
  return total;
}

export const POLE_MESSAGE =
  '多边形环绕极点，已按椭球面(GeographicLib)计算面积；叠加统计不支持环绕极点的图形，该要素不参与叠加 (polygon goes round a pole: area measured on the ellipsoid by GeographicLib; overlays leave it out)';

export const POLE_PLANE_MESSAGE =
  '多边形环绕极点，高斯-克吕格平面无法表示，请改用椭球面积 --area ellipsoidal (polygon goes round a pole, which no Gauss-Kruger plane can hold: use --area ellipsoidal)';
