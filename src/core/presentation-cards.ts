// The figure cards of a slide: each names a figure of the report (contract §7) and its value is
// computed here from the report, so a card shows what `zonemap report` prints and nothing typed in.
import { enterpriseStatusKind, type Lang } from './labels.ts';
import type { Report } from './report-types.ts';
import type { CardId } from './presentation.ts';
import { formatKm2, formatMu, formatPercent, m2ToKm2, m2ToMu } from './units.ts';

export interface CardFigure {
  id: CardId;
  label: string;
  /** the figure in the card's unit, unrounded */
  value: number;
  /** the figure as shown, rounded as the report rounds it */
  text: string;
  unit: string;
  /** a second line: what the figure is out of, or its parts */
  note?: string;
}

const w = (zh: string, en: string) => ({ zh, en });

export const CARD_LABELS: Record<CardId, { zh: string; en: string }> = {
  planned_km2: w('规划面积', 'Planned area'),
  built_km2: w('建成区面积', 'Built area'),
  development_km2: w('发展区面积', 'Development area'),
  control_km2: w('控制区面积', 'Control area'),
  enterprises: w('入驻企业', 'Enterprises'),
  enterprises_producing: w('已投产企业', 'Producing'),
  enterprises_building: w('在建企业', 'Under construction'),
  investment_yi: w('总投资', 'Total investment'),
  revenue_yi: w('年产值', 'Annual output'),
  tax_yi: w('年税收', 'Annual tax'),
  employees: w('就业人数', 'Employment'),
  quota_used: w('已用建设用地指标', 'Land quota used'),
  villages_relocated: w('已搬迁村庄', 'Villages relocated'),
  road_km: w('区内道路', 'Roads inside'),
  farmland_mu: w('占用永久基本农田', 'Basic farmland inside'),
  redline_mu: w('占用生态保护红线', 'Ecological red line inside'),
  urban_outside_mu: w('城镇开发边界外', 'Outside the urban boundary'),
};

const UNITS = {
  km2: w('平方公里', 'km²'),
  mu: w('亩', 'mu'),
  yi: w('亿元', '×10⁸ CNY'),
  firms: w('家', ''),
  people: w('人', 'people'),
  villages: w('个', ''),
  km: w('公里', 'km'),
};

const grouped = (n: number, lang: Lang) => Math.round(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
const yi = (wan: number) => wan / 10_000;
const yiText = (wan: number) => yi(wan).toFixed(2);

function countByKind(report: Report, kind: 'producing' | 'building'): number {
  return report.enterprises.filter((e) => enterpriseStatusKind(e.status) === kind).length;
}

function constraintM2(report: Report, kind: string, key: 'overlap_m2' | 'outside_m2'): number {
  return report.constraints.filter((c) => c.kind === kind).reduce((s, c) => s + (c[key] ?? 0), 0);
}

/** The value of one card for a report, worded in `lang`. */
export function cardFigure(report: Report, id: CardId, lang: Lang): CardFigure {
  const c = report.composition;
  const t = report.totals;
  const label = CARD_LABELS[id][lang];
  const u = (k: keyof typeof UNITS) => UNITS[k][lang];
  const km2 = (m2: number, note?: string): CardFigure => ({
    id,
    label,
    value: m2ToKm2(m2),
    text: formatKm2(m2),
    unit: u('km2'),
    ...(note ? { note } : {}),
  });
  const mu = (m2: number): CardFigure => ({
    id,
    label,
    value: m2ToMu(m2),
    text: formatMu(m2),
    unit: u('mu'),
  });
  const share = (m2: number) =>
    c.planned_m2 > 0
      ? `${lang === 'zh' ? '占规划面积' : 'of the planned area'} ${formatPercent(m2 / c.planned_m2)}`
      : undefined;
  switch (id) {
    case 'planned_km2':
      return km2(c.planned_m2, `${formatMu(c.planned_m2)} ${u('mu')}`);
    case 'built_km2':
      return km2(c.built_m2, share(c.built_m2));
    case 'development_km2':
      return km2(c.development_m2, share(c.development_m2));
    case 'control_km2':
      return km2(c.control_m2, share(c.control_m2));
    case 'enterprises':
    case 'enterprises_producing':
    case 'enterprises_building': {
      const n =
        id === 'enterprises'
          ? t.enterprises
          : countByKind(report, id === 'enterprises_producing' ? 'producing' : 'building');
      return { id, label, value: n, text: String(n), unit: u('firms') };
    }
    case 'investment_yi':
    case 'revenue_yi':
    case 'tax_yi': {
      const wan = id === 'investment_yi' ? t.investment_wan : id === 'revenue_yi' ? t.output_wan : t.tax_wan;
      return { id, label, value: yi(wan), text: yiText(wan), unit: u('yi') };
    }
    case 'employees':
      return { id, label, value: t.employees, text: grouped(t.employees, lang), unit: u('people') };
    case 'quota_used': {
      const used = report.quotas.reduce((s, q) => s + q.used_m2, 0);
      const allocated = report.quotas.reduce((s, q) => s + q.allocated_m2, 0);
      return {
        ...mu(used),
        ...(allocated > 0
          ? {
              note:
                lang === 'zh'
                  ? `指标 ${formatMu(allocated)} 亩，已用 ${formatPercent(used / allocated)}`
                  : `of ${formatMu(allocated)} mu allocated, ${formatPercent(used / allocated)} used`,
            }
          : {}),
      };
    }
    case 'villages_relocated': {
      const done = report.villages.filter((v) => v.relocation === 'done').length;
      const planned = report.villages.filter((v) => v.relocation === 'planned').length;
      return {
        id,
        label,
        value: done,
        text: String(done),
        unit: u('villages'),
        note:
          lang === 'zh'
            ? `规划搬迁 ${planned} 个，涉及村庄共 ${report.villages.length} 个`
            : `${planned} more planned, of ${report.villages.length} villages affected`,
      };
    }
    case 'road_km':
      return {
        id,
        label,
        value: t.roadLength_m / 1000,
        text: (t.roadLength_m / 1000).toFixed(2),
        unit: u('km'),
        note:
          lang === 'zh'
            ? `路网密度 ${report.roadDensity_km_per_km2.toFixed(2)} 公里/平方公里`
            : `${report.roadDensity_km_per_km2.toFixed(2)} km per km²`,
      };
    case 'farmland_mu':
      return mu(constraintM2(report, 'basic-farmland', 'overlap_m2'));
    case 'redline_mu':
      return mu(constraintM2(report, 'ecological-redline', 'overlap_m2'));
    case 'urban_outside_mu':
      return mu(constraintM2(report, 'urban-boundary', 'outside_m2'));
    default:
      return assertNever(id);
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown card ${String(x)}`);
}
