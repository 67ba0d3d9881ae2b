// A Shape is a polygonal geometry made ready for measuring in one workspace: flat closed rings in
// workspace coordinates, outer rings counter-clockwise and holes clockwise, self-crossings repaired,
// with its box and area. Shapes are cached per geometry object and workspace, so features must be
// treated as immutable: an edit makes a new geometry object.
import earcut from 'earcut';
import { bboxOfRing, emptyBBox, extendBBox, type BBox } from './bbox.ts';
import { crsArrayTransforms } from './crs.ts';
import { FlatGeometry, sourcePositions, type FlatCoords } from './flat-coords.ts';
import { flatToPc, pcToFlat, type PcMultiPolygon } from './polyclip-safe.ts';
import { buildSegmentIndex, type SegmentIndex } from './segment-index.ts';
import { polygonsOf } from './polygons.ts';
import type { Geometry, Position } from './types.ts';
import { oriented, validatePolygonal, validityMessage, type ValidityCode } from './validity/index.ts';
import { planarRingArea, type Workspace } from './workspace.ts';
import { workCount } from './work-count.ts';

export interface ShapeProblem {
  code: ValidityCode | 'repair-failed';
  /** 'warning': the area is as the data gives it; 'error': measured as repaired (README) */
  severity: 'error' | 'warning';
  message: string;
  messageEn: string;
  /** words for warning-text.ts: how many places */
  params?: { count: number };
  /** lon/lat of the (first) place, where there is one */
  at?: [number, number];
}

export interface Poly {
  rings: Float64Array[];
}

export interface Shape {
  polys: Poly[];
  bbox: BBox;
  /** signed sum of ring areas in m² (≥ 0 for a repaired shape) */
  area: number;
  vertexCount: number;
  problems: ShapeProblem[];
  /** counter-clockwise triangles (6 numbers each) partitioning the shape; null when earcut failed */
  tris?: Triangles | null;
  segIndex?: SegmentIndex;
  /** every ring, for the segment index and for clipping */
  allRings: Float64Array[];
  ringBoxes: BBox[];
}

export { polygonsOf };

/** A closed flat ring in workspace coordinates with repeated and non-finite positions dropped. */
function toFlatRing(ring: Position[], ws: Workspace): Float64Array | undefined {
  // Filled in place: 100 000-parcel layers make allocation, not arithmetic, the cost here.
  const out = new Float64Array(ring.length * 2 + 2);
  let k = 0;
  const to = ws.toWork;
  for (const p of ring) {
    const q = to ? to(p) : p;
    const x = q[0];
    const y = q[1];
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (k >= 2 && out[k - 2] === x && out[k - 1] === y) continue;
    out[k++] = x;
    out[k++] = y;
  }
  if (k >= 2 && (out[0] !== out[k - 2] || out[1] !== out[k - 1])) {
    out[k] = out[0]!;
    out[k + 1] = out[1]!;
    k += 2;
  }
  return k >= 8 ? out.subarray(0, k) : undefined;
}

// One scratch array for workspace coordinates, reused from ring to ring (no garbage per ring).
let scratch = new Float64Array(1024);

/**
 * toFlatRing on vertices [start, end) of flat lon/lat coordinates: `source`, when given, holds the
 * same positions already in the workspace's plane (the layer's own Gauss-Kruger metres).
 */
