// The intersection of two shapes as a shape, fast where both are one convex ring (most plan parcels):
// Sutherland-Hodgman clipping of one convex ring by the other is exact and gives a convex ring, so no
// topology can go wrong. Anything else goes to polyclip (intersectionShape), which is two orders of
// magnitude slower here: polyclip-ts computes in BigNumber arithmetic.
//
// On the ellipsoid the clipping itself is geodesic: a vertex's side of a window edge is the side of
// the edge's geodesic (decided on the lon/lat chord only where the chord is farther from the vertex
// than the geodesic can be), and a cut point is where the two geodesics cross. Cutting on the chords
// and moving the cut points onto the geodesics afterwards is not enough where two edges run nearly
// along each other (neighbouring parcels drawn on one straight line): their chords cross where their
// geodesics do not, and such a vertex stays up to the edges' bow (a millimetre on 1 km) off both
// geodesics, 0.1 m² on a 4 ha conflict (test/core/conflicts-fixture.test.ts).
import Flatbush from 'flatbush';
import { bboxesMeet, bboxOfRing } from './bbox.ts';
import { crossingOfEdges, geodesicEdge, geodesicOffset, type GeodesicEdge } from './geodesic-crossing.ts';
import { geodesicPlace } from './geodesic-vertices.ts';
import { intersectionShape } from './overlay.ts';
import type { PcRing } from './polyclip-safe.ts';
import { shapeFromPc, trianglesOf, type Shape } from './shape.ts';
import type { Workspace } from './workspace.ts';

const convexCache = new WeakMap<Shape, Float64Array | null>();

/** The shape's one ring when the shape is one counter-clockwise convex ring without holes, else null. */
function convexRing(s: Shape): Float64Array | null {
  const hit = convexCache.get(s);
  if (hit !== undefined) return hit;
  let out: Float64Array | null = null;
  if (s.polys.length === 1 && s.polys[0]!.rings.length === 1) {
    const r = s.polys[0]!.rings[0]!;
    const n = r.length / 2 - 1;
    let ok = n >= 3;
    let scale = 0;
    for (let i = 0; i < n && ok; i++) {
      const ax = r[2 * i]!;
      const ay = r[2 * i + 1]!;
      const bx = r[2 * ((i + 1) % n)]!;
      const by = r[2 * ((i + 1) % n) + 1]!;
      const cx = r[2 * ((i + 2) % n)]!;
      const cy = r[2 * ((i + 2) % n) + 1]!;
      const ex = bx - ax;
      const ey = by - ay;
      const fx = cx - bx;
      const fy = cy - by;
      scale = Math.max(scale, Math.hypot(ex, ey) * Math.hypot(fx, fy));
      // Collinear vertices are fine; a turn to the right is not.
      if (ex * fy - ey * fx < -1e-12 * scale) ok = false;
    }
    if (ok) out = r;
  }
  convexCache.set(s, out);
  return out;
}

/** The part of ring `r` on the left of a→b (closed flat ring in, plain array out). */
function clipHalf(r: number[], ax: number, ay: number, bx: number, by: number): number[] {
  const out: number[] = [];
  const n = r.length / 2;
  if (n === 0) return out;
  const dx = bx - ax;
  const dy = by - ay;
  let px = r[2 * (n - 1)]!;
  let py = r[2 * (n - 1) + 1]!;
  let ps = dx * (py - ay) - dy * (px - ax);
  for (let i = 0; i < n; i++) {
    const qx = r[2 * i]!;
    const qy = r[2 * i + 1]!;
    const qs = dx * (qy - ay) - dy * (qx - ax);
    if (qs >= 0) {
      if (ps < 0) {
        const t = ps / (ps - qs);
        out.push(px + t * (qx - px), py + t * (qy - py));
      }
      out.push(qx, qy);
    } else if (ps >= 0) {
      const t = ps / (ps - qs);
      out.push(px + t * (qx - px), py + t * (qy - py));
    }
    px = qx;
    py = qy;
    ps = qs;
  }
  return out;
}

/** Pieces of less area (m²: a strip 1 nm wide and 1 m long) are empty: shared boundaries' rounding. */
const EMPTY_M2 = 1e-9;

/** A point this close (metres) to a geodesic lies on it: far above GeographicLib's rounding. */
const ON_GEODESIC_M = 1e-9;

const bowCache = new WeakMap<Float64Array, Float64Array>();
/** The geodesic lines of a ring's edges (made with its bows). */
const edgeCache = new WeakMap<Float64Array, (GeodesicEdge | undefined)[]>();

