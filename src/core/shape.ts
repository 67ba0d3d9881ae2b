// A Shape is a polygonal geometry made ready for measuring in one workspace: flat closed rings in
// workspace coordinates, outer rings counter-clockwise and holes clockwise, self-crossings repaired,
// with its box and area. Shapes are cached per geometry object and workspace, so features must be
// treated as immutable: an edit makes a new geometry object.
import earcut from 'earcut';
import { bboxesMeet, bboxOfRing, emptyBBox, extendBBox, type BBox } from './bbox.ts';
import { flatToPc, pcToFlat, safeClip, type PcMultiPolygon } from './polyclip-safe.ts';
import { buildSegmentIndex, type SegmentIndex } from './segment-index.ts';
import { findCrossings, splitIntoLoops } from './self-intersection.ts';
import type { Geometry, Position } from './types.ts';
import { planarRingArea, type Workspace } from './workspace.ts';

export interface ShapeProblem {
  code: 'self-intersection' | 'hole-outside-shell' | 'overlapping-parts' | 'repair-failed';
  message: string;
  /** words for warning-text.ts: the number of crossings */
  params?: { count: number };
  /** lon/lat of the first crossing, where there is one */
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

/** The polygon coordinate lists of a geometry (Polygon, MultiPolygon, or those inside a collection). */
export function polygonsOf(g: Geometry | null | undefined): Position[][][] {
  if (!g) return [];
  switch (g.type) {
    case 'Polygon':
      return [g.coordinates];
    case 'MultiPolygon':
      return g.coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(polygonsOf);
    default:
      return [];
  }
}

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

function reversed(ring: Float64Array): Float64Array {
  const n = ring.length / 2;
  const out = new Float64Array(ring.length);
  for (let i = 0; i < n; i++) {
    out[2 * i] = ring[2 * (n - 1 - i)]!;
    out[2 * i + 1] = ring[2 * (n - 1 - i) + 1]!;
  }
  return out;
}

/** Outer ring counter-clockwise, holes clockwise (the signed-area convention everything relies on). */
function orient(rings: Float64Array[]): Float64Array[] {
  return rings.map((r, i) => (planarRingArea(r) > 0 === (i === 0) ? r : reversed(r)));
}

function pointInRing(ring: Float64Array, px: number, py: number): boolean {
  let inside = false;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    const x1 = ring[i]!;
    const y1 = ring[i + 1]!;
    const x2 = ring[i + 2]!;
    const y2 = ring[i + 3]!;
    if (y1 > py !== y2 > py && px < x1 + ((py - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
  }
  return inside;
}

function onRingBoundary(ring: Float64Array, px: number, py: number): boolean {
  for (let i = 0; i + 3 < ring.length; i += 2) {
    const x1 = ring[i]!;
    const y1 = ring[i + 1]!;
    const x2 = ring[i + 2]!;
    const y2 = ring[i + 3]!;
    const cross = (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1);
    if (
      cross === 0 &&
      px >= Math.min(x1, x2) &&
      px <= Math.max(x1, x2) &&
      py >= Math.min(y1, y2) &&
      py <= Math.max(y1, y2)
    )
      return true;
  }
  return false;
}

/**
 * Whether a hole that crosses no edge of its shell lies inside it: decided by its first vertex off
 * the shell's boundary, since a valid hole may touch the shell at a vertex.
 */
function holeInside(outer: Float64Array, hole: Float64Array): boolean {
  for (let i = 0; i + 1 < hole.length; i += 2) {
    const x = hole[i]!;
    const y = hole[i + 1]!;
    if (!onRingBoundary(outer, x, y)) return pointInRing(outer, x, y);
  }
  return true;
}

function pcFromPolys(polys: Poly[]): PcMultiPolygon {
  return polys.map((p) => p.rings.map(flatToPc));
}

function polysFromPc(mp: PcMultiPolygon): Poly[] {
  return mp
    .map((p) => ({ rings: orient(p.map(pcToFlat).filter((r) => r.length >= 8)) }))
    .filter((p) => p.rings.length > 0);
}

function lonLatAt(ws: Workspace, x: number, y: number): [number, number] {
  const p = ws.toLonLat ? ws.toLonLat([x, y]) : [x, y];
  return [Math.round(p[0]! * 1e7) / 1e7, Math.round(p[1]! * 1e7) / 1e7];
}

/** One polygon's rings, repaired as GEOS MakeValid would (even-odd over the split loops). */
function repairPolygon(rings: Float64Array[], ws: Workspace, problems: ShapeProblem[]): Poly[] {
  const crossings = findCrossings(rings);
  let holeOutside = false;
  const outer = rings[0]!;
  if (crossings.length === 0) {
    for (let i = 1; i < rings.length; i++) {
      if (!holeInside(outer, rings[i]!)) holeOutside = true;
    }
    if (!holeOutside) return [{ rings: orient(rings) }];
  }
  const first = crossings[0];
  if (first) {
    problems.push({
      code: 'self-intersection',
      params: { count: crossings.length },
      message: `边界自相交 ${crossings.length} 处，已按 GEOS MakeValid 的方式修复计算 (ring crosses itself at ${crossings.length} point(s); measured as repaired)`,
      at: lonLatAt(ws, first.x, first.y),
    });
  } else {
    problems.push({
      code: 'hole-outside-shell',
      message:
        '内环(洞)位于外环之外，已按修复后的图形计算 (a hole lies outside its shell; measured as repaired)',
    });
  }
  const loops = splitIntoLoops(rings, crossings);
  // Even-odd fill: XOR of the simple loops is what MakeValid's linework method keeps.
  const result = safeClip(
    'xor',
    loops.map((l) => [[flatToPc(l)]]),
    ws.grid,
  );
  if (result) return polysFromPc(result);
  problems.push({
    code: 'repair-failed',
    message:
      '自相交图形无法自动修复，面积按各环绝对面积相加估算 (repair failed; area estimated from the loops)',
  });
  return loops.map((l) => ({ rings: orient([l]) }));
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

/** Builds a Shape from polygon coordinates (no caching). */
export function buildShape(polygons: Position[][][], ws: Workspace): Shape {
  const problems: ShapeProblem[] = [];
  let polys: Poly[] = [];
  for (const poly of polygons) {
    const cleaned = poly.map((r) => toFlatRing(r, ws));
    // A polygon whose outer ring does not survive cleaning is dropped: holes alone mean nothing.
    if (!cleaned[0]) continue;
    const rings = cleaned.filter((r): r is Float64Array => r !== undefined);
    polys.push(...repairPolygon(rings, ws, problems));
  }
  if (polys.length > 1 && partsMayOverlap(polys)) {
    const merged = safeClip('union', [pcFromPolys(polys)], ws.grid);
    if (merged) {
      const before = polys.reduce((s, p) => s + p.rings.reduce((t, r) => t + planarRingArea(r), 0), 0);
      const mergedPolys = polysFromPc(merged);
      const after = mergedPolys.reduce((s, p) => s + p.rings.reduce((t, r) => t + planarRingArea(r), 0), 0);
      if (Math.abs(before - after) > 1e-9 * Math.abs(before)) {
        problems.push({
          code: 'overlapping-parts',
          message: '多部件之间相互重叠，重叠部分只计一次 (parts overlap; the overlap is counted once)',
        });
        polys = mergedPolys;
      }
    }
  }
  return finishShape(polys, ws, problems);
}

function partsMayOverlap(polys: Poly[]): boolean {
  const boxes = polys.map((p) => bboxOfRing(p.rings[0]!));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (bboxesMeet(boxes[i]!, boxes[j]!)) return true;
  return false;
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
