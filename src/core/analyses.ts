// The registry of analyses: each one names its id, how it runs on the report context, and its
// tables (header + rows, words from the catalogue). The report, the command line's tables and the
// CSV/XLSX exports loop over it, so a new analysis is one file here plus a fixture. The older
// analyses still live in report.ts and report-tables.ts and move here one at a time.
import { analyseConflicts } from './conflicts.ts';
import type { Lang } from './labels.ts';
import { catalogueLabel } from './labels.ts';
import type { ReportContext } from './report-context.ts';
import type { ReportTable } from './report-tables.ts';
import type { Report } from './report-types.ts';
import type { Shape } from './shape.ts';
import { M2_PER_MU } from './units.ts';

export interface TableKit {
  lang: Lang;
  rounded: boolean;
}

export interface Analysis {
  id: string;
  run(ctx: ReportContext, planned: Shape | undefined): Partial<Report>;
  tables(r: Report, kit: TableKit): ReportTable[];
}

const W = {
  id: { zh: '编号', en: 'Id' },
  planA: { zh: '规划甲', en: 'Plan A' },
  classA: { zh: '甲用地', en: 'Class A' },
  planB: { zh: '规划乙 / 控制线', en: 'Plan B / line' },
  classB: { zh: '乙用地', en: 'Class B' },
  rule: { zh: '判定规则', en: 'Rule' },
  m2: { zh: '面积（平方米）', en: 'Area (m²)' },
  mu: { zh: '面积（亩）', en: 'Area (mu)' },
  ell: { zh: '椭球面积（平方米）', en: 'Ellipsoidal area (m²)' },
  plane: { zh: '平面面积（平方米）', en: 'Plane area (m²)' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '村', en: 'Village' },
  sliver: { zh: '细碎图斑', en: 'Sliver' },
  count: { zh: '冲突数', en: 'Conflicts' },
  slivers: { zh: '细碎图斑数', en: 'Slivers' },
  sliverMu: { zh: '细碎图斑（亩）', en: 'Slivers (mu)' },
  conflicts: { zh: '多规冲突', en: 'Plan conflicts' },
  byPair: { zh: '多规冲突汇总', en: 'Plan conflicts by pair' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  outside: { zh: '城镇开发边界外', en: 'Outside the urban boundary' },
} as const;

const planWords = (kind: string, lang: Lang) =>
  kind === 'outside-urban-boundary' ? W.outside[lang] : (catalogueLabel(`kind.${kind}`, lang) ?? kind);

const conflicts: Analysis = {
  id: 'conflicts',
  run: (ctx, planned) => analyseConflicts(ctx, planned),
  tables(r, { lang, rounded }) {
    const round = (v: number, d: number) => (rounded ? Math.round(v * 10 ** d) / 10 ** d + 0 : v);
    const w = (k: keyof typeof W) => W[k][lang];
    return [
      {
        name: 'conflicts',
        title: w('conflicts'),
        header: [
          w('id'),
          w('planA'),
          w('classA'),
          w('planB'),
          w('classB'),
          w('rule'),
          w('m2'),
          w('mu'),
          w('ell'),
          w('plane'),
          w('township'),
          w('village'),
          w('sliver'),
        ],
        rows: r.conflicts.map((c) => [
          c.id,
          planWords(c.planA, lang),
          `${c.classA} ${c.nameA}`.trim(),
          planWords(c.planB, lang),
          c.classB === c.planB ? planWords(c.classB, lang) : `${c.classB} ${c.nameB}`.trim(),
          c.rule,
          round(c.area_m2, 2),
          round(c.area_m2 / M2_PER_MU, 0),
          round(c.ellipsoidal_m2, 2),
          round(c.plane_m2, 2),
          c.township,
          c.village,
          c.sliver ? w('yes') : w('no'),
        ]),
      },
      {
        name: 'conflict-totals',
        title: w('byPair'),
        header: [w('planA'), w('planB'), w('count'), w('m2'), w('mu'), w('slivers'), w('sliverMu')],
        rows: r.conflictTotals.map((t) => [
          planWords(t.planA, lang),
          planWords(t.planB, lang),
          t.count,
          round(t.area_m2, 2),
          round(t.area_m2 / M2_PER_MU, 0),
          t.slivers,
          round(t.sliver_m2 / M2_PER_MU, 2),
        ]),
      },
    ];
  },
};

export const ANALYSES: readonly Analysis[] = [conflicts];

/** Every registered analysis's tables, in registry order. */
export function analysisTables(r: Report, kit: Partial<TableKit> = {}): ReportTable[] {
  const k: TableKit = { lang: kit.lang ?? 'zh', rounded: kit.rounded ?? false };
  return ANALYSES.flatMap((a) => a.tables(r, k));
}
