// What a planner meets on the command line (issue 9): loose Shapefiles, the total row of `area`,
// `report` given a zip, the CRS fix worded for the command line, plan headings in words.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../src/io/zip.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIX = path.join(ROOT, 'test/fixtures/cli');

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const square = (x0: number, y0: number, size: number, props: Record<string, unknown>) => ({
  type: 'Feature',
  properties: props,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x0 + size, y0],
        [x0 + size, y0 + size],
        [x0, y0 + size],
        [x0, y0],
      ],
    ],
  },
});

function geojsonFile(features: unknown[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'zonemap-p-')), 'in.geojson');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } },
      features,
    }),
  );
  return file;
}

describe('zonemap area on a loose Shapefile (ogr2ogr wrote it, EPSG:4547)', () => {
  it('reads the .shp with the .dbf, .prj and .cpg beside it', () => {
    const r = zonemap('area', path.join(FIX, 'loose-shp/zones.shp'), '--area', 'plane', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.crs).toBe('EPSG:4547');
    // 1 km × 1 km and 0.5 km × 1 km in their own Gauss-Kruger plane: by hand
    expect(j.features.map((f: { name: string }) => f.name)).toEqual(['一公里见方', '东半']);
    expect(j.features[0].area_m2).toBeCloseTo(1_000_000, 3);
    expect(j.features[1].area_m2).toBeCloseTo(500_000, 3);
  });

  it('without a .prj, says to pass --crs with the likely code', () => {
    const r = zonemap('area', path.join(FIX, 'loose-shp-noprj/zones.shp'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('请用 --crs EPSG:4547');
    expect(r.err).not.toContain('请在导入时选择');
    expect(r.err).not.toMatch(/jszip|stuk\.github/i);
    const j = JSON.parse(zonemap('validate', path.join(FIX, 'loose-shp-noprj/zones.shp'), '--json').out);
    expect(j.errors[0].message).toContain('--crs EPSG:4547');
    const ok = zonemap('area', path.join(FIX, 'loose-shp-noprj/zones.shp'), '--crs', 'EPSG:4547', '--json');
    expect(ok.code).toBe(0);
  });
});

describe("zonemap area's total row", () => {
  it('totals each zone category apart, never the planned area with its own parts', () => {
    const r = zonemap('area', path.join(ROOT, 'data/luoshan/zones.geojson'));
    expect(r.code).toBe(0);
    const totals = r.out.split('\n').filter((l) => l.includes('合计'));
    expect(totals).toHaveLength(4);
    expect(totals[0]).toMatch(/规划区 合计 1 个.*8\.5133$/);
    expect(totals[1]).toMatch(/建成区 合计 1 个.*3\.7000$/);
    expect(r.out).not.toContain('17.0266');
  });

  it('gives no total where features without a category overlap, and the sum where they do not', () => {
    const overlapping = geojsonFile([
      square(547000, 3563000, 1000, { 名称: '甲' }),
      square(547500, 3563000, 1000, { 名称: '乙' }),
    ]);
    const r = zonemap('area', overlapping, '--area', 'plane', '--json');
    const j = JSON.parse(r.out);
    expect(j.totals).toEqual([{ features: [0, 1], area_m2: null, overlaps: true }]);
    expect(zonemap('area', overlapping, '--area', 'plane').out).toContain('要素相互重叠，不合计');
    const apart = geojsonFile([
      square(547000, 3563000, 1000, { 名称: '甲' }),
      square(548000, 3563000, 1000, { 名称: '乙' }),
    ]);
    const t = JSON.parse(zonemap('area', apart, '--area', 'plane', '--json').out).totals;
    expect(t).toHaveLength(1);
    expect(t[0].area_m2).toBeCloseTo(2_000_000, 3);
  });
});

describe('zonemap report given a file that is not a manifest', () => {
  it('says what report wants for a zip that is not a project bundle', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-z-'));
    const zip = path.join(dir, 'layer.zip');
    writeFileSync(zip, await zipFiles([['a.geojson', '{"type":"FeatureCollection","features":[]}']]));
    const r = zonemap('report', zip);
    expect(r.code).toBe(2);
    expect(r.err).toContain('report 需要项目文件夹');
    expect(r.err).toContain('zonemap area');
    expect(r.err).not.toMatch(/not valid JSON|unexpected character/i);
  });

  it('reads a project bundle', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-b-'));
    const src = path.join(ROOT, 'test/fixtures/report/basic');
    const manifest = JSON.parse(readFileSync(path.join(src, 'zonemap.json'), 'utf8')) as {
      layers: { file: string }[];
    };
    const files: [string, Uint8Array][] = [['zonemap.json', readFileSync(path.join(src, 'zonemap.json'))]];
    for (const l of manifest.layers) files.push([l.file, readFileSync(path.join(src, l.file))]);
    const zip = path.join(dir, 'project.zip');
    writeFileSync(zip, await zipFiles(files));
    const fromZip = JSON.parse(zonemap('report', zip, '--json').out);
    const fromDir = JSON.parse(zonemap('report', src, '--json').out);
    expect(fromZip.composition.planned_m2).toBeCloseTo(fromDir.composition.planned_m2, 6);
  });

  it('says the same for a layer file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-l-'));
    const shp = path.join(dir, 'zones.shp');
    copyFileSync(path.join(FIX, 'loose-shp/zones.shp'), shp);
    const r = zonemap('report', shp);
    expect(r.code).toBe(2);
    expect(r.err).toContain('report 需要项目文件夹');
  });
});

describe('zonemap report headings', () => {
  it('name the plans by their kind in Chinese, not by layer ids', () => {
    const r = zonemap('report', path.join(ROOT, 'data/luoshan'));
    expect(r.out).toContain('【规划对照：产业集聚区规划】');
    expect(r.out).not.toContain('plan-industry');
    expect(r.out).not.toContain('industry-plan');
  });

  it('word a layer without its CRS as a change to zonemap.json', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-m-'));
    copyFileSync(path.join(FIX, 'loose-shp-noprj/zones.shp'), path.join(dir, 'zones.shp'));
    copyFileSync(path.join(FIX, 'loose-shp-noprj/zones.dbf'), path.join(dir, 'zones.dbf'));
    writeFileSync(
      path.join(dir, 'zonemap.json'),
      JSON.stringify({ name: 't', layers: [{ id: 'zones', role: 'zone', file: 'zones.shp' }] }),
    );
    const r = zonemap('report', dir);
    expect(r.err).toContain('"crs": "EPSG:4547"');
    expect(r.err).toContain('zonemap.json');
  });
});
