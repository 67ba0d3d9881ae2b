// The geodesic correction of an intersection's area: Σ over the real edges of ∂(A ∩ B) of the area
// between each edge's geodesic and its lon/lat chord (see geodesic-area.ts for why). ∂(A ∩ B) is
// A's edges inside B plus B's edges inside A, each split where the other's boundary crosses it.
// Where the two boundaries run together, the edge belongs to the intersection only when both
// interiors lie on the same side (the rings share a direction); it is then counted once, from A's side.
import { pointInIndexed, segmentsNear, type SegmentIndex } from './segment-index.ts';
import { segmentIndexOf, type Shape } from './shape.ts';

// Boundaries closer than this (in workspace units: ~0.1 mm in degrees) run together.
const ON_TOLERANCE = 1e-9;

function coincidentDirection(si: SegmentIndex, mx: number, my: number, dx: number, dy: number): number {
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
    if (dist <= ON_TOLERANCE && sin <= 1e-6) return ex * dx + ey * dy > 0 ? 1 : -1;
  }
  return 0;
}

/** Where a piece of an edge lies relative to the other shape. */
type Place = 'inside' | 'outside' | 'along-same' | 'along-opposite';

/** Σ correction over the pieces of `a`'s edges whose place `keep` accepts. */
function edgesWhere(
  a: Shape,
  b: Shape,
  keep: (place: Place) => boolean,
  correction: (x1: number, y1: number, x2: number, y2: number) => number,
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
    const ts = [0, 1];
    for (const k of segmentsNear(si, minX, minY, maxX, maxY)) {
      const ax = segs[4 * k]!;
      const ay = segs[4 * k + 1]!;
      const ex = segs[4 * k + 2]! - ax;
      const ey = segs[4 * k + 3]! - ay;
      const den = dx * ey - dy * ex;
      if (den !== 0) {
        const t = ((ax - x1) * ey - (ay - y1) * ex) / den;
        const u = ((ax - x1) * dy - (ay - y1) * dx) / den;
        if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
      } else {
        // Parallel: where the edges overlap, their ends split this edge.
        const dd = dx * dx + dy * dy;
        for (const [px, py] of [
          [ax, ay],
          [ax + ex, ay + ey],
        ] as const) {
          const t = ((px - x1) * dx + (py - y1) * dy) / dd;
          if (t > 0 && t < 1) ts.push(t);
        }
      }
    }
    ts.sort((p, q) => p - q);
    for (let j = 0; j + 1 < ts.length; j++) {
      const ta = ts[j]!;
      const tb = ts[j + 1]!;
      if (tb <= ta) continue;
      const tm = (ta + tb) / 2;
      const mx = x1 + tm * dx;
      const my = y1 + tm * dy;
      const along = coincidentDirection(si, mx, my, dx, dy);
      const place: Place =
        along > 0
          ? 'along-same'
          : along < 0
            ? 'along-opposite'
            : pointInIndexed(si, mx, my, b.bbox[2])
              ? 'inside'
              : 'outside';
      if (keep(place)) sum += correction(x1 + ta * dx, y1 + ta * dy, x1 + tb * dx, y1 + tb * dy);
    }
  }
  return sum;
}

/** The geodesic correction of area(a ∩ b); 0 where the workspace's edges are straight. */
export function intersectionCorrection(
  a: Shape,
  b: Shape,
  correction: ((x1: number, y1: number, x2: number, y2: number) => number) | undefined,
): number {
  if (!correction) return 0;
  return (
    edgesWhere(a, b, (p) => p === 'inside' || p === 'along-same', correction) +
    edgesWhere(b, a, (p) => p === 'inside', correction)
  );
}

/**
 * The geodesic correction of area(a − b): a's edges outside b (or running against b's, which then
 * bound a − b), less b's edges inside a, which bound a − b the other way round.
 */
export function differenceCorrection(
  a: Shape,
  b: Shape,
  correction: ((x1: number, y1: number, x2: number, y2: number) => number) | undefined,
): number {
  if (!correction) return 0;
  return (
    edgesWhere(a, b, (p) => p === 'outside' || p === 'along-opposite', correction) -
    edgesWhere(b, a, (p) => p === 'inside', correction)
  );
}
