// Points where geodesic edges meet, for overlays on the ellipsoid: the crossing of two geodesic
// edges, the foot of a point on a geodesic edge, and which side of a geodesic a point lies on.
//
// The crossing follows the idea of Karney's intersection method ("Algorithms for geodesics", 2013,
// §8, and GeographicLib's Intersect): solve locally in a plane where both geodesics are nearly
// straight, move to the new point along the geodesics themselves, and repeat. Here the plane is the
// tangent plane at the current point of the first edge (Newton's method on the two distances along
// the edges): each step leaves an error of order d²/R, so from the chord crossing (metres away on
// 20 km edges) it reaches a nanometre in two or three steps. GeographicLib's JavaScript package has
// no Intersect or Gnomonic class, so the iteration is written here on its Geodesic and GeodesicLine.
import { cgcs2000, CGCS2000_A, CGCS2000_F } from './ellipsoid.ts';
import { workCount } from './work-count.ts';

/** Stop when the two points are this close, in metres. */
const CONVERGED_M = 1e-9;
const MAX_STEPS = 12;
/** A Newton step below this (metres) has converged: it leaves an error of order step²/R < 1e-9 m. */
const SETTLED_STEP_M = 0.05;
const DEG = Math.PI / 180;

export type LonLat = readonly [number, number];

export interface Line {
  Position(s12: number): { lat2?: number; lon2?: number; azi2?: number };
  s13?: number;
}

// Lines of recent edges: one zone edge is crossed by many parcels in a row. Cleared when full.
const lines = new Map<string, { line: Line; length: number }>();
const MAX_LINES = 4096;

function lineOf(x1: number, y1: number, x2: number, y2: number): { line: Line; length: number } {
  // A short edge's series costs less than the key that would find it again.
  if (isShortEdge(x1, y1, x2, y2)) {
    const line = new ShortGeodesic(x1, y1, x2, y2);
    return { line, length: line.s13 };
  }
  const key = `${x1},${y1},${x2},${y2}`;
  let hit = lines.get(key);
  if (!hit) {
    const line = cgcs2000.InverseLine(y1, x1, y2, x2) as unknown as Line;
    hit = { line, length: line.s13 ?? 0 };
    if (lines.size >= MAX_LINES) lines.clear();
    lines.set(key, hit);
  }
  return hit;
}

// Crossings solved, by their two edges (each written from its lower end): the parcels on either
// side of a shared edge ask for the same crossing with the zone's edge, one with the edge each way,
// and each crossing costs a few GeographicLib solutions. Cleared when full.
// Keyed by a hash of the eight numbers (their bits), each entry holding them to be compared: a text
// key of eight numbers cost more than most crossings' solution once the edges are series.
interface CrossingEntry {
  k: Float64Array;
  g: LonLat;
}
const crossings = new Map<number, CrossingEntry | CrossingEntry[]>();
let crossingCount = 0;
const MAX_CROSSINGS = 1 << 15;
const keyScratch = new Float64Array(8);
const keyBits = new Int32Array(keyScratch.buffer);

/** A hash of the eight numbers in keyScratch, from their bits. */
function crossingHash(): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 16; i++) h = Math.imul(h ^ keyBits[i]!, 0x01000193);
  return h;
}

function sameKey(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < 8; i++) if (a[i] !== b[i]) return false;
  return true;
}

function findCrossing(h: number): LonLat | undefined {
  const e = crossings.get(h);
  if (!e) return undefined;
  if (!Array.isArray(e)) return sameKey(e.k, keyScratch) ? e.g : undefined;
  for (const x of e) if (sameKey(x.k, keyScratch)) return x.g;
  return undefined;
}

function keepCrossing(h: number, g: LonLat): void {
  if (crossingCount >= MAX_CROSSINGS) {
    crossings.clear();
    crossingCount = 0;
  }
  const entry = { k: keyScratch.slice(), g };
  const e = crossings.get(h);
  if (!e) crossings.set(h, entry);
  else if (Array.isArray(e)) e.push(entry);
  else crossings.set(h, [e, entry]);
  crossingCount++;
}

