// ESRI .shp geometry reader (Point, PolyLine, Polygon, MultiPoint and their Z/M forms). Own code so
// that a truncated or damaged file is reported as a value with the record it broke at, and so that
// polygon rings come out in RFC 7946 order (outer counter-clockwise, holes clockwise).
import Flatbush from 'flatbush';
import { pointInRing } from '../geometry/point-in-ring.ts';
import type { Geometry, Position } from 'geojson';

export class ShpError extends Error {}

const NULL = 0;
const POINT = 1;
const POLYLINE = 3;
const POLYGON = 5;
const MULTIPOINT = 8;

function baseType(t: number): number {
  // Z types are base + 10, M types base + 20.
  return t >= 20 ? t - 20 : t >= 10 ? t - 10 : t;
}

/** Twice the signed area; positive for counter-clockwise rings. */
export function ringSignedArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    sum += (a[0]! - b[0]!) * (a[1]! + b[1]!);
  }
  return sum;
}

type Box = [number, number, number, number];

function ringBox(ring: readonly Position[]): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of ring) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Groups shapefile rings (outer clockwise, holes counter-clockwise) into RFC 7946 polygons. The
 * outer rings' boxes go into a flatbush, so each hole is tested only against the outers whose box
 * holds its own: linear in the rings for any sane record (40 000 rings read in milliseconds, where
 * testing every hole against every outer took minutes). A hole goes to the first outer, in file
 * order, that holds one of its points, as before.
 */
function ringsToPolygons(rings: Position[][]): Position[][][] {
  const outers: Position[][][] = [];
  const outerBoxes: Box[] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (ringSignedArea2(ring) <= 0) {
      outers.push([ring.slice().reverse()]);
      outerBoxes.push(ringBox(ring));
    } else holes.push(ring.slice().reverse());
  }
  let index: Flatbush | undefined;
  // NaN boxes (non-finite coordinates) cannot be indexed; such records keep the plain search.
  const indexable = outerBoxes.every((b) => b.every(Number.isFinite));
  if (holes.length > 0 && outers.length > 8 && indexable) {
    index = new Flatbush(outers.length);
    for (const b of outerBoxes) index.add(b[0], b[1], b[2], b[3]);
    index.finish();
  }
  const orphans: Position[][][] = [];
  for (const hole of holes) {
    const [minX, minY, maxX, maxY] = ringBox(hole);
    const candidates = index
      ? index.search(minX, minY, maxX, maxY).sort((a, b) => a - b)
      : outers.map((_, i) => i);
    const owner = candidates.find((i) => {
      const b = outerBoxes[i]!;
      if (index && (b[0] > minX || b[1] > minY || b[2] < maxX || b[3] < maxY)) return false;
      return hole.some((p) => pointInRing(p[0]!, p[1]!, outers[i]![0]!));
    });
    // A hole inside no outer ring is a wrongly wound outer ring: keep it as a polygon of its own.
    if (owner !== undefined) outers[owner]!.push(hole);
    else orphans.push([hole.slice().reverse()]);
  }
  return outers.concat(orphans);
}

function readParts(view: DataView, off: number, end: number, type: number): Position[][] {
  const numParts = view.getInt32(off + 36, true);
  const numPoints = view.getInt32(off + 40, true);
  const partsAt = off + 44;
  const pointsAt = partsAt + numParts * 4;
  if (numParts < 0 || numPoints < 0 || pointsAt + numPoints * 16 > end) {
    throw new ShpError('part or point count exceeds the record');
  }
  const hasZ = type >= 10 && type < 20;
  const zAt = pointsAt + numPoints * 16 + 16;
  const zOk = hasZ && zAt + numPoints * 8 <= end;
  const parts: Position[][] = [];
  for (let p = 0; p < numParts; p++) {
    const start = view.getInt32(partsAt + p * 4, true);
    const stop = p + 1 < numParts ? view.getInt32(partsAt + (p + 1) * 4, true) : numPoints;
    if (start < 0 || stop > numPoints || stop < start) throw new ShpError('bad part index');
    const ring: Position[] = [];
    for (let i = start; i < stop; i++) {
      const pos: Position = [
        view.getFloat64(pointsAt + i * 16, true),
        view.getFloat64(pointsAt + i * 16 + 8, true),
      ];
      if (zOk) pos.push(view.getFloat64(zAt + i * 8, true));
      ring.push(pos);
    }
    parts.push(ring);
  }
  return parts;
}

