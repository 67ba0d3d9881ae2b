import { describe, expect, it } from 'vitest';
import { openManifest } from '../../src/worker/import-api.ts';
import { MAX_LAYER_FEATURES } from '../../src/state/layer-budget.ts';

describe('opening a whole project', () => {
  it('refuses a project with a layer above the budget in the worker, before it is sent to the page', async () => {
    const n = MAX_LAYER_FEATURES + 1;
    const parts: string[] = [];
    for (let i = 0; i < n; i++)
      parts.push(`{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[114.5,32.1]}}`);
    const manifest = JSON.stringify({
      name: '大项目',
      layers: [{ id: 'pts', role: 'landuse', file: 'pts.geojson' }],
    });
    const layer = new File([`{"type":"FeatureCollection","features":[${parts.join(',')}]}`], 'pts.geojson');
    const r = await openManifest(new File([manifest], 'zonemap.json'), [layer]);
    expect(r.project).toBeNull();
    expect(r.problems.map((p) => p.code)).toEqual(['layer-too-large']);
    expect(r.problems[0]!.message).toContain('pts.geojson');
  });
});
