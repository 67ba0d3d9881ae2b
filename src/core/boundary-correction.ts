// The geodesic correction of an overlay's area on the ellipsoid. Clipping (overlay.ts) cuts the
// shapes along lon/lat chords, which gives the area of the chord polygon A ∩ B; its boundary is made
// of pieces of A's edges inside B and B's edges inside A, cut where the chords cross. Each piece then
// adds the loop between it and its geodesic (geodesicCorrection), whose ends are where the GEODESIC
// edges cross (geodesic-crossing.ts): the sum is the area of the geodesic polygon A ∩ B, every edge a
// geodesic and every cut point on both geodesics. A piece of A's edge goes to A ∩ B or to A − B, never
// both, and B's pieces inside A bound both (once each way), so |A ∩ B| + |A − B| = |A| by
// construction: A's pieces add up to A's edges, since a geodesic split at a point on it adds up.
//
// Which pieces lie inside is decided on the chords, except where the two boundaries run along the
// same chord: there the two geodesics differ (a longer edge bows further from the chord), and the
// piece goes where its geodesic lies, on the other's inner or outer side. Only where they coincide
// (to a micrometre) is the piece counted once, from A's side, when the interiors lie the same way.
import { pointInIndexed, segmentsNear, type SegmentIndex } from './segment-index.ts';
import {
  geodesicCrossing,
  geodesicMidpoint,
  geodesicOffset,
  touchPoint,
  type LonLat,
  type NeighbourEdge,
} from './geodesic-crossing.ts';
import { segmentIndexOf, type Shape } from './shape.ts';

// Boundaries closer than this (in workspace units: ~0.1 mm in degrees) run together.
const ON_TOLERANCE = 1e-9;

/** Geodesics closer than this (metres) are one line. */
const SAME_GEODESIC_M = 1e-6;

type Correction = (
  c1x: number,
  c1y: number,
  c2x: number,
  c2y: number,
  g1x?: number,
  g1y?: number,
  g2x?: number,
  g2y?: number,
) => number;

/** The other shape's edge a piece runs along (its number and whether it runs the same way), if any. */
function alongEdge(
  si: SegmentIndex,
  mx: number,
  my: number,
  dx: number,
  dy: number,
): { k: number; dir: 1 | -1 } | undefined {
  const segs = si.segs;
  for (const k of segmentsNear(
    si,
    mx - ON_TOLERANCE,
    my - ON_TOLERANCE,
    mx + ON_TOLERANCE,
    my + ON_TOLERANCE,
  )) {
    const ax = segs[4 * k]!;
    const ay = segs[4 * k + 1]!;
    const ex = segs[4 * k + 2]! - ax;
    const ey = segs[4 * k + 3]! - ay;
    const len = Math.hypot(ex, ey);
    if (len === 0) continue;
    // distance from the midpoint to the other edge's line, and parallelism of the two edges
    const dist = Math.abs(ex * (my - ay) - ey * (mx - ax)) / len;
    const sin = Math.abs(ex * dy - ey * dx) / (len * Math.hypot(dx, dy));
    if (dist <= ON_TOLERANCE && sin <= 1e-6) return { k, dir: ex * dx + ey * dy > 0 ? 1 : -1 };
  }
  return undefined;
}

/** The edges of an indexed shape with (x, y) as an end. */
function edgesAt(si: SegmentIndex, x: number, y: number): NeighbourEdge[] {
  const segs = si.segs;
  const out: NeighbourEdge[] = [];
  for (const k of segmentsNear(si, x, y, x, y)) {
    const e = { x1: segs[4 * k]!, y1: segs[4 * k + 1]!, x2: segs[4 * k + 2]!, y2: segs[4 * k + 3]! };
    if ((e.x1 === x && e.y1 === y) || (e.x2 === x && e.y2 === y)) out.push(e);
  }
  return out;
}

/** Where a piece of an edge lies relative to the other shape. */
type Place = 'inside' | 'outside' | 'along-same' | 'along-opposite';

