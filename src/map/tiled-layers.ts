// Large polygon layers drawn from the tile worker (src/worker/tile-api.ts), loaded with the first
// such layer: the answers to MapLibre's `zmtile://` requests (r: an image below street zoom, v: a
// vector tile at street zoom; map-view.ts registers the protocol), and picking where the map shows
// an image, not features.
import type { Feature } from 'geojson';
import type { RequestParameters } from 'maplibre-gl';
import { worldX, worldY } from '../core/tile-pack.ts';

/** The tile worker as the map uses it (src/worker/tile-client.ts makes one; the UI hands it in). */
export interface TileWorkerClient {
  prepare(key: string, features: readonly Feature[], colorOf: (f: Feature) => string): Promise<number>;
  drop(key: string): void;
  raster(
    key: string,
    z: number,
    x: number,
    y: number,
    size: number,
  ): Promise<{ image: ImageBitmap | null; features: number }>;
  vector(key: string, z: number, x: number, y: number): Promise<Uint8Array>;
  pick(key: string, x: number, y: number, radius: number): Promise<number[]>;
}

let client: TileWorkerClient | null = null;
/** keys whose pack the worker holds */
const packed = new Set<string>();
/** features drawn in each key's raster tiles so far (for tests and checks) */
const drawn = new Map<string, number>();

const URL_RE = /^zmtile:\/\/([rv])\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/;

let blank: Promise<ImageBitmap> | null = null;

/** Takes the tile worker (the first one given stays). */
export function useTileWorker(c: TileWorkerClient): void {
  client ??= c;
}

/** MapLibre's request for a tile: an image or vector tile bytes; an empty one for a key not (or no longer) held. */
export async function answer(params: RequestParameters): Promise<{ data: ArrayBuffer | ImageBitmap }> {
  const m = URL_RE.exec(params.url);
  if (!m) throw new Error(`not a tile address: ${params.url}`);
  const [, kind, k, zs, xs, ys] = m;
  const key = decodeURIComponent(k!);
  const [z, x, y] = [Number(zs), Number(xs), Number(ys)];
  if (!client || !packed.has(key)) {
    if (kind === 'v') return { data: new ArrayBuffer(0) };
    blank ??= createImageBitmap(new ImageData(1, 1));
    return { data: await blank };
  }
  if (kind === 'v') {
    const bytes = await client.vector(key, z, x, y);
    return { data: bytes.buffer as ArrayBuffer };
  }
  const size = 512 * Math.min(2, Math.max(1, Math.round(globalThis.devicePixelRatio || 1)));
  const tile = await client.raster(key, z, x, y, size);
  drawn.set(key, (drawn.get(key) ?? 0) + tile.features);
  return { data: tile.image! };
}

/** Packs a layer's features for the worker under `key`; resolves when its tiles can be made. */
export async function prepareTiles(
  key: string,
  features: readonly Feature[],
  colorOf: (f: Feature) => string,
): Promise<number> {
  if (!client) throw new Error('no tile worker');
  const n = await client.prepare(key, features, colorOf);
  packed.add(key);
  return n;
}

/** Forgets a key's pack (a newer one replaced it, or the layer is gone). */
export function dropTiles(key: string): void {
  packed.delete(key);
  drawn.delete(key);
  client?.drop(key);
}

/** The features of key's layer under a point, topmost first; `radius` in world units. */
export async function pickTiles(key: string, lonLat: [number, number], radius: number): Promise<number[]> {
  if (!client || !packed.has(key)) return [];
  return client.pick(key, worldX(lonLat[0]), worldY(lonLat[1]), radius);
}

/** Features drawn in key's raster tiles so far. */
export const rasterFeatures = (key: string): number => drawn.get(key) ?? 0;
