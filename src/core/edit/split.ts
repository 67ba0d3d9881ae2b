// Splitting a polygon along a drawn line, and reshaping its outline with one. Both walk the outer
// ring between the two places where the line crosses it, so the pieces share the crossing points
// exactly (the same numbers) and together cover the polygon with no sliver: a boolean difference
// with a buffered line, the other usual way, would leave a gap as wide as the buffer.
// Coordinates are lon/lat; lines are straight in them, as every edge of the data is.
import type { Position } from '../types.ts';
import { pointInFlatRing } from '../validity/index.ts';
import { closeRing, openRing, samePos } from './ring-diff.ts';

export type LineEditFailure = 'line-misses' | 'line-crosses-hole';

export type SplitResult = { ok: true; pieces: Position[][][] } | { ok: false; reason: LineEditFailure };

interface Crossing {
  /** where along the line: segment index + fraction */
  s: number;
  /** where along the ring: edge index + fraction */
  r: number;
  p: Position;
}

function flat(ring: readonly Position[]): Float64Array {
  const out = new Float64Array(ring.length * 2);
  ring.forEach((p, i) => {
    out[2 * i] = p[0]!;
    out[2 * i + 1] = p[1]!;
  });
  return out;
}

/** Where the line crosses or touches the ring (open), ordered along the line, repeats dropped. */
function crossings(line: readonly Position[], ring: readonly Position[]): Crossing[] {
  const out: Crossing[] = [];
  const n = ring.length;
  for (let j = 0; j + 1 < line.length; j++) {
    const [x1, y1] = line[j]! as [number, number];
    const [x2, y2] = line[j + 1]! as [number, number];
    const dx = x2 - x1;
    const dy = y2 - y1;
    for (let i = 0; i < n; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % n]!;
      const ex = b[0]! - a[0]!;
      const ey = b[1]! - a[1]!;
      const den = dx * ey - dy * ex;
      if (den === 0) continue;
      const t = ((a[0]! - x1) * ey - (a[1]! - y1) * ex) / den;
      const u = ((a[0]! - x1) * dy - (a[1]! - y1) * dx) / den;
      if (t < 0 || t > 1 || u < 0 || u > 1) continue;
      // a crossing at a ring vertex is that vertex, not a point a rounding away from it
      const p: Position = u === 0 ? a : u === 1 ? b : [a[0]! + u * ex, a[1]! + u * ey];
      out.push({ s: j + t, r: u === 1 ? (i + 1) % n : i + u, p });
    }
  }
  out.sort((a, b) => a.s - b.s);
  return out.filter((c, k) => k === 0 || !samePos(c.p, out[k - 1]!.p));
}

/** The line's vertices strictly between two places along it. */
function lineBetween(line: readonly Position[], s1: number, s2: number): Position[] {
  const out: Position[] = [];
  for (let k = Math.floor(s1) + 1; k <= s2 && k < line.length; k++) if (k > s1 && k < s2) out.push(line[k]!);
  return out;
}

/** The ring's vertices met walking forward from place r1 to place r2 (edge index + fraction). */
function ringBetween(ring: readonly Position[], r1: number, r2: number): Position[] {
  const n = ring.length;
  const out: Position[] = [];
  let k = Math.floor(r1) + 1;
  const steps = r2 > r1 ? Math.floor(r2) - Math.floor(r1) : n - Math.floor(r1) + Math.floor(r2);
  for (let m = 0; m < steps; m++, k++) out.push(ring[k % n]!);
  // a start exactly at a vertex is the crossing point itself
  return out;
}

function clean(open: Position[]): Position[] {
  const out = open.filter((p, i) => i === 0 || !samePos(p, open[i - 1]!));
  while (out.length > 1 && samePos(out[0]!, out[out.length - 1]!)) out.pop();
  return out;
}

