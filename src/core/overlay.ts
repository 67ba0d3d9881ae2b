// Areas of intersections and differences of shapes, and lengths of lines inside a shape.
//
// The smaller shape is triangulated (earcut) and the other shape's rings are clipped to each triangle
// with Sutherland-Hodgman, which is exact for convex windows and cannot fail. A triangle the other
// shape's boundary does not come near is wholly inside or outside: one point-in-polygon test decides
// it. So only the pieces that cross a boundary are clipped (the containment fast path), and polyclip
// is needed only as a fallback when a triangulation does not add up.
import { bboxesMeet } from './bbox.ts';
import { differenceCorrection, intersectionCorrection } from './boundary-correction.ts';
import { clipRingToTriangle } from './clip-convex.ts';
import { onGeodesics } from './geodesic-vertices.ts';
import { chunkRing, reduceRing, type ChunkedRing } from './ring-chunks.ts';
import { safeClip } from './polyclip-safe.ts';
import { anySegmentNear, pointInIndexed, segmentsNear } from './segment-index.ts';
import { segmentIndexOf, shapeFromPc, shapeToPc, trianglesOf, type Shape, type Triangles } from './shape.ts';
import type { Workspace } from './workspace.ts';

export interface OverlayNote {
  code: 'overlay-fallback' | 'overlay-failed';
  message: string;
}

/** Whether a point lies inside a shape (even-odd over its rings). */
export function shapeContainsPoint(s: Shape, x: number, y: number): boolean {
  if (x < s.bbox[0] || x > s.bbox[2] || y < s.bbox[1] || y > s.bbox[3]) return false;
  return pointInIndexed(segmentIndexOf(s), x, y, s.bbox[2]);
}

function triangleArea(ws: Workspace, t: Float64Array, o: number): number {
  return ws.pieceArea([t[o]!, t[o + 1]!, t[o + 2]!, t[o + 3]!, t[o + 4]!, t[o + 5]!, t[o]!, t[o + 1]!]);
}

const chunkCache = new WeakMap<Shape, ChunkedRing[]>();

function chunksOf(s: Shape, i: number): ChunkedRing {
  let list = chunkCache.get(s);
  if (!list) {
    list = s.allRings.map(chunkRing);
    chunkCache.set(s, list);
  }
  return list[i]!;
}

/** area(T ∩ big) where T is the union of the triangles `tris` and `big` is indexed. */
function clippedArea(t: Triangles, big: Shape, ws: Workspace): number {
  const tris = t.tris;
  const si = segmentIndexOf(big);
  let sum = 0;
  for (let o = 0; o < tris.length; o += 6) {
    const minX = Math.min(tris[o]!, tris[o + 2]!, tris[o + 4]!);
    const minY = Math.min(tris[o + 1]!, tris[o + 3]!, tris[o + 5]!);
    const maxX = Math.max(tris[o]!, tris[o + 2]!, tris[o + 4]!);
    const maxY = Math.max(tris[o + 1]!, tris[o + 3]!, tris[o + 5]!);
    if (maxX < big.bbox[0] || minX > big.bbox[2] || maxY < big.bbox[1] || minY > big.bbox[3]) continue;
    if (!anySegmentNear(si, minX, minY, maxX, maxY)) {
      const cx = (tris[o]! + tris[o + 2]! + tris[o + 4]!) / 3;
      const cy = (tris[o + 1]! + tris[o + 3]! + tris[o + 5]!) / 3;
      if (pointInIndexed(si, cx, cy, big.bbox[2])) sum += triangleArea(ws, tris, o);
      continue;
    }
    const tri = tris.subarray(o, o + 6);
    big.allRings.forEach((ring, i) => {
      const b = big.ringBoxes[i]!;
      if (b[2] < minX || b[0] > maxX || b[3] < minY || b[1] > maxY) {
        // A ring whose box misses the triangle's box contributes nothing... unless it surrounds it,
        // which it cannot while the boxes are disjoint.
        return;
      }
      const piece = clipRingToTriangle(
        ring.length > 256 ? reduceRing(chunksOf(big, i), [minX, minY, maxX, maxY]) : ring,
        tri,
      );
      if (piece.length >= 8) sum += ws.pieceArea(piece);
    });
  }
  return sum;
}

/** Whether `small` lies wholly inside or outside `big` (no edge of big comes near it), and which. */
function containment(a: Shape, b: Shape): { small: Shape; big: Shape; whole?: 'in' | 'out' } {
  const [small, big] = a.vertexCount <= b.vertexCount ? [a, b] : [b, a];
  if (anySegmentNear(segmentIndexOf(big), small.bbox[0], small.bbox[1], small.bbox[2], small.bbox[3]))
    return { small, big };
  const r = small.allRings[0]!;
  return { small, big, whole: shapeContainsPoint(big, r[0]!, r[1]!) ? 'in' : 'out' };
}

/** Straight-edge (chord) area of a ∩ b by triangles; undefined when neither triangulates. */
function chordIntersection(small: Shape, big: Shape, ws: Workspace): number | undefined {
  const ts = trianglesOf(small);
  if (ts) return clippedArea(ts, big, ws);
  const tb = trianglesOf(big);
  return tb ? clippedArea(tb, small, ws) : undefined;
}

function chordArea(s: Shape, ws: Workspace): number {
  let sum = 0;
  for (const r of s.allRings) sum += ws.pieceArea(r);
  return sum;
}