/** Whether (ax, ay) comes before (bx, by): by x, then y. */
function lower(ax: number, ay: number, bx: number, by: number): boolean {
  return ax < bx || (ax === bx && ay < by);
}

/**
 * Where the geodesic edges (x1,y1)→(x2,y2) and (x3,y3)→(x4,y4) cross, near their chord crossing at
 * fractions t and u of each. The point lies on the first edge's geodesic; the second's passes within
 * a nanometre of it. It depends on the two edges only, not on the way either runs: each is taken
 * from its lower end and the iteration starts from the chord crossing of the edges so taken (t and
 * u serve where the chords are parallel), so that the same crossing asked for again, from either
 * side, is the same point and is solved once.
 */
export function geodesicCrossing(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
  t: number,
  u: number,
): LonLat {
  if (lower(x2, y2, x1, y1)) {
    const sx = x1;
    const sy = y1;
    x1 = x2;
    y1 = y2;
    x2 = sx;
    y2 = sy;
    t = 1 - t;
  }
  if (lower(x4, y4, x3, y3)) {
    const sx = x3;
    const sy = y3;
    x3 = x4;
    y3 = y4;
    x4 = sx;
    y4 = sy;
    u = 1 - u;
  }
  const k = keyScratch;
  k[0] = x1;
  k[1] = y1;
  k[2] = x2;
  k[3] = y2;
  k[4] = x3;
  k[5] = y3;
  k[6] = x4;
  k[7] = y4;
  const h = crossingHash();
  const hit = findCrossing(h);
  if (hit) return hit;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const ex = x4 - x3;
  const ey = y4 - y3;
  const den = dx * ey - dy * ex;
  if (den !== 0) {
    t = ((x3 - x1) * ey - (y3 - y1) * ex) / den;
    u = ((x3 - x1) * dy - (y3 - y1) * dx) / den;
  }
  workCount.crossings++;
  const c = crossingOnLines(x1, y1, x2, y2, x3, y3, x4, y4, t, u);
  const g: LonLat = [c[0], c[1]];
  keepCrossing(h, g);
  return g;
}

/** geodesicCrossing, with the fraction of the second edge at which it lies (outside [0, 1]: beyond it). */
function crossingOnLines(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
  t: number,
  u: number,
): [number, number, number] {
  return crossingOfEdges(lineOf(x1, y1, x2, y2), lineOf(x3, y3, x4, y4), x1, y1, x2, y2, t, u);
}

const E2 = CGCS2000_F * (2 - CGCS2000_F);

/** Longest side (degrees of latitude, or of longitude times cos φ) of an edge ShortGeodesic takes. */
export const SHORT_GEODESIC_MAX_DEG = 0.003;
/** ShortGeodesic's latitude limit: its terms grow with tan φ. */
const SHORT_GEODESIC_MAX_LAT = 70;

/** Whether the edge (x1,y1)→(x2,y2) is short enough for ShortGeodesic (≈ 330 m). */
export function isShortEdge(x1: number, y1: number, x2: number, y2: number): boolean {
  return (
    Math.abs(y2 - y1) <= SHORT_GEODESIC_MAX_DEG &&
    Math.abs(x2 - x1) * Math.cos(y1 * DEG) <= SHORT_GEODESIC_MAX_DEG &&
    Math.abs(y1) <= SHORT_GEODESIC_MAX_LAT &&
    Math.abs(y2) <= SHORT_GEODESIC_MAX_LAT
  );
}

