// Tiles of large parcel layers (core/tile-pack.ts, core/tile-render.ts, worker/tile-api.ts): the
// Web Mercator positions against hand values, ring orientation, clipping, picking, what a raster
// tile draws, and vector tiles read back with @mapbox/vector-tile (an independent decoder).
import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, Position } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { lonLatOf, packFeatures, ringArea2, worldX, worldY } from '../../src/core/tile-pack.ts';
import {
  clipRing,
  drawRasterTile,
  featureContains,
  indexPack,
  pickFeatures,
  vectorTileFeatures,
  type Canvas2D,
} from '../../src/core/tile-render.ts';
import { createTileApi, TILE_LAYER } from '../../src/worker/tile-api.ts';

const poly = (rings: Position[][], props: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Polygon', coordinates: rings },
});
const square = (x0: number, y0: number, x1: number, y1: number, ccw = true): Position[] =>
  ccw
    ? [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ]
    : [
        [x0, y0],
        [x0, y1],
        [x1, y1],
        [x1, y0],
        [x0, y0],
      ];

describe('packing a layer for tiles', () => {
  it('puts lon/lat at their Web Mercator world positions (hand values)', () => {
    expect(worldX(0)).toBe(0.5);
    expect(worldX(180)).toBe(1);
    expect(worldX(-90)).toBe(0.25);
    expect(worldY(0)).toBeCloseTo(0.5, 15);
    // y = 1/2 − ln(tan(45° + 45°/2)) / 2π = 1/2 − ln(2.414213562) / 6.283185307 = 0.359725
    expect(worldY(45)).toBeCloseTo(0.5 - 0.881373587 / 6.283185307, 9);
    expect(worldY(-45)).toBeCloseTo(0.5 + 0.881373587 / 6.283185307, 9);
    const [lon, lat] = lonLatOf(worldX(114.5), worldY(32.1));
    expect(lon).toBeCloseTo(114.5, 12);
    expect(lat).toBeCloseTo(32.1, 12);
  });

  it('drops closing vertices, orients exteriors positive and holes negative (y down), boxes each feature', async () => {
    const features: Feature[] = [
      // exterior given clockwise (lon/lat), hole counter-clockwise: both the "wrong" way round
      poly([square(0, 0, 10, 10, false), square(2, 2, 4, 4, true)], { c: 'a' }),
      { type: 'Feature', properties: { c: 'b' }, geometry: null } as unknown as Feature,
      {
        type: 'Feature',
        properties: { c: 'a' },
        geometry: { type: 'MultiPolygon', coordinates: [[square(20, 0, 21, 1)], [square(30, 0, 31, 1)]] },
      },
    ];
    let pauses = 0;
    const pack = await packFeatures(
      features,
      (f) => String(f.properties!.c),
      async () => {
        pauses++;
      },
      1,
    );
    expect(pauses).toBe(2);
    expect(Array.from(pack.featureStart)).toEqual([0, 2, 2, 4]);
    expect(Array.from(pack.ringStart)).toEqual([0, 4, 8, 12, 16]);
    expect(Array.from(pack.hole)).toEqual([0, 1, 0, 0]);
    expect(pack.palette).toEqual(['a', 'b']);
    expect(Array.from(pack.color)).toEqual([0, 1, 0]);
    expect(ringArea2(pack.xy, 0, 4)).toBeGreaterThan(0);
    expect(ringArea2(pack.xy, 4, 8)).toBeLessThan(0);
    expect(ringArea2(pack.xy, 8, 12)).toBeGreaterThan(0);
    expect(pack.box[0]).toBe(worldX(0));
    expect(pack.box[1]).toBe(worldY(10));
    expect(pack.box[2]).toBe(worldX(10));
    expect(pack.box[3]).toBe(worldY(0));
    expect(Number.isNaN(pack.box[4])).toBe(true);
    expect(pack.box[8]).toBe(worldX(20));
    expect(pack.box[10]).toBe(worldX(31));
  });
});

