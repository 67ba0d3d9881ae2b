// The report as Chinese tables for people, and as CSV files, from the Report of src/core/report.ts.
import type { Report } from '../core/report.ts';
import { M2_PER_MU } from '../core/units.ts';
import {
  categoryLabel,
  enterpriseStatusLabel,
  planLabel,
  relocationLabel,
  roadClassLabel,
  roadStatusLabel,
} from '../core/labels.ts';
import { num, pct, table } from './format-table.ts';
import { analysisTable, analysisTables, PLACED_IN_REPORT_TABLES } from '../core/analyses.ts';
import type { ReportTable } from '../core/report-tables.ts';

const mu = (m2: number) => num(m2 / M2_PER_MU, 0);
const km2 = (m2: number) => num(m2 / 1e6, 4);
const ha = (m2: number) => num(m2 / 1e4, 2);

// The words come from core's catalogue, as in the page and the exports.
const ZH = 'zh' as const;
export const ADMIN_KIND_ZH: Record<string, string> = { county: '县', township: '乡镇', village: '行政村' };

export function methodLabel(r: Pick<Report, 'areaMethod' | 'planeCrs'>): string {
  return r.areaMethod === 'ellipsoidal'
    ? '椭球面积 (CGCS2000 椭球)'
    : `高斯-克吕格平面面积 (${r.planeCrs ?? 'CGCS2000 3度带'})`;
}

