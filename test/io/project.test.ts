import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { loadProject } from '../../src/io/project.ts';

const dir = fileURLToPath(new URL('../fixtures/io/project', import.meta.url));

describe('loadProject', () => {
  it('loads layers, maps fields, keeps unknown keys and reports a missing file', async () => {
    const { project, problems } = await loadProjectFromPath(dir);
    expect(project?.name).toBe('测试项目');
    expect(project?.layers.map((l) => l.id)).toEqual(['zones', 'farmland']);
    const zones = project!.layers[0]!;
    expect(zones.fields).toEqual({ category: '类别', name: '名称' });
    const farmland = project!.layers[1]!;
    expect(farmland.crs).toBe('EPSG:4547');
    expect(farmland.kind).toBe('basic-farmland');
    expect((farmland as { extra?: unknown }).extra).toEqual({ note: 'kept' });
    expect(project!.settings.intensityThreshold_wan_per_mu).toBe(120);
    expect(project!.quotas).toEqual({ 起重园区: 1500000 });
    expect(project!.extra).toEqual({ viewer: { steps: 3 } });
    expect(problems.map((p) => [p.code, p.layer])).toEqual([['layer-file-missing', 'gone']]);
  });

  it('a layer crs beats the project crs for a file without one', async () => {
    const manifest = JSON.stringify({
      crs: 'EPSG:4526',
      layers: [
        { id: 'a', role: 'zone', file: 'a.geojson' },
        { id: 'b', role: 'zone', file: 'a.geojson', crs: 'EPSG:4547' },
      ],
    });
    const pt = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [38500000, 3560000] },
    };
    const pt6 = { ...pt, geometry: { type: 'Point', coordinates: [500000, 3560000] } };
    let n = 0;
    const { project, problems } = await loadProject(manifest, async () =>
      new TextEncoder().encode(JSON.stringify(n++ === 0 ? pt : pt6)),
    );
    expect(problems).toEqual([]);
    expect(project!.layers.map((l) => l.crs)).toEqual(['EPSG:4526', 'EPSG:4547']);
    for (const l of project!.layers) {
      expect((l.features[0]!.geometry as GeoJSON.Point).coordinates[0]).toBeCloseTo(114, 9);
    }
  });

  it('returns no project for a manifest that is not JSON, with the place it breaks', async () => {
    const { project, problems } = await loadProject('{"name": }', async () => new Uint8Array());
    expect(project).toBeNull();
    expect(problems[0]).toMatchObject({ code: 'invalid-json' });
  });
});
