// Partitions of a polygon into pieces of given areas by parallel cuts, and the strips of a larger box
// between the same cuts: a village's strip meets the zone in exactly the piece of land it gives up.
import type { Frame } from './frame.ts';
import type { Pt } from './geo.ts';
import { ringArea } from './shapes.ts';

/** The part of `ring` with x (axis 0) or y (axis 1) between lo and hi (Sutherland-Hodgman). */
export function clipSlab(ring: readonly Pt[], axis: 0 | 1, lo: number, hi: number): Pt[] {
  return clipHalf(clipHalf(ring, axis, lo, true), axis, hi, false);
}

function clipHalf(ring: readonly Pt[], axis: 0 | 1, c: number, keepAbove: boolean): Pt[] {
  const inside = (p: Pt) => (keepAbove ? p[axis] >= c : p[axis] <= c);
  const out: Pt[] = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const ia = inside(a);
    const ib = inside(b);
    if (ia) out.push(a);
    if (ia !== ib) {
      const t = (c - a[axis]) / (b[axis] - a[axis]);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

function extent(ring: readonly Pt[], axis: 0 | 1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of ring) {
    lo = Math.min(lo, p[axis]);
    hi = Math.max(hi, p[axis]);
  }
  return [lo, hi];
}

/**
 * Cut positions along `axis`, starting at `from` (default the ring's low end), such that the slabs
 * between successive cuts hold `areas` (m², ellipsoidal as written). Bisection, 60 rounds: the
 * piece's area is monotone in the cut position.
 */
export function cutsForAreas(
  ring: readonly Pt[],
  axis: 0 | 1,
  areas: readonly number[],
  frame: Frame,
  from?: number,
): number[] {
  const [lo, hi] = extent(ring, axis);
  const start = from ?? lo;
  const cuts = [start];
  let sum = 0;
  for (const a of areas) {
    sum += a;
    let l = cuts[cuts.length - 1]!;
    let h = hi;
    for (let it = 0; it < 60; it++) {
      const m = (l + h) / 2;
      const got = ringArea(clipSlab(ring, axis, start, m), frame);
      if (got < sum) l = m;
      else h = m;
    }
    cuts.push((l + h) / 2);
  }
  return cuts;
}

/** The rectangle between two cuts along `axis`, spanning [o0, o1] on the other axis (counter-clockwise). */
export function strip(axis: 0 | 1, c0: number, c1: number, o0: number, o1: number): Pt[] {
  return axis === 0
    ? [
        [c0, o0],
        [c1, o0],
        [c1, o1],
        [c0, o1],
      ]
    : [
        [o1, c0],
        [o1, c1],
        [o0, c1],
        [o0, c0],
      ];
}