export function reportText(name: string, r: Report): string {
  const parts: string[] = [];
  const c = r.composition;
  parts.push(`${name} 统计报告 — 面积算法: ${methodLabel(r)}\n`);
  parts.push(
    table(
      '分区构成',
      [
        { title: '项目' },
        { title: '面积(km²)', right: true },
        { title: '面积(亩)', right: true },
        { title: '公顷', right: true },
      ],
      [
        ['规划区', c.planned_m2],
        ['建成区', c.built_m2],
        ['发展区', c.development_m2],
        ['控制区', c.control_m2],
        ['未划分 (规划区内不属任何分区)', c.unassigned_m2],
        ['分区相互重叠', c.overlap_m2],
        ['分区超出规划区', c.outside_m2],
      ].map(([k, v]) => [k as string, km2(v as number), mu(v as number), ha(v as number)]),
    ),
  );
  if (r.zones.length)
    parts.push(
      table(
        '分区要素',
        [
          { title: '名称' },
          { title: '类别' },
          { title: '面积(km²)', right: true },
          { title: '面积(亩)', right: true },
        ],
        r.zones.map((z) => [z.name, categoryLabel(z.category, ZH), km2(z.area_m2), mu(z.area_m2)]),
      ),
    );
  if (r.landUse.length) {
    const total = r.landUse.reduce((s, l) => s + l.area_m2, 0);
    parts.push(
      table(
        '规划区内土地利用现状',
        [
          { title: '地类编码' },
          { title: '地类名称' },
          { title: '面积(亩)', right: true },
          { title: '公顷', right: true },
          { title: '占规划区', right: true },
        ],
        r.landUse.map((l) => [l.class, l.name, mu(l.area_m2), ha(l.area_m2), pct(l.share)]),
        ['合计', '', mu(total), ha(total), pct(c.planned_m2 > 0 ? total / c.planned_m2 : 0)],
      ),
    );
  }
  for (const p of r.plans)
    if (p.classes.length)
      parts.push(
        table(
          `规划对照：${planLabel(p, ZH, r.plans.filter((q) => q.kind === p.kind).length > 1)}`,
          [
            { title: '用地代码' },
            { title: '用地名称' },
            { title: '面积(亩)', right: true },
            { title: '占规划区', right: true },
          ],
          p.classes.map((l) => [l.class, l.name, mu(l.area_m2), pct(l.share)]),
        ),
      );
  if (r.admin.length)
    parts.push(
      table(
        '涉及行政区',
        [
          { title: '图层' },
          { title: '名称' },
          { title: '代码' },
          { title: '占地(亩)', right: true },
          { title: '占规划区', right: true },
          { title: '占本单位', right: true },
        ],
        r.admin.map((a) => [
          ADMIN_KIND_ZH[a.kind] ?? a.layer,
          a.name,
          a.code,
          mu(a.overlap_m2),
          pct(a.share_of_zone),
          pct(a.share_of_unit),
        ]),
      ),
    );
  if (r.villages.length)
    parts.push(
      table(
        '涉及村庄',
        [
          { title: '村庄' },
          { title: '占地(亩)', right: true },
          { title: '搬迁' },
          { title: '人口', right: true },
          { title: '户数', right: true },
        ],
        r.villages.map((v) => [
          v.name,
          mu(v.overlap_m2),
          relocationLabel(v.relocation, ZH),
          num(v.population ?? null, 0),
          num(v.households ?? null, 0),
        ]),
      ),
    );
  // 三区三线 from the registry (src/core/analyses/constraints.ts), in its old place
  for (const t of analysisTable('constraints', r, { lang: 'zh', rounded: true, brief: true }))
    plainTable(parts, t);
  if (r.roads.length)
    parts.push(
      table(
        '规划区内道路',
        [{ title: '等级' }, { title: '状态' }, { title: '长度(km)', right: true }],
        r.roads.map((x) => [
          roadClassLabel(x.class, ZH),
          roadStatusLabel(x.status, ZH),
          num(x.length_m / 1000, 2),
        ]),
        ['合计', `路网密度 ${num(r.roadDensity_km_per_km2, 2)} km/km²`, num(r.totals.roadLength_m / 1000, 2)],
      ),
    );
  if (r.parks.length)
    parts.push(
      table(
        '园区',
        [
          { title: '园区' },
          { title: '主导产业' },
          { title: '面积(km²)', right: true },
          { title: '企业', right: true },
          { title: '道路(km)', right: true },
          { title: '路网密度(km/km²)', right: true },
        ],
        r.parks.map((p) => [
          p.name,
          p.industry,
          num(p.area_km2, 4),
          String(p.enterprises),
          num(p.roadLength_m / 1000, 2),
          num(p.roadDensity_km_per_km2, 2),
        ]),
      ),
    );
  if (r.enterprises.length) {
    const t = r.totals;
    parts.push(
      table(
        `入驻企业 (投资强度门槛 ${num(t.intensityThreshold_wan_per_mu, 0)} 万元/亩；* 低于门槛)`,
        [
          { title: '企业' },
          { title: '状态' },
          { title: '园区' },
          { title: '用地(亩)', right: true },
          { title: '投资(万元)', right: true },
          { title: '强度(万元/亩)', right: true },
        ],
        r.enterprises.map((e) => [
          e.name,
          enterpriseStatusLabel(e.status, ZH),
          e.park ?? '',
          num(e.area_mu, 1),
          num(e.investment, 0),
          `${num(e.intensity_wan_per_mu, 1)}${e.belowThreshold ? ' *' : ''}`,
        ]),
        [
          `共 ${t.enterprises} 家`,
          Object.entries(t.enterprisesByStatus)
            .map(([k, v]) => `${enterpriseStatusLabel(k, ZH)}${v}`)
            .join(' '),
          '',
          num(t.enterpriseArea_m2 / M2_PER_MU, 1),
          num(t.investment_wan, 0),
          num(t.averageIntensity_wan_per_mu, 1),
        ],
      ),
    );
    parts.push(
      `总投资 ${num(t.investment_wan / 1e4, 2)} 亿元；就业 ${num(t.employees, 0)} 人；产值 ${num(t.output_wan, 0)} 万元；税收 ${num(t.tax_wan, 0)} 万元；低于投资强度门槛 ${t.belowThreshold} 家\n`,
    );
  }
  if (r.quotas.length)
    parts.push(
      table(
        '建设用地指标',
        [
          { title: '园区' },
          { title: '下达(亩)', right: true },
          { title: '已用(亩)', right: true },
          { title: '剩余(亩)', right: true },
          { title: '使用率', right: true },
        ],
        r.quotas.map((q) => [
          q.park,
          mu(q.allocated_m2),
          mu(q.used_m2),
          mu(q.remaining_m2),
          pct(q.share_used),
        ]),
      ),
    );
  // The other registered analyses' tables, at the report's precision.
  for (const t of analysisTables(r, { lang: 'zh', rounded: true, brief: true }, PLACED_IN_REPORT_TABLES))
    plainTable(parts, t);
  return parts.join('\n');
}

/** A registry table for the terminal: numbers right-aligned with thousands separators. */
function plainTable(parts: string[], t: ReportTable): void {
  if (!t.rows.length) return;
  parts.push(
    table(
      t.title,
      t.header.map((h, i) => ({ title: h, right: t.rows.some((row) => typeof row[i] === 'number') })),
      t.rows.map((row) => row.map((v) => (typeof v === 'number' ? v.toLocaleString('en') : String(v ?? '')))),
    ),
  );
}
