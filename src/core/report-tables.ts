// The report as plain tables (header + rows): what the CLI writes with --csv and the page exports
// as CSV or XLSX. One definition so both give the same columns. Tables are for people: row labels
// and headers in words from the catalogue, 亩 beside every m². With `rounded`, figures are at the
// report's precision (km² 4 decimals, 亩 whole, 公顷 2, shares in % to 2) for an official's sheet;
// without, full precision for further calculation. File names (`name`) and the Chinese headers of
// the CSV stay stable.
import {
  enterpriseStatusLabel,
  kindLabel,
  planLabel,
  relocationLabel,
  roadClassLabel,
  roadStatusLabel,
} from './labels.ts';
import type { Lang } from './labels.ts';
import { categoryLabel } from './labels.ts';
import type { Report } from './report-types.ts';
import { analysisTable } from './analyses.ts';
import { M2_PER_MU } from './units.ts';

export interface ReportTable {
  /** file name (stable, ASCII) */
  name: string;
  /** sheet title in words */
  title: string;
  header: string[];
  rows: unknown[][];
}

export interface ReportTableOptions {
  lang?: Lang;
  /** round figures to the report's precision (the XLSX for officials) */
  rounded?: boolean;
}

type Words = { zh: string; en: string };
const H = {
  item: { zh: '项目', en: 'Item' },
  m2: { zh: '面积（平方米）', en: 'Area (m²)' },
  mu: { zh: '面积（亩）', en: 'Area (mu)' },
  ha: { zh: '面积（公顷）', en: 'Area (ha)' },
  km2: { zh: '面积（平方公里）', en: 'Area (km²)' },
  shareOfZone: { zh: '占规划区（%）', en: 'Share of planned area (%)' },
  shareOfUnit: { zh: '占本单位（%）', en: 'Share of unit (%)' },
  name: { zh: '名称', en: 'Name' },
  category: { zh: '类别', en: 'Category' },
  layer: { zh: '图层', en: 'Layer' },
  feature: { zh: '要素序号', en: 'Feature' },
  luClass: { zh: '地类编码', en: 'Class code' },
  luName: { zh: '地类名称', en: 'Class name' },
  parcels: { zh: '图斑数', en: 'Parcels' },
  plan: { zh: '规划', en: 'Plan' },
  kind: { zh: '类型', en: 'Kind' },
  code: { zh: '代码', en: 'Code' },
  village: { zh: '村庄', en: 'Village' },
  relocation: { zh: '搬迁状态', en: 'Relocation' },
  population: { zh: '人口', en: 'Population' },
  households: { zh: '户数', en: 'Households' },
  line: { zh: '控制线', en: 'Control line' },
  measure: { zh: '统计项', en: 'Measure' },
  roadClass: { zh: '道路等级', en: 'Road class' },
  status: { zh: '状态', en: 'Status' },
  lengthM: { zh: '长度（米）', en: 'Length (m)' },
  lengthKm: { zh: '长度（公里）', en: 'Length (km)' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  park: { zh: '园区', en: 'Park' },
  investment: { zh: '投资（万元）', en: 'Investment (10⁴ CNY)' },
  intensity: { zh: '投资强度（万元/亩）', en: 'Intensity (10⁴ CNY/mu)' },
  below: { zh: '低于投资强度门槛', en: 'Below intensity threshold' },
  output: { zh: '产值（万元）', en: 'Output (10⁴ CNY)' },
  tax: { zh: '税收（万元）', en: 'Tax (10⁴ CNY)' },
  employees: { zh: '就业人数', en: 'Employees' },
  allocatedM2: { zh: '下达指标（平方米）', en: 'Allocated (m²)' },
  allocatedMu: { zh: '下达指标（亩）', en: 'Allocated (mu)' },
  usedM2: { zh: '已用（平方米）', en: 'Used (m²)' },
  usedMu: { zh: '已用（亩）', en: 'Used (mu)' },
  remainingM2: { zh: '剩余（平方米）', en: 'Remaining (m²)' },
  remainingMu: { zh: '剩余（亩）', en: 'Remaining (mu)' },
  shareUsed: { zh: '使用率（%）', en: 'Share used (%)' },
} satisfies Record<string, Words>;

const T = {
  composition: { zh: '规划构成', en: 'Composition' },
  zones: { zh: '分区面积', en: 'Zone parts' },
  landuse: { zh: '用地构成', en: 'Land use' },
  plans: { zh: '规划对照', en: 'Plan review' },
  admin: { zh: '涉及行政区', en: 'Administrative units' },
  villages: { zh: '涉及村庄', en: 'Villages' },
  roads: { zh: '道路', en: 'Roads' },
  enterprises: { zh: '企业', en: 'Enterprises' },
  quotas: { zh: '用地指标', en: 'Land quotas' },
} satisfies Record<string, Words>;

const ROWS = {
  unassigned: { zh: '未划分（规划区内不属任何分区）', en: 'Unassigned (in no part)' },
  overlap: { zh: '分区相互重叠', en: 'Parts overlapping' },
  outside: { zh: '分区超出规划区', en: 'Parts outside planned area' },
  overlapZone: { zh: '与规划区重叠', en: 'Overlap with planned area' },
  outsideBoundary: { zh: '规划区在边界外', en: 'Planned area outside the boundary' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  county: { zh: '县', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '行政村', en: 'Village' },
} satisfies Record<string, Words>;

export function reportTables(r: Report, opts: ReportTableOptions = {}): ReportTable[] {
  const lang = opts.lang ?? 'zh';
  const round = (v: number | null | undefined, decimals: number): number | null => {
    if (v === null || v === undefined || !Number.isFinite(v)) return null;
    if (!opts.rounded) return v;
    const f = 10 ** decimals;
    // + 0 turns -0 into 0
    return Math.round(v * f) / f + 0;
  };
  const m2 = (v: number | null | undefined) => round(v, 2);
  const mu = (v: number | null | undefined) => round(v === null || v === undefined ? v : v / M2_PER_MU, 0);
  const ha = (v: number) => round(v / 1e4, 2);
  const km2 = (v: number) => round(v / 1e6, 4);
  const pct = (share: number) => round(share * 100, 2);
  const wan = (v: number | null) => round(v, 2);
  const h = (...keys: (keyof typeof H)[]) => keys.map((k) => H[k][lang]);
  const table = (name: keyof typeof T, header: string[], rows: unknown[][]): ReportTable => ({
    name,
    title: T[name][lang],
    header,
    rows,
  });
  const c = r.composition;
  const planned = c.planned_m2;
  const share = (v: number) => (planned > 0 ? pct(v / planned) : null);
  const adminKind = (k: string) => (k in ROWS ? ROWS[k as 'county'][lang] : kindLabel(k, lang));
  return [
    table(
      'composition',
      h('item', 'm2', 'mu', 'ha', 'km2', 'shareOfZone'),
      (
        [
          [categoryLabel('planned', lang), c.planned_m2],
          [categoryLabel('built', lang), c.built_m2],
          [categoryLabel('development', lang), c.development_m2],
          [categoryLabel('control', lang), c.control_m2],
          [ROWS.unassigned[lang], c.unassigned_m2],
          [ROWS.overlap[lang], c.overlap_m2],
          [ROWS.outside[lang], c.outside_m2],
        ] as [string, number][]
      ).map(([k, v]) => [k, m2(v), mu(v), ha(v), km2(v), share(v)]),
    ),
    table(
      'zones',
      h('name', 'category', 'm2', 'mu', 'km2', 'layer', 'feature'),
      r.zones.map((z) => [
        z.name,
        categoryLabel(z.category, lang),
        m2(z.area_m2),
        mu(z.area_m2),
        km2(z.area_m2),
        z.layer,
        z.feature,
      ]),
    ),
    table(
      'landuse',
      h('luClass', 'luName', 'm2', 'mu', 'ha', 'shareOfZone', 'parcels'),
      r.landUse.map((l) => [
        l.class,
        l.name,
        m2(l.area_m2),
        mu(l.area_m2),
        ha(l.area_m2),
        pct(l.share),
        l.parcels,
      ]),
    ),
    table(
      'plans',
      h('plan', 'luClass', 'luName', 'm2', 'mu', 'shareOfZone'),
      r.plans.flatMap((p) =>
        p.classes.map((l) => [
          planLabel(p, lang, r.plans.filter((q) => q.kind === p.kind).length > 1),
          l.class,
          l.name,
          m2(l.area_m2),
          mu(l.area_m2),
          pct(l.share),
        ]),
      ),
    ),
    table(
      'admin',
      h('kind', 'name', 'code', 'm2', 'mu', 'shareOfZone', 'shareOfUnit', 'layer'),
      r.admin.map((a) => [
        adminKind(a.kind),
        a.name,
        a.code,
        m2(a.overlap_m2),
        mu(a.overlap_m2),
        pct(a.share_of_zone),
        pct(a.share_of_unit),
        a.layer,
      ]),
    ),
    table(
      'villages',
      h('village', 'm2', 'mu', 'relocation', 'population', 'households'),
      r.villages.map((v) => [
        v.name,
        m2(v.overlap_m2),
        mu(v.overlap_m2),
        relocationLabel(v.relocation, lang),
        v.population ?? null,
        v.households ?? null,
      ]),
    ),
    // on the registry now (src/core/analyses/constraints.ts), in its old place
    ...analysisTable('constraints', r, { lang, rounded: opts.rounded ?? false }),
    table(
      'roads',
      h('roadClass', 'status', 'lengthM', 'lengthKm'),
      r.roads.map((x) => [
        roadClassLabel(x.class, lang),
        roadStatusLabel(x.status, lang),
        round(x.length_m, 1),
        round(x.length_m / 1000, 3),
      ]),
    ),
    table(
      'enterprises',
      h(
        'enterprise',
        'status',
        'park',
        'm2',
        'mu',
        'investment',
        'intensity',
        'below',
        'output',
        'tax',
        'employees',
      ),
      r.enterprises.map((e) => [
        e.name,
        enterpriseStatusLabel(e.status, lang),
        e.park,
        m2(e.area_m2),
        mu(e.area_m2),
        wan(e.investment),
        round(e.intensity_wan_per_mu, 1),
        (e.belowThreshold ? ROWS.yes : ROWS.no)[lang],
        wan(e.output),
        wan(e.tax),
        e.employees,
      ]),
    ),
    table(
      'quotas',
      h('park', 'allocatedM2', 'allocatedMu', 'usedM2', 'usedMu', 'remainingM2', 'remainingMu', 'shareUsed'),
      r.quotas.map((q) => [
        q.park,
        m2(q.allocated_m2),
        mu(q.allocated_m2),
        m2(q.used_m2),
        mu(q.used_m2),
        m2(q.remaining_m2),
        mu(q.remaining_m2),
        pct(q.share_used),
      ]),
    ),
  ];
}