/**
 * The geodesic between two points a few hundred metres apart at most, as a series in the edge's
 * size instead of GeographicLib's InverseLine: in a cold process (V8 interpreting GeographicLib's
 * large functions) an InverseLine costs ≈ 50 µs, and a report asks for one per parcel edge crossing
 * the zone.
 *
 * With the latitude φ and longitude λ (radians) as functions of τ ∈ [0, 1], proportional to the
 * distance along the geodesic (ds² = M² dφ² + r² dλ², r = N cos φ, dr/dφ = −M sin φ), the geodesic
 * equations are φ'' = −a φ'² − b λ'² and λ'' = 2c φ'λ', with a = M'/M = 3e² sin φ cos φ / W²,
 * b = r sin φ / M = sin φ cos φ W² / (1 − e²), c = M sin φ / r = (1 − e²) tan φ / W² (W² = 1 − e²
 * sin² φ). Written as the chord plus a bow p(τ), q(τ) vanishing at both ends, for an edge of Δ
 * radians the right-hand sides are a constant of order Δ² plus a term linear in τ − ½ of order Δ³
 * (a, b, c taken at the mid-latitude, their slopes across the edge, and the bow's own slope in
 * φ'² and φ'λ'), whose solutions are C·τ(τ − 1)/2 and K·(τ³/6 − τ²/4 + τ/12). What is left out is
 * of order R·Δ⁴: 5e-11 m at 330 m (SHORT_GEODESIC_MAX_DEG), far below the nanometre at which the
 * crossings end, and 1e-13 m at 100 m. The speed ds/dτ of a geodesic is constant, so the length is
 * the speed at τ = ½ and a distance s along it is τ = s / length.
 * test/core/geodesic-crossing.test.ts checks points, lengths and azimuths against GeographicLib.
 */
export class ShortGeodesic implements Line {
  readonly s13: number;
  private readonly x1: number;
  private readonly y1: number;
  private readonly dx: number;
  private readonly dy: number;
  // bow coefficients in radians: latitude cp, kp; longitude cq, kq
  private readonly cp: number;
  private readonly kp: number;
  private readonly cq: number;
  private readonly kq: number;
  constructor(x1: number, y1: number, x2: number, y2: number) {
    this.x1 = x1;
    this.y1 = y1;
    this.dx = x2 - x1;
    this.dy = y2 - y1;
    const dp = this.dy * DEG;
    const dl = this.dx * DEG;
    const phi = ((y1 + y2) / 2) * DEG;
    const s = Math.sin(phi);
    const c = Math.cos(phi);
    const w2 = 1 - E2 * s * s;
    const a0 = (3 * E2 * s * c) / w2;
    const a1 = (3 * E2 * ((c * c - s * s) * w2 + 2 * E2 * s * s * c * c)) / (w2 * w2);
    const b0 = (s * c * w2) / (1 - E2);
    const b1 = ((c * c - s * s) * w2 - 2 * E2 * s * s * c * c) / (1 - E2);
    const c0 = ((1 - E2) * s) / (c * w2);
    const c1 = (1 - E2) * (1 / (c * c * w2) + (2 * E2 * s * s) / (w2 * w2));
    const cp = -a0 * dp * dp - b0 * dl * dl;
    const cq = 2 * c0 * dp * dl;
    this.cp = cp;
    this.cq = cq;
    this.kp = -a1 * dp * dp * dp - b1 * dp * dl * dl - 2 * a0 * dp * cp - 2 * b0 * dl * cq;
    this.kq = 2 * c1 * dp * dp * dl + 2 * c0 * (dp * cq + dl * cp);
    // Speed at τ = ½: there p = −C/8 and Q = 0, p' = −K/24.
    const [m, r] = radii(phi - cp / 8);
    const vp = dp - this.kp / 24;
    const vl = dl - this.kq / 24;
    this.s13 = Math.hypot(m * vp, r * vl);
  }
  Position(s12: number): { lat2: number; lon2: number; azi2: number } {
    const t = this.s13 > 0 ? s12 / this.s13 : 0;
    const pb = (t * (t - 1)) / 2;
    const qb = t * (t * (t / 6 - 1 / 4) + 1 / 12);
    const pd = t - 0.5;
    const qd = t * (t / 2 - 0.5) + 1 / 12;
    const lat2 = this.y1 + t * this.dy + (this.cp * pb + this.kp * qb) / DEG;
    const lon2 = this.x1 + t * this.dx + (this.cq * pb + this.kq * qb) / DEG;
    const [m, r] = radii(lat2 * DEG);
    const vp = this.dy * DEG + this.cp * pd + this.kp * qd;
    const vl = this.dx * DEG + this.cq * pd + this.kq * qd;
    return { lat2, lon2, azi2: Math.atan2(r * vl, m * vp) / DEG };
  }
}

