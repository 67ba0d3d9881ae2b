// Where the edges of a set of closed flat rings meet other than at the vertex two neighbouring edges
// share: proper crossings, touches (a vertex on another edge or on another vertex) and collinear
// overlaps. Small rings are compared pair by pair without allocating; larger sets go through a
// flatbush of edge boxes, so a 10 000-vertex boundary costs about n·log n.
import Flatbush from 'flatbush';

export type ContactKind = 'cross' | 'touch' | 'overlap';

export interface Contact {
  kind: ContactKind;
  /** ring and edge number (edge i runs from vertex i to i + 1) of both edges */
  ringA: number;
  edgeA: number;
  ringB: number;
  edgeB: number;
  /** the crossing or touching point; for an overlap, its two ends */
  x: number;
  y: number;
  x2: number;
  y2: number;
}

const orient = (ax: number, ay: number, bx: number, by: number, px: number, py: number): number =>
  (bx - ax) * (py - ay) - (by - ay) * (px - ax);

const sign = (v: number): number => (v > 0 ? 1 : v < 0 ? -1 : 0);

/** Whether p lies on the closed segment a-b, given that it is collinear with it. */
const within = (ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean =>
  Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);

/**
 * How segments a-b and c-d meet: 0 not at all, 1 crossing at an interior point of both, 2 touching
 * at one point, 3 overlapping along a stretch of positive length.
 */
export function meet(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): 0 | 1 | 2 | 3 {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return 0;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return 0;
  const d1 = sign(orient(cx, cy, dx, dy, ax, ay));
  const d2 = sign(orient(cx, cy, dx, dy, bx, by));
  if (d1 !== 0 && d1 === d2) return 0;
  const d3 = sign(orient(ax, ay, bx, by, cx, cy));
  const d4 = sign(orient(ax, ay, bx, by, dx, dy));
  if (d3 !== 0 && d3 === d4) return 0;
  if (d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return 1;
  if (d1 === 0 && d2 === 0) {
    // Collinear: the overlap of the two ranges along the longer axis.
    const useX = Math.abs(bx - ax) + Math.abs(dx - cx) >= Math.abs(by - ay) + Math.abs(dy - cy);
    const [p, q, r, s] = useX ? [ax, bx, cx, dx] : [ay, by, cy, dy];
    const lo = Math.max(Math.min(p, q), Math.min(r, s));
    const hi = Math.min(Math.max(p, q), Math.max(r, s));
    return hi > lo ? 3 : hi === lo ? 2 : 0;
  }
  return 2;
}

/** The contact record of two segments known to meet (kind from `meet`). */
function describe(
  kind: 1 | 2 | 3,
  ringA: number,
  edgeA: number,
  ringB: number,
  edgeB: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): Contact {
  const base = { ringA, edgeA, ringB, edgeB };
  if (kind === 1) {
    const d3 = orient(cx, cy, dx, dy, ax, ay);
    const d4 = orient(cx, cy, dx, dy, bx, by);
    const t = d3 / (d3 - d4);
    const x = ax + t * (bx - ax);
    const y = ay + t * (by - ay);
    return { kind: 'cross', ...base, x, y, x2: x, y2: y };
  }
  // Points of each segment lying on the other: one for a touch, the two ends of the stretch else.
  const pts: [number, number][] = [];
  const add = (px: number, py: number) => {
    if (!pts.some((p) => p[0] === px && p[1] === py)) pts.push([px, py]);
  };
  if (orient(cx, cy, dx, dy, ax, ay) === 0 && within(cx, cy, dx, dy, ax, ay)) add(ax, ay);
  if (orient(cx, cy, dx, dy, bx, by) === 0 && within(cx, cy, dx, dy, bx, by)) add(bx, by);
  if (orient(ax, ay, bx, by, cx, cy) === 0 && within(ax, ay, bx, by, cx, cy)) add(cx, cy);
  if (orient(ax, ay, bx, by, dx, dy) === 0 && within(ax, ay, bx, by, dx, dy)) add(dx, dy);
  const p: [number, number] = pts[0] ?? [ax, ay];
  const q: [number, number] = pts[1] ?? p;
  return { kind: kind === 3 ? 'overlap' : 'touch', ...base, x: p[0], y: p[1], x2: q[0], y2: q[1] };
}

/** Whether edges i and j of a ring of n edges are neighbours (share a vertex by construction). */
const neighbours = (i: number, j: number, n: number): boolean =>
  Math.abs(i - j) === 1 || (n > 2 && ((i === 0 && j === n - 1) || (j === 0 && i === n - 1)));

/**
 * A neighbouring pair only meets elsewhere than at its shared vertex when the second edge folds
 * back over the first (a spike); that is reported as an overlap.
 */
function neighbourContact(
  r: Float64Array,
  ring: number,
  i: number,
  j: number,
  n: number,
  out: Contact[],
): void {
  // Order so that edge `a` ends where edge `b` starts.
  const [a, b] = (i + 1) % n === j ? [i, j] : [j, i];
  const px = r[2 * a]!;
  const py = r[2 * a + 1]!;
  const vx = r[2 * b]!;
  const vy = r[2 * b + 1]!;
  const qx = r[2 * b + 2]!;
  const qy = r[2 * b + 3]!;
  if (orient(px, py, vx, vy, qx, qy) !== 0) return;
  if ((px - vx) * (qx - vx) + (py - vy) * (qy - vy) <= 0) return;
  // The folded stretch runs from the tip back to the nearer of p and q.
  const dp = Math.hypot(px - vx, py - vy);
  const dq = Math.hypot(qx - vx, qy - vy);
  const [ex, ey] = dp <= dq ? [px, py] : [qx, qy];
  out.push({ kind: 'overlap', ringA: ring, edgeA: a, ringB: ring, edgeB: b, x: vx, y: vy, x2: ex, y2: ey });
}

function pairContact(
  rings: readonly Float64Array[],
  ra: number,
  ea: number,
  rb: number,
  eb: number,
  out: Contact[],
): void {
  const A = rings[ra]!;
  const B = rings[rb]!;
  if (ra === rb && neighbours(ea, eb, A.length / 2 - 1)) {
    neighbourContact(A, ra, ea, eb, A.length / 2 - 1, out);
    return;
  }
  const ax = A[2 * ea]!;
  const ay = A[2 * ea + 1]!;
  const bx = A[2 * ea + 2]!;
  const by = A[2 * ea + 3]!;
  const cx = B[2 * eb]!;
  const cy = B[2 * eb + 1]!;
  const dx = B[2 * eb + 2]!;
  const dy = B[2 * eb + 3]!;
  const k = meet(ax, ay, bx, by, cx, cy, dx, dy);
  if (k !== 0) out.push(describe(k, ra, ea, rb, eb, ax, ay, bx, by, cx, cy, dx, dy));
}

const BRUTE_FORCE_EDGES = 64;

/**
 * Whether a small ring (at most BRUTE_FORCE_EDGES edges) has no contact at all: the common case of
 * a valid parcel, answered without allocating.
 */
export function smallRingIsSimple(r: Float64Array): boolean {
  const n = r.length / 2 - 1;
  if (n > BRUTE_FORCE_EDGES) return false;
  for (let i = 0; i < n; i++) {
    const ax = r[2 * i]!;
    const ay = r[2 * i + 1]!;
    const bx = r[2 * i + 2]!;
    const by = r[2 * i + 3]!;
    // The next edge must not fold back over this one (a spike).
    const j = (i + 1) % n;
    const cx = r[2 * j + 2]!;
    const cy = r[2 * j + 3]!;
    if (orient(ax, ay, bx, by, cx, cy) === 0 && (ax - bx) * (cx - bx) + (ay - by) * (cy - by) > 0)
      return false;
    const last = i === 0 ? n - 1 : n;
    for (let k = i + 2; k < last; k++) {
      const px = r[2 * k]!;
      const py = r[2 * k + 1]!;
      const qx = r[2 * k + 2]!;
      const qy = r[2 * k + 3]!;
      const d1 = orient(ax, ay, bx, by, px, py);
      const d2 = orient(ax, ay, bx, by, qx, qy);
      if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) continue;
      const d3 = orient(px, py, qx, qy, ax, ay);
      const d4 = orient(px, py, qx, qy, bx, by);
      if ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) continue;
      if (meet(ax, ay, bx, by, px, py, qx, qy) !== 0) return false;
    }
  }
  return true;
}

