// Merging two parts and cutting a hole: boolean operations of core's polyclip wrapper (the same
// one the analyses use, retried on a grid when polyclip fails), not Turf.
import { safeClip, type PcMultiPolygon } from '../polyclip-safe.ts';
import { polygonsOf } from '../polygons.ts';
import type { Geometry, MultiPolygon, Polygon, Position } from '../types.ts';

export type BooleanEditFailure = 'not-polygonal' | 'overlay-failed' | 'nothing-left';

export type BooleanEditResult =
  { ok: true; geometry: Polygon | MultiPolygon } | { ok: false; reason: BooleanEditFailure };

// grids a failed polyclip try is repeated on, in degrees (1e-10° ≈ 0.01 mm, 1e-8° ≈ 1 mm)
const GRID = [1e-10, 1e-8] as const;

function toPc(g: Geometry): PcMultiPolygon {
  return polygonsOf(g).map((p) => p.map((r) => r.map((q) => [q[0]!, q[1]!] as [number, number])));
}

function fromPc(mp: PcMultiPolygon): Polygon | MultiPolygon | null {
  const polys = mp.map((p) => p.map((r) => r.map(([x, y]) => [x, y] as Position)));
  if (polys.length === 0) return null;
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0]! }
    : { type: 'MultiPolygon', coordinates: polys };
}

function polygonal(g: Geometry | null): g is Polygon | MultiPolygon {
  return !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');
}

/** Two parts as one: their union (a MultiPolygon when they do not meet). */
export function mergeParts(a: Geometry | null, b: Geometry | null): BooleanEditResult {
  if (!polygonal(a) || !polygonal(b)) return { ok: false, reason: 'not-polygonal' };
  const mp = safeClip('union', [toPc(a), toPc(b)], GRID);
  if (!mp) return { ok: false, reason: 'overlay-failed' };
  const g = fromPc(mp);
  return g ? { ok: true, geometry: g } : { ok: false, reason: 'nothing-left' };
}

/** A part with the drawn outline taken out: a hole when it lies inside, a notch when it crosses. */
export function cutHole(part: Geometry | null, hole: Position[]): BooleanEditResult {
  if (!polygonal(part)) return { ok: false, reason: 'not-polygonal' };
  const cutter: Polygon = { type: 'Polygon', coordinates: [hole] };
  const mp = safeClip('difference', [toPc(part), toPc(cutter)], GRID);
  if (!mp) return { ok: false, reason: 'overlay-failed' };
  const g = fromPc(mp);
  return g ? { ok: true, geometry: g } : { ok: false, reason: 'nothing-left' };
}
