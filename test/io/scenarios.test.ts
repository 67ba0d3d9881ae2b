// Scenarios in the manifest (contract §5): what a scenario layer inherits from its base layer, and
// the errors for unknown base layer ids, missing files, duplicate and reserved ids.
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/io/project.ts';
import { describeScenarioIds, loadScenarios, scenarioIds } from '../../src/io/scenarios.ts';

const square = (x: number, props: Record<string, unknown>) => ({
  type: 'Feature',
  properties: props,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 32.2],
        [x + 0.01, 32.2],
        [x + 0.01, 32.21],
        [x, 32.21],
        [x, 32.2],
      ],
    ],
  },
});
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

// A GK zone-38 point of the same place as lon 114.5 (EPSG:4547, x without zone number).
const FILES: Record<string, string> = {
  'zones.geojson': fc(square(114.5, { 名称: '批复', 类别: '规划区' })),
  'farm.geojson': fc(square(114.505, { 名称: '农田' })),
  'east.geojson': fc(square(114.52, { 名称: '东扩', 类别: '规划区' })),
  'east-own-names.geojson': fc(square(114.52, { MC: '东扩', LB: '规划区' })),
};
const readFile = async (name: string): Promise<Uint8Array> => {
  const text = FILES[name];
  if (text === undefined) throw new Error(`ENOENT: no such file, open '${name}'`);
  return new TextEncoder().encode(text);
};

const LAYERS = [
  { id: 'zones', role: 'zone', file: 'zones.geojson', fields: { name: '名称', category: '类别' } },
  { id: 'farmland', role: 'constraint', kind: 'basic-farmland', file: 'farm.geojson', crs: 'EPSG:4326' },
];

async function load(scenarios: unknown, ids: string[], layers: unknown[] = LAYERS) {
  const manifest = JSON.stringify({ name: 'T', layers, scenarios });
  const loaded = await loadProject(manifest, readFile, { manifestName: 'demo/zonemap.json' });
  expect(loaded.project).not.toBeNull();
  const picked = await loadScenarios(
    {
      project: loaded.project!,
      problems: loaded.problems,
      ...(loaded.scenarios ? { scenarios: loaded.scenarios } : {}),
    },
    ids,
    readFile,
    'demo/zonemap.json',
  );
  return { loaded, ...picked };
}

