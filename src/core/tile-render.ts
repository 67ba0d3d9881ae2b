// Map tiles of a packed polygon layer (tile-pack.ts): the features in a tile (a flatbush index of
// their boxes), a raster tile drawn on any 2D canvas context, the features of a vector tile in tile
// coordinates (clipped to the tile and its buffer), and the features under a point. Pure: the tile
// worker (src/worker/tile-api.ts) gives it an OffscreenCanvas and encodes the vector tile.
import Flatbush from 'flatbush';
import { clipRingToBox } from './clip-convex.ts';
import type { TilePack } from './tile-pack.ts';

export interface PackIndex {
  pack: TilePack;
  /** null when the pack has no polygon at all */
  tree: Flatbush | null;
  /** the feature index of each box in the tree (flatbush numbers boxes in the order added) */
  ids: Uint32Array;
}

export function indexPack(pack: TilePack): PackIndex {
  const n = pack.color.length;
  const list: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(pack.box[4 * i])) list.push(i);
  const ids = Uint32Array.from(list);
  if (ids.length === 0) return { pack, tree: null, ids };
  const tree = new Flatbush(ids.length);
  for (const i of ids)
    tree.add(pack.box[4 * i]!, pack.box[4 * i + 1]!, pack.box[4 * i + 2]!, pack.box[4 * i + 3]!);
  tree.finish();
  return { pack, tree, ids };
}

/** Feature indices whose boxes meet the world box, in layer order. */
export function featuresIn(index: PackIndex, x0: number, y0: number, x1: number, y1: number): number[] {
  if (!index.tree) return [];
  return index.tree
    .search(x0, y0, x1, y1)
    .map((k) => index.ids[k]!)
    .sort((a, b) => a - b);
}

/** The world box of tile z/x/y. */
export function tileBox(z: number, x: number, y: number): [number, number, number, number] {
  const s = 1 / 2 ** z;
  return [x * s, y * s, (x + 1) * s, (y + 1) * s];
}

/** The canvas calls a raster tile needs (OffscreenCanvasRenderingContext2D has them all). */
export interface Canvas2D {
  fillStyle: unknown;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(rule?: 'nonzero' | 'evenodd'): void;
}

/**
 * Draws tile z/x/y at `size` pixels: each feature filled with its colour, one path per colour (a
 * 300 000-parcel tile is 15 fills, not 300 000). A feature smaller than a pixel is drawn as its
 * box, at least half a pixel across (the canvas's antialiasing gives it its share of the pixel);
 * a vertex less than a quarter pixel from the last one drawn is skipped. Returns the features drawn.
 */
export function drawRasterTile(
  index: PackIndex,
  z: number,
  x: number,
  y: number,
  size: number,
  ctx: Canvas2D,
): number {
  const { pack } = index;
  const [bx0, by0, bx1, by1] = tileBox(z, x, y);
  const scale = size / (bx1 - bx0);
  const margin = 1 / scale;
  const ids = featuresIn(index, bx0 - margin, by0 - margin, bx1 + margin, by1 + margin);
  const byColor = new Map<number, number[]>();
  for (const i of ids) {
    const c = pack.color[i]!;
    const list = byColor.get(c);
    if (list) list.push(i);
    else byColor.set(c, [i]);
  }
  const { xy, ringStart, featureStart, box } = pack;
  for (const [c, list] of byColor) {
    ctx.fillStyle = pack.palette[c]!;
    ctx.beginPath();
    for (const i of list) {
      const w = (box[4 * i + 2]! - box[4 * i]!) * scale;
      const h = (box[4 * i + 3]! - box[4 * i + 1]!) * scale;
      if (w < 1 && h < 1) {
        const px = (box[4 * i]! - bx0) * scale;
        const py = (box[4 * i + 1]! - by0) * scale;
        ctx.rect(px, py, Math.max(w, 0.5), Math.max(h, 0.5));
        continue;
      }
      for (let r = featureStart[i]!; r < featureStart[i + 1]!; r++) {
        const a = ringStart[r]!;
        const b = ringStart[r + 1]!;
        if (b - a < 3) continue;
        let lx = (xy[2 * a]! - bx0) * scale;
        let ly = (xy[2 * a + 1]! - by0) * scale;
        ctx.moveTo(lx, ly);
        for (let k = a + 1; k < b; k++) {
          const px = (xy[2 * k]! - bx0) * scale;
          const py = (xy[2 * k + 1]! - by0) * scale;
          if (Math.abs(px - lx) < 0.25 && Math.abs(py - ly) < 0.25) continue;
          ctx.lineTo(px, py);
          lx = px;
          ly = py;
        }
        ctx.closePath();
      }
    }
    ctx.fill('nonzero');
  }
  return ids.length;
}

/** A feature of a vector tile as @maplibre/vt-pbf's fromGeojsonVt takes it (type 3: polygon). */
export interface TileFeature {
  id: number;
  type: 3;
  geometry: [number, number][][];
  tags: Record<string, string | number>;
}

/**
 * The features of vector tile z/x/y in tile coordinates (0 … extent, y down), each ring clipped to
 * the tile and `buffer` units around it (MapLibre keeps vertex positions in 16 bits: a large
 * polygon unclipped would overflow at street zoom), rounded to whole units, repeated points and
 * rings with no area left out. Each carries its feature index as id and its colour as zm_color.
 */
