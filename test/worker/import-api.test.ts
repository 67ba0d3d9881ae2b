import { describe, expect, it } from 'vitest';
import { FEATURE_BATCH, importFile } from '../../src/worker/import-api.ts';

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
