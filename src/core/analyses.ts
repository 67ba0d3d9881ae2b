// The registry of analyses: each one names its id, how it runs on the report context, and its
// tables (header + rows, words from the catalogue). The report, the command line's tables and the
// CSV/XLSX exports loop over it, so a new analysis is one file here plus a fixture. The older
// analyses still live in report.ts and report-tables.ts and move here one at a time.
import { analyseConflicts } from './conflicts.ts';
import type { Lang } from './labels.ts';
import { catalogueLabel, conflictClassLabel, kindLabel, ruleLabel } from './labels.ts';
import type { ReportContext } from './report-context.ts';
import type { ReportTable } from './report-tables.ts';
import type { ConflictEntry, Report } from './report-types.ts';
import type { Shape } from './shape.ts';
import { M2_PER_MU } from './units.ts';

export interface TableKit {
  lang: Lang;
  rounded: boolean;
  /** for a terminal or a panel: the columns a person reads (no ids, one area method) */
  brief: boolean;
}

export interface Analysis {
  id: string;
  run(ctx: ReportContext, planned: Shape | undefined): Partial<Report>;
  tables(r: Report, kit: TableKit): ReportTable[];
}

const col = (k: string, lang: Lang) => catalogueLabel(k, lang) ?? k;

/** The conflict list as a table row (the XLSX/CSV list, the CLI and the polygons' attributes). */
export function conflictRow(
  c: ConflictEntry,
  lang: Lang,
  round: (v: number, d: number) => number,
): unknown[] {
  return [
    c.id,
    kindLabel(c.planA, lang),
    conflictClassLabel(c.planA, c.classA, c.nameA, lang),
    kindLabel(c.planB, lang),
    conflictClassLabel(c.planB, c.classB, c.nameB, lang),
    ruleLabel(c.rule, lang),
    round(c.area_m2, 2),
    round(c.area_m2 / M2_PER_MU, 0),
    round(c.ellipsoidal_m2, 2),
    round(c.plane_m2, 2),
    c.township,
    c.village,
    col(c.sliver ? 'word.yes' : 'word.no', lang),
  ];
}

export const CONFLICT_COLUMNS = [
  'col.id',
  'col.planA',
  'col.classA',
  'col.planB',
  'col.classB',
  'col.rule',
  'col.m2',
  'col.mu',
  'col.ellipsoidal',
  'col.plane',
  'col.township',
  'col.village',
  'col.sliver',
] as const;

/** The brief list leaves out the id and the two per-method areas (columns 0, 8, 9). */
const keep = <T>(row: readonly T[], brief: boolean): T[] =>
  brief ? row.filter((_, i) => i !== 0 && i !== 8 && i !== 9) : [...row];

const conflicts: Analysis = {
  id: 'conflicts',
  run: (ctx, planned) => analyseConflicts(ctx, planned),
  tables(r, { lang, rounded, brief }) {
    const round = (v: number, d: number) => (rounded ? Math.round(v * 10 ** d) / 10 ** d + 0 : v);
    const w = (k: string) => col(k, lang);
    return [
      {
        name: 'conflicts',
        title: w('table.conflicts'),
        header: keep(CONFLICT_COLUMNS.map(w), brief),
        rows: r.conflicts.map((c) => keep(conflictRow(c, lang, round), brief)),
      },
      {
        name: 'conflict-totals',
        title: w('table.conflictTotals'),
        header: [
          'col.planA',
          'col.planB',
          'col.count',
          'col.m2',
          'col.mu',
          'col.slivers',
          'col.sliverMu',
        ].map(w),
        rows: r.conflictTotals.map((t) => [
          kindLabel(t.planA, lang),
          kindLabel(t.planB, lang),
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
  const k: TableKit = { lang: kit.lang ?? 'zh', rounded: kit.rounded ?? false, brief: kit.brief ?? false };
  return ANALYSES.flatMap((a) => a.tables(r, k));
}