export function vectorTileFeatures(
  index: PackIndex,
  z: number,
  x: number,
  y: number,
  extent = 4096,
  buffer = 64,
): TileFeature[] {
  const { pack } = index;
  const [bx0, by0, bx1, by1] = tileBox(z, x, y);
  const scale = extent / (bx1 - bx0);
  const pad = buffer / scale;
  const ids = featuresIn(index, bx0 - pad, by0 - pad, bx1 + pad, by1 + pad);
  const out: TileFeature[] = [];
  const lo = -buffer;
  const hi = extent + buffer;
  for (const i of ids) {
    const geometry: [number, number][][] = [];
    let keptExterior = false;
    for (let r = pack.featureStart[i]!; r < pack.featureStart[i + 1]!; r++) {
      const isHole = pack.hole[r] === 1;
      // a hole whose exterior was clipped away goes with it
      if (isHole && !keptExterior) continue;
      const pts: [number, number][] = [];
      for (let k = pack.ringStart[r]!; k < pack.ringStart[r + 1]!; k++)
        pts.push([(pack.xy[2 * k]! - bx0) * scale, (pack.xy[2 * k + 1]! - by0) * scale]);
      const clipped = clipRing(pts, lo, hi);
      const ring = roundRing(clipped);
      if (!ring) {
        if (!isHole) keptExterior = false;
        continue;
      }
      if (!isHole) keptExterior = true;
      geometry.push(ring);
    }
    if (geometry.length)
      out.push({ id: i, type: 3, geometry, tags: { zm_color: pack.palette[pack.color[i]!]! } });
  }
  return out;
}

/** A ring clipped to the square lo … hi on both axes (open ring in, open out; core/clip-convex.ts). */
export function clipRing(ring: [number, number][], lo: number, hi: number): [number, number][] {
  if (ring.length < 3) return [];
  const flat = new Float64Array(2 * ring.length + 2);
  ring.forEach(([x, y], i) => {
    flat[2 * i] = x;
    flat[2 * i + 1] = y;
  });
  flat[2 * ring.length] = ring[0]![0];
  flat[2 * ring.length + 1] = ring[0]![1];
  const out = clipRingToBox(flat, lo, lo, hi, hi);
  const pts: [number, number][] = [];
  // the closing vertex repeats the first
  for (let i = 0; i + 2 < out.length; i += 2) pts.push([out[i]!, out[i + 1]!]);
  return pts;
}

/** A ring rounded to whole units and closed, without repeated points; null when no area is left. */
function roundRing(ring: [number, number][]): [number, number][] | null {
  const out: [number, number][] = [];
  for (const [px, py] of ring) {
    const q: [number, number] = [Math.round(px), Math.round(py)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1])
    out.pop();
  if (out.length < 3) return null;
  let area = 0;
  for (let i = 0, j = out.length - 1; i < out.length; j = i++)
    area += out[j]![0] * out[i]![1] - out[i]![0] * out[j]![1];
  if (area === 0) return null;
  out.push([out[0]![0], out[0]![1]]);
  return out;
}

/** Whether world point (px, py) lies inside ring r (even-odd ray casting). */
function inRing(pack: TilePack, r: number, px: number, py: number): boolean {
  const a = pack.ringStart[r]!;
  const b = pack.ringStart[r + 1]!;
  let odd = false;
  for (let k = a, j = b - 1; k < b; j = k++) {
    const xk = pack.xy[2 * k]!;
    const yk = pack.xy[2 * k + 1]!;
    const xj = pack.xy[2 * j]!;
    const yj = pack.xy[2 * j + 1]!;
    if (yk > py !== yj > py && px < ((xj - xk) * (py - yk)) / (yj - yk) + xk) odd = !odd;
  }
  return odd;
}

/** Whether world point (px, py) lies in feature i: inside one of its exterior rings and none of that ring's holes. */
export function featureContains(pack: TilePack, i: number, px: number, py: number): boolean {
  const end = pack.featureStart[i + 1]!;
  let r = pack.featureStart[i]!;
  while (r < end) {
    let h = r + 1;
    while (h < end && pack.hole[h] === 1) h++;
    if (pack.hole[r] !== 1 && inRing(pack, r, px, py)) {
      let inHole = false;
      for (let k = r + 1; k < h && !inHole; k++) inHole = inRing(pack, k, px, py);
      if (!inHole) return true;
    }
    r = h;
  }
  return false;
}

/**
 * The features under world point (px, py), last drawn first: those containing it, then those
 * whose box is within `radius` world units of it and smaller than 2 × radius across (a parcel too
 * small to hit at this zoom is picked by being near the pointer).
 */
export function pickFeatures(index: PackIndex, px: number, py: number, radius: number): number[] {
  const ids = featuresIn(index, px - radius, py - radius, px + radius, py + radius);
  const { pack } = index;
  const hits: number[] = [];
  const near: number[] = [];
  for (const i of ids) {
    if (featureContains(pack, i, px, py)) hits.push(i);
    else if (
      pack.box[4 * i + 2]! - pack.box[4 * i]! < 2 * radius &&
      pack.box[4 * i + 3]! - pack.box[4 * i + 1]! < 2 * radius
    )
      near.push(i);
  }
  return [...hits.reverse(), ...near.reverse()];
}
