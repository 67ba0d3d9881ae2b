// The commands agree on invalid polygons (issue 7): `validate` names each problem and exits 1,
// `area` measures GEOS MakeValid's shape (expected from shapely/GEOS + GeographicLib, see
// test/fixtures/validity) and warns with the same codes, exiting 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const zonemap = (...args: string[]) => {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe.each([
  'nested-holes',
  'duplicate-and-nested-holes',
  'self-intersection-at-vertex',
  'spike-enclosing-area',
])('validity fixture %s on the command line', (name) => {
  const dir = path.join(ROOT, 'test/fixtures/validity', name);
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
    codes: string[];
    files: Record<string, { ellipsoidal_m2: number }>;
  };
  const file = path.join(dir, 'in.geojson');

  it('validate exits 1 naming the problems with their place', () => {
    const r = zonemap('validate', file, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as { errors: { code: string; at: number[] }[] };
    expect([...new Set(j.errors.map((e) => e.code))].sort()).toEqual([...expected.codes].sort());
    for (const e of j.errors) expect(e.at).toHaveLength(2);
  });

  it('area measures the repaired shape, warns with the same codes, exits 0', () => {
    const r = zonemap('area', file, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { features: { area_m2: number }[]; warnings: { code: string }[] };
    const want = expected.files['in.geojson']!.ellipsoidal_m2;
    expect(Math.abs(j.features[0]!.area_m2 - want) / want).toBeLessThan(1e-7);
    expect([...new Set(j.warnings.map((w) => w.code))].sort()).toEqual([...expected.codes].sort());
  });
});

describe('report on an invalid planned zone', () => {
  it('measures it as area does and warns with the same code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-validity-'));
    const fixture = path.join(ROOT, 'test/fixtures/validity/duplicate-and-nested-holes');
    const src = JSON.parse(readFileSync(path.join(fixture, 'in.geojson'), 'utf8')) as {
      features: { geometry: unknown }[];
    };
    const zones = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 名称: '规划区', 类别: '规划区' },
          geometry: src.features[0]!.geometry,
        },
      ],
    };
    writeFileSync(path.join(dir, 'zones.geojson'), JSON.stringify(zones));
    writeFileSync(
      path.join(dir, 'zonemap.json'),
      JSON.stringify({ name: 't', layers: [{ id: 'zones', role: 'zone', file: 'zones.geojson' }] }),
    );
    const r = zonemap('report', dir, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { composition: { planned_m2: number }; warnings: { code: string }[] };
    const want = (
      JSON.parse(readFileSync(path.join(fixture, 'expected.json'), 'utf8')) as {
        files: Record<string, { ellipsoidal_m2: number }>;
      }
    ).files['in.geojson']!.ellipsoidal_m2;
    expect(Math.abs(j.composition.planned_m2 - want) / want).toBeLessThan(1e-7);
    expect([...new Set(j.warnings.map((w) => w.code))].sort()).toEqual(['duplicate-hole', 'nested-holes']);
  });
});