function readRecord(view: DataView, off: number, end: number): Geometry | null {
  const type = view.getInt32(off, true);
  const base = baseType(type);
  switch (base) {
    case NULL:
      return null;
    case POINT: {
      if (off + 20 > end) throw new ShpError('point record too short');
      const pos: Position = [view.getFloat64(off + 4, true), view.getFloat64(off + 12, true)];
      if (type === 11 && off + 28 <= end) pos.push(view.getFloat64(off + 20, true));
      return { type: 'Point', coordinates: pos };
    }
    case MULTIPOINT: {
      const n = view.getInt32(off + 36, true);
      if (n < 0 || off + 40 + n * 16 > end) throw new ShpError('point count exceeds the record');
      const hasZ = type === 18 && off + 40 + n * 16 + 16 + n * 8 <= end;
      const zAt = off + 40 + n * 16 + 16;
      const coords: Position[] = [];
      for (let i = 0; i < n; i++) {
        const pos: Position = [
          view.getFloat64(off + 40 + i * 16, true),
          view.getFloat64(off + 48 + i * 16, true),
        ];
        if (hasZ) pos.push(view.getFloat64(zAt + i * 8, true));
        coords.push(pos);
      }
      return { type: 'MultiPoint', coordinates: coords };
    }
    case POLYLINE: {
      const parts = readParts(view, off, end, type);
      if (parts.length === 0) return null;
      return parts.length === 1
        ? { type: 'LineString', coordinates: parts[0]! }
        : { type: 'MultiLineString', coordinates: parts };
    }
    case POLYGON: {
      const polys = ringsToPolygons(readParts(view, off, end, type));
      if (polys.length === 0) return null;
      return polys.length === 1
        ? { type: 'Polygon', coordinates: polys[0]! }
        : { type: 'MultiPolygon', coordinates: polys };
    }
    default:
      throw new ShpError(`unsupported shape type ${type}`);
  }
}

export interface ShpReadResult {
  geometries: (Geometry | null)[];
  /** set when the file ends inside a record: geometries holds the records before it */
  truncatedAt?: number;
  /** records that could not be decoded, by index */
  broken: { index: number; detail: string }[];
}

function allZero(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== 0) return false;
  return true;
}

export function readShp(bytes: Uint8Array): ShpReadResult {
  if (bytes.length < 100) throw new ShpError('header shorter than 100 bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) throw new ShpError('not a .shp file (bad file code)');
  const declared = view.getInt32(24, false) * 2;
  const end = Math.min(declared > 100 ? declared : bytes.length, bytes.length);
  const out: ShpReadResult = { geometries: [], broken: [] };
  let off = 100;
  while (off + 8 <= end) {
    const contentLength = view.getInt32(off + 4, false) * 2;
    const recStart = off + 8;
    const recEnd = recStart + contentLength;
    if (contentLength < 4 || recEnd > bytes.length) {
      // Nothing but zeros to the end is padding (record numbers start at 1), which GDAL reads past.
      if (allZero(bytes, off, end)) break;
      out.truncatedAt = out.geometries.length;
      break;
    }
    try {
      out.geometries.push(readRecord(view, recStart, recEnd));
    } catch (e) {
      out.broken.push({ index: out.geometries.length, detail: e instanceof Error ? e.message : String(e) });
      out.geometries.push(null);
    }
    off = recEnd;
  }
  if (out.truncatedAt === undefined && declared > bytes.length) out.truncatedAt = out.geometries.length;
  return out;
}