/** The meridian radius M and the parallel's radius r = N cos φ at latitude φ (radians). */
function radii(phi: number): [number, number] {
  const s = Math.sin(phi);
  const w2 = 1 - E2 * s * s;
  const n = CGCS2000_A / Math.sqrt(w2);
  return [(n * (1 - E2)) / w2, n * Math.cos(phi)];
}

/**
 * Distance (m) and azimuth (radians, clockwise from north) from (lon1, lat1) to a point (lon2,
 * lat2) a few metres away at most, in the plane tangent at their mid-latitude: the meridian and
 * prime-vertical radii there (M dφ north, N cosφ dλ east). For points d apart this leaves an error of
 * order d·(d/R)²: 1e-13 m at 1 cm, where Newton's steps below end, so the crossing they settle on is
 * where the two geodesics meet, as with GeographicLib's Inverse, whose first solutions in a process
 * (before the JIT has compiled it) cost ≈ 15 µs each.
 */
function localOffset(lon1: number, lat1: number, lon2: number, lat2: number): [number, number] {
  const phi = ((lat1 + lat2) / 2) * DEG;
  const s = Math.sin(phi);
  const w2 = 1 - E2 * s * s;
  const n = CGCS2000_A / Math.sqrt(w2);
  const m = (n * (1 - E2)) / w2;
  let dl = lon2 - lon1;
  dl = dl > 180 ? dl - 360 : dl < -180 ? dl + 360 : dl;
  const north = m * (lat2 - lat1) * DEG;
  const east = n * Math.cos(phi) * dl * DEG;
  return [Math.hypot(east, north), Math.atan2(east, north)];
}

/** A geodesic edge's line and length, for callers that keep their own (geodesicEdge). */
export interface GeodesicEdge {
  readonly line: Line;
  readonly length: number;
}

/** The geodesic edge (x1,y1)→(x2,y2), not cached. */
export function geodesicEdge(x1: number, y1: number, x2: number, y2: number): GeodesicEdge {
  const line = cgcs2000.InverseLine(y1, x1, y2, x2) as unknown as Line;
  return { line, length: line.s13 ?? 0 };
}

/**
 * geodesicCrossing on edges the caller holds: e (from (x1,y1) to (x2,y2)) and f, from fractions t
 * and u of each; with the fraction of f at which the crossing lies.
 */
export function crossingOfEdges(
  e: GeodesicEdge,
  f: GeodesicEdge,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  t: number,
  u: number,
): [number, number, number] {
  let sE = t * e.length;
  let sF = u * f.length;
  let best: [number, number, number] = [x1 + t * (x2 - x1), y1 + t * (y2 - y1), u];
  let bestD = Infinity;
  for (let step = 0; step < MAX_STEPS; step++) {
    const p = e.line.Position(sE);
    const q = f.line.Position(sF);
    const [d, beta] = localOffset(p.lon2!, p.lat2!, q.lon2!, q.lat2!);
    if (d < bestD) {
      bestD = d;
      best = [p.lon2!, p.lat2!, f.length > 0 ? sF / f.length : u];
    } else break; // no longer improving: rounding reached
    if (d <= CONVERGED_M) break;
    // In the tangent plane at p (x east, y north): a·uE − b·uF = D.
    const aE = p.azi2! * DEG;
    const aF = q.azi2! * DEG;
    const dx = d * Math.sin(beta);
    const dy = d * Math.cos(beta);
    const ex = Math.sin(aE);
    const ey = Math.cos(aE);
    const fx = Math.sin(aF);
    const fy = Math.cos(aF);
    const det = fx * ey - ex * fy;
    if (det === 0) break;
    const stepE = (fx * dy - fy * dx) / det;
    const stepF = (ex * dy - ey * dx) / det;
    sE += stepE;
    sF += stepF;
    if (Math.abs(stepE) + Math.abs(stepF) < SETTLED_STEP_M) {
      // What a step this small leaves is of order step²/R (< 1e-9 m): no need to measure it.
      const p2 = e.line.Position(sE);
      return [p2.lon2!, p2.lat2!, f.length > 0 ? sF / f.length : u];
    }
  }
  return best;
}

