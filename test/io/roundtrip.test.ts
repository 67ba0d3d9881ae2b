import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { writeCsvFeatures } from '../../src/io/export/csv.ts';
import { writeGeoJson } from '../../src/io/export/geojson.ts';
import { writeKml } from '../../src/io/export/kml.ts';
import { loadProjectBundle, writeProjectBundle } from '../../src/io/export/project-bundle.ts';
import { writeShapefileZip } from '../../src/io/export/shapefile.ts';
import { loadProject } from '../../src/io/project.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { unzip } from '../../src/io/zip.ts';

// Parsed from JSON so "__proto__" is an own property, as it is in real files.
const features = (): Feature[] =>
  JSON.parse(
    JSON.stringify({
      features: [
        {
          type: 'Feature',
          properties: {
            名称: '罗山县产业集聚区',
            __proto__X: 1,
            面积: 8.5133,
            人数: 41360,
            是否: true,
            代码: '0601',
          },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [114.5, 32.15],
                [114.56, 32.15],
                [114.56, 32.2],
                [114.5, 32.2],
                [114.5, 32.15],
              ],
              [
                [114.52, 32.17],
                [114.52, 32.18],
                [114.53, 32.18],
                [114.53, 32.17],
                [114.52, 32.17],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: {
            名称: '建成区 "东区", <b>&',
            __proto__X: 2,
            面积: null,
            人数: 0,
            是否: false,
            代码: '05H1',
          },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [114.505, 32.155],
                  [114.52, 32.155],
                  [114.52, 32.165],
                  [114.505, 32.155],
                ],
              ],
              [
                [
                  [114.54, 32.185],
                  [114.55, 32.185],
                  [114.55, 32.195],
                  [114.54, 32.185],
                ],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { 名称: '无图形', __proto__X: 3, 面积: 0.1, 人数: -5, 是否: true, 代码: '007' },
          geometry: null,
        },
      ],
    }).replace(/__proto__X/g, '__proto__'),
  ).features as Feature[];

function expectSameFeatures(actual: Feature[], expected: Feature[], tolerance = 0): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((f, i) => {
    const e = expected[i]!;
    expect(Object.keys(f.properties!)).toEqual(Object.keys(e.properties!));
    for (const k of Object.keys(e.properties!)) {
      expect(Object.getOwnPropertyDescriptor(f.properties, k)?.value).toStrictEqual(
        Object.getOwnPropertyDescriptor(e.properties, k)?.value,
      );
    }
    if (tolerance === 0) expect(f.geometry).toEqual(e.geometry);
    else {
      const flat = (g: unknown): number[] =>
        (JSON.stringify(g).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
      const a = flat(f.geometry);
      const b = flat(e.geometry);
      expect(a.length).toBe(b.length);
      a.forEach((v, j) => expect(Math.abs(v - b[j]!)).toBeLessThan(tolerance));
    }
  });
}

describe('export → import gives the same features', () => {
  it('GeoJSON', async () => {
    const r = await readLayerFile('a.geojson', writeGeoJson(features()));
    expect(r.problems).toEqual([]);
    expectSameFeatures(r.features, features());
  });

  it('KML', async () => {
    const r = await readLayerFile('a.kml', writeKml(features()));
    expect(r.problems).toEqual([]);
    expectSameFeatures(r.features, features());
  });

  it.each(['utf-8', 'gbk'] as const)('CSV in %s', async (encoding) => {
    const r = await readLayerFile('a.csv', writeCsvFeatures(features(), { encoding }));
    expect(r.problems).toEqual([]);
    expectSameFeatures(r.features, features());
  });

  it.each(['utf-8', 'gbk'] as const)('Shapefile in EPSG:4490, %s', async (encoding) => {
    const out = await writeShapefileZip(features(), { name: '集聚区', encoding });
    expect(out.notes).toEqual([]);
    const files = (await unzip(out.bytes)).files;
    expect(new TextDecoder().decode(files.get('集聚区.cpg'))).toBe(encoding === 'gbk' ? 'GBK' : 'UTF-8');
    const r = await readLayerFile('a.zip', out.bytes);
    expect(r.problems).toEqual([]);
    expect(r.crs).toBe('EPSG:4490');
    expectSameFeatures(r.features, features());
  });

  it.each(['utf-8', 'gbk'] as const)(
    'Shapefile in CGCS2000 GK zone EPSG:4547, %s (coordinates to 1e-9°)',
    async (encoding) => {
      const out = await writeShapefileZip(features(), { crs: 'EPSG:4547', encoding });
      const r = await readLayerFile('a.zip', out.bytes);
      expect(r.crs).toBe('EPSG:4547');
      expectSameFeatures(r.features, features(), 1e-9);
    },
  );

  it('GBK Shapefile read without its .cpg still gives the Chinese text', async () => {
    const out = await writeShapefileZip(features(), { encoding: 'gbk' });
    const files = (await unzip(out.bytes)).files;
    const { zipFiles } = await import('../../src/io/zip.ts');
    const without = await zipFiles([...files].filter(([n]) => !n.endsWith('.cpg')));
    const r = await readLayerFile('a.zip', without);
    expect(r.features[0]!.properties!['名称']).toBe('罗山县产业集聚区');
  });

  it('project bundle', async () => {
    const manifest = JSON.stringify({
      name: '罗山',
      layers: [{ id: 'zones', role: 'zone', file: 'z.geojson', crs: 'EPSG:4547', note: 'x' }],
      settings: { intensityThreshold_wan_per_mu: 280 },
      quotas: { 起重园区: 1500000 },
      story: [1, 2],
    });
    const shp = await writeShapefileZip(features(), { crs: 'EPSG:4547' });
    const first = await loadProject(
      manifest,
      async () => (await readLayerFile('z.zip', shp.bytes), shp.bytes),
    );
    const bundle = await writeProjectBundle(first.project!);
    const again = await loadProjectBundle(bundle);
    expect(again.problems).toEqual([]);
    const [a, b] = [first.project!, again.project!];
    expect(b.name).toBe(a.name);
    expect(b.settings).toEqual(a.settings);
    expect(b.quotas).toEqual(a.quotas);
    expect(b.extra).toEqual({ story: [1, 2] });
    expect(b.layers[0]!.crs).toBe('EPSG:4547');
    expect(b.layers[0]!.fields).toEqual(a.layers[0]!.fields);
    expectSameFeatures(b.layers[0]!.features, a.layers[0]!.features);
  });
});