/** Cut points on the geodesics, shared by both passes over a pair of shapes (keyed by A's edge, B's edge). */
export type CrossingCache = Map<string, LonLat>;

interface Split {
  t: number;
  /** the other shape's edge that cuts here */
  k: number;
  /** where on that edge: 0 or 1 at its vertex (a touch), between for a crossing */
  u: number;
}

/** Σ correction over the pieces of `a`'s edges whose place `keep` accepts. */
function edgesWhere(
  a: Shape,
  b: Shape,
  keep: (place: Place) => boolean,
  correction: Correction,
  aIsFirst: boolean,
  cache: CrossingCache,
): number {
  const si = segmentIndexOf(b);
  const segs = si.segs;
  const own = segmentIndexOf(a).segs;
  // Only a difference keeps edges outside b; otherwise just a's edges near b need looking at.
  const edges = keep('outside')
    ? Array.from({ length: own.length / 4 }, (_, k) => k)
    : segmentsNear(segmentIndexOf(a), b.bbox[0], b.bbox[1], b.bbox[2], b.bbox[3]);
  let sum = 0;
  for (const e of edges) {
    const x1 = own[4 * e]!;
    const y1 = own[4 * e + 1]!;
    const x2 = own[4 * e + 2]!;
    const y2 = own[4 * e + 3]!;
    const minX = Math.min(x1, x2);
    const minY = Math.min(y1, y2);
    const maxX = Math.max(x1, x2);
    const maxY = Math.max(y1, y2);
    if (maxX < b.bbox[0] || minX > b.bbox[2] || maxY < b.bbox[1] || minY > b.bbox[3]) {
      // Wholly away from b: outside it, which only a difference keeps.
      if (keep('outside')) sum += correction(x1, y1, x2, y2);
      continue;
    }
    const dx = x2 - x1;
    const dy = y2 - y1;
    const splits: Split[] = [];
    for (const k of segmentsNear(si, minX, minY, maxX, maxY)) {
      const ax = segs[4 * k]!;
      const ay = segs[4 * k + 1]!;
      const ex = segs[4 * k + 2]! - ax;
      const ey = segs[4 * k + 3]! - ay;
      const den = dx * ey - dy * ex;
      if (den !== 0) {
        const t = ((ax - x1) * ey - (ay - y1) * ex) / den;
        const u = ((ax - x1) * dy - (ay - y1) * dx) / den;
        if (t > 0 && t < 1 && u >= 0 && u <= 1) splits.push({ t, k, u });
      } else {
        // Parallel: where the edges overlap, their ends split this edge.
        const dd = dx * dx + dy * dy;
        for (const [px, py, u] of [
          [ax, ay, 0],
          [ax + ex, ay + ey, 1],
        ] as const) {
          const t = ((px - x1) * dx + (py - y1) * dy) / dd;
          if (t > 0 && t < 1) splits.push({ t, k, u });
        }
      }
    }
    if (splits.length === 0) {
      const place = placeOf(si, b, x1, y1, x2, y2, (x1 + x2) / 2, (y1 + y2) / 2, x1, y1, x2, y2);
      if (keep(place)) sum += correction(x1, y1, x2, y2);
      continue;
    }
    splits.sort((p, q) => p.t - q.t);
    // The cut point on the geodesics of each split (this edge's own vertices at the ends).
    const geoAt = (sp: Split): LonLat => {
      const ax = segs[4 * sp.k]!;
      const ay = segs[4 * sp.k + 1]!;
      const bx = segs[4 * sp.k + 2]!;
      const by = segs[4 * sp.k + 3]!;
      if (sp.u === 0 || sp.u === 1) {
        // The other's vertex on this edge's chord: where its boundary meets this edge's geodesic.
        const vx = sp.u === 0 ? ax : bx;
        const vy = sp.u === 0 ? ay : by;
        const key = `${aIsFirst ? 'a' : 'b'}${e}:${vx},${vy}`;
        let g = cache.get(key);
        if (!g) {
          g = touchPoint(x1, y1, x2, y2, vx, vy, sp.t, edgesAt(si, vx, vy));
          cache.set(key, g);
        }
        return g;
      }
      const key = aIsFirst ? `${e}:${sp.k}` : `${sp.k}:${e}`;
      let g = cache.get(key);
      if (!g) {
        // Always solved from A's edge, so that both passes share one point.
        g = aIsFirst
          ? geodesicCrossing(x1, y1, x2, y2, ax, ay, bx, by, sp.t, sp.u)
          : geodesicCrossing(ax, ay, bx, by, x1, y1, x2, y2, sp.u, sp.t);
        cache.set(key, g);
      }
      return g;
    };
    let ta = 0;
    let ca: LonLat = [x1, y1];
    let ga: LonLat = [x1, y1];
    for (let j = 0; j <= splits.length; j++) {
      const sp = splits[j];
      const tb = sp ? sp.t : 1;
      if (tb <= ta) continue;
      const cb: LonLat = sp ? [x1 + tb * dx, y1 + tb * dy] : [x2, y2];
      const gb: LonLat = sp ? geoAt(sp) : [x2, y2];
      const tm = (ta + tb) / 2;
      const place = placeOf(si, b, x1, y1, x2, y2, x1 + tm * dx, y1 + tm * dy, ga[0], ga[1], gb[0], gb[1]);
      if (keep(place)) sum += correction(ca[0], ca[1], cb[0], cb[1], ga[0], ga[1], gb[0], gb[1]);
      ta = tb;
      ca = cb;
      ga = gb;
    }
  }
  return sum;
}

