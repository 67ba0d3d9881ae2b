// Every figure the seed reports state equals the synthetic sample's own figure, at the report's
// precision (km² to the decimals given, 亩 whole), by core's ellipsoidal method; one figure of each
// sample is also held against test/fixtures/samples/crosscheck.json, which shapely, pyproj and
// GeographicLib computed without any of zonemap's code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { geometryArea, geometryLength } from '../../src/core/area.ts';
import { buildReport, type Report } from '../../src/core/report.ts';
import type { Project } from '../../src/core/types.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { readGeoJsonText } from '../../src/io/read-geojson.ts';
import { main } from '../../scripts/gen-sample.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MU = 2000 / 3;
const CROSS = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test/fixtures/samples/crosscheck.json'), 'utf8'),
) as Record<string, { mu?: number; km2?: number; central_meridian?: number; false_easting?: number }>;

/** A figure as the report writes it: km² to d decimals. */
const km2 = (m2: number, d: number) => Number((m2 / 1e6).toFixed(d));
const mu = (m2: number) => Math.round(m2 / MU);

async function open(sample: string): Promise<{ project: Project; report: Report }> {
  const { project, problems } = await loadProjectFromPath(path.join(ROOT, 'data', sample));
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { project: project!, report: buildReport(project!, { areaMethod: 'ellipsoidal' }) };
}

const zone = (r: Report, name: string) => r.zones.find((z) => z.name === name)!.area_m2;

describe('罗山 (seed 000)', () => {
  let r: Report;
  beforeAll(async () => ({ report: r } = await open('luoshan')));
  it('planned 8.5133 = built 3.7 + development 1.8133 + control 3 km²; 57 enterprises, 63.2 亿元', () => {
    expect(km2(r.composition.planned_m2, 4)).toBe(8.5133);
    expect(km2(r.composition.built_m2, 1)).toBe(3.7);
    expect(km2(r.composition.development_m2, 4)).toBe(1.8133);
    expect(km2(r.composition.control_m2, 0)).toBe(3);
    expect(r.totals.enterprises).toBe(57);
    expect(r.totals.enterprisesByStatus).toMatchObject({ 已投产: 40, 在建: 17 });
    expect(Number((r.totals.investment_wan / 1e4).toFixed(1))).toBe(63.2);
    expect(r.totals.employees).toBe(41360);
  });
  it('planned area as shapely + GeographicLib give it (within 1 m²)', () => {
    expect(Math.abs(r.composition.planned_m2 - CROSS.luoshan!.km2! * 1e6)).toBeLessThan(1);
  });
});

describe('伊川 (seed 000)', () => {
  let r: Report;
  let project: Project;
  beforeAll(async () => ({ report: r, project } = await open('yichuan')));
  it('is written in CGCS2000 GK CM 111° (EPSG:4546, which PROJ names so)', () => {
    expect(project.crs).toBe('EPSG:4546');
    expect(CROSS['EPSG:4546']).toMatchObject({ central_meridian: 111, false_easting: 500000 });
  });
  it('一区两园: planned 8.719 km², 东园 6.472 km²', () => {
    expect(km2(r.composition.planned_m2, 3)).toBe(8.719);
    expect(km2(zone(r, '东园'), 3)).toBe(6.472);
  });
  it('land taken by administrative village: 白沙镇 4 100, 水寨镇 4 936, 城关镇 3 100 亩 (罗村 1 905, 张庄 945)', () => {
    const villages = r.admin.filter((a) => a.kind === 'village');
    const byTown = (code: string) => villages.filter((v) => v.code.startsWith(code));
    const names = (code: string) => byTown(code).map((v) => v.name);
    expect(names('410329104')).toEqual(['常岭村', '银李村', '朱岭村', '下天院村', '白沙村']);
    expect(names('410329105')).toEqual(['上天院村', '瑶底村', '水寨村', '乐志沟村', '宋村']);
    expect(names('410329100')).toEqual(['罗村', '张庄村', '李疙瘩村']);
    const sum = (code: string) => mu(byTown(code).reduce((s, v) => s + v.overlap_m2, 0));
    expect([sum('410329104'), sum('410329105'), sum('410329100')]).toEqual([4100, 4936, 3100]);
    expect(mu(villages.find((v) => v.name === '罗村')!.overlap_m2)).toBe(1905);
    expect(mu(villages.find((v) => v.name === '张庄村')!.overlap_m2)).toBe(945);
  });
  it('the township rows a planner reads are the report’s: 白沙镇 4 100, 水寨镇 4 936, 城关镇 3 100 亩', () => {
    // the report gives each township's land as its villages' sum, so the zone's other 942.5 亩
    // (东园 672, 西园 270.5) lie in none of the three townships
    const towns = r.admin.filter((a) => a.kind === 'township');
    expect(towns.map((t) => [t.name, t.code, mu(t.overlap_m2)])).toEqual([
      ['白沙镇', '410329104', 4100],
      ['水寨镇', '410329105', 4936],
      ['城关镇', '410329100', 3100],
    ]);
    const villages = r.admin.filter((a) => a.kind === 'village');
    for (const t of towns) {
      const sum = villages.filter((v) => v.code.startsWith(t.code)).reduce((s, v) => s + v.overlap_m2, 0);
      // equal in the GK plane (shapely: < 1e-7 m²); on the ellipsoid a township's 6 km edge and its
      // villages' 3 km edges along the same grid line run apart by millimetres, up to 18 m² here
      expect(Math.abs(t.overlap_m2 - sum)).toBeLessThan(0.1 * MU);
    }
    const county = r.admin.find((a) => a.kind === 'county')!;
    const outside = county.overlap_m2 - towns.reduce((s, t) => s + t.overlap_m2, 0);
    expect(Math.abs(outside / MU - 942.5)).toBeLessThan(0.1);
  });
  it('the township rows as shapely + GeographicLib give them (within 0.05 亩)', () => {
    const cross = (CROSS as unknown as Record<string, { mu: Record<string, number> }>).yichuan_towns!.mu;
    expect(Object.values(cross).map(Math.round)).toEqual([4100, 4936, 3100]);
    for (const t of r.admin.filter((a) => a.kind === 'township')) {
      expect(Math.abs(t.overlap_m2 / MU - cross[t.name]!)).toBeLessThan(0.05);
    }
  });
  it('罗村 as shapely + GeographicLib give it (within 0.02 亩)', () => {
    const luo = r.admin.find((v) => v.name === '罗村')!;
    expect(Math.abs(luo.overlap_m2 / MU - CROSS.yichuan!.mu!)).toBeLessThan(0.02);
  });
});

