import { describe, expect, it } from 'vitest';
import { openProjectFiles } from '../../src/state/open-project.ts';
import { MAX_LAYER_FEATURES } from '../../src/state/layer-budget.ts';
import { store } from '../../src/state/store.ts';

describe('opening a whole project', () => {
  it('refuses a project with a layer above the budget before it reaches the store', async () => {
    const n = MAX_LAYER_FEATURES + 1;
    const parts: string[] = [];
    for (let i = 0; i < n; i++)
      parts.push(`{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[114.5,32.1]}}`);
    const manifest = JSON.stringify({
      name: '大项目',
      layers: [{ id: 'pts', role: 'landuse', file: 'pts.geojson' }],
    });
    const files = [
      new File([manifest], 'zonemap.json'),
      new File([`{"type":"FeatureCollection","features":[${parts.join(',')}]}`], 'pts.geojson'),
    ];
    const r = await openProjectFiles(files);
    expect(r.opened).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['layer-too-large']);
    expect(r.problems[0]!.message).toContain('pts.geojson');
    expect(store.get().project).toBeNull();
  });
});