/**
 * Every contact among the edges of the rings (closed, no consecutive repeats). `pairs` limits the
 * comparison to edges of different groups when given (group of each ring), for checks between
 * the parts of a multipolygon.
 */
export function findContacts(rings: readonly Float64Array[], groups?: readonly number[]): Contact[] {
  const out: Contact[] = [];
  let total = 0;
  for (const r of rings) total += Math.max(0, r.length / 2 - 1);
  const skip = (ra: number, rb: number) => groups !== undefined && groups[ra] === groups[rb];
  if (total <= BRUTE_FORCE_EDGES) {
    for (let ra = 0; ra < rings.length; ra++) {
      const na = rings[ra]!.length / 2 - 1;
      for (let ea = 0; ea < na; ea++)
        for (let rb = ra; rb < rings.length; rb++) {
          if (skip(ra, rb)) continue;
          const nb = rings[rb]!.length / 2 - 1;
          for (let eb = rb === ra ? ea + 1 : 0; eb < nb; eb++) pairContact(rings, ra, ea, rb, eb, out);
        }
    }
    return out;
  }
  const ringOf = new Int32Array(total);
  const edgeOf = new Int32Array(total);
  const index = new Flatbush(total);
  let k = 0;
  rings.forEach((r, ring) => {
    for (let e = 0; e + 3 < r.length; e += 2) {
      ringOf[k] = ring;
      edgeOf[k++] = e / 2;
      const x1 = r[e]!;
      const y1 = r[e + 1]!;
      const x2 = r[e + 2]!;
      const y2 = r[e + 3]!;
      index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
    }
  });
  index.finish();
  for (let s = 0; s < total; s++) {
    const r = rings[ringOf[s]!]!;
    const e = edgeOf[s]!;
    const x1 = r[2 * e]!;
    const y1 = r[2 * e + 1]!;
    const x2 = r[2 * e + 2]!;
    const y2 = r[2 * e + 3]!;
    index.search(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2), (t) => {
      if (t > s && !skip(ringOf[s]!, ringOf[t]!))
        pairContact(rings, ringOf[s]!, e, ringOf[t]!, edgeOf[t]!, out);
      return false;
    });
  }
  return out;
}