describe('scenarios in the manifest', () => {
  it('replace only the layers they name, keeping id, role, kind and field mapping', async () => {
    const { loaded, scenarios, unknown } = await load(
      [{ id: 'east', name: '东扩方案', note: '向东', layers: { zones: 'east.geojson' } }],
      ['base', 'east'],
    );
    expect(unknown).toEqual([]);
    expect(scenarioIds(loaded.scenarios)).toEqual(['base', 'east']);
    const [base, east] = scenarios;
    expect(base!.project).toBe(loaded.project);
    expect([east!.name, east!.note]).toEqual(['东扩方案', '向东']);
    const zones = east!.project.layers[0]!;
    expect([zones.id, zones.role, zones.file]).toEqual(['zones', 'zone', 'east.geojson']);
    expect(zones.fields).toEqual({ name: '名称', category: '类别' });
    // The farmland layer is the base's own object: caches keyed by geometry are shared.
    expect(east!.project.layers[1]).toBe(loaded.project!.layers[1]);
    expect(east!.problems).toEqual([]);
  });

  it('take crs and fields from the object form', async () => {
    const { scenarios } = await load(
      [
        {
          id: 'east',
          layers: {
            zones: {
              file: 'east-own-names.geojson',
              crs: 'EPSG:4326',
              fields: { name: 'MC', category: 'LB' },
            },
          },
        },
      ],
      ['east'],
    );
    const zones = scenarios[0]!.project.layers[0]!;
    expect(zones.fields).toEqual({ name: 'MC', category: 'LB' });
    expect(zones.crs).toBe('EPSG:4326');
    expect(scenarios[0]!.name).toBe('east');
  });

  it('inherit the base layer’s manifest crs', async () => {
    const gk = (x: number) => ({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, 3562000],
            [x + 1000, 3562000],
            [x + 1000, 3563000],
            [x, 3563000],
            [x, 3562000],
          ],
        ],
      },
    });
    FILES['farm-gk.geojson'] = fc(gk(547000));
    FILES['farm-gk-2.geojson'] = fc(gk(548000));
    const layers = [LAYERS[0], { ...LAYERS[1], file: 'farm-gk.geojson', crs: 'EPSG:4547' }];
    const { scenarios } = await load([{ id: 's', layers: { farmland: 'farm-gk-2.geojson' } }], ['s'], layers);
    expect(scenarios[0]!.problems).toEqual([]);
    const farm = scenarios[0]!.project.layers[1]!;
    expect([farm.kind, farm.crs, farm.role]).toEqual(['basic-farmland', 'EPSG:4547', 'constraint']);
    const [lon, lat] = (farm.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]![0]!;
    expect(lon).toBeGreaterThan(114.5);
    expect(lon).toBeLessThan(114.52);
    expect(lat).toBeGreaterThan(32.18);
    expect(lat).toBeLessThan(32.2);
  });

  it('name an unknown base layer id, the manifest and the ids to use', async () => {
    const { scenarios } = await load([{ id: 's', layers: { zone: 'east.geojson' } }], ['s', 'base']);
    const [p] = scenarios[0]!.problems;
    expect(p).toMatchObject({ code: 'scenario-unknown-layer', severity: 'error', file: 'demo/zonemap.json' });
    expect(p!.message).toContain('demo/zonemap.json');
    expect(p!.message).toContain('"zone"');
    expect(p!.message).toContain('zones, farmland');
    // In the base, the broken scenario is a warning: the base figures are still right.
    expect(scenarios[1]!.problems.map((q) => [q.code, q.severity])).toEqual([
      ['scenario-unknown-layer', 'warning'],
    ]);
  });

  it('name a missing scenario file with the scenario, the layer and where paths start', async () => {
    const { scenarios } = await load([{ id: 's', layers: { zones: 'scenarios/s/zones.geojson' } }], ['s']);
    const [p] = scenarios[0]!.problems;
    expect(p).toMatchObject({ code: 'scenario-file-missing', severity: 'error', layer: 'zones' });
    expect(p!.message).toContain('scenarios/s/zones.geojson');
    expect(p!.message).toContain('方案 s');
    expect(p!.message).toContain('demo/zonemap.json');
    // The base layer stays in place so the scenario is still a whole project.
    expect(scenarios[0]!.project.layers[0]!.file).toBe('zones.geojson');
  });

  it('refuse duplicate ids and the reserved id base, naming the manifest', async () => {
    const { loaded, scenarios } = await load(
      [
        { id: 'a', layers: { zones: 'east.geojson' } },
        { id: 'a', layers: {} },
        { id: 'base', layers: {} },
        { name: 'no id', layers: {} },
        'not an object',
      ],
      ['a'],
    );
    expect(scenarioIds(loaded.scenarios)).toEqual(['base', 'a']);
    expect(scenarios[0]!.problems.map((p) => [p.code, p.severity])).toEqual([
      ['scenario-duplicate-id', 'error'],
      ['scenario-invalid', 'warning'],
      ['scenario-invalid', 'warning'],
      ['scenario-invalid', 'warning'],
    ]);
    expect(scenarios[0]!.problems[0]!.message).toMatch(/demo\/zonemap\.json.*2 个方案.*"a"/);
  });

  it('report unknown requested ids instead of loading anything', async () => {
    const { loaded, scenarios, unknown } = await load(
      [{ id: 'east', name: '东扩方案', layers: { zones: 'east.geojson' } }],
      ['east', 'west'],
    );
    expect(unknown).toEqual(['west']);
    expect(scenarios).toEqual([]);
    expect(describeScenarioIds(loaded.scenarios)).toBe('base（基础方案）, east（东扩方案）');
  });

  it('say so when scenarios is not a list', async () => {
    const { loaded } = await load({ east: {} }, ['base']);
    expect(loaded.scenarios!.problems.map((p) => p.code)).toEqual(['scenario-invalid']);
    expect(loaded.problems).toEqual([]);
  });

  it('keep the scenarios in the manifest extras, so saving the project keeps them', async () => {
    const list = [{ id: 'east', layers: { zones: 'east.geojson' } }];
    const { loaded } = await load(list, ['base']);
    expect(loaded.project!.extra).toEqual({ scenarios: list });
  });
});
