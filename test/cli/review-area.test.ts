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
  const r = spawnSync('node', ['bin/zonemap.js', ...args], { cwd: ROOT, encoding: 'utf8' });
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