/**
 * Where the piece of the edge (x1,y1)→(x2,y2) with chord midpoint (mx,my) and geodesic ends g1, g2
 * lies relative to shape b (indexed by si).
 */
function placeOf(
  si: SegmentIndex,
  b: Shape,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  mx: number,
  my: number,
  g1x: number,
  g1y: number,
  g2x: number,
  g2y: number,
): Place {
  const along = alongEdge(si, mx, my, x2 - x1, y2 - y1);
  if (!along) return pointInIndexed(si, mx, my, b.bbox[2]) ? 'inside' : 'outside';
  const segs = si.segs;
  const k = along.k;
  const kx1 = segs[4 * k]!;
  const ky1 = segs[4 * k + 1]!;
  const kx2 = segs[4 * k + 2]!;
  const ky2 = segs[4 * k + 3]!;
  const same = along.dir > 0 ? 'along-same' : 'along-opposite';
  // A shared edge (the usual case: parcels cut from one another) is one geodesic.
  if (
    (kx1 === x1 && ky1 === y1 && kx2 === x2 && ky2 === y2) ||
    (kx1 === x2 && ky1 === y2 && kx2 === x1 && ky2 === y1)
  )
    return same;
  // b's interior lies left of each of its edges (outer rings counter-clockwise, holes clockwise).
  const m = geodesicMidpoint(g1x, g1y, g2x, g2y);
  const off = geodesicOffset(kx1, ky1, kx2, ky2, m[0], m[1]);
  if (Math.abs(off) > SAME_GEODESIC_M) return off > 0 ? 'inside' : 'outside';
  return same;
}

/** The geodesic correction of area(a ∩ b); 0 where the workspace's edges are straight. */
export function intersectionCorrection(a: Shape, b: Shape, correction: Correction | undefined): number {
  if (!correction) return 0;
  const cache: CrossingCache = new Map();
  return (
    edgesWhere(a, b, (p) => p === 'inside' || p === 'along-same', correction, true, cache) +
    edgesWhere(b, a, (p) => p === 'inside', correction, false, cache)
  );
}

/**
 * The geodesic correction of area(a − b): a's edges outside b (or running against b's, which then
 * bound a − b), less b's edges inside a, which bound a − b the other way round.
 */
export function differenceCorrection(a: Shape, b: Shape, correction: Correction | undefined): number {
  if (!correction) return 0;
  const cache: CrossingCache = new Map();
  return (
    edgesWhere(a, b, (p) => p === 'outside' || p === 'along-opposite', correction, true, cache) -
    edgesWhere(b, a, (p) => p === 'inside', correction, false, cache)
  );
}