function toFlatRingFromFlat(
  xy: Float64Array,
  start: number,
  end: number,
  ws: Workspace,
  source: Float64Array | undefined,
): Float64Array | undefined {
  let from: Float64Array = xy;
  let o = 2 * start;
  if (ws.toWork) {
    if (source) from = source;
    else {
      const n = 2 * (end - start);
      if (scratch.length < n) scratch = new Float64Array(2 * n);
      const part = scratch.subarray(0, n);
      crsArrayTransforms(ws.planeCrs!).fromLonLat(xy.subarray(2 * start, 2 * end), part);
      from = part;
      o = 0;
    }
  }
  const len = 2 * (end - start);
  // Already clean (finite, closed, no repeats: the usual case): the ring is a view, not a copy.
  if (
    len >= 8 &&
    (!ws.toWork || source) &&
    from[o] === from[o + len - 2] &&
    from[o + 1] === from[o + len - 1]
  ) {
    let clean = true;
    for (let i = 0; i < len && clean; i += 2) {
      const x = from[o + i]!;
      const y = from[o + i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) clean = false;
      else if (i >= 2 && x === from[o + i - 2] && y === from[o + i - 1]) clean = false;
    }
    if (clean) return from.subarray(o, o + len);
  }
  const out = new Float64Array(len + 2);
  let k = 0;
  for (let i = 0; i < len; i += 2) {
    const x = from[o + i]!;
    const y = from[o + i + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (k >= 2 && out[k - 2] === x && out[k - 1] === y) continue;
    out[k++] = x;
    out[k++] = y;
  }
  if (k >= 2 && (out[0] !== out[k - 2] || out[1] !== out[k - 1])) {
    out[k] = out[0]!;
    out[k + 1] = out[1]!;
    k += 2;
  }
  return k >= 8 ? out.subarray(0, k) : undefined;
}

/** The cleaned polygons of flat coordinates, as buildShape cleans nested ones. */
function partsFromFlat(f: FlatCoords, ws: Workspace, source: Float64Array | undefined): Float64Array[][] {
  const parts: Float64Array[][] = [];
  const polys = f.depth === 3 ? 1 : f.parts.length;
  for (let p = 0; p < polys; p++) {
    const r0 = f.depth === 3 ? 0 : p === 0 ? 0 : f.parts[p - 1]!;
    const r1 = f.depth === 3 ? f.ends.length : f.parts[p]!;
    const rings: Float64Array[] = [];
    for (let r = r0; r < r1; r++) {
      const ring = toFlatRingFromFlat(f.xy, r === 0 ? 0 : f.ends[r - 1]!, f.ends[r]!, ws, source);
      if (r === r0 && !ring) break; // holes alone mean nothing
      if (ring) rings.push(ring);
    }
    if (rings.length) parts.push(rings);
  }
  return parts;
}

function pcFromPolys(polys: Poly[]): PcMultiPolygon {
  return polys.map((p) => p.rings.map(flatToPc));
}

function polysFromPc(mp: PcMultiPolygon): Poly[] {
  return mp
    .map((p) => ({ rings: oriented(p.map(pcToFlat).filter((r) => r.length >= 8)) }))
    .filter((p) => p.rings.length > 0);
}

function lonLatAt(ws: Workspace, x: number, y: number): [number, number] {
  const p = ws.toLonLat ? ws.toLonLat([x, y]) : [x, y];
  return [Math.round(p[0]! * 1e7) / 1e7, Math.round(p[1]! * 1e7) / 1e7];
}

function finishShape(polys: Poly[], ws: Workspace, problems: ShapeProblem[]): Shape {
  const allRings = polys.flatMap((p) => p.rings);
  const bbox = emptyBBox();
  const ringBoxes = allRings.map((r) => {
    extendBBox(bbox, r);
    return bboxOfRing(r);
  });
  let area = 0;
  let vertexCount = 0;
  for (const r of allRings) {
    area += ws.ringArea(r);
    vertexCount += r.length / 2;
  }
  return { polys, bbox, area, vertexCount, problems, allRings, ringBoxes };
}

/**
 * Builds a Shape from polygon coordinates (no caching): checked and, where invalid, repaired by the
 * validity engine, each problem named in `problems`.
 */
export function buildShape(polygons: Position[][][], ws: Workspace): Shape {
  workCount.shapes++;
  const parts: Float64Array[][] = [];
  for (const poly of polygons) {
    const cleaned = poly.map((r) => toFlatRing(r, ws));
    // A polygon whose outer ring does not survive cleaning is dropped: holes alone mean nothing.
    if (!cleaned[0]) continue;
    parts.push(cleaned.filter((r): r is Float64Array => r !== undefined));
  }
  return shapeOfParts(parts, ws);
}

function shapeOfParts(parts: Float64Array[][], ws: Workspace): Shape {
  const v = validatePolygonal(parts, ws.grid);
  const problems: ShapeProblem[] = v.issues.map((i) => {
    const at = lonLatAt(ws, i.x, i.y);
    return {
      code: i.code,
      severity: i.severity,
      message: validityMessage(i.code, at, i.count, 'zh'),
      messageEn: validityMessage(i.code, at, i.count, 'en'),
      params: { count: i.count },
      at,
    };
  });
  if (v.unionFailed)
    problems.push({
      code: 'repair-failed',
      severity: 'error',
      message:
        '重叠的部件无法合并，面积按各部件相加计算，重叠部分重复计入 (the overlapping parts could not be merged; their areas are added)',
      messageEn: 'the overlapping parts could not be merged; their areas are added, the overlap twice',
    });
  return finishShape(
    v.polys.map((rings) => ({ rings })),
    ws,
    problems,
  );
}

/** A Shape from polyclip output already valid (unions of shapes). */
export function shapeFromPc(mp: PcMultiPolygon, ws: Workspace): Shape {
  return finishShape(polysFromPc(mp), ws, []);
}

export function shapeToPc(s: Shape): PcMultiPolygon {
  return pcFromPolys(s.polys);
}

// One WeakMap per workspace: no per-geometry allocation beyond the shape itself.
const caches = new Map<string, WeakMap<object, Shape | null>>();

/** The cached Shape of a geometry in a workspace; undefined when it has no polygonal part. */
export function shapeOf(g: Geometry | null | undefined, ws: Workspace): Shape | undefined {
  if (!g) return undefined;
  if (g instanceof FlatGeometry && g.flat) {
    const key = ws.key; // "ellipsoidal" or "plane:…": apart from the other memo keys
    let s = g.memo(key) as Shape | null | undefined;
    if (s === undefined) {
      const source = ws.planeCrs ? sourcePositions(g, ws.planeCrs) : undefined;
      const built = shapeOfParts(partsFromFlat(g.flat, ws, source), ws);
      s = built.polys.length ? built : null;
      g.setMemo(key, s);
    }
    return s ?? undefined;
  }
  let cache = caches.get(ws.key);
  if (!cache) {
    cache = new WeakMap();
    caches.set(ws.key, cache);
  }
  const hit = cache.get(g);
  if (hit !== undefined) return hit ?? undefined;
  const polygons = polygonsOf(g);
  const shape = polygons.length ? buildShape(polygons, ws) : null;
  const keep = shape && shape.polys.length ? shape : null;
  cache.set(g, keep);
  return keep ?? undefined;
}

export interface Triangles {
  /** counter-clockwise triangles, 6 numbers each */
  tris: Float64Array;
}

/** The shape's triangles (lazily, earcut), checked to add up to the shape's planar area. */
export function trianglesOf(s: Shape): Triangles | null {
  if (s.tris !== undefined) return s.tris;
  const out: number[] = [];
  let ok = true;
  for (const p of s.polys) {
    const ox = p.rings[0]![0]!;
    const oy = p.rings[0]![1]!;
    const coords: number[] = [];
    const holes: number[] = [];
    let want = 0;
    p.rings.forEach((r, i) => {
      if (i > 0) holes.push(coords.length / 2);
      // earcut wants open rings; coordinates relative to the first vertex keep its arithmetic exact-ish.
      for (let k = 0; k + 3 < r.length; k += 2) coords.push(r[k]! - ox, r[k + 1]! - oy);
      want += planarRingArea(r);
    });
    const idx = earcut(coords, holes);
    let got = 0;
    for (let t = 0; t + 2 < idx.length; t += 3) {
      const a = idx[t]!;
      let b = idx[t + 1]!;
      let c = idx[t + 2]!;
      const ax = coords[2 * a]!;
      const ay = coords[2 * a + 1]!;
      let cross =
        (coords[2 * b]! - ax) * (coords[2 * c + 1]! - ay) - (coords[2 * c]! - ax) * (coords[2 * b + 1]! - ay);
      if (cross < 0) {
        [b, c] = [c, b];
        cross = -cross;
      }
      got += cross / 2;
      out.push(
        ax + ox,
        ay + oy,
        coords[2 * b]! + ox,
        coords[2 * b + 1]! + oy,
        coords[2 * c]! + ox,
        coords[2 * c + 1]! + oy,
      );
    }
    if (Math.abs(got - want) > 1e-9 * Math.abs(want) + 1e-12) ok = false;
  }
  s.tris = ok ? { tris: Float64Array.from(out) } : null;
  return s.tris;
}

export function segmentIndexOf(s: Shape): SegmentIndex {
  if (!s.segIndex) s.segIndex = buildSegmentIndex(s.allRings);
  return s.segIndex;
}
