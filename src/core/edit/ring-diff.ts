// What one vertex edit did to a ring: the ring before and after, compared. The map's editor reports
// a whole new geometry after a drag; the topology step (topology.ts) needs the vertex that moved,
// was inserted or was deleted, to do the same to every part that shares it.
import type { Position } from '../types.ts';

export type RingEdit =
  | { kind: 'move'; from: Position; to: Position }
  /** `p` inserted between the neighbours `a` and `b` (an edge of the ring before) */
  | { kind: 'insert'; a: Position; b: Position; p: Position }
  | { kind: 'delete'; v: Position };

export const samePos = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

/** The ring's vertices without the closing repeat. */
export function openRing(ring: readonly Position[]): Position[] {
  const n = ring.length;
  return n > 1 && samePos(ring[0]!, ring[n - 1]!) ? ring.slice(0, -1) : ring.slice();
}

export function closeRing(open: readonly Position[]): Position[] {
  return open.length ? [...open, open[0]!] : [];
}

/**
 * Positions within `tolerance` degrees of a position of `before` are given that position exactly:
 * an editor that rounds coordinates (terra-draw keeps 9 decimals) must not shift the vertices the
 * user did not touch.
 */
export function restoreExact(
  ring: readonly Position[],
  before: readonly Position[],
  tolerance = 1e-9,
): Position[] {
  return ring.map((p) => {
    for (const q of before)
      if (Math.abs(p[0]! - q[0]!) <= tolerance && Math.abs(p[1]! - q[1]!) <= tolerance) return q;
    return p;
  });
}

/** The one vertex edit that turns `before` into `after` (closed rings), or null when it is none. */
export function diffRing(before: readonly Position[], after: readonly Position[]): RingEdit | null {
  const a = openRing(before);
  const b = openRing(after);
  const n = a.length;
  if (b.length === n) {
    // the first vertex may be the one moved: compare cyclically from the same start
    const changed: number[] = [];
    for (let i = 0; i < n; i++) if (!samePos(a[i]!, b[i]!)) changed.push(i);
    if (changed.length === 1) return { kind: 'move', from: a[changed[0]!]!, to: b[changed[0]!]! };
    return null;
  }
  if (b.length === n + 1) {
    // find where b has one more: the vertices before and after it match a in order (cyclically)
    for (let k = 0; k <= n; k++) {
      let ok = true;
      for (let i = 0; i < n && ok; i++) ok = samePos(a[i]!, b[i < k ? i : i + 1]!);
      if (ok) return { kind: 'insert', a: a[(k - 1 + n) % n]!, b: a[k % n]!, p: b[k]! };
    }
    return null;
  }
  if (b.length === n - 1) {
    for (let k = 0; k < n; k++) {
      let ok = true;
      for (let i = 0; i < n - 1 && ok; i++) ok = samePos(b[i]!, a[i < k ? i : i + 1]!);
      if (ok) return { kind: 'delete', v: a[k]! };
    }
  }
  return null;
}
