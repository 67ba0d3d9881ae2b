// `zonemap report data/<county>` for each sample project, as a user runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SAMPLES = [
  { dir: 'luoshan', name: '罗山县产业集聚区（示例数据，非官方）', planned: '8.5133' },
  { dir: 'yichuan', name: '伊川县产业集聚区（示例数据，非官方）', planned: '8.7190' },
  { dir: 'lushan', name: '鲁山县产业集聚区（示例数据，非官方）', planned: '16.3300' },
  { dir: 'changyuan', name: '长垣县产业集聚区（示例数据，非官方）', planned: '40.8000' },
  { dir: 'zhecheng', name: '柘城县产业集聚区（示例数据，非官方）', planned: '14.0000' },
];

describe('zonemap report data/<county>', () => {
  for (const s of SAMPLES) {
    it(`${s.dir}: tables headed by the project's name, planned ${s.planned} km², no warnings`, () => {
      const r = zonemap('report', `data/${s.dir}`);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toContain(s.name);
      expect(r.out).toMatch(new RegExp(`规划区\\s+${s.planned.replace('.', '\\.')}\\s`));
      const j = JSON.parse(zonemap('report', `data/${s.dir}`, '--json').out) as {
        warnings: unknown[];
        enterprises: { belowThreshold: boolean; intensity_wan_per_mu: number }[];
      };
      expect(j.warnings).toEqual([]);
      for (const e of j.enterprises) expect(typeof e.belowThreshold).toBe('boolean');
    });
  }

  it('柘城: flagged plots carry a * in the enterprise table, and each core its road density', () => {
    const r = zonemap('report', 'data/zhecheng');
    expect(r.out).toContain('入驻企业 (投资强度门槛 120 万元/亩；* 低于门槛)');
    const j = JSON.parse(zonemap('report', 'data/zhecheng', '--json').out) as {
      enterprises: { name: string; belowThreshold: boolean }[];
      parks: { name: string; roadDensity_km_per_km2: number }[];
    };
    const flagged = j.enterprises.filter((e) => e.belowThreshold);
    expect(flagged.length).toBeGreaterThan(0);
    for (const e of j.enterprises) {
      const line = r.out.split('\n').find((l) => l.startsWith(`${e.name} `))!;
      expect(line.trimEnd().endsWith('*')).toBe(e.belowThreshold);
    }
    const table = r.out.slice(r.out.indexOf('【园区】'));
    for (const p of j.parks)
      expect(table).toMatch(new RegExp(`${p.name}.*\\s${p.roadDensity_km_per_km2.toFixed(2)}\\n`));
  });

  it('长垣: the quota ledger lists allocated, used and remaining 亩 for each park', () => {
    const r = zonemap('report', 'data/changyuan');
    const ledger = r.out.slice(r.out.indexOf('【建设用地指标】'));
    for (const [park, mu] of [
      ['起重园区', '2,250'],
      ['蒲西', '1,050'],
      ['蒲东', '900'],
      ['参木', '1,050'],
      ['木岗', '750'],
      ['电厂', '1,200'],
    ])
      expect(ledger).toMatch(new RegExp(`${park}\\s+${mu}\\s`));
  });
});

describe('zonemap compare data/lushan: the growth steps 8.6 → 16.33 → 27 km²', () => {
  interface Cmp {
    from: string;
    to: string;
    zones: { category: string; from_m2: number; to_m2: number; delta_m2: number }[];
    added_m2: number;
    removed_m2: number;
    pieces: { change: string; area_m2: number; townships: string[] }[];
  }
  const km2 = (m2: number) => (m2 / 1e6).toFixed(4);
  for (const [from, to, a, b] of [
    ['approved-2009', 'base', '8.6000', '16.3300'],
    ['base', 'expand-27', '16.3300', '27.0000'],
  ] as const) {
    it(`${from} → ${to}: planned ${a} → ${b} km², the gain in pieces that sum to it`, () => {
      const r = zonemap('compare', 'data/lushan', '--from', from, '--to', to, '--json');
      expect(r.code).toBe(0);
      const c = JSON.parse(r.out) as Cmp;
      expect([c.from, c.to]).toEqual([from, to]);
      const planned = c.zones.find((z) => z.category === 'planned')!;
      expect([km2(planned.from_m2), km2(planned.to_m2)]).toEqual([a, b]);
      // The zone only grows: the gain is the difference of the figures, and nothing is lost.
      expect(km2(c.added_m2 - c.removed_m2)).toBe(km2(planned.delta_m2));
      expect(c.removed_m2).toBeLessThan(1);
      const added = c.pieces.filter((p) => p.change === 'added');
      expect(added.length).toBeGreaterThan(0);
      expect(Math.abs(added.reduce((s, p) => s + p.area_m2, 0) - c.added_m2)).toBeLessThan(1e-4 * c.added_m2);
      for (const p of added) expect(p.townships.length).toBeGreaterThan(0);
      const text = zonemap('compare', 'data/lushan', '--from', from, '--to', to);
      expect(text.code).toBe(0);
      expect(text.out).toMatch(new RegExp(`规划区\\s+${a.replace('.', '\\.')}\\s+${b.replace('.', '\\.')}`));
    });
  }

  it('an unknown scenario exits 2 naming the ones that exist', () => {
    const r = zonemap('compare', 'data/lushan', '--from', 'base', '--to', 'expand-50');
    expect(r.code).toBe(2);
    expect(r.err).toContain('approved-2009');
    expect(r.err).toContain('expand-27');
  });
});
