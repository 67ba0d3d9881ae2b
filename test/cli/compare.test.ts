// `zonemap compare` and `zonemap report --scenario` as a user runs them (contract §5): the JSON,
// the tables, and the exit statuses — 2 for bad usage and unknown scenario ids (naming the ids
// that exist), 1 for scenario data with errors, never a stack trace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/compare/grow-east');
const EXPECTED = JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as {
  comparisons: { from: string; to: string; ellipsoidal: { zones: Record<string, { to_m2: number }> } }[];
};

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
const IDS = /base（基础方案）, expand-east（东扩方案）, expand-east-gk（东扩方案（高斯投影））/;

function brokenCopy(edit: (manifest: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zonemap-compare-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const file = path.join(dir, 'zonemap.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(m);
  writeFileSync(file, JSON.stringify(m));
  return dir;
}

describe('zonemap compare', () => {
  it('prints the contract JSON with --json and exits 0', () => {
    const r = zonemap('compare', FIXTURE, '--from', 'base', '--to', 'expand-east', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.areaMethod, j.from, j.to]).toEqual(['ellipsoidal', 'base', 'expand-east']);
    for (const key of ['zones', 'added_m2', 'removed_m2', 'pieces', 'admin', 'villages', 'constraints'])
      expect(j).toHaveProperty(key);
    expect(j.zones[0]).toEqual(
      expect.objectContaining({
        category: 'planned',
        from_m2: expect.any(Number),
        to_m2: expect.any(Number),
      }),
    );
    expect(j.zones[0].delta_m2).toBe(j.zones[0].to_m2 - j.zones[0].from_m2);
    expect(j.pieces[0]).toEqual(
      expect.objectContaining({
        change: 'added',
        area_m2: expect.any(Number),
        townships: ['张良镇', '城关镇'],
      }),
    );
    expect(j.pieces[0]).not.toHaveProperty('geometry');
    expect(j.admin[0]).toEqual(expect.objectContaining({ layer: 'towns', name: '城关镇' }));
    expect(j.villages[0]).toEqual(expect.objectContaining({ name: '张湾村', delta_m2: expect.any(Number) }));
    expect(j.constraints.map((k: { kind: string }) => k.kind)).toEqual(['basic-farmland', 'urban-boundary']);
  });

  it('measures in the plane with --area plane', () => {
    const j = JSON.parse(
      zonemap('compare', FIXTURE, '--from', 'base', '--to', 'expand-east', '--json', '--area', 'plane').out,
    );
    expect([j.areaMethod, j.planeCrs]).toEqual(['plane', 'EPSG:4547']);
  });

  it('prints Chinese tables: km² to 4 decimals, 亩 whole, changes signed', () => {
    const r = zonemap('compare', FIXTURE, '--from', 'base', '--to', 'expand-east');
    expect(r.code).toBe(0);
    expect(r.out).toContain('方案比较：base「基础方案」→ expand-east「东扩方案」');
    for (const title of [
      '【分区面积】',
      '【规划区增减】',
      '【新增与减少地块',
      '【涉及行政区】',
      '【涉及村庄】',
      '【三区三线】',
    ])
      expect(r.out).toContain(title);
    const planned = EXPECTED.comparisons[0]!.ellipsoidal.zones.planned!.to_m2;
    expect(r.out).toMatch(
      new RegExp(
        `规划区\\s+\\d\\.\\d{4}\\s+${(planned / 1e6).toFixed(4)}\\s+\\+\\d\\.\\d{4}\\s+\\+[\\d,]+\\n`,
      ),
    );
    expect(r.out).toMatch(/减少\s+\d+\s+0\.1255\s+城关镇\s+张湾村/);
  });

  it('takes --from as base when it is not given', () => {
    const j = JSON.parse(zonemap('compare', FIXTURE, '--to', 'expand-east', '--json').out);
    expect(j.from).toBe('base');
  });

  it('exits 2 naming the ids that exist for an unknown --to or --from', () => {
    for (const args of [
      ['--from', 'base', '--to', 'expand-west'],
      ['--from', 'old', '--to', 'expand-east'],
    ]) {
      const r = zonemap('compare', FIXTURE, ...args, '--json');
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/没有方案 "(expand-west|old)"/);
      expect(r.err).toMatch(IDS);
      noStack(r.err);
    }
  });

  it('exits 2 on bad usage', () => {
    expect(zonemap('compare', FIXTURE).code).toBe(2);
    expect(zonemap('compare', FIXTURE, '--to').code).toBe(2);
    expect(zonemap('compare', '--to', 'expand-east').code).toBe(2);
    expect(zonemap('compare', FIXTURE, '--to', 'expand-east', '--area', 'flat').code).toBe(2);
    expect(zonemap('compare', path.join(FIXTURE, 'nowhere'), '--to', 'expand-east').code).toBe(2);
  });

  it('exits 1 naming the manifest when a scenario file is missing or a layer id unknown', () => {
    const missing = brokenCopy((m) => {
      (m.scenarios as { layers: Record<string, string> }[])[0]!.layers.zones = 'scenarios/gone.geojson';
    });
    const r = zonemap('compare', missing, '--from', 'base', '--to', 'expand-east');
    expect(r.code).toBe(1);
    expect(r.err).toContain('scenarios/gone.geojson');
    expect(r.err).toContain('[scenario-file-missing]');
    noStack(r.err);
    const unknownLayer = brokenCopy((m) => {
      (m.scenarios as { layers: Record<string, string> }[])[0]!.layers = { zone: 'x.geojson' };
    });
    const u = zonemap('compare', unknownLayer, '--to', 'expand-east', '--json');
    expect(u.code).toBe(1);
    expect(u.err).toMatch(/zonemap\.json 中方案 expand-east 要替换的图层 "zone" 不存在.*zones, towns/);
    // The other scenario is still fine to compare with the base.
    const other = zonemap('compare', unknownLayer, '--to', 'expand-east-gk', '--json');
    expect(other.code).toBe(0);
    expect(JSON.parse(other.out).warnings).toContainEqual(
      expect.objectContaining({ code: 'scenario-unknown-layer', scenario: 'base' }),
    );
  });

  it('exits 1 for duplicate scenario ids', () => {
    const dup = brokenCopy((m) => {
      const list = m.scenarios as unknown[];
      list.push({ ...(list[0] as object) });
    });
    const r = zonemap('compare', dup, '--to', 'expand-east');
    expect(r.code).toBe(1);
    expect(r.err).toContain('[scenario-duplicate-id]');
  });
});

