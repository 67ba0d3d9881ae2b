// The page's side of the tile worker (tile-api.ts): packs a layer here, a slice at a time so the
// page keeps drawing, and hands the pack over by transfer; tiles and picks come back from the worker.
import * as Comlink from 'comlink';
import type { Feature } from 'geojson';
import { packBuffers, packFeatures } from '../core/tile-pack.ts';
import type { RasterTile } from './tile-api.ts';
import type { TileWorkerApi } from './tile.worker.ts';

export interface TileClient {
  /** Packs `features` (coloured by `colorOf`) and gives them to the worker as `key`; resolves to the features indexed. */
  prepare(key: string, features: readonly Feature[], colorOf: (f: Feature) => string): Promise<number>;
  drop(key: string): void;
  raster(key: string, z: number, x: number, y: number, size: number): Promise<RasterTile>;
  vector(key: string, z: number, x: number, y: number): Promise<Uint8Array>;
  pick(key: string, x: number, y: number, radius: number): Promise<number[]>;
  dispose(): void;
}

/** Lets the page draw a frame between slices of packing. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createTileClient(): TileClient {
  const worker = new Worker(new URL('./tile.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<TileWorkerApi>(worker);
  return {
    async prepare(key, features, colorOf) {
      const pack = await packFeatures(features, colorOf, nextTurn, 5_000);
      return remote.setPack(key, Comlink.transfer(pack, packBuffers(pack)));
    },
    drop: (key) => void remote.drop(key),
    raster: (key, z, x, y, size) => remote.raster(key, z, x, y, size),
    vector: (key, z, x, y) => remote.vector(key, z, x, y),
    pick: (key, x, y, radius) => remote.pick(key, x, y, radius),
    dispose() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

let shared: TileClient | null = null;
/** The page's one tile worker (made on first use). */
export const tileClient = (): TileClient => (shared ??= createTileClient());