function midpointAlong(line: readonly Position[], s1: number, s2: number): Position {
  const s = (s1 + s2) / 2;
  const j = Math.min(Math.floor(s), line.length - 2);
  const t = s - j;
  const a = line[j]!;
  const b = line[j + 1]!;
  return [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
}

/** The two outer rings (open) that a line from c1 to c2 inside the polygon cuts the ring into. */
function cutRing(
  ring: Position[],
  line: readonly Position[],
  c1: Crossing,
  c2: Crossing,
): [Position[], Position[]] {
  const inner = lineBetween(line, c1.s, c2.s);
  const a = clean([c1.p, ...ringBetween(ring, c1.r, c2.r), c2.p, ...[...inner].reverse()]);
  const b = clean([c2.p, ...ringBetween(ring, c2.r, c1.r), c1.p, ...inner]);
  return [a, b];
}

function holesCrossed(line: readonly Position[], holes: readonly Position[][]): boolean {
  return holes.some((h) => crossings(line, openRing(h)).length > 0);
}

function assignHoles(shells: Position[][], holes: Position[][]): Position[][][] {
  const polys: Position[][][] = shells.map((s) => [closeRing(s)]);
  for (const h of holes) {
    const p = h[0]!;
    const i = shells.findIndex((s) => pointInFlatRing(flat(closeRing(s)), p[0]!, p[1]!));
    if (i >= 0) polys[i]!.push(h);
  }
  return polys;
}

/**
 * A polygon (outer ring first, then holes) split along a line that crosses its outer ring: every
 * stretch of the line inside the polygon cuts it once. Refused when the line does not cut it or
 * crosses a hole (the planner then splits on either side of the hole).
 */
export function splitPolygon(polygon: readonly Position[][], line: readonly Position[]): SplitResult {
  const holes = polygon.slice(1);
  if (holesCrossed(line, holes)) return { ok: false, reason: 'line-crosses-hole' };
  let shells: Position[][] = [openRing(polygon[0]!)];
  let cut = false;
  // Each inside stretch of the line splits the shell that holds it.
  for (let again = true; again;) {
    again = false;
    for (let k = 0; k < shells.length && !again; k++) {
      const ring = shells[k]!;
      const cs = crossings(line, ring);
      for (let m = 0; m + 1 < cs.length; m++) {
        const mid = midpointAlong(line, cs[m]!.s, cs[m + 1]!.s);
        if (!pointInFlatRing(flat(closeRing(ring)), mid[0]!, mid[1]!)) continue;
        const [a, b] = cutRing(ring, line, cs[m]!, cs[m + 1]!);
        if (a.length < 3 || b.length < 3) continue;
        shells = [...shells.slice(0, k), a, b, ...shells.slice(k + 1)];
        cut = again = true;
        break;
      }
    }
  }
  if (!cut) return { ok: false, reason: 'line-misses' };
  return { ok: true, pieces: assignHoles(shells, holes) };
}

/** Signed area of an open ring in the plane of its coordinates (for choosing, not for measuring). */
function planarArea(open: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i < open.length; i++) {
    const a = open[i]!;
    const b = open[(i + 1) % open.length]!;
    s += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return s / 2;
}

/**
 * A polygon's outline redrawn along a line that starts and ends on (or across) its outer ring:
 * the stretch of the ring between the line's first and last crossing is replaced by the line, and
 * of the two outlines this gives the larger is kept (as QGIS's reshape does), so the line can add
 * land outside the polygon or take land inside it.
 */
export function reshapePolygon(polygon: readonly Position[][], line: readonly Position[]): SplitResult {
  const holes = polygon.slice(1);
  if (holesCrossed(line, holes)) return { ok: false, reason: 'line-crosses-hole' };
  const ring = openRing(polygon[0]!);
  const cs = crossings(line, ring);
  if (cs.length < 2) return { ok: false, reason: 'line-misses' };
  const [a, b] = cutRing(ring, line, cs[0]!, cs[cs.length - 1]!);
  if (a.length < 3 || b.length < 3) return { ok: false, reason: 'line-misses' };
  const keep = Math.abs(planarArea(a)) >= Math.abs(planarArea(b)) ? a : b;
  const polys = assignHoles([keep], holes);
  return { ok: true, pieces: polys };
}
