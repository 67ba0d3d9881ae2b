// A polygon layer packed for drawing as map tiles (the tile worker, src/worker/tile-api.ts): every
// ring's vertices in one Float64Array of Web Mercator world coordinates (0–1, y down), with ring and
// feature offsets, a box per feature and a palette index per feature. A 300 000-parcel 三调 layer
// is six typed arrays (≈ 60 MB) instead of 300 000 GeoJSON features, and moves between threads by
// transfer, without a copy. Rings are oriented as the vector tile spec wants them (exterior rings
// with a positive surveyor's area in y-down coordinates, holes negative), so a canvas fills them
// with the nonzero rule and a vector tile needs no second pass.
import type { Feature, Position } from 'geojson';

export interface TilePack {
  /** x, y pairs in Web Mercator world units (0–1, y down); a ring's closing vertex is dropped */
  xy: Float64Array;
  /** ring r's vertices are pairs ringStart[r] … ringStart[r + 1] - 1 (length: rings + 1) */
  ringStart: Uint32Array;
  /** 1 for a ring that is a hole of the exterior ring before it */
  hole: Uint8Array;
  /** feature f's rings are featureStart[f] … featureStart[f + 1] - 1 (length: features + 1) */
  featureStart: Uint32Array;
  /** per feature: min x, min y, max x, max y in world units (NaN for a feature with no polygon) */
  box: Float64Array;
  /** per feature: its colour's index in `palette` */
  color: Uint16Array;
  palette: string[];
}

const MAX_LAT = 85.0511287798066;

/** Web Mercator world x (0–1) of a longitude. */
export const worldX = (lon: number): number => lon / 360 + 0.5;

/** Web Mercator world y (0–1, north at 0) of a latitude. */
export function worldY(lat: number): number {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
}

/** The longitude and latitude of a world point. */
export function lonLatOf(x: number, y: number): [number, number] {
  const lat = (Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) * 360) / Math.PI - 90;
  return [(x - 0.5) * 360, lat];
}

/** The polygons of a feature's geometry (none for points and lines). */
function polygonsOf(f: Feature): Position[][][] {
  const g = f.geometry;
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection')
    return g.geometries.flatMap((x) => polygonsOf({ type: 'Feature', properties: null, geometry: x }));
  return [];
}

/**
 * Packs features, `chunk` at a time with `pause()` awaited between chunks (so a page that packs
 * 300 000 parcels keeps drawing frames). `colorOf` names a feature's fill colour.
 */
export async function packFeatures(
  features: readonly (Feature | undefined)[],
  colorOf: (f: Feature, index: number) => string,
  pause: () => Promise<void> = () => Promise.resolve(),
  chunk = 10_000,
): Promise<TilePack> {
  const n = features.length;
  let vertices = 0;
  let rings = 0;
  for (const f of features) {
    if (!f) continue;
    for (const p of polygonsOf(f))
      for (const r of p) {
        rings++;
        vertices += Math.max(0, r.length - 1);
      }
  }
  const xy = new Float64Array(vertices * 2);
  const ringStart = new Uint32Array(rings + 1);
  const hole = new Uint8Array(rings);
  const featureStart = new Uint32Array(n + 1);
  const box = new Float64Array(n * 4);
  const color = new Uint16Array(n);
  const palette: string[] = [];
  const paletteIndex = new Map<string, number>();
  let v = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % chunk === 0) await pause();
    featureStart[i] = r;
    const f = features[i];
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    if (f) {
      const c = colorOf(f, i);
      let ci = paletteIndex.get(c);
      if (ci === undefined) {
        ci = palette.length;
        if (ci > 0xffff) throw new Error('more than 65 536 colours in one layer');
        palette.push(c);
        paletteIndex.set(c, ci);
      }
      color[i] = ci;
      for (const polygon of polygonsOf(f))
        for (let k = 0; k < polygon.length; k++) {
          const ring = polygon[k]!;
          ringStart[r] = v;
          hole[r] = k > 0 ? 1 : 0;
          const start = v;
          // the closing vertex repeats the first: dropped
          const m = ring.length > 1 ? ring.length - 1 : ring.length;
          for (let j = 0; j < m; j++) {
            const p = ring[j]!;
            const x = worldX(p[0]!);
            const y = worldY(p[1]!);
            xy[2 * v] = x;
            xy[2 * v + 1] = y;
            v++;
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
          orient(xy, start, v, k > 0);
          r++;
        }
    }
    box[4 * i] = x0 === Infinity ? NaN : x0;
    box[4 * i + 1] = x0 === Infinity ? NaN : y0;
    box[4 * i + 2] = x0 === Infinity ? NaN : x1;
    box[4 * i + 3] = x0 === Infinity ? NaN : y1;
  }
  featureStart[n] = r;
  ringStart[rings] = v;
  return { xy, ringStart, hole, featureStart, box, color, palette };
}

/** Twice the surveyor's area of vertices a … b - 1 (positive: clockwise with y down). */
export function ringArea2(xy: Float64Array, a: number, b: number): number {
  let s = 0;
  for (let i = a, j = b - 1; i < b; j = i++) s += xy[2 * j]! * xy[2 * i + 1]! - xy[2 * i]! * xy[2 * j + 1]!;
  return s;
}

/** Reverses vertices a … b - 1 in place when their orientation is not the one wanted. */
function orient(xy: Float64Array, a: number, b: number, isHole: boolean): void {
  const area = ringArea2(xy, a, b);
  if (area === 0 || area > 0 !== isHole) return;
  for (let i = a, j = b - 1; i < j; i++, j--) {
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    xy[2 * i] = xy[2 * j]!;
    xy[2 * i + 1] = xy[2 * j + 1]!;
    xy[2 * j] = x;
    xy[2 * j + 1] = y;
  }
}

/** The arrays of a pack, to hand to postMessage as transferables. */
export const packBuffers = (p: TilePack): ArrayBuffer[] =>
  [p.xy, p.ringStart, p.hole, p.featureStart, p.box, p.color].map((a) => a.buffer as ArrayBuffer);
