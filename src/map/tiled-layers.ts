// Large polygon layers drawn from the tile worker (src/worker/tile-api.ts), loaded with the first
// such layer: the answers to MapLibre's `zmtile://` requests (r: an image below street zoom, v: a
// vector tile at street zoom; map-view.ts registers the protocol), and picking where the map shows
// an image, not features.
import type { Feature } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import type { LayerSpecification, RequestParameters, SourceSpecification } from 'maplibre-gl';
import { worldX, worldY } from '../core/tile-pack.ts';
import type { ProjectLayer } from '../core/types.ts';
import { displayProps } from './display-props.ts';
import { rasterSourceId, VECTOR_MIN_ZOOM } from './style.ts';

/** The vector tiles' layer name (tile-api.ts TILE_LAYER). */
const TILE_SOURCE_LAYER = 'f';

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

/** each tile key shown, until its pack is in the tile worker */
const tileReady = new Map<string, Promise<unknown>>();
// Registered when this module loads, before the first tiled source is added: MapLibre asks for a
// source's tiles at once. A tile waits for its layer's pack; an unknown key gets an empty tile.
maplibregl.addProtocol('zmtile', async (params) => {
  const key = /^zmtile:\/\/[rv]\/([^/]+)\//.exec(params.url)?.[1];
  await tileReady.get(decodeURIComponent(key ?? ''))?.catch(() => undefined);
  return answer(params);
});

const tileUrl = (kind: 'r' | 'v', key: string): string =>
  `zmtile://${kind}/${encodeURIComponent(key)}/{z}/{x}/{y}`;

/** A tiled layer's two sources for tile key `key`: images below VECTOR_MIN_ZOOM, vector tiles from it. */
export function tiledSources(key: string): { raster: SourceSpecification; vector: SourceSpecification } {
  return {
    raster: {
      type: 'raster',
      tiles: [tileUrl('r', key)],
      tileSize: 512,
      // MapLibre rounds a raster source's zoom: up to 12.99 it draws zoom-13 images, a little
      // smaller than drawn, never blown up
      maxzoom: VECTOR_MIN_ZOOM,
    },
    vector: { type: 'vector', tiles: [tileUrl('v', key)], minzoom: VECTOR_MIN_ZOOM, maxzoom: 16 },
  };
}

/** Points a tiled layer's sources at key's tiles (after an edit made a new pack). */
export function retarget(map: maplibregl.Map, layerId: string, key: string): void {
  (map.getSource(rasterSourceId(layerId)) as maplibregl.RasterTileSource | undefined)?.setTiles([
    tileUrl('r', key),
  ]);
  (map.getSource(layerId) as maplibregl.VectorTileSource | undefined)?.setTiles([tileUrl('v', key)]);
}

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
export function prepareTiles(
  key: string,
  features: readonly Feature[],
  colorOf: (f: Feature) => string,
): Promise<number> {
  if (!client) return Promise.reject(new Error('no tile worker'));
  const c = client;
  const done = c.prepare(key, features, colorOf).then((n) => {
    packed.add(key);
    return n;
  });
  tileReady.set(key, done);
  return done;
}

