// The tiled layers' packs over a layer's life (map/tiled-layers.ts), with a stand-in map and tile
// worker: a rebuild of the map's layers keeps a pack, a layer removed and brought back within half
// a minute (undo, redo) keeps its pack and its tiles, and only a pack no layer shows is dropped.
import type { Feature } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectLayer } from '../../src/core/types.ts';
import { answer, DROP_AFTER_MS, TiledLayers, useTileWorker } from '../../src/map/tiled-layers.ts';

const calls: string[] = [];
useTileWorker({
  prepare: async (key) => {
    calls.push(`prepare ${key}`);
    return 1;
  },
  drop: (key) => calls.push(`drop ${key}`),
  raster: async () => ({ image: null, features: 0 }),
  vector: async (key) => {
    calls.push(`vector ${key}`);
    return new Uint8Array([26, 0]);
  },
  pick: async () => [],
});

const sources: string[] = [];
const map = {
  addSource: (id: string) => sources.push(id),
  getSource: () => undefined,
} as unknown as maplibregl.Map;

const parcels = (n: number): ProjectLayer => ({
  id: 'parcels',
  role: 'landuse',
  file: 'parcels.geojson',
  crs: 'EPSG:4326',
  fields: {},
  features: Array.from({ length: n }, (): Feature => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [114, 32] },
  })),
});

const vectorTile = async (key: string) =>
  (
    (await answer({ url: `zmtile://v/${encodeURIComponent(key)}/13/0/0` } as maplibregl.RequestParameters))
      .data as ArrayBuffer
  ).byteLength;

beforeEach(() => {
  vi.useFakeTimers();
  calls.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('tiled layers over a layer’s life', () => {
  it('keeps a pack through a rebuild and through a removal undone within half a minute', async () => {
    const tiles = new TiledLayers(map, (p) => p);
    const layer = parcels(3);
    tiles.add(layer);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['prepare parcels@1']);
    expect(sources.slice(-2)).toEqual(['parcels::raster', 'parcels']);

    // another layer added: the map's layers are built again, this one's pack stays
    tiles.keep(new Set(['parcels', 'other']));
    tiles.add(layer);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['prepare parcels@1']);

    // removed (Ctrl+Z of the import), brought back 10 s later (Ctrl+Y): no new pack, nothing dropped
    tiles.keep(new Set(['other']));
    await vi.advanceTimersByTimeAsync(10_000);
    tiles.add(layer);
    await vi.advanceTimersByTimeAsync(DROP_AFTER_MS + 1_000);
    expect(calls).toEqual(['prepare parcels@1']);
    expect(await vectorTile('parcels@1')).toBe(2);

    // removed for good: dropped half a minute later, its tiles empty from then on
    tiles.keep(new Set(['other']));
    await vi.advanceTimersByTimeAsync(DROP_AFTER_MS - 1_000);
    expect(calls).not.toContain('drop parcels@1');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toContain('drop parcels@1');
    expect(await vectorTile('parcels@1')).toBe(0);
  });

  it('packs an edited layer anew and drops the version before half a minute later', async () => {
    const tiles = new TiledLayers(map, (p) => p);
    const before = parcels(2);
    tiles.add(before);
    await vi.advanceTimersByTimeAsync(0);
    const first = calls[0]!.replace('prepare ', '');
    const edited = { ...before, features: before.features.slice(0, 1) };
    tiles.retile(edited, () => true);
    await vi.advanceTimersByTimeAsync(0);
    const second = calls[1]!.replace('prepare ', '');
    expect(second).not.toBe(first);
    // the same version again changes nothing
    tiles.retile(edited, () => true);
    await vi.advanceTimersByTimeAsync(DROP_AFTER_MS + 1_000);
    expect(calls).toEqual([`prepare ${first}`, `prepare ${second}`, `drop ${first}`]);
    expect(await vectorTile(second)).toBe(2);
  });
});