/**
 * For each edge of a closed flat lon/lat ring, how far (degrees, across the chord) its geodesic's
 * midpoint lies from its chord: the geodesic departs from the chord by about 4t(1−t) times that.
 */
function bowsOf(r: Float64Array): Float64Array {
  let bows = bowCache.get(r);
  if (bows) return bows;
  const n = r.length / 2 - 1;
  bows = new Float64Array(Math.max(0, n));
  const edges = new Array<GeodesicEdge | undefined>(Math.max(0, n));
  edgeCache.set(r, edges);
  for (let i = 0; i < n; i++) {
    const ax = r[2 * i]!;
    const ay = r[2 * i + 1]!;
    const bx = r[2 * i + 2]!;
    const by = r[2 * i + 3]!;
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) continue;
    const e = (edges[i] = geodesicEdge(ax, ay, bx, by));
    const m = e.line.Position(e.length / 2);
    bows[i] = Math.abs((bx - ax) * (m.lat2! - ay) - (by - ay) * (m.lon2! - ax)) / len;
  }
  bowCache.set(r, bows);
  return bows;
}

/**
 * The side of (qx, qy) against the geodesic through a→b: > 0 left, < 0 right, 0 on it (within
 * ON_GEODESIC_M). Only the sign means anything. The chord decides where the point lies farther from
 * it than the geodesic can (its bow, grown as 4|t(t−1)| beyond the edge's ends, with a margin);
 * otherwise GeographicLib does.
 */
function geoSide(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  bow: number,
  qx: number,
  qy: number,
): number {
  if ((qx === ax && qy === ay) || (qx === bx && qy === by)) return 0;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const cross = dx * (qy - ay) - dy * (qx - ax);
  const t = ((qx - ax) * dx + (qy - ay) * dy) / len2;
  const reach = 1.25 * bow * Math.max(1, 4 * Math.abs(t * (t - 1))) + 2e-11;
  if (Math.abs(cross) > reach * Math.sqrt(len2)) return cross;
  const h = geodesicOffset(ax, ay, bx, by, qx, qy);
  return Math.abs(h) <= ON_GEODESIC_M ? 0 : h;
}

/** Where the geodesic of p→q crosses the geodesic through a→b (`edge`, on the latter). */
function geoCut(
  edge: GeodesicEdge,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  px: number,
  py: number,
  qx: number,
  qy: number,
): [number, number] {
  const dx = bx - ax;
  const dy = by - ay;
  const ex = qx - px;
  const ey = qy - py;
  const den = dx * ey - dy * ex;
  // Start from the chords' crossing (the fraction along p→q kept inside it).
  let t = 0;
  let u = 0.5;
  if (den !== 0) {
    t = ((px - ax) * ey - (py - ay) * ex) / den;
    u = Math.min(1, Math.max(0, ((px - ax) * dy - (py - ay) * dx) / den));
  }
  const cx = px + u * ex;
  const cy = py + u * ey;
  if (den === 0) t = ((cx - ax) * dx + (cy - ay) * dy) / (dx * dx + dy * dy);
  const g = crossingOfEdges(edge, geodesicEdge(px, py, qx, qy), ax, ay, bx, by, t, u);
  // The crossing lies on the geodesic p→q, so between p and q give or take that geodesic's bow
  // (about 0.004·L² degrees for an edge L degrees long; here three times that). Where the
  // iteration went elsewhere (p→q a few nanometres long, or along a→b), the crossing is
  // ill-conditioned and any point of p→q near the chords' crossing is as good: that one.
  const margin = 1e-11 + 0.012 * (ex * ex + ey * ey);
  const ok =
    Number.isFinite(g[0]) &&
    Number.isFinite(g[1]) &&
    g[0] >= Math.min(px, qx) - margin &&
    g[0] <= Math.max(px, qx) + margin &&
    g[1] >= Math.min(py, qy) - margin &&
    g[1] <= Math.max(py, qy) + margin;
  return ok ? [g[0], g[1]] : [cx, cy];
}

