import { describe, expect, it, vi } from 'vitest';
import { strToU8 } from 'fflate';
import { writeProjectBundle } from '../../src/io/export/project-bundle.ts';
import { readFileSync } from 'node:fs';
import { FEATURE_BATCH, importFile, openBundle, openManifest } from '../../src/worker/import-api.ts';
import { zipBomb } from '../helpers/zip-bomb.ts';

const square = (i: number) => ({
  type: 'Feature',
  properties: { 名称: `地块${i}` },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [114.5 + i * 1e-3, 32.1],
        [114.5005 + i * 1e-3, 32.1],
        [114.5005 + i * 1e-3, 32.1005],
        [114.5 + i * 1e-3, 32.1005],
        [114.5 + i * 1e-3, 32.1],
      ],
    ],
  },
});

function file(name: string, text: string): Blob & { name: string } {
  return Object.assign(new Blob([text]), { name });
}

describe('the import worker', () => {
  it('refuses a file over 500 MB before reading a byte of it, naming the file', async () => {
    const huge = {
      name: '全县地类图斑.geojson',
      size: 600 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('read')),
    };
    const r = await importFile(huge as unknown as Blob & { name: string }, {});
    expect(r.features).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      code: 'file-too-large',
      severity: 'error',
      file: '全县地类图斑.geojson',
    });
    expect(r.problems[0]!.message).toContain('600');
  });

  it('hands features over in batches and in file order, with geometry checks after reading', async () => {
    const n = FEATURE_BATCH + 3;
    const fc = { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => square(i)) };
    // the last ring is left unclosed on purpose: the checks must report it
    fc.features[n - 1]!.geometry.coordinates[0]!.pop();
    const batches: number[] = [];
    const got: string[] = [];
    const r = await importFile(file('parcels.geojson', JSON.stringify(fc)), {}, undefined, (b) => {
      batches.push(b.length);
      for (const f of b) got.push(String(f.properties?.['名称']));
    });
    expect(batches).toEqual([FEATURE_BATCH, 3]);
    expect(got[0]).toBe('地块0');
    expect(got[n - 1]).toBe(`地块${n - 1}`);
    expect(r.features).toEqual([]);
    expect(r.problems.filter((p) => p.code === 'unclosed-ring').map((p) => p.feature)).toEqual([n - 1]);
  });

  it('sends every batch without waiting for the page’s answers, and answers only after all of them', async () => {
    const n = FEATURE_BATCH * 2 + 1;
    const fc = { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => square(i)) };
    const answers: (() => void)[] = [];
    let done = false;
    const result = importFile(file('parcels.geojson', JSON.stringify(fc)), {}, undefined, () => {
      return new Promise<void>((resolve) => answers.push(resolve));
    }).then((r) => {
      done = true;
      return r;
    });
    // all three batches are out before the page has answered the first (no round trip each)
    await vi.waitFor(() => expect(answers).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    answers[0]!();
    answers[1]!();
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    answers[2]!();
    expect((await result).features).toEqual([]);
  });

  it('refuses a property nested 10 000 deep with a problem, and its answer crosses to the page', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"深","x":${deep}},"geometry":{"type":"Point","coordinates":[114,32]}}]}`;
    const batches: unknown[] = [];
    const r = await importFile(file('deep.geojson', text), {}, undefined, (b) => {
      batches.push(structuredClone(b));
    });
    expect(r.problems.map((p) => p.code)).toEqual(['property-too-deep']);
    expect(r.problems[0]).toMatchObject({ file: 'deep.geojson', feature: 0 });
    expect(() => structuredClone(r)).not.toThrow();
    // a value just inside the limit is kept as it is
    const ok = `{"type":"Feature","properties":{"x":${'['.repeat(60)}1${']'.repeat(60)}},"geometry":null}`;
    const kept = await importFile(file('ok.geojson', ok), {});
    expect(kept.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(JSON.stringify(kept.features[0]!.properties)).toBe(`{"x":${'['.repeat(60)}1${']'.repeat(60)}}`);
  });

  it('tells a project bundle from a zipped Shapefile by its directory alone, and opens the bundle', async () => {
    const shp = Object.assign(new Blob([zipBomb([{ name: 'a.shp', fillMB: 900 }]) as BlobPart]), {
      name: 'a.zip',
    });
    const notBundle = await openBundle(shp);
    expect(notBundle).toEqual({ bundle: false, project: null, problems: [] });
    const project = {
      name: '测试',
      crs: 'EPSG:4326',
      areaMethod: 'ellipsoidal' as const,
      settings: { intensityThreshold_wan_per_mu: 120 },
      layers: [
        {
          id: 'zones',
          role: 'zone' as const,
          file: 'z.geojson',
          crs: 'EPSG:4326',
          fields: {},
          features: [square(0) as never],
        },
      ],
    };
    const bytes = await writeProjectBundle(project);
    const opened = await openBundle(Object.assign(new Blob([bytes as BlobPart]), { name: '测试.zip' }));
    expect(opened.bundle).toBe(true);
    expect(opened.project?.layers[0]?.features).toHaveLength(1);
  });

  it('names the file when a bundle cannot be unpacked', async () => {
    const bomb = zipBomb([
      { name: 'zonemap.json', head: strToU8('{}'), fillMB: 0 },
      { name: 'zones.geojson', fillMB: 600 },
    ]);
    const r = await openBundle(Object.assign(new Blob([bomb as BlobPart]), { name: '项目.zip' }));
    expect(r.bundle).toBe(true);
    expect(r.problems[0]).toMatchObject({ code: 'zip-entry-too-large', file: '项目.zip' });
  });

  it('opens a zonemap.json with its files (a zipped Shapefile among them) and holds each to the limit', async () => {
    const dir = new URL('../fixtures/io/project/', import.meta.url);
    const blob = (name: string): Blob & { name: string } =>
      Object.assign(new Blob([readFileSync(new URL(name, dir))]), { name });
    const manifest = blob('zonemap.json');
    const layers = JSON.parse(readFileSync(new URL('zonemap.json', dir), 'utf8')).layers as {
      file: string;
    }[];
    const r = await openManifest(manifest, [blob('zones.geojson'), blob('farmland.zip')]);
    expect(r.project?.layers.map((l) => [l.id, l.features.length > 0])).toEqual([
      ['zones', true],
      ['farmland', true],
    ]);
    // the file the manifest names but nobody chose is reported as such
    expect(r.problems.find((p) => p.code === 'layer-file-missing')?.layer).toBe('gone');
    // the same project with its first file 600 MB large: refused by size, not read
    const huge = {
      name: layers[0]!.file,
      size: 600 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('read')),
    };
    const refused = await openManifest(manifest, [huge as unknown as Blob & { name: string }]);
    expect(refused.problems[0]).toMatchObject({ code: 'file-too-large', file: layers[0]!.file });
  });
});

describe('the import worker and the size of a layer', () => {
  it('refuses a layer of more features than the tab can hold, before any batch reaches the page', async () => {
    const { MAX_LAYER_FEATURES } = await import('../../src/state/layer-budget.ts');
    const n = MAX_LAYER_FEATURES + 1;
    const parts: string[] = [];
    for (let i = 0; i < n; i++)
      parts.push(`{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[114.5,32.1]}}`);
    const text = `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
    let batches = 0;
    const r = await importFile(file('points.geojson', text), {}, undefined, () => {
      batches++;
    });
    expect(batches).toBe(0);
    expect(r.features).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      code: 'layer-too-large',
      severity: 'error',
      file: 'points.geojson',
    });
    expect(r.problems[0]!.message).toContain('300 001 个要素');
    expect(r.problems[0]!.message).toContain('最多 300 000 个要素');
  });

  it('refuses a layer of more vertices than the limit, and says so', async () => {
    const { MAX_LAYER_VERTICES, layerSize, overBudget } = await import('../../src/state/layer-budget.ts');
    const ring = Array.from({ length: 1001 }, (_, i) => [
      114.5 + Math.cos(i / 159) * 0.01,
      32.1 + Math.sin(i / 159) * 0.01,
    ]);
    ring[1000] = ring[0]!;
    const features = Array.from({ length: MAX_LAYER_VERTICES / 1000 + 1 }, () => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Polygon' as const, coordinates: [ring] },
    }));
    const size = layerSize(features);
    expect(size.vertices).toBeGreaterThan(MAX_LAYER_VERTICES);
    expect(overBudget(size)).toBe(true);
    expect(overBudget(layerSize(features.slice(0, 3000)))).toBe(false);
  });
});
