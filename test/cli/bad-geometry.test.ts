// Regressions from review: malformed or non-finite geometry used to crash `area` with a stack trace,
// pass with exit 0, or shift feature numbers; a bad road aborted the whole report.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

const square = '[[[114.5,32.1],[114.51,32.1],[114.51,32.11],[114.5,32.11],[114.5,32.1]]]';
function file(name: string, features: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-badgeom-'));
  const p = path.join(dir, name);
  writeFileSync(p, `{"type":"FeatureCollection","features":[${features.join(',')}]}`);
  return p;
}
const feature = (name: string, geometry: string) =>
  `{"type":"Feature","properties":{"名称":"${name}"},"geometry":${geometry}}`;

describe('area on bad geometry', () => {
  it('names a geometry without coordinates, measures the rest, exits 1, no stack trace', () => {
    const p = file('a.geojson', [
      feature('A', '{"type":"Polygon"}'),
      feature('B', `{"type":"Polygon","coordinates":${square}}`),
    ]);
    const r = zonemap('area', p, '--json');
    expect(r.code).toBe(1);
    noStack(r.err);
    expect(r.err).toContain('invalid-geometry');
    expect(r.err).toContain('「A」');
    expect(
      JSON.parse(r.out).features.map((f: { feature: number; name: string }) => [f.feature, f.name]),
    ).toEqual([[1, 'B']]);
  });

  for (const [label, coordinates] of [
    ['a number', '5'],
    ['[null]', '[null]'],
    ['an object', '[{"a":1}]'],
  ] as const)
    it(`survives coordinates that are ${label}`, () => {
      const r = zonemap(
        'area',
        file('b.geojson', [feature('A', `{"type":"Polygon","coordinates":${coordinates}}`)]),
        '--json',
      );
      expect(r.code).toBe(1);
      noStack(r.err);
    });

  it('exits 1 on a non-finite coordinate, as validate does', () => {
    const p = file('c.geojson', [
      feature(
        'A',
        '{"type":"Polygon","coordinates":[[[114.5,32.1],[114.51,32.1],["x",32.11],[114.5,32.1]]]}',
      ),
    ]);
    const r = zonemap('area', p, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('non-finite-coordinate');
    for (const f of JSON.parse(r.out).features) expect(Number.isFinite(f.area_m2)).toBe(true);
  });

  it('keeps file order numbers when an item of "features" is not a feature', () => {
    const r = zonemap(
      'area',
      file('d.geojson', ['null', feature('second', `{"type":"Polygon","coordinates":${square}}`)]),
      '--json',
    );
    expect(JSON.parse(r.out).features[0]).toMatchObject({ feature: 1, name: 'second' });
  });
});

describe('area on a file that mixes name columns', () => {
  it('names every feature, whichever of the usual columns it carries', () => {
    const poly = `{"type":"Polygon","coordinates":${square}}`;
    const p = file('m.geojson', [
      `{"type":"Feature","properties":{"NAME":"甲"},"geometry":${poly}}`,
      `{"type":"Feature","properties":{"名称":"乙"},"geometry":${poly}}`,
      `{"type":"Feature","properties":{"name":"丙"},"geometry":${poly}}`,
    ]);
    const names = JSON.parse(zonemap('area', p, '--json').out).features.map((f: { name: string }) => f.name);
    expect(names).toEqual(['甲', '乙', '丙']);
  });
});

describe('validate on a projected file with a missing coordinate', () => {
  it('says non-finite-coordinate, not out of range', () => {
    const p = file('e.geojson', [
      feature(
        'P',
        '{"type":"Polygon","coordinates":[[[500000,3550000],[500100,3550000],[null,3550100],[500000,3550000]]]}',
      ),
    ]);
    const j = JSON.parse(zonemap('validate', p, '--crs', 'EPSG:4547', '--json').out);
    expect(j.errors.map((e: { code: string }) => e.code)).toEqual(['non-finite-coordinate']);
    expect(j.errors[0].name).toBe('P');
  });
});

describe('report with one malformed road', () => {
  it('still reports, names the layer and feature, exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-badroad-'));
    cpSync(path.join(ROOT, 'test/fixtures/report/basic'), dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'zonemap.json'), 'utf8'));
    const road = manifest.layers.find((l: { role: string }) => l.role === 'road');
    const roads = JSON.parse(readFileSync(path.join(dir, road.file), 'utf8'));
    roads.features[0].geometry = { type: 'LineString' };
    writeFileSync(path.join(dir, road.file), JSON.stringify(roads));
    const r = zonemap('report', dir, '--json');
    expect(r.code).toBe(1);
    noStack(r.err);
    expect(r.err).toContain('invalid-geometry');
    expect(JSON.parse(r.out).composition.planned_m2).toBeGreaterThan(0);
  });
});

describe('report on a project whose zone has a geometry problem', () => {
  function projectWithZone(geometry: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-zoneprob-'));
    writeFileSync(
      path.join(dir, 'zonemap.json'),
      JSON.stringify({ name: 't', layers: [{ id: 'zones', role: 'zone', file: 'z.geojson' }] }),
    );
    writeFileSync(
      path.join(dir, 'z.geojson'),
      `{"type":"FeatureCollection","features":[${feature('规划区', geometry)}]}`,
    );
    return dir;
  }

  it('exits 1 on an unclosed ring', () => {
    const r = zonemap(
      'report',
      projectWithZone(
        '{"type":"Polygon","coordinates":[[[114.5,32.1],[114.51,32.1],[114.51,32.11],[114.5,32.11]]]}',
      ),
      '--json',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('unclosed-ring');
  });

  it('measures a self-crossing ring as repaired, with a warning and exit 0', () => {
    const r = zonemap(
      'report',
      projectWithZone(
        '{"type":"Polygon","coordinates":[[[114.5,32.1],[114.51,32.11],[114.51,32.1],[114.5,32.11],[114.5,32.1]]]}',
      ),
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).warnings.map((w: { code: string }) => w.code)).toContain('self-intersection');
  });
});