/** The point of the geodesic edge (x1,y1)→(x2,y2) nearest (px,py), starting at fraction t of it. */
export function geodesicFoot(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  px: number,
  py: number,
  t: number,
): LonLat {
  const e = lineOf(x1, y1, x2, y2);
  let s = t * e.length;
  let best: LonLat = [px, py];
  let bestStep = Infinity;
  for (let step = 0; step < MAX_STEPS; step++) {
    const p = e.line.Position(s);
    const inv = cgcs2000.Inverse(p.lat2!, p.lon2!, py, px);
    const along = (inv.s12 ?? 0) * Math.cos(((inv.azi1 ?? 0) - p.azi2!) * DEG);
    if (Math.abs(along) < bestStep) {
      bestStep = Math.abs(along);
      best = [p.lon2!, p.lat2!];
    } else break;
    if (Math.abs(along) <= CONVERGED_M) break;
    s += along;
  }
  return best;
}

/** An edge (x1, y1) → (x2, y2) of the other shape that ends or starts at a touching vertex. */
export interface NeighbourEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Where the boundary through a vertex (px,py) that lies on the chord of the geodesic edge
 * (x1,y1)→(x2,y2), at fraction t, meets that geodesic. The chord and the geodesic are apart by up to
 * the edge's bow, so the vertex lies on one side of the geodesic and one of its own edges (the
 * `neighbours`, each with the vertex as an end) crosses it near by: that crossing. Where none does
 * (the vertex's boundary only touches), the vertex's foot on the geodesic.
 */
export function touchPoint(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  px: number,
  py: number,
  t: number,
  neighbours: readonly NeighbourEdge[],
): LonLat {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  for (const f of neighbours) {
    const fx = f.x2 - f.x1;
    const fy = f.y2 - f.y1;
    const flen = Math.hypot(fx, fy);
    // Along the edge: it meets the geodesic nowhere in particular.
    if (flen === 0 || Math.abs(dx * fy - dy * fx) <= 1e-6 * len * flen) continue;
    const u = f.x1 === px && f.y1 === py ? 0 : 1;
    const c = crossingOnLines(x1, y1, x2, y2, f.x1, f.y1, f.x2, f.y2, t, u);
    if (c[2] >= 0 && c[2] <= 1) return [c[0], c[1]];
  }
  return geodesicFoot(x1, y1, x2, y2, px, py, t);
}

/** The midpoint of the geodesic between two points. */
export function geodesicMidpoint(x1: number, y1: number, x2: number, y2: number): LonLat {
  const e = lineOf(x1, y1, x2, y2);
  const p = e.line.Position(e.length / 2);
  return [p.lon2!, p.lat2!];
}

/**
 * Signed distance in metres of (px,py) from the geodesic through (x1,y1)→(x2,y2), positive on its
 * left, measured from whichever end is nearer.
 */
export function geodesicOffset(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  px: number,
  py: number,
): number {
  const fromStart = cgcs2000.Inverse(y1, x1, py, px);
  const fromEnd = cgcs2000.Inverse(y2, x2, py, px);
  if ((fromStart.s12 ?? 0) <= (fromEnd.s12 ?? 0)) {
    const az = cgcs2000.Inverse(y1, x1, y2, x2).azi1 ?? 0;
    return -(fromStart.s12 ?? 0) * Math.sin(((fromStart.azi1 ?? 0) - az) * DEG);
  }
  // From the end, looking back along the edge: the left of the edge is then on the right.
  const az = cgcs2000.Inverse(y2, x2, y1, x1).azi1 ?? 0;
  return (fromEnd.s12 ?? 0) * Math.sin(((fromEnd.azi1 ?? 0) - az) * DEG);
}
