// Where a ring crosses or touches itself. Segments are swept in order of their smallest x so only
// segments whose x-ranges overlap are compared: near n·log n for the rings real data has.
import type { Position } from 'geojson';

export interface Crossing {
  /** indexes of the two segments (segment i runs from ring[i] to ring[i+1]) */
  a: number;
  b: number;
  at: [number, number];
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

const onSegment = (ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean =>
  Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);

/** The point two segments share, or undefined. Collinear overlaps give one shared point. */
export function segmentIntersection(
  p1: Position,
  p2: Position,
  p3: Position,
  p4: Position,
): [number, number] | undefined {
  const [x1, y1] = p1 as [number, number];
  const [x2, y2] = p2 as [number, number];
  const [x3, y3] = p3 as [number, number];
  const [x4, y4] = p4 as [number, number];
  const d1 = orient(x3, y3, x4, y4, x1, y1);
  const d2 = orient(x3, y3, x4, y4, x2, y2);
  const d3 = orient(x1, y1, x2, y2, x3, y3);
  const d4 = orient(x1, y1, x2, y2, x4, y4);
  if (d1 !== d2 && d3 !== d4 && d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) {
    const den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
    const t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den;
    return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
  }
  if (d1 === 0 && onSegment(x3, y3, x4, y4, x1, y1)) return [x1, y1];
  if (d2 === 0 && onSegment(x3, y3, x4, y4, x2, y2)) return [x2, y2];
  if (d3 === 0 && onSegment(x1, y1, x2, y2, x3, y3)) return [x3, y3];
  if (d4 === 0 && onSegment(x1, y1, x2, y2, x4, y4)) return [x4, y4];
  return undefined;
}

const samePoint = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

/**
 * Self-crossings and self-touches of a closed ring (first = last), ignoring the shared end of
 * neighbouring segments and zero-length segments. Stops after `limit` findings.
 */
export function ringCrossings(ring: readonly Position[], limit = Infinity): Crossing[] {
  const n = ring.length - 1;
  const out: Crossing[] = [];
  if (n < 3) return out;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!samePoint(ring[i]!, ring[i + 1]!)) order.push(i);
  const minX = (i: number): number => Math.min(ring[i]![0]!, ring[i + 1]![0]!);
  const maxX = (i: number): number => Math.max(ring[i]![0]!, ring[i + 1]![0]!);
  order.sort((a, b) => minX(a) - minX(b));
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const right = maxX(i);
    for (let m = k + 1; m < order.length; m++) {
      const j = order[m]!;
      if (minX(j) > right) break;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      const p = segmentIntersection(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!);
      if (!p) continue;
      // Neighbours always share their common vertex; that is not a crossing.
      const neighbours = hi - lo === 1 || (lo === 0 && hi === n - 1);
      if (neighbours) {
        const shared = hi - lo === 1 ? ring[hi]! : ring[0]!;
        if (p[0] === shared[0] && p[1] === shared[1]) {
          // Only a collinear fold-back (a spike) makes neighbours meet elsewhere too.
          const a = ring[lo === 0 && hi === n - 1 ? n - 1 : lo]!;
          const c = ring[lo === 0 && hi === n - 1 ? 1 : hi + 1]!;
          const back =
            orient(a[0]!, a[1]!, shared[0]!, shared[1]!, c[0]!, c[1]!) === 0 &&
            (c[0]! - shared[0]!) * (a[0]! - shared[0]!) + (c[1]! - shared[1]!) * (a[1]! - shared[1]!) > 0;
          if (!back) continue;
        }
      }
      out.push({ a: lo, b: hi, at: p });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
