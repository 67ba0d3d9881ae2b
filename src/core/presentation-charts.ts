// What the charts of the statistics panel and the slides show, computed from the report: the page
// only draws these numbers (ECharts, loaded when a chart is shown).
import { enterpriseStatusKind, landUseNameLabel, type Lang } from './labels.ts';
import type { ChartId } from './presentation.ts';
import type { Report } from './report-types.ts';
import { m2ToMu } from './units.ts';

export interface PieChartData {
  kind: 'pie';
  id: ChartId;
  title: string;
  unit: string;
  /** `key` is what colours the slice (a land-use code) */
  slices: { key: string; name: string; value: number }[];
}

export interface BarChartData {
  kind: 'bar';
  id: ChartId;
  title: string;
  unit: string;
  categories: string[];
  /** `key` is what colours the series; `stack` stacks the series that share it */
  series: { key: string; name: string; values: number[]; stack?: string }[];
}

export type ChartData = PieChartData | BarChartData;

const w = (zh: string, en: string) => ({ zh, en });

export const CHART_LABELS: Record<ChartId, { zh: string; en: string }> = {
  'landuse-shares': w('规划区内土地利用构成', 'Land use inside the planned area'),
  'investment-by-park': w('各园区企业投资（按建设状态）', 'Investment by park and status'),
  'village-land': w('涉及村庄占地', 'Village land inside the zone'),
  'quota-used': w('各园区建设用地指标使用', 'Land quota used by park'),
};

const STATUS_NAMES = {
  producing: w('已投产', 'Producing'),
  building: w('在建', 'Under construction'),
  planned: w('拟建', 'Planned'),
  other: w('其他', 'Other'),
};

/** The largest slices, the rest as one 其他 slice: a pie of twenty slivers says nothing. */
export const PIE_SLICES = 8;
function topSlices(slices: PieChartData['slices'], lang: Lang): PieChartData['slices'] {
  const sorted = [...slices].sort((a, b) => b.value - a.value);
  if (sorted.length <= PIE_SLICES) return sorted;
  const rest = sorted.slice(PIE_SLICES - 1).reduce((s, x) => s + x.value, 0);
  return [...sorted.slice(0, PIE_SLICES - 1), { key: 'other', name: STATUS_NAMES.other[lang], value: rest }];
}

/** The data of a chart, or null when the report has nothing for it (no land use, no quotas …). */
export function chartData(report: Report, id: ChartId, lang: Lang): ChartData | null {
  const title = CHART_LABELS[id][lang];
  switch (id) {
    case 'landuse-shares': {
      if (report.landUse.length === 0) return null;
      return {
        kind: 'pie',
        id,
        title,
        unit: lang === 'zh' ? '亩' : 'mu',
        slices: topSlices(
          report.landUse.map((l) => ({
            key: l.class,
            name: l.name ? landUseNameLabel(l.name, lang) : l.class,
            value: Math.round(l.area_mu),
          })),
          lang,
        ),
      };
    }
    case 'investment-by-park': {
      if (report.enterprises.length === 0) return null;
      const outside = lang === 'zh' ? '园区外' : 'Outside the parks';
      const parks = [...new Set(report.enterprises.map((e) => e.park ?? outside))];
      const kinds = ['producing', 'building', 'planned', 'other'] as const;
      const sums = new Map<string, number[]>(kinds.map((k) => [k, parks.map(() => 0)]));
      for (const e of report.enterprises) {
        const kind = enterpriseStatusKind(e.status) ?? 'other';
        sums.get(kind)![parks.indexOf(e.park ?? outside)]! += (e.investment ?? 0) / 10_000;
      }
      return {
        kind: 'bar',
        id,
        title,
        unit: lang === 'zh' ? '亿元' : '×10⁸ CNY',
        categories: parks,
        series: kinds
          .filter((k) => sums.get(k)!.some((v) => v > 0))
          .map((k) => ({
            key: k,
            name: STATUS_NAMES[k][lang],
            values: sums.get(k)!.map((v) => Math.round(v * 100) / 100),
            stack: 'investment',
          })),
      };
    }
    case 'village-land': {
      if (report.villages.length === 0) return null;
      const villages = [...report.villages].sort((a, b) => b.overlap_m2 - a.overlap_m2);
      const statuses = ['done', 'planned', 'none'] as const;
      const names = {
        done: w('已搬迁', 'Relocated'),
        planned: w('规划搬迁', 'Relocation planned'),
        none: w('不搬迁', 'Not relocated'),
      };
      return {
        kind: 'bar',
        id,
        title,
        unit: lang === 'zh' ? '亩' : 'mu',
        categories: villages.map((v) => v.name),
        series: statuses
          .filter((s) => villages.some((v) => v.relocation === s))
          .map((s) => ({
            key: s,
            name: names[s][lang],
            values: villages.map((v) => (v.relocation === s ? Math.round(v.overlap_mu) : 0)),
            stack: 'village',
          })),
      };
    }
    case 'quota-used': {
      if (report.quotas.length === 0) return null;
      return {
        kind: 'bar',
        id,
        title,
        unit: lang === 'zh' ? '亩' : 'mu',
        categories: report.quotas.map((q) => q.park),
        series: [
          {
            key: 'used',
            name: lang === 'zh' ? '已用' : 'Used',
            values: report.quotas.map((q) => Math.round(q.used_mu)),
          },
          {
            key: 'allocated',
            name: lang === 'zh' ? '指标' : 'Allocated',
            values: report.quotas.map((q) => Math.round(m2ToMu(q.allocated_m2))),
          },
        ],
      };
    }
    default:
      return assertNever(id);
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown chart ${String(x)}`);
}
