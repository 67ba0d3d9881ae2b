// The three-plan conflicts (contract §6, docs/conflicts.md): the list and the totals by pair.
import { rounder, word, type Analysis } from '../analysis-kit.ts';
import { analyseConflicts } from '../conflicts.ts';
import { conflictClassLabel, kindLabel, ruleLabel, type Lang } from '../labels.ts';
import type { ConflictEntry } from '../report-types.ts';
import { M2_PER_MU } from '../units.ts';

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
    word(c.sliver ? 'word.yes' : 'word.no', lang),
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

export const conflicts: Analysis = {
  id: 'conflicts',
  run: (ctx, planned) => analyseConflicts(ctx, planned, { geometry: ctx.conflictGeometry === true }),
  tables(r, kit) {
    const { lang, brief } = kit;
    const round = rounder(kit);
    const w = (k: string) => word(k, lang);
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
