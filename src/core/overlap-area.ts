// The area a feature shares with the planned shape, without building the feature's Shape where it
// need not: a land-use layer of 100 000 parcels is mostly simple rings wholly inside or wholly
// outside the planned area, and building, holding and collecting a Shape for each (its boxes,
// arrays, triangles) was most of the report's time and memory. For such a ring the answer is what
// plannedOverlap gives (the same checks decide that the ring needs no repair and draws no warning,
// the same containment test, the same ring area), so the figures do not change; any other feature
// (several rings, repairs, a pole or ±180°, a ring the planned boundary comes near) takes
// plannedOverlap itself.
import { geometryCrossesAntimeridian } from './antimeridian.ts';
import { FlatGeometry } from './flat-coords.ts';
import { geometryEnclosesPole } from './pole.ts';
import { plannedOverlap, type ReportContext } from './report-context.ts';
import { segmentIndexOf, type Shape } from './shape.ts';
import type { Feature, ProjectLayer } from './types.ts';
import { smallRingIsSimple } from './validity/contacts.ts';
import { signedArea } from './validity/make-valid.ts';
import type { Workspace } from './workspace.ts';

// Reversed rings (a clockwise parcel's area is measured on its counter-clockwise copy, as the
// shape would be) are written here, reused from parcel to parcel.
let scratch = new Float64Array(64);
// The memo key per workspace, made once (a key built per call is a new string per parcel, held).
const simpleKeys = new Map<string, string>();

/** The positions of the geometry's one ring in the workspace (undefined: none there). */
function ringIn(g: FlatGeometry, ws: Workspace): Float64Array | undefined {
  const f = g.flat;
  if (!f || f.ends.length !== 1 || (f.depth === 4 && f.parts.length !== 1)) return undefined;
  const xy = ws.toWork ? (ws.planeCrs ? g.sourceIn(ws.planeCrs) : undefined) : f.xy;
  if (!xy) return undefined;
  const len = 2 * f.ends[0]!;
  return xy.length === len ? xy : xy.subarray(0, len);
}

/**
 * Whether shapeOf would take the ring as it is (a view: closed, finite, no repeated positions)
 * and validity has nothing to say about it.
 */
