// The tile worker (tile-api.ts) behind Comlink: images and vector tiles go back by transfer.
import * as Comlink from 'comlink';
import { createTileApi } from './tile-api.ts';

const api = createTileApi();

const exposed = {
  ...api,
  raster(key: string, z: number, x: number, y: number, size: number) {
    const tile = api.raster(key, z, x, y, size);
    return tile.image ? Comlink.transfer(tile, [tile.image]) : tile;
  },
  vector(key: string, z: number, x: number, y: number) {
    // the encoder's bytes are a view on a larger buffer: sent as a copy of their own
    const bytes = api.vector(key, z, x, y).slice();
    return Comlink.transfer(bytes, [bytes.buffer]);
  },
};

export type TileWorkerApi = typeof exposed;
Comlink.expose(exposed);
