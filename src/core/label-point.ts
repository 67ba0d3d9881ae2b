// One label position per feature, computed once from the whole geometry: MapLibre places polygon
// and line labels per tile piece, so a feature crossing tiles was named two to four times.
import type { Geometry, Position } from 'geojson';
import polylabel from 'polylabel';
import { polygonsOf } from './polygons.ts';

export interface LabelPoint {
  lon: number;
  lat: number;
  /** text rotation in degrees clockwise from horizontal (lines), kept within ±90° so text reads upright */
  angle: number;
  /** how much room the label has: a polygon's inscribed radius or a line's length, in metres (roughly) */
  room: number;
}

const M_PER_DEG = 111_320;

function linesOf(g: Geometry): Position[][] {
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(linesOf);
    default:
      return [];
  }
}

function pointOf(g: Geometry): Position | undefined {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'MultiPoint':
      return g.coordinates[0];
    case 'GeometryCollection':
      for (const m of g.geometries) {
        const p = pointOf(m);
        if (p) return p;
      }
      return undefined;
    default:
      return undefined;
  }
}

function finite(p: Position | undefined): p is Position {
  return !!p && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** Shoelace area of a ring in the scaled plane (absolute value). */
function ringArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return Math.abs(s / 2);
}

/**
 * Where a feature's label goes: the pole of inaccessibility of its largest polygon (polylabel), the
 * middle of its longest line, or its point. Longitudes are scaled by cos(latitude) first so "far
 * from the edges" means the same in every direction. Null when the geometry has nothing to label.
 */
export function labelPoint(g: Geometry | null | undefined): LabelPoint | null {
  if (!g) return null;
  const polygons = polygonsOf(g).filter((p) => p[0] && p[0].length >= 4);
  const any = polygons[0]?.[0]?.[0] ?? linesOf(g)[0]?.[0] ?? pointOf(g);
  if (!finite(any)) return null;
  const k = Math.cos((any[1]! * Math.PI) / 180);
  if (polygons.length > 0) {
    let best: number[][][] | undefined;
    let bestArea = -1;
    for (const poly of polygons) {
      const scaled = poly.map((ring) => ring.filter(finite).map((p) => [p[0]! * k, p[1]!]));
      const a = ringArea(scaled[0]!);
      if (a > bestArea) {
        bestArea = a;
        best = scaled;
      }
    }
    const outer = best![0]!;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of outer) {
      minX = Math.min(minX, x!);
      maxX = Math.max(maxX, x!);
      minY = Math.min(minY, y!);
      maxY = Math.max(maxY, y!);
    }
    // a thousandth of the feature's size: well under a pixel at any zoom that shows it whole
    const precision = Math.max(maxX - minX, maxY - minY) / 1000 || 1e-9;
    const p = polylabel(best!, precision);
    return { lon: p[0] / k, lat: p[1], angle: 0, room: p.distance * M_PER_DEG };
  }
  const lines = linesOf(g).map((l) => l.filter(finite).map((p) => [p[0]! * k, p[1]!]));
  if (lines.length > 0) {
    const lengthOf = (l: number[][]) =>
      l.reduce((s, p, i) => (i ? s + Math.hypot(p[0]! - l[i - 1]![0]!, p[1]! - l[i - 1]![1]!) : 0), 0);
    let line = lines[0]!;
    let length = lengthOf(line);
    for (const l of lines.slice(1)) {
      const len = lengthOf(l);
      if (len > length) [line, length] = [l, len];
    }
    if (line.length === 1) return { lon: line[0]![0]! / k, lat: line[0]![1]!, angle: 0, room: 0 };
    let walked = 0;
    for (let i = 1; i < line.length; i++) {
      const [ax, ay] = line[i - 1] as [number, number];
      const [bx, by] = line[i] as [number, number];
      const seg = Math.hypot(bx - ax, by - ay);
      if (walked + seg >= length / 2 && seg > 0) {
        const t = (length / 2 - walked) / seg;
        // the angle on screen (Web Mercator, y pointing south): a segment rising to the east turns
        // the text anticlockwise, which MapLibre's clockwise text-rotate gives as negative
        const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
        let angle = (-Math.atan2(mercY(by) - mercY(ay), ((bx - ax) / k) * (Math.PI / 180)) * 180) / Math.PI;
        if (angle > 90) angle -= 180;
        else if (angle < -90) angle += 180;
        return { lon: (ax + t * (bx - ax)) / k, lat: ay + t * (by - ay), angle, room: length * M_PER_DEG };
      }
      walked += seg;
    }
    return { lon: line[0]![0]! / k, lat: line[0]![1]!, angle: 0, room: 0 };
  }
  return { lon: any[0]!, lat: any[1]!, angle: 0, room: 0 };
}