function isSimple(r: Float64Array): boolean {
  const len = r.length;
  if (len < 8 || r[0] !== r[len - 2] || r[1] !== r[len - 1]) return false;
  for (let i = 0; i < len; i += 2) {
    const x = r[i]!;
    const y = r[i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (i >= 2 && x === r[i - 2] && y === r[i - 1]) return false;
  }
  return smallRingIsSimple(r);
}

/** The ring's area as its shape has it: counter-clockwise (validatePolygonal's `oriented`). */
function orientedArea(r: Float64Array, ws: Workspace): number {
  if (signedArea(r) > 0) return ws.ringArea(r);
  if (scratch.length < r.length) scratch = new Float64Array(2 * r.length);
  const n = r.length / 2;
  for (let i = 0; i < n; i++) {
    scratch[2 * i] = r[2 * (n - 1 - i)]!;
    scratch[2 * i + 1] = r[2 * (n - 1 - i) + 1]!;
  }
  return ws.ringArea(scratch.subarray(0, r.length));
}

/**
 * area(feature ∩ planned) in m², as `plannedOverlap(…)?.area ?? 0`, with the same warnings; the
 * shape is built only for the features that need one.
 */
export function plannedOverlapArea(
  ctx: ReportContext,
  layer: ProjectLayer,
  f: Feature,
  index: number,
  planned: Shape | undefined,
): number {
  const g = f.geometry as unknown;
  const ws = ctx.ws;
  if (!planned || !(g instanceof FlatGeometry) || !g.flat) return slowArea(ctx, layer, f, index, planned);
  // A shape already built (an earlier report, a map click) answers as before.
  if (g.memo(ws.key) !== undefined) return slowArea(ctx, layer, f, index, planned);
  let key = simpleKeys.get(ws.key);
  if (key === undefined) simpleKeys.set(ws.key, (key = `simple:${ws.key}`));
  const known = g.memo(key) as boolean | undefined;
  if (known === false) return slowArea(ctx, layer, f, index, planned);
  const r = ringIn(g, ws);
  if (!r) return slowArea(ctx, layer, f, index, planned);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < r.length; i += 2) {
    const x = r[i]!;
    const y = r[i + 1]!;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  // A lon/lat ring (the ellipsoidal workspace's r is the geometry's one ring) narrower than 180°
  // has no longitude step over 180°: its steps then add up to 0, so it neither goes round a pole
  // nor crosses ±180° (geometryEnclosesPole, geometryCrossesAntimeridian, which skip non-finite
  // positions as this box does), and neither pass over its vertices is needed.
  if (
    !(ws.toWork === undefined && maxX - minX < 179) &&
    (geometryEnclosesPole(f.geometry) || geometryCrossesAntimeridian(f.geometry))
  )
    return slowArea(ctx, layer, f, index, planned);
  if (known === undefined) {
    // Remembered as one bit of the geometry: the area itself is measured again when needed.
    const simple = isSimple(r);
    g.setMemo(key, simple);
    if (!simple) return slowArea(ctx, layer, f, index, planned);
  }
  // containment(): the parcel is the smaller of the two when it has no more vertices.
  if (r.length / 2 > planned.vertexCount) return slowArea(ctx, layer, f, index, planned);
  const b = planned.bbox;
  if (!(minX <= b[2] && b[0] <= maxX && minY <= b[3] && b[1] <= maxY)) return 0;
  // The planned boundary comes near (an edge's box meets the parcel's): clipped as before, unless
  // every such edge keeps clear of the parcel, which then lies wholly on one side of it.
  const bands = bandsOf(planned);
  if (anyEdgeNear(bands, minX, minY, maxX, maxY) && boundaryNear(bands, r, minX, minY, maxX, maxY, b))
    return slowArea(ctx, layer, f, index, planned);
  return pointInBands(bands, planned, r[0]!, r[1]!) ? orientedArea(r, ws) : 0;
}

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function pointSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Whether an edge of the planned shape near the box has an end in the ring's box (it may reach
 * inside, or the planned shape lie within the parcel) or comes within a tolerance of one of the
 * ring's edges (crosses or touches it). The tolerance, 1e-9 of the coordinates' size (1e-7° or a few
 * mm of Gauss-Kruger northing), is far above rounding: a parcel clear of it is wholly inside or
 * outside, and one vertex tells which.
 */
function boundaryNear(
  bands: Bands,
  r: Float64Array,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
  b: readonly number[],
): boolean {
  const tol = 1e-9 * Math.max(1, Math.abs(b[0]!), Math.abs(b[1]!), Math.abs(b[2]!), Math.abs(b[3]!));
  const x0 = minX - tol;
  const y0 = minY - tol;
  const x1 = maxX + tol;
  const y1 = maxY + tol;
  const segs = bands.segs;
  const last = bandOf(bands, y1);
  for (let band = bandOf(bands, y0); band <= last; band++)
    for (let j = bands.start[band]!; j < bands.start[band + 1]!; j++) {
      const k = bands.items[j]!;
      const ax = segs[4 * k]!;
      const ay = segs[4 * k + 1]!;
      const bx = segs[4 * k + 2]!;
      const by = segs[4 * k + 3]!;
      if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1)
        continue;
      if ((ax >= x0 && ax <= x1 && ay >= y0 && ay <= y1) || (bx >= x0 && bx <= x1 && by >= y0 && by <= y1))
        return true;
      for (let i = 0; i + 3 < r.length; i += 2) {
        const px = r[i]!;
        const py = r[i + 1]!;
        const qx = r[i + 2]!;
        const qy = r[i + 3]!;
        // Both ends of the planned edge lie outside the box, so it meets the parcel's edge only by
        // crossing it: opposite sides both ways.
        const o1 = (qx - px) * (ay - py) - (qy - py) * (ax - px);
        const o2 = (qx - px) * (by - py) - (qy - py) * (bx - px);
        const o3 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
        const o4 = (bx - ax) * (qy - ay) - (by - ay) * (qx - ax);
        if (
          (o1 <= 0 !== o2 <= 0 && o3 <= 0 !== o4 <= 0) ||
          pointSegment(px, py, ax, ay, bx, by) <= tol ||
          pointSegment(qx, qy, ax, ay, bx, by) <= tol ||
          pointSegment(ax, ay, px, py, qx, qy) <= tol ||
          pointSegment(bx, by, px, py, qx, qy) <= tol
        )
          return true;
      }
    }
  return false;
}