/** The part of ring `r` on the left of the geodesic through a→b (closed flat ring in, plain array out). */
function geoClipHalf(
  r: number[],
  ax: number,
  ay: number,
  bx: number,
  by: number,
  bow: number,
  edge: () => GeodesicEdge,
): number[] {
  const out: number[] = [];
  const n = r.length / 2;
  if (n === 0) return out;
  let px = r[2 * (n - 1)]!;
  let py = r[2 * (n - 1) + 1]!;
  let ps = geoSide(ax, ay, bx, by, bow, px, py);
  for (let i = 0; i < n; i++) {
    const qx = r[2 * i]!;
    const qy = r[2 * i + 1]!;
    const qs = geoSide(ax, ay, bx, by, bow, qx, qy);
    // A vertex on the geodesic (side 0) is its own cut: p was kept, q is.
    if ((qs > 0 && ps < 0) || (qs < 0 && ps > 0)) out.push(...geoCut(edge(), ax, ay, bx, by, px, py, qx, qy));
    if (qs >= 0) out.push(qx, qy);
    px = qx;
    py = qy;
    ps = qs;
  }
  return out;
}

const geoConvexCache = new WeakMap<Float64Array, boolean>();

/** Window edges shorter than this (degrees, ≈ 1 mm) clip on their chords (see geoConvex). */
const MIN_WINDOW_EDGE_DEG = 1e-8;

/**
 * Whether a (chord-)convex counter-clockwise ring can clip geodesically: convex with geodesic edges
 * too (no turn to the right), and no edge shorter than MIN_WINDOW_EDGE_DEG, whose direction the
 * coordinates' rounding (1.4e-14° at 114°E) no longer fixes: its line, drawn on, would go anywhere.
 */
function geoConvex(r: Float64Array): boolean {
  const hit = geoConvexCache.get(r);
  if (hit !== undefined) return hit;
  const n = r.length / 2 - 1;
  let ok = n >= 3;
  for (let i = 0; i < n && ok; i++)
    if (Math.hypot(r[2 * i + 2]! - r[2 * i]!, r[2 * i + 3]! - r[2 * i + 1]!) < MIN_WINDOW_EDGE_DEG)
      ok = false;
  const bows = ok ? bowsOf(r) : new Float64Array(0);
  for (let i = 0; i < n && ok; i++) {
    const j = (i + 2) % n;
    if (
      geoSide(r[2 * i]!, r[2 * i + 1]!, r[2 * i + 2]!, r[2 * i + 3]!, bows[i]!, r[2 * j]!, r[2 * j + 1]!) < 0
    )
      ok = false;
  }
  geoConvexCache.set(r, ok);
  return ok;
}

/** Clips ring `sub` (closed flat) by a geodesically convex ring `win` with geodesic edges. */
function geoClipConvex(sub: Float64Array, win: Float64Array): number[] {
  let r: number[] = Array.from(sub.subarray(0, sub.length - 2));
  const bows = bowsOf(win);
  const n = win.length / 2 - 1;
  const held = edgeCache.get(win)!;
  for (let i = 0; i < n && r.length >= 6; i++) {
    const ax = win[2 * i]!;
    const ay = win[2 * i + 1]!;
    const bx = win[2 * i + 2]!;
    const by = win[2 * i + 3]!;
    r = geoClipHalf(r, ax, ay, bx, by, bows[i]!, () => (held[i] ??= geodesicEdge(ax, ay, bx, by)));
  }
  return r.length >= 6 ? r : [];
}

function isVertexOf(r: Float64Array, x: number, y: number): boolean {
  for (let k = 0; k + 1 < r.length; k += 2) if (r[k] === x && r[k + 1] === y) return true;
  return false;
}

/**
 * The clipped ring as a shape. On the ellipsoid its new vertices (not those of the two rings) move
 * to where the geodesic edges cross; crossings of near-parallel edges are ill-conditioned there, so
 * a vertex that would move more than a geodesic departs from its chord at these sizes (1e-6°,
 * ≈ 10 cm) keeps its chord place.
 */
