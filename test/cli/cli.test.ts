// The command line as a user runs it: `node bin/zonemap.js ...` — exit codes, the contract's JSON,
// readable errors and never a stack trace for bad data.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/report/basic');

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('zonemap report', () => {
  it('prints the contract JSON with --json and exits 0', () => {
    const r = zonemap('report', FIXTURE, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const key of [
      'areaMethod',
      'zones',
      'composition',
      'landUse',
      'admin',
      'villages',
      'constraints',
      'roads',
      'roadDensity_km_per_km2',
      'enterprises',
      'warnings',
    ])
      expect(j).toHaveProperty(key);
    expect(j.areaMethod).toBe('ellipsoidal');
    for (const key of [
      'planned_m2',
      'built_m2',
      'development_m2',
      'control_m2',
      'unassigned_m2',
      'overlap_m2',
      'outside_m2',
    ])
      expect(typeof j.composition[key]).toBe('number');
    expect(j.landUse[0]).toEqual(
      expect.objectContaining({
        class: expect.any(String),
        name: expect.any(String),
        area_m2: expect.any(Number),
        share: expect.any(Number),
      }),
    );
    expect(j.admin[0]).toEqual(
      expect.objectContaining({
        layer: 'towns',
        overlap_m2: expect.any(Number),
        share_of_zone: expect.any(Number),
        share_of_unit: expect.any(Number),
      }),
    );
    expect(j.constraints.find((c: { kind: string }) => c.kind === 'urban-boundary')).toHaveProperty(
      'outside_m2',
    );
    expect(j.enterprises[0]).toEqual(
      expect.objectContaining({
        intensity_wan_per_mu: expect.any(Number),
        belowThreshold: expect.any(Boolean),
      }),
    );
    expect(j.warnings[0]).toEqual(
      expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    );
  });

  it('measures in the plane with --area plane', () => {
    const j = JSON.parse(
      zonemap('report', path.join(FIXTURE, 'zonemap.json'), '--json', '--area', 'plane').out,
    );
    expect(j.areaMethod).toBe('plane');
    expect(j.planeCrs).toBe('EPSG:4547');
  });

  it('prints Chinese tables for people', () => {
    const r = zonemap('report', FIXTURE);
    expect(r.code).toBe(0);
    expect(r.out).toContain('分区构成');
    expect(r.out).toContain('规划区');
    expect(r.out).toContain('工业用地');
    expect(r.out).toContain('椭球面积');
  });

  it('writes CSV files with --csv', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-csv-'));
    expect(zonemap('report', FIXTURE, '--csv', dir).code).toBe(0);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['landuse.csv', 'zones.csv', 'enterprises.csv']));
    expect(readFileSync(path.join(dir, 'landuse.csv'), 'utf8')).toContain('工业用地');
  });

  it('exits 2 on bad usage', () => {
    expect(zonemap('report').code).toBe(2);
    expect(zonemap('report', FIXTURE, '--area', 'sphere').code).toBe(2);
    expect(zonemap('report', FIXTURE, '--bogus').code).toBe(2);
  });

  it('exits 1 with plain words and no stack trace when the data is bad', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-bad-'));
    writeFileSync(
      path.join(dir, 'zonemap.json'),
      JSON.stringify({ name: 'x', layers: [{ id: 'zones', role: 'zone', file: 'zones.geojson' }] }),
    );
    writeFileSync(path.join(dir, 'zones.geojson'), '{"type": "FeatureCollection", "features": [');
    const r = zonemap('report', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('zones.geojson');
    noStack(r.err);
    // a path that does not exist is a usage error, as for area and validate
    const missing = zonemap('report', path.join(dir, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope');
    noStack(missing.err);
  });
});

describe('zonemap area', () => {
  it('prints one entry per polygonal feature in file order, with warnings', () => {
    const r = zonemap('area', path.join(ROOT, 'test/fixtures/area/mixed/in.geojson'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.areaMethod).toBe('ellipsoidal');
    expect(j.features.map((f: { feature: number }) => f.feature)).toEqual([0, 1, 2, 3, 4]);
    expect(j.features[0]).toEqual({ feature: 0, name: '带洞', area_m2: expect.any(Number) });
    expect(j.warnings).toEqual([expect.objectContaining({ code: 'self-intersection', feature: 2 })]);
  });

  it('uses the file’s own Gauss-Kruger plane with --area plane', () => {
    const r = zonemap(
      'area',
      path.join(ROOT, 'test/fixtures/area/rect-gk/in.geojson'),
      '--json',
      '--area',
      'plane',
    );
    const j = JSON.parse(r.out);
    expect(j.features[0].area_m2).toBeCloseTo(3_000_000, 3);
  });

  it('honours --crs for a file without one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-crs-'));
    const file = path.join(dir, 'gk.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { 名称: '甲' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [547000, 3563000],
                  [548000, 3563000],
                  [548000, 3564000],
                  [547000, 3564000],
                  [547000, 3563000],
                ],
              ],
            },
          },
        ],
      }),
    );
    const j = JSON.parse(zonemap('area', file, '--crs', 'EPSG:4547', '--area', 'plane', '--json').out);
    expect(j.features[0].area_m2).toBeCloseTo(1_000_000, 3);
  });

  it('prints a table for people', () => {
    const r = zonemap('area', path.join(ROOT, 'test/fixtures/area/rect-lonlat/in.geojson'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('一公里见方');
    expect(r.out).toContain('亩');
  });

  it('exits 2 on bad usage and a missing file, 1 on a broken file, never with a stack trace', () => {
    expect(zonemap('area').code).toBe(2);
    expect(zonemap('area', 'x.geojson', '--crs', 'EPSG:99999').code).toBe(2);
    const gone = zonemap('area', '/nonexistent/file.geojson');
    expect(gone.code).toBe(2);
    noStack(gone.err);
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-broken-'));
    const file = path.join(dir, 'broken.geojson');
    writeFileSync(file, '{"type": "FeatureCollection", "features": [ {"type": "Feature", ');
    const r = zonemap('area', file, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('broken.geojson');
    noStack(r.err);
  });
});