/**
 * The planned shape's edges by horizontal band (each edge listed in every band its y-range meets):
 * the same answers as its flatbush segment index for a box or a ray, without the two arrays each
 * flatbush query makes, 100 000 times a report.
 */
interface Bands {
  segs: Float64Array;
  y0: number;
  h: number;
  n: number;
  /** items of band i are items[start[i], start[i + 1]) */
  start: Int32Array;
  items: Int32Array;
}

const bandsCache = new WeakMap<Shape, Bands>();

function bandOf(bs: Bands, y: number): number {
  const i = Math.floor((y - bs.y0) / bs.h);
  return i < 0 ? 0 : i >= bs.n ? bs.n - 1 : i;
}

function bandsOf(s: Shape): Bands {
  const hit = bandsCache.get(s);
  if (hit) return hit;
  const segs = segmentIndexOf(s).segs;
  const m = segs.length / 4;
  const n = Math.max(1, Math.min(4096, Math.ceil(m / 2)));
  const y0 = s.bbox[1];
  const h = (s.bbox[3] - y0) / n || 1;
  const bs: Bands = { segs, y0, h, n, start: new Int32Array(n + 1), items: new Int32Array(0) };
  const span = (k: number): [number, number] => {
    const a = segs[4 * k + 1]!;
    const b = segs[4 * k + 3]!;
    return [bandOf(bs, Math.min(a, b)), bandOf(bs, Math.max(a, b))];
  };
  for (let k = 0; k < m; k++) {
    const [b0, b1] = span(k);
    for (let i = b0; i <= b1; i++) bs.start[i + 1]!++;
  }
  for (let i = 0; i < n; i++) bs.start[i + 1]! += bs.start[i]!;
  bs.items = new Int32Array(bs.start[n]!);
  const fill = bs.start.slice(0, n);
  for (let k = 0; k < m; k++) {
    const [b0, b1] = span(k);
    for (let i = b0; i <= b1; i++) bs.items[fill[i]!++] = k;
  }
  bandsCache.set(s, bs);
  return bs;
}

/** anySegmentNear on the bands: whether an edge's box meets the box. */
function anyEdgeNear(bs: Bands, minX: number, minY: number, maxX: number, maxY: number): boolean {
  const segs = bs.segs;
  const last = bandOf(bs, maxY);
  for (let band = bandOf(bs, minY); band <= last; band++)
    for (let j = bs.start[band]!; j < bs.start[band + 1]!; j++) {
      const k = bs.items[j]!;
      const ax = segs[4 * k]!;
      const ay = segs[4 * k + 1]!;
      const bx = segs[4 * k + 2]!;
      const by = segs[4 * k + 3]!;
      if (
        Math.max(ax, bx) >= minX &&
        Math.min(ax, bx) <= maxX &&
        Math.max(ay, by) >= minY &&
        Math.min(ay, by) <= maxY
      )
        return true;
    }
  return false;
}

/**
 * shapeContainsPoint on the bands: even-odd over the edges a ray towards +x crosses, by the same
 * rule as pointInIndexed (edges whose y-range does not hold y, or that lie left of x, never count).
 */
function pointInBands(bs: Bands, s: Shape, px: number, py: number): boolean {
  if (px < s.bbox[0] || px > s.bbox[2] || py < s.bbox[1] || py > s.bbox[3]) return false;
  const segs = bs.segs;
  const band = bandOf(bs, py);
  let inside = false;
  for (let j = bs.start[band]!; j < bs.start[band + 1]!; j++) {
    const k = bs.items[j]!;
    const y1 = segs[4 * k + 1]!;
    const y2 = segs[4 * k + 3]!;
    if (y1 > py !== y2 > py) {
      const x1 = segs[4 * k]!;
      const x2 = segs[4 * k + 2]!;
      if (px < x1 + ((py - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
    }
  }
  return inside;
}

function slowArea(
  ctx: ReportContext,
  layer: ProjectLayer,
  f: Feature,
  index: number,
  planned: Shape | undefined,
): number {
  return plannedOverlap(ctx, layer, f, index, planned)?.area ?? 0;
}
