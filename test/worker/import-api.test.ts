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