describe('zonemap report --scenario', () => {
  it('reports the scenario: its planned area is the scenario’s', () => {
    const r = zonemap('report', FIXTURE, '--scenario', 'expand-east', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.scenario, j.scenarioName]).toEqual(['expand-east', '东扩方案']);
    const want = EXPECTED.comparisons[0]!.ellipsoidal.zones.planned!.to_m2;
    expect(Math.abs(j.composition.planned_m2 - want)).toBeLessThan(1e-7 * want);
  });

  it('reports the base without --scenario and with --scenario base', () => {
    const a = JSON.parse(zonemap('report', FIXTURE, '--json').out);
    const b = JSON.parse(zonemap('report', FIXTURE, '--json', '--scenario', 'base').out);
    expect(b.composition).toEqual(a.composition);
    expect(a).not.toHaveProperty('scenario');
    expect(b.scenario).toBe('base');
  });

  it('exits 1 for a broken scenario, and 0 with a warning for the base it does not change', () => {
    const dir = brokenCopy((m) => {
      (m.scenarios as { layers: Record<string, string> }[])[0]!.layers = { zone: 'x.geojson' };
    });
    const bad = zonemap('report', dir, '--scenario', 'expand-east');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('[scenario-unknown-layer]');
    noStack(bad.err);
    const base = zonemap('report', dir, '--json');
    expect(base.code).toBe(0);
    expect(JSON.parse(base.out).warnings).toContainEqual(
      expect.objectContaining({ code: 'scenario-unknown-layer' }),
    );
  });

  it('titles the tables with the scenario’s name', () => {
    expect(zonemap('report', FIXTURE, '--scenario', 'expand-east').out).toContain(
      '东扩测试集聚区（方案 东扩方案）',
    );
  });

  it('exits 2 naming the ids that exist for an unknown id', () => {
    const r = zonemap('report', FIXTURE, '--scenario', 'west');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(IDS);
    noStack(r.err);
    expect(zonemap('report', FIXTURE, '--scenario').code).toBe(2);
  });
});

describe('zonemap --help', () => {
  it('lists compare and report --scenario', () => {
    const r = zonemap('--help');
    expect(r.out).toContain('zonemap compare DIR_OR_MANIFEST --from ID --to ID');
    expect(r.out).toContain('zonemap report DIR_OR_MANIFEST [--scenario ID]');
    expect(zonemap('compare', '--help').out).toContain('--from ID');
  });
});
