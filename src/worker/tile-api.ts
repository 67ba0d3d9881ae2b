// The tile worker's api: large polygon layers (a county's 三调 parcels) drawn as map tiles made
// here instead of a MapLibre GeoJSON source. MapLibre cut 300 000 parcels into tiles in its worker
// and took the tiles in on the page for 25 s (bench/profile-large.ts, 2026-12-02); here a layer is
// one transferred pack (core/tile-pack.ts) and a flatbush index, a tile below street zoom is an
// image (core/tile-render.ts on an OffscreenCanvas) and at street zoom a small vector tile
// (@maplibre/vt-pbf), so the page only ever gets what the view shows. A worker of its own: tiles
// never wait behind the analysis worker's reports and saves.
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { TilePack } from '../core/tile-pack.ts';
import {
  drawRasterTile,
  indexPack,
  pickFeatures,
  vectorTileFeatures,
  type Canvas2D,
  type PackIndex,
} from '../core/tile-render.ts';

/** The vector tile layer name the map's style layers read (`source-layer`). */
export const TILE_LAYER = 'f';
export const TILE_EXTENT = 4096;

export interface RasterTile {
  image: ImageBitmap | null;
  /** features drawn in the tile */
  features: number;
}

/** What makes canvases: an OffscreenCanvas in the worker, a recording stub in tests. */
export interface CanvasMaker {
  draw(size: number, paint: (ctx: Canvas2D) => number): RasterTile;
}

export const offscreenCanvas: CanvasMaker = {
  draw(size, paint) {
    const canvas = new OffscreenCanvas(size, size);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas in the tile worker');
    const features = paint(ctx);
    return { image: canvas.transferToImageBitmap(), features };
  },
};

export function createTileApi(canvases: CanvasMaker = offscreenCanvas) {
  const packs = new Map<string, PackIndex>();
  const get = (key: string): PackIndex => {
    const p = packs.get(key);
    if (!p) throw new Error(`no tiles for ${key} in the tile worker`);
    return p;
  };
  return {
    /** Takes a layer's pack under `key` (a layer id and version) and indexes it. */
    setPack(key: string, pack: TilePack): number {
      const index = indexPack(pack);
      packs.set(key, index);
      return index.ids.length;
    },
    /** Forgets a pack. */
    drop(key: string): void {
      packs.delete(key);
    },
    keys(): string[] {
      return [...packs.keys()];
    },
    /** Tile z/x/y drawn at `size` pixels; no image when the tile has no feature. */
    raster(key: string, z: number, x: number, y: number, size: number): RasterTile {
      const index = get(key);
      return canvases.draw(size, (ctx) => drawRasterTile(index, z, x, y, size, ctx));
    },
    /** Vector tile z/x/y (Mapbox Vector Tile bytes, one layer named TILE_LAYER). */
    vector(key: string, z: number, x: number, y: number): Uint8Array {
      const features = vectorTileFeatures(get(key), z, x, y, TILE_EXTENT);
      return fromGeojsonVt({ [TILE_LAYER]: { features } } as never, { version: 2, extent: TILE_EXTENT });
    },
    /** Feature indices under a world point (core/tile-render.ts pickFeatures). */
    pick(key: string, x: number, y: number, radius: number): number[] {
      return pickFeatures(get(key), x, y, radius);
    },
  };
}