function ringToShape(
  r: number[],
  sub: Float64Array,
  win: Float64Array,
  inputs: readonly Shape[],
  ws: Workspace,
  onGeodesics = false,
): Shape | undefined {
  const ring: PcRing = [];
  for (let k = 0; k < r.length; k += 2) {
    const last = ring[ring.length - 1];
    if (last && last[0] === r[k] && last[1] === r[k + 1]) continue;
    let x = r[k]!;
    let y = r[k + 1]!;
    if (ws.method === 'ellipsoidal' && !onGeodesics && !isVertexOf(sub, x, y) && !isVertexOf(win, x, y)) {
      const q = geodesicPlace(inputs, x, y);
      if (Math.abs(q[0] - x) + Math.abs(q[1] - y) <= 1e-6) [x, y] = q;
    }
    ring.push([x, y]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
  if (ring.length < 3) return undefined;
  ring.push([ring[0]![0], ring[0]![1]]);
  const s = shapeFromPc([[ring]], ws);
  // Below EMPTY_M2 a piece is numerically empty: what two geodesics drawn as one leave.
  return s.polys.length && s.area > EMPTY_M2 ? s : undefined;
}

/** Clips convex ring `sub` (closed flat) by convex ring `win` (closed flat, counter-clockwise). */
function clipConvex(sub: Float64Array, win: Float64Array): number[] {
  let r: number[] = Array.from(sub.subarray(0, sub.length - 2));
  const n = win.length / 2 - 1;
  for (let i = 0; i < n && r.length >= 6; i++)
    r = clipHalf(r, win[2 * i]!, win[2 * i + 1]!, win[2 * i + 2]!, win[2 * i + 3]!);
  return r.length >= 6 ? r : [];
}

interface Parts {
  rings: Float64Array[];
  boxes: Float64Array;
  index?: Flatbush;
}

const partsCache = new WeakMap<Shape, Parts | null>();

/** The shape cut into convex rings: itself when convex, else its triangles; null when earcut failed. */
function convexParts(s: Shape): Parts | null {
  const hit = partsCache.get(s);
  if (hit !== undefined) return hit;
  let rings: Float64Array[] | null = null;
  const own = convexRing(s);
  if (own) rings = [own];
  else {
    const t = trianglesOf(s);
    if (t) {
      rings = [];
      const tr = t.tris;
      for (let o = 0; o < tr.length; o += 6)
        rings.push(
          Float64Array.of(
            tr[o]!,
            tr[o + 1]!,
            tr[o + 2]!,
            tr[o + 3]!,
            tr[o + 4]!,
            tr[o + 5]!,
            tr[o]!,
            tr[o + 1]!,
          ),
        );
    }
  }
  let parts: Parts | null = null;
  if (rings) {
    const boxes = new Float64Array(rings.length * 4);
    rings.forEach((r, i) => {
      const b = bboxOfRing(r);
      boxes.set(b, 4 * i);
    });
    parts = { rings, boxes };
    if (rings.length > 8) {
      const index = new Flatbush(rings.length);
      for (let i = 0; i < rings.length; i++)
        index.add(boxes[4 * i]!, boxes[4 * i + 1]!, boxes[4 * i + 2]!, boxes[4 * i + 3]!);
      index.finish();
      parts.index = index;
    }
  }
  partsCache.set(s, parts);
  return parts;
}

function partsNear(p: Parts, x0: number, y0: number, x1: number, y1: number): number[] {
  if (p.index) return p.index.search(x0, y0, x1, y1);
  const out: number[] = [];
  for (let i = 0; i < p.rings.length; i++)
    if (!(
      p.boxes[4 * i]! > x1 ||
      p.boxes[4 * i + 2]! < x0 ||
      p.boxes[4 * i + 1]! > y1 ||
      p.boxes[4 * i + 3]! < y0
    ))
      out.push(i);
  return out;
}

/**
 * a ∩ b as convex pieces that tile it exactly (each shape cut into convex parts, every pair of parts
 * clipped by Sutherland-Hodgman); undefined when polyclip, the fallback, failed.
 */
export function pieceParts(a: Shape, b: Shape, ws: Workspace): Shape[] | undefined {
  if (!bboxesMeet(a.bbox, b.bbox)) return [];
  const pa = convexParts(a);
  const pb = pa ? convexParts(b) : null;
  if (!pa || !pb) {
    const s = intersectionShape(a, b, ws);
    return s ? (s.polys.length ? [s] : []) : undefined;
  }
  const [small, big] = pa.rings.length <= pb.rings.length ? [pa, pb] : [pb, pa];
  const out: Shape[] = [];
  small.rings.forEach((r, i) => {
    const b0 = small.boxes;
    for (const j of partsNear(big, b0[4 * i]!, b0[4 * i + 1]!, b0[4 * i + 2]!, b0[4 * i + 3]!)) {
      const sub = big.rings[j]!;
      let piece: number[];
      let geodesic = false;
      if (ws.method !== 'ellipsoidal') piece = clipConvex(sub, r);
      else if (geoConvex(r)) [piece, geodesic] = [geoClipConvex(sub, r), true];
      else if (geoConvex(sub)) [piece, geodesic] = [geoClipConvex(r, sub), true];
      // Neither is convex with geodesic edges (a near-flat triangle): chords, cut points moved.
      else piece = clipConvex(sub, r);
      if (piece.length < 6) continue;
      const s = ringToShape(piece, sub, r, [a, b], ws, geodesic);
      if (s) out.push(s);
    }
  });
  return out;
}
