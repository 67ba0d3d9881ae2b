// The registry of analyses: each names its id, how it runs on the report context, and its tables
// (header + rows in the catalogue's words). The report, the command line's tables, the statistics
// panel and the CSV/XLSX exports loop over it. A new analysis is one file in src/core/analyses/
// and its line in this list, plus a fixture.
import type { Analysis, ReportTable, TableKit } from './analysis-kit.ts';
import { admin } from './analyses/admin.ts';
import { conflicts } from './analyses/conflicts.ts';
import { constraints } from './analyses/constraints.ts';
import { enterprises } from './analyses/enterprises.ts';
import { landUse } from './analyses/landuse.ts';
import { roads } from './analyses/roads.ts';
import { zones } from './analyses/zones.ts';
import type { Report } from './report-types.ts';

/**
 * In the order the report runs them (warnings follow it): zones first, for the planned area every
 * other analysis measures against.
 */
export const ANALYSES: readonly Analysis[] = [
  zones,
  landUse,
  admin,
  constraints,
  conflicts,
  roads,
  enterprises,
];

// Tables appear in the run order, but the conflicts, added last, keep their place after the others
// (a terminal's, a workbook's and the panel's order stay as they were); an id not named here comes
// at the end.
const TABLE_ORDER: readonly string[] = ['zones', 'landuse', 'admin', 'constraints', 'roads', 'enterprises'];
const placeOf = (a: Analysis) => {
  const i = TABLE_ORDER.indexOf(a.id);
  return i < 0 ? TABLE_ORDER.length : i;
};

/** The analyses in the order their tables appear. */
export const SHOWN_ANALYSES: readonly Analysis[] = [...ANALYSES].sort((a, b) => placeOf(a) - placeOf(b));

export const kitOf = (kit: Partial<TableKit>): TableKit => ({
  lang: kit.lang ?? 'zh',
  rounded: kit.rounded ?? false,
  brief: kit.brief ?? false,
});

/** One analysis's tables (for a surface that lays it out in its own place). */
export function analysisTable(id: string, r: Report, kit: Partial<TableKit> = {}): ReportTable[] {
  return ANALYSES.find((a) => a.id === id)?.tables(r, kitOf(kit)) ?? [];
}

/** Every analysis's tables, in the order they appear. */
export function analysisTables(r: Report, kit: Partial<TableKit> = {}): ReportTable[] {
  return SHOWN_ANALYSES.flatMap((a) => a.tables(r, kitOf(kit)));
}