describe('鲁山 (seeds 000–002)', () => {
  let r: Report;
  let project: Project;
  beforeAll(async () => ({ report: r, project } = await open('lushan')));
  it('北区 9.65 + 南区 6.68 = 16.33 km²', () => {
    expect(km2(zone(r, '北区'), 2)).toBe(9.65);
    expect(km2(zone(r, '南区'), 2)).toBe(6.68);
    expect(km2(r.composition.planned_m2, 2)).toBe(16.33);
  });
  it('scenarios in the manifest format of contract §5 for the steps 8.6 → 16.33 → 27 km²', () => {
    const m = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/lushan/zonemap.json'), 'utf8')) as {
      scenarios: { id: string; name: string; layers: Record<string, string> }[];
    };
    expect(m.scenarios.map((s) => s.id)).toEqual(['approved-2009', 'expand-27']);
    const areas: number[] = [];
    for (const s of m.scenarios) {
      expect(Object.keys(s.layers)).toEqual(['zones']);
      const text = fs.readFileSync(path.join(ROOT, 'data/lushan', s.layers.zones!), 'utf8');
      const feats = readGeoJsonText(text, s.layers.zones).features;
      expect(feats).toHaveLength(2);
      areas.push(feats.reduce((t, f) => t + geometryArea(f.geometry, 'ellipsoidal'), 0));
    }
    expect(km2(areas[0]!, 1)).toBe(8.6);
    expect(km2(areas[1]!, 0)).toBe(27);
  });
  it('12 natural villages in 6 townships; the first 7 relocate into 露峰 and 汇源', () => {
    const natural = r.villages.filter((v) => v.overlap_m2 > 0);
    expect(natural).toHaveLength(12);
    const layer = project.layers.find((l) => l.id === 'villages')!;
    const props = natural.map((v) => layer.features[v.feature]!.properties!);
    expect(new Set(props.map((p) => p['乡镇'])).size).toBe(6);
    expect(
      natural
        .filter((v) => v.relocation === 'planned')
        .map((v) => v.name)
        .sort(),
    ).toEqual(['大王庄', '军王', '詹营', '王瓜营', '申庄', '后营', '新华'].sort());
    const communities = layer.features.filter((f) => f.properties?.['类型'] === '安置社区');
    expect(communities.map((f) => f.properties!['名称'])).toEqual(['露峰社区', '汇源社区']);
  });
  it('land reserve 7 700 亩, 1 000 亩 of it approved for sale', () => {
    const total = r.landUse.reduce((s, l) => s + l.area_m2, 0);
    expect(mu(total)).toBe(7700);
    expect(mu(r.landUse.find((l) => l.class === '储备-批')!.area_m2)).toBe(1000);
    expect(Math.abs(r.landUse.find((l) => l.class === '储备-批')!.area_mu - CROSS.lushan!.mu!)).toBeLessThan(
      0.02,
    );
  });
  it('roads 三纵二横 in 北区 and 三纵五横 in 南区, all inside the planned area', () => {
    const layer = project.layers.find((l) => l.id === 'roads')!;
    const names = layer.features.map((f) => String(f.properties!['名称']));
    const count = (re: RegExp) => names.filter((n) => re.test(n)).length;
    expect([count(/^北区纵/), count(/^北区横/), count(/^南区纵/), count(/^南区横/)]).toEqual([3, 2, 3, 5]);
    const all = layer.features.reduce((s, f) => s + geometryLength(f.geometry, 'ellipsoidal'), 0);
    expect(Math.abs(r.totals.roadLength_m - all)).toBeLessThan(0.01);
  });
});