/** Forgets a key's pack (a newer one replaced it, or the layer is gone). */
export function dropTiles(key: string): void {
  tileReady.delete(key);
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

/**
 * A tiled layer's style: an image layer below VECTOR_MIN_ZOOM at the fill's opacity, then the
 * layer's own fills and lines read from its vector tiles from that zoom on.
 */
export function tiledStyles(layer: ProjectLayer, specs: LayerSpecification[]): LayerSpecification[] {
  const fill = specs.find((s) => s.type === 'fill');
  const opacity = fill?.paint?.['fill-opacity'];
  const out: LayerSpecification[] = [
    {
      id: `${layer.id}::raster`,
      type: 'raster',
      source: rasterSourceId(layer.id),
      maxzoom: VECTOR_MIN_ZOOM,
      paint: {
        'raster-opacity': typeof opacity === 'number' ? opacity : 1,
        'raster-fade-duration': 0,
        'raster-resampling': 'linear',
      },
    },
  ];
  for (const s of specs) {
    if ((s.type === 'fill' || s.type === 'line') && s.source === layer.id)
      out.push({
        ...s,
        'source-layer': TILE_SOURCE_LAYER,
        minzoom: Math.max(s.minzoom ?? 0, VECTOR_MIN_ZOOM),
      });
    else out.push(s);
  }
  return out;
}

/** Tile keys: a layer object's id and a number no other layer version in this page has. */
let tileSeq = 0;

/** How long the pack of a layer version no longer shown stays in the worker. */
export const DROP_AFTER_MS = 30_000;

/**
 * The tiled layers of one map: each layer version's key, the key each layer shows now, their
 * sources, new packs after an edit, picking on their images. `pending` tells the map what it waits
 * for before it calls itself idle.
 */
export class TiledLayers {
  private keys = new WeakMap<ProjectLayer, string>();
  private shown = new Map<string, string>();

  constructor(
    private readonly map: maplibregl.Map,
    private readonly pending: (p: Promise<unknown>) => Promise<unknown>,
  ) {}

  private key(layer: ProjectLayer): string {
    let key = this.keys.get(layer);
    if (!key) this.keys.set(layer, (key = `${layer.id}@${++tileSeq}`));
    return key;
  }

  /** Adds a tiled layer's two sources (images, then vector tiles at street zoom); its pack is on the way. */
  add(layer: ProjectLayer): void {
    const key = this.key(layer);
    const { raster, vector } = tiledSources(key);
    this.map.addSource(rasterSourceId(layer.id), raster);
    this.map.addSource(layer.id, vector);
    // a rebuild of the map's layers (another layer added or removed) keeps this one's pack
    if (this.shown.get(layer.id) !== key) void this.pack(layer, key);
  }

  private pack(layer: ProjectLayer, key: string): Promise<unknown> {
    const previous = this.shown.get(layer.id);
    this.shown.set(layer.id, key);
    // the tiles of the version before stay a moment: MapLibre may still be drawing from them
    const retire = () => {
      if (previous && previous !== key) this.dropLater(previous);
    };
    // a layer shown again soon after it went (undo, redo) finds its pack still in the worker
    if (packed.has(key)) {
      retire();
      return Promise.resolve();
    }
    const colorOf = (f: Feature) => String(displayProps(layer, f).zm_color ?? '#cccccc');
    return this.pending(prepareTiles(key, layer.features, colorOf).then(retire));
  }

  /** Drops a key's pack half a minute from now, unless a layer shows it again by then. */
  private dropLater(key: string): void {
    setTimeout(() => {
      if (![...this.shown.values()].includes(key)) dropTiles(key);
    }, DROP_AFTER_MS);
  }

  /** A tiled layer's features changed: a new pack, then (if still shown) its sources read the new tiles. */
  retile(layer: ProjectLayer, stillShown: () => boolean): void {
    const key = this.key(layer);
    if (this.shown.get(layer.id) === key) return;
    void this.pack(layer, key).then(() => {
      if (stillShown()) retarget(this.map, layer.id, key);
    });
  }

  /** Forgets, half a minute later, the tiles of layers not in `ids`. */
  keep(ids: Set<string>): void {
    for (const [id, key] of this.shown)
      if (!ids.has(id)) {
        this.shown.delete(id);
        this.dropLater(key);
      }
  }

  /** The tiled layers shown as images now (below VECTOR_MIN_ZOOM, switched on), with their keys. */
  asImages(): [string, string][] {
    if (this.map.getZoom() >= VECTOR_MIN_ZOOM) return [];
    const out: [string, string][] = [];
    for (const [id, key] of this.shown) {
      const img = `${id}::raster`;
      if (this.map.getLayer(img) && this.map.getLayoutProperty(img, 'visibility') !== 'none')
        out.push([id, key]);
    }
    return out;
  }

  /** The features of the layers shown as images under a point, within 3 pixels, topmost first. */
  async pickUnder(lonLat: [number, number]): Promise<{ layerId: string; featureIndex: number }[]> {
    const radius = 3 / (512 * 2 ** this.map.getZoom());
    const lists = await Promise.all(
      this.asImages().map(async ([layerId, key]) =>
        (await pickTiles(key, lonLat, radius)).map((featureIndex) => ({ layerId, featureIndex })),
      ),
    );
    return lists.flat();
  }

  /** For a layer shown as images: the features drawn in its tiles once the view's are in; null for others. */
  imageFeatures(layerId: string): number | null {
    const entry = this.asImages().find(([id]) => id === layerId);
    if (!entry) return null;
    return this.map.isSourceLoaded(rasterSourceId(layerId)) ? rasterFeatures(entry[1]) : 0;
  }
}