describe('what a tile holds', () => {
  it('tells inside from a hole and from outside, and an island in a hole', async () => {
    const pack = await packFeatures(
      [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'MultiPolygon',
            coordinates: [[square(0, 0, 10, 10), square(2, 2, 8, 8)], [square(4, 4, 6, 6)]],
          },
        },
      ],
      () => '#000000',
    );
    const at = (lon: number, lat: number) => featureContains(pack, 0, worldX(lon), worldY(lat));
    expect(at(1, 1)).toBe(true);
    expect(at(3, 3)).toBe(false);
    expect(at(5, 5)).toBe(true);
    expect(at(11, 5)).toBe(false);
  });

  it('picks the parcel under a point, the last drawn first, and a tiny one near it', async () => {
    const pack = await packFeatures(
      [poly([square(0, 0, 1, 1)]), poly([square(0.5, 0.5, 1.5, 1.5)]), poly([square(3, 3, 3.0001, 3.0001)])],
      () => '#000000',
    );
    const index = indexPack(pack);
    expect(pickFeatures(index, worldX(0.7), worldY(0.7), 1e-9)).toEqual([1, 0]);
    expect(pickFeatures(index, worldX(0.2), worldY(0.2), 1e-9)).toEqual([0]);
    expect(pickFeatures(index, worldX(2), worldY(2), 1e-9)).toEqual([]);
    // 0.0002° off the tiny parcel, with a radius of 0.001° in world units
    expect(pickFeatures(index, worldX(3.0003), worldY(3.0003), 0.001 / 360)).toEqual([2]);
  });

  it('clips a ring to the tile and its buffer (Sutherland–Hodgman; hand values)', () => {
    // a triangle with one corner out past x = 10
    const out = clipRing(
      [
        [0, 0],
        [20, 0],
        [0, 10],
      ],
      -5,
      10,
    );
    expect(out).toEqual([
      [0, 0],
      [10, 0],
      [10, 5],
      [0, 10],
    ]);
    expect(
      clipRing(
        [
          [20, 20],
          [30, 20],
          [30, 30],
        ],
        0,
        10,
      ),
    ).toEqual([]);
  });

  it('gives vector tile features in tile units, clipped, exteriors positive and holes negative', async () => {
    // tile 1/0/0 covers lon −180 … 0, lat 0 … 85.05
    const pack = await packFeatures(
      [
        poly([square(-90, 0.0001, -45, 40), square(-80, 10, -60, 20)], { c: 'x' }),
        // reaches far past the tile's east edge
        poly([square(-10, 10, 90, 20)]),
        // in another tile altogether
        poly([square(10, -20, 20, -10)]),
      ],
      () => '#abcdef',
    );
    const fs = vectorTileFeatures(indexPack(pack), 1, 0, 0, 4096, 64);
    expect(fs.map((f) => f.id)).toEqual([0, 1]);
    const [a, b] = fs;
    // lon −90 → x = (0.25 − 0) × 2 × 4096 = 2048; lon −45 → 3072
    const xs = a!.geometry[0]!.map((p) => p[0]);
    expect(Math.min(...xs)).toBe(2048);
    expect(Math.max(...xs)).toBe(3072);
    expect(a!.tags.zm_color).toBe('#abcdef');
    const area = (r: [number, number][]) => {
      let s = 0;
      for (let i = 0; i + 1 < r.length; i++) s += r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
      return s;
    };
    expect(a!.geometry).toHaveLength(2);
    expect(area(a!.geometry[0]!)).toBeGreaterThan(0);
    expect(area(a!.geometry[1]!)).toBeLessThan(0);
    // closed rings
    expect(a!.geometry[0]![0]).toEqual(a!.geometry[0]!.at(-1));
    // the long one stops at the buffer: 4096 + 64
    expect(Math.max(...b!.geometry[0]!.map((p) => p[0]))).toBe(4160);
  });

  it('draws a raster tile with one fill per colour and sub-pixel parcels as small boxes', async () => {
    const pack = await packFeatures(
      [
        poly([square(-90, 10, -45, 40)], { c: '#ff0000' }),
        poly([square(-40, 10, -20, 40)], { c: '#00ff00' }),
        poly([square(-100, 10, -95, 40)], { c: '#ff0000' }),
        // about 1e-5 of the tile across: under a pixel at 512
        poly([square(-50, 5, -49.9999, 5.0001)], { c: '#0000ff' }),
      ],
      (f) => String(f.properties!.c),
    );
    const calls: string[] = [];
    const ctx: Canvas2D = {
      fillStyle: '',
      beginPath: () => calls.push('begin'),
      moveTo: () => calls.push('move'),
      lineTo: () => calls.push('line'),
      closePath: () => calls.push('close'),
      rect: (x, y, w, h) => calls.push(`rect ${w.toFixed(2)} ${h.toFixed(2)}`),
      fill(rule) {
        calls.push(`fill ${String(this.fillStyle)} ${rule}`);
      },
    };
    expect(drawRasterTile(indexPack(pack), 1, 0, 0, 512, ctx)).toBe(4);
    expect(calls.filter((c) => c.startsWith('fill'))).toEqual([
      'fill #ff0000 nonzero',
      'fill #00ff00 nonzero',
      'fill #0000ff nonzero',
    ]);
    expect(calls.filter((c) => c === 'move')).toHaveLength(3);
    expect(calls.filter((c) => c.startsWith('rect'))).toEqual(['rect 0.50 0.50']);
    // nothing in a tile the parcels are not in
    expect(drawRasterTile(indexPack(pack), 1, 1, 1, 512, ctx)).toBe(0);
  });

  it('encodes vector tiles that @mapbox/vector-tile reads back: ids, colours, geometry', async () => {
    const api = createTileApi({
      draw: () => {
        throw new Error('no canvas in this test');
      },
    });
    const pack = await packFeatures(
      [poly([square(-90, 0.0001, -45, 40)]), poly([square(-40, 10, -20, 40)])],
      (_f, i) => (i === 0 ? '#112233' : '#445566'),
    );
    expect(api.setPack('k', pack)).toBe(2);
    const tile = new VectorTile(new PbfReader(api.vector('k', 1, 0, 0)));
    const layer = tile.layers[TILE_LAYER]!;
    expect(layer.length).toBe(2);
    expect(layer.extent).toBe(4096);
    const f0 = layer.feature(0);
    expect(f0.id).toBe(0);
    expect(f0.type).toBe(3);
    expect(f0.properties.zm_color).toBe('#112233');
    const ring = f0.loadGeometry()[0]!;
    expect(Math.min(...ring.map((p) => p.x))).toBe(2048);
    expect(Math.max(...ring.map((p) => p.x))).toBe(3072);
    expect(layer.feature(1).properties.zm_color).toBe('#445566');
    // back to lon/lat through the decoder's own GeoJSON: the corner −90, 40 within a tile unit
    const gj = f0.toGeoJSON(0, 0, 1);
    const coords = (gj.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(Math.min(...coords.map((c) => c[0]!))).toBeCloseTo(-90, 1);
    expect(Math.max(...coords.map((c) => c[1]!))).toBeCloseTo(40, 1);
    expect(() => api.vector('missing', 0, 0, 0)).toThrow('no tiles for missing');
    api.drop('k');
    expect(api.keys()).toEqual([]);
  });
});