describe('长垣 (seeds 001, 002)', () => {
  let r: Report;
  let project: Project;
  beforeAll(async () => ({ report: r, project } = await open('changyuan')));
  it('40.8 km² = 起重园区 21.8 + 蒲西 8 + 南蒲木岗 4 + 参木 4 + 蒲东 3', () => {
    expect(km2(r.composition.planned_m2, 1)).toBe(40.8);
    expect([
      km2(zone(r, '起重园区'), 1),
      km2(zone(r, '蒲西'), 0),
      km2(zone(r, '南蒲木岗'), 0),
      km2(zone(r, '参木'), 0),
      km2(zone(r, '蒲东'), 0),
    ]).toEqual([21.8, 8, 4, 4, 3]);
    expect(Math.abs(r.composition.planned_m2 - CROSS.changyuan!.km2! * 1e6)).toBeLessThan(1);
  });
  it("quota ledger: 4.8 of the province's 7.5 km² allocated (1.5, 0.7, 0.6, 0.7, 0.5, 0.8), each with some left", () => {
    const settings = project.settings as unknown as Record<string, unknown> | undefined;
    expect(km2(Number(settings?.['provinceQuota_m2']), 1)).toBe(7.5);
    expect(r.quotas.map((q) => [q.park, km2(q.allocated_m2, 1)])).toEqual([
      ['起重园区', 1.5],
      ['蒲西', 0.7],
      ['蒲东', 0.6],
      ['参木', 0.7],
      ['木岗', 0.5],
      ['电厂', 0.8],
    ]);
    expect(
      km2(
        r.quotas.reduce((s, q) => s + q.allocated_m2, 0),
        1,
      ),
    ).toBe(4.8);
    for (const q of r.quotas) {
      expect(q.used_m2).toBeGreaterThan(0);
      expect(q.remaining_m2).toBeCloseTo(q.allocated_m2 - q.used_m2, 6);
      expect(q.remaining_m2).toBeGreaterThan(0);
    }
    expect(r.warnings).toEqual([]);
  });
});

describe('柘城 (seed 002)', () => {
  let r: Report;
  let project: Project;
  beforeAll(async () => ({ report: r, project } = await open('zhecheng')));
  it('14 km² planned, 5.7 built, 8.3 development and control', () => {
    expect(km2(r.composition.planned_m2, 0)).toBe(14);
    expect(km2(r.composition.built_m2, 1)).toBe(5.7);
    expect(km2(r.composition.development_m2 + r.composition.control_m2, 1)).toBe(8.3);
    expect(Math.abs(r.composition.built_m2 - CROSS.zhecheng!.km2! * 1e6)).toBeLessThan(10);
  });
  it('west core 四纵四横, east core 四纵一横, with a road density for each core', () => {
    const layer = project.layers.find((l) => l.id === 'roads')!;
    const names = layer.features.map((f) => String(f.properties!['名称']));
    const count = (re: RegExp) => names.filter((n) => re.test(n)).length;
    expect([count(/^西区纵/), count(/^西区横/), count(/^东区纵/), count(/^东区横/)]).toEqual([4, 4, 4, 1]);
    const [west, east] = ['西区核心区', '东区核心区'].map((n) => r.parks.find((p) => p.name === n)!);
    // every road lies inside its own core: the cores' lengths add up to all road length
    expect(west!.roadLength_m + east!.roadLength_m).toBeCloseTo(r.totals.roadLength_m, 3);
    expect(west!.roadDensity_km_per_km2).toBeCloseTo(west!.roadLength_m / 1000 / west!.area_km2, 9);
    expect(west!.roadDensity_km_per_km2).toBeGreaterThan(east!.roadDensity_km_per_km2);
  });
  it('98 万 m² of standard factory buildings as an enterprise attribute', () => {
    const layer = project.layers.find((l) => l.role === 'enterprise')!;
    expect(layer.features.reduce((s, f) => s + Number(f.properties!['标准化厂房']), 0)).toBe(980000);
  });
  it('plots below the 120 万元/亩 threshold are flagged, and only those', () => {
    expect(r.totals.intensityThreshold_wan_per_mu).toBe(120);
    expect(r.totals.belowThreshold).toBeGreaterThan(0);
    for (const e of r.enterprises) expect(e.belowThreshold).toBe(e.intensity_wan_per_mu! < 120);
  });
});

describe('npm run sample', () => {
  it('rebuilds the four new samples byte for byte', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samples-'));
    try {
      const names = ['yichuan', 'lushan', 'changyuan', 'zhecheng'];
      main(tmp, () => {}, names);
      const list = (d: string): string[] =>
        fs
          .readdirSync(d, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.relative(d, path.join(e.parentPath, e.name)))
          .sort();
      for (const n of names) {
        const committed = list(path.join(ROOT, 'data', n));
        expect(list(path.join(tmp, n))).toEqual(committed);
        for (const f of committed)
          expect(
            fs.readFileSync(path.join(tmp, n, f)).equals(fs.readFileSync(path.join(ROOT, 'data', n, f))),
            f,
          ).toBe(true);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
