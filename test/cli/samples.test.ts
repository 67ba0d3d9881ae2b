// `zonemap report data/<county>` for each sample project, as a user runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SAMPLES = [
  { dir: 'luoshan', name: '罗山县产业集聚区', planned: '8.5133' },
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