/** area(a ∩ b) in m²; `notes` collects fallbacks. Never throws. */
export function intersectionArea(a: Shape, b: Shape, ws: Workspace, notes?: OverlayNote[]): number {
  if (!bboxesMeet(a.bbox, b.bbox)) return 0;
  const { small, big, whole } = containment(a, b);
  // Containment fast path: only shapes the other's boundary comes near get clipped.
  if (whole) return whole === 'in' ? small.area : 0;
  const chord = chordIntersection(small, big, ws);
  if (chord !== undefined) return Math.max(0, chord + intersectionCorrection(a, b, ws.edgeCorrection));
  const mp = safeClip('intersection', [shapeToPc(a), shapeToPc(b)], ws.grid);
  if (mp) {
    notes?.push({ code: 'overlay-fallback', message: 'triangulation failed; polyclip used' });
    return Math.max(0, shapeFromPc(mp, ws).area);
  }
  notes?.push({
    code: 'overlay-failed',
    message: '叠加计算失败，该要素的重叠面积按 0 计 (overlay failed; counted as 0)',
  });
  return 0;
}

/**
 * area(a − b) in m². Measured directly rather than as area(a) − area(a ∩ b): on the ellipsoid a
 * result edge is one geodesic, and a geodesic split at a chord point is not additive.
 */
export function differenceArea(a: Shape, b: Shape, ws: Workspace, notes?: OverlayNote[]): number {
  if (!bboxesMeet(a.bbox, b.bbox)) return Math.max(0, a.area);
  const { small, big, whole } = containment(a, b);
  if (whole) return Math.max(0, whole === 'out' ? a.area : small === a ? 0 : a.area - b.area);
  const chord = chordIntersection(small, big, ws);
  if (chord !== undefined)
    return Math.max(0, chordArea(a, ws) - chord + differenceCorrection(a, b, ws.edgeCorrection));
  return Math.max(0, a.area - intersectionArea(a, b, ws, notes));
}

/**
 * The union of shapes as one shape (polyclip); undefined when polyclip failed on every try. On the
 * ellipsoid its new vertices lie where the geodesic edges cross (geodesic-vertices.ts).
 */
export function unionShapes(shapes: readonly Shape[], ws: Workspace): Shape | undefined {
  if (shapes.length === 1) return shapes[0];
  const mp = safeClip('union', shapes.map(shapeToPc), ws.grid);
  return mp ? shapeFromPc(ws.method === 'ellipsoidal' ? onGeodesics(mp, shapes) : mp, ws) : undefined;
}

/** The intersection of two shapes as a shape (polyclip), for overlaps that need geometry. */
export function intersectionShape(a: Shape, b: Shape, ws: Workspace): Shape | undefined {
  if (!bboxesMeet(a.bbox, b.bbox)) return shapeFromPc([], ws);
  const mp = safeClip('intersection', [shapeToPc(a), shapeToPc(b)], ws.grid);
  return mp ? shapeFromPc(ws.method === 'ellipsoidal' ? onGeodesics(mp, [a, b]) : mp, ws) : undefined;
}

/** The difference a − b as a shape (polyclip), for pieces that need geometry. */
export function differenceShape(a: Shape, b: Shape, ws: Workspace): Shape | undefined {
  if (!bboxesMeet(a.bbox, b.bbox)) return a;
  const mp = safeClip('difference', [shapeToPc(a), shapeToPc(b)], ws.grid);
  return mp ? shapeFromPc(ws.method === 'ellipsoidal' ? onGeodesics(mp, [a, b]) : mp, ws) : undefined;
}

/** Length in metres of the part of a flat polyline (workspace coordinates) inside a shape. */
export function lineLengthInside(line: ArrayLike<number>, s: Shape, ws: Workspace): number {
  const si = segmentIndexOf(s);
  const segs = si.segs;
  let total = 0;
  for (let i = 0; i + 3 < line.length; i += 2) {
    const x1 = line[i]!;
    const y1 = line[i + 1]!;
    const x2 = line[i + 2]!;
    const y2 = line[i + 3]!;
    const minX = Math.min(x1, x2);
    const minY = Math.min(y1, y2);
    const maxX = Math.max(x1, x2);
    const maxY = Math.max(y1, y2);
    if (maxX < s.bbox[0] || minX > s.bbox[2] || maxY < s.bbox[1] || minY > s.bbox[3]) continue;
    const ts = [0, 1];
    const dx = x2 - x1;
    const dy = y2 - y1;
    for (const k of segmentsNear(si, minX, minY, maxX, maxY)) {
      const ax = segs[4 * k]!;
      const ay = segs[4 * k + 1]!;
      const ex = segs[4 * k + 2]! - ax;
      const ey = segs[4 * k + 3]! - ay;
      const den = dx * ey - dy * ex;
      if (den === 0) continue;
      const t = ((ax - x1) * ey - (ay - y1) * ex) / den;
      const u = ((ax - x1) * dy - (ay - y1) * dx) / den;
      if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
    }
    ts.sort((a, b) => a - b);
    for (let j = 0; j + 1 < ts.length; j++) {
      const ta = ts[j]!;
      const tb = ts[j + 1]!;
      if (tb - ta <= 0) continue;
      const tm = (ta + tb) / 2;
      if (!shapeContainsPoint(s, x1 + tm * dx, y1 + tm * dy)) continue;
      total += ws.segmentLength(x1 + ta * dx, y1 + ta * dy, x1 + tb * dx, y1 + tb * dy);
    }
  }
  return total;
}
