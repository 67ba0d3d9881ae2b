// Polygons across the 180° meridian. In lon/lat such a ring jumps from +180 to −180, so as plane
// coordinates it is the wide complement of itself and its area came out 0. Shifting the western
// longitudes by 360° makes it one continuous figure; ellipsoidal areas depend on longitude
// differences only, so it is measured (and repaired) as it is. Overlays, whose other layers are in
// −180…180, leave it out and say so (warning crosses-antimeridian); no CGCS2000 Gauss-Kruger zone
// holds it, so the plane method refuses it.
import { ringLonWinding } from './geodesic-area.ts';
import { polygonsOf } from './shape.ts';
import { FlatGeometry, type FlatCoords } from './flat-coords.ts';
import type { Geometry, Position } from './types.ts';

/** Whether a lon/lat ring (positions) steps across ±180° without going round a pole. */
export function ringCrossesAntimeridian(ring: readonly Position[]): boolean {
  let jumps = false;
  const flat: number[] = [];
  for (let i = 0; i < ring.length; i++) {
    const x = ring[i]![0]!;
    const y = ring[i]![1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (flat.length >= 2 && Math.abs(x - flat[flat.length - 2]!) > 180) jumps = true;
    flat.push(x, y);
  }
  if (!jumps) return false;
  if (flat[0] !== flat[flat.length - 2] || flat[1] !== flat[flat.length - 1]) flat.push(flat[0]!, flat[1]!);
  return Math.abs(ringLonWinding(flat)) <= Math.PI;
}

/** ringCrossesAntimeridian on ring r of flat coordinates, step for step. */
function flatRingCrosses(f: FlatCoords, r: number): boolean {
  const xy = f.xy;
  const start = r === 0 ? 0 : f.ends[r - 1]!;
  const end = f.ends[r]!;
  let jumps = false;
  let last = NaN;
  for (let v = start; v < end; v++) {
    const x = xy[2 * v]!;
    if (!Number.isFinite(x) || !Number.isFinite(xy[2 * v + 1]!)) continue;
    if (Math.abs(x - last) > 180) jumps = true;
    last = x;
  }
  if (!jumps) return false;
  return ringCrossesAntimeridian(
    Array.from({ length: end - start }, (_, k) => [xy[2 * (start + k)]!, xy[2 * (start + k) + 1]!]),
  );
}

const cache = new WeakMap<object, boolean>();

/** Whether any ring of a polygonal geometry crosses ±180° (cached per geometry object). */
export function geometryCrossesAntimeridian(g: Geometry | null | undefined): boolean {
  if (!g) return false;
  if (g instanceof FlatGeometry && g.flat) {
    let m = g.memo('antimeridian') as boolean | undefined;
    if (m === undefined) {
      const f = g.flat!;
      m = false;
      for (let r = 0; r < f.ends.length && !m; r++) m = flatRingCrosses(f, r);
      g.setMemo('antimeridian', m);
    }
    return m;
  }
  let hit = cache.get(g);
  if (hit === undefined) {
    hit = polygonsOf(g).some((poly) => poly.some(ringCrossesAntimeridian));
    cache.set(g, hit);
  }
  return hit;
}

/** Longitude x as seen from east of 180°: western longitudes shifted by 360°. */
export const eastOfAntimeridian = (x: number): number => (x < 0 ? x + 360 : x);

/** The polygons of a geometry with western longitudes shifted by 360° (one continuous figure). */
export function unwrappedPolygons(g: Geometry | null | undefined): Geometry {
  const coordinates = polygonsOf(g).map((poly) =>
    poly.map((ring) => ring.map((p) => [eastOfAntimeridian(p[0]!), ...p.slice(1)])),
  );
  return { type: 'MultiPolygon', coordinates };
}

export const ANTIMERIDIAN_MESSAGE =
  '多边形跨越 180° 经线，已按连续的经度在椭球面上计算面积；叠加统计不支持跨越 180° 经线的图形，该要素不参与叠加；可在 180° 处拆分为两部分 (polygon crosses the 180° meridian: area measured on the ellipsoid with continuous longitudes; overlays leave it out; split it at 180°)';

export const ANTIMERIDIAN_PLANE_MESSAGE =
  '多边形跨越 180° 经线，高斯-克吕格平面无法表示，请改用椭球面积 --area ellipsoidal (polygon crosses the 180° meridian, which no CGCS2000 Gauss-Kruger zone holds: use --area ellipsoidal)';
