// zonemap area: the file's own warnings, advice worded for the command line, and no figures from
// a guessed CRS.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GBK_NO_CPG = 'test/fixtures/io/zones-2362-gbk-nocpg.zip';

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('area keeps the file-level warnings', () => {
  it('--json lists encoding-guessed with its code, as validate does', () => {
    const r = zonemap('area', GBK_NO_CPG, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.features.length).toBeGreaterThan(0);
    expect(j.warnings).toContainEqual(
      expect.objectContaining({ code: 'encoding-guessed', message: expect.stringContaining('GBK') }),
    );
  });

  it('text mode tells it on stderr', () => {
    const r = zonemap('area', GBK_NO_CPG);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/提示 .*zones-2362-gbk-nocpg\.zip：.*GBK.*\[encoding-guessed\]/);
  });
});

/** The loose Shapefile of test/fixtures/cli with its .prj replaced by text no reader understands. */
function garbagePrj(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-prj-'));
  cpSync(path.join(ROOT, 'test/fixtures/cli/loose-shp'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'zones.prj'), 'GARBAGE nonsense [[[');
  return path.join(dir, 'zones.shp');
}

describe('area with a .prj it cannot read', () => {
  it('prints no area table and recommends no Gauss-Kruger zone', () => {
    for (const json of [false, true]) {
      const r = zonemap('area', garbagePrj(), ...(json ? ['--json'] : []));
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain('[prj-not-understood]');
      expect(r.err).not.toContain('[projected-without-crs]');
      expect(r.err).not.toContain('EPSG:4547');
      expect(r.err).toContain('未计算面积');
    }
  });

  it('with --crs the areas are computed', () => {
    const r = zonemap('area', garbagePrj(), '--crs', 'EPSG:4547', '--area', 'plane', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // 一公里见方 is a 1 000 m × 1 000 m square in the GK plane (loose-shp fixture): by hand
    expect(j.features[0].area_m2).toBeCloseTo(1_000_000, 3);
  });
});

/** A one-feature GeoJSON (and its project) written to a fresh folder. */
function project(geojson: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-words-'));
  writeFileSync(path.join(dir, 'zones.geojson'), JSON.stringify(geojson));
  writeFileSync(
    path.join(dir, 'zonemap.json'),
    JSON.stringify({ name: 't', layers: [{ id: 'zones', role: 'zone', file: 'zones.geojson' }] }),
  );
  return dir;
}
const square = [
  [114, 32],
  [114.01, 32],
  [114.01, 32.01],
  [114, 32],
];
const bowtie = [
  [114, 32],
  [114.01, 32.01],
  [114.01, 32],
  [114, 32.01],
  [114, 32],
];
const fc = (ring: number[][], crs?: string) => ({
  type: 'FeatureCollection',
  ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
  features: [
    {
      type: 'Feature',
      properties: { 名称: '甲', 类别: '规划区' },
      geometry: { type: 'Polygon', coordinates: [ring] },
    },
  ],
});
const APP_WORDS = /图层设置|导入时指定编码|在导入时|可用“/;

describe('advice for the command line, not for the app', () => {
  it('prj-not-understood says --crs', () => {
    const r = zonemap('area', garbagePrj());
    expect(r.err).toMatch(/请用 --crs 指定坐标系后重新运行.*\[prj-not-understood\]/);
    expect(r.err).not.toMatch(APP_WORDS);
  });

  it('unknown-crs says --crs for a file and "crs" in zonemap.json for a project', () => {
    const dir = project(fc(square, 'EPSG:999999'));
    const a = zonemap('area', path.join(dir, 'zones.geojson'));
    expect(a.err).toMatch(/请用 --crs 指定 EPSG 代码后重新运行.*\[unknown-crs\]/);
    expect(a.err).not.toMatch(APP_WORDS);
    const r = zonemap('report', dir);
    expect(r.err).toMatch(/请在 zonemap\.json 中为该图层写上 "crs".*\[unknown-crs\]/);
    expect(r.err).not.toMatch(APP_WORDS);
  });

  it('encoding-guessed says to add a .cpg beside the .shp', () => {
    for (const cmd of ['area', 'validate']) {
      const r = zonemap(cmd, GBK_NO_CPG);
      expect(r.err).toMatch(/放一个同名的 \.cpg 文件.*\[encoding-guessed\]/);
      expect(r.err).not.toMatch(APP_WORDS);
      const j = JSON.parse(zonemap(cmd, GBK_NO_CPG, '--json').out);
      const w = j.warnings.find((x: { code: string }) => x.code === 'encoding-guessed');
      expect(w.message).toContain('.cpg 文件');
      if (w.message_en) expect(w.message_en).toContain('put a .cpg file');
    }
  });

  it('a repair button of the app is named as the web app’s', () => {
    const file = path.join(project(fc(bowtie)), 'zones.geojson');
    const j = JSON.parse(zonemap('validate', file, '--json').out);
    const all = [...j.errors, ...j.warnings] as { code: string; message: string; message_en?: string }[];
    const si = all.find((p) => p.code === 'self-intersection')!;
    expect(si.message).toContain('可在 zonemap 网页应用中打开该文件，用“拆分自相交”修复');
    expect(si.message).not.toMatch(APP_WORDS);
    expect(si.message_en).toContain("zonemap's web app");
  });
});
