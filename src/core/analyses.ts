// The registry of analyses: each names its id, how it runs on the report context, and its tables
// (header + rows in the catalogue's words). The report, the command line's tables, the statistics
// panel and the CSV/XLSX exports loop over it. A new analysis is one file in src/core/analyses/
// (see constraints.ts, conflicts.ts) and its line in this list, plus a fixture; the older analyses
// still in report.ts and report-tables.ts move here one at a time.
import type { Analysis, TableKit } from './analysis-kit.ts';
import { conflicts } from './analyses/conflicts.ts';
import { constraints } from './analyses/constraints.ts';
import type { ReportTable } from './report-tables.ts';
import type { Report } from './report-types.ts';

/** In the order the report runs them (warnings follow it) and their tables appear. */
export const ANALYSES: readonly Analysis[] = [constraints, conflicts];

const kitOf = (kit: Partial<TableKit>): TableKit => ({
  lang: kit.lang ?? 'zh',
  rounded: kit.rounded ?? false,
  brief: kit.brief ?? false,
});

/** One analysis's tables (for a surface that lays it out in its own place). */
export function analysisTable(id: string, r: Report, kit: Partial<TableKit> = {}): ReportTable[] {
  return ANALYSES.find((a) => a.id === id)?.tables(r, kitOf(kit)) ?? [];
}

/** The registered analyses' tables in registry order, but for those named in `except`. */
export function analysisTables(
  r: Report,
  kit: Partial<TableKit> = {},
  except: readonly string[] = [],
): ReportTable[] {
  return ANALYSES.filter((a) => !except.includes(a.id)).flatMap((a) => a.tables(r, kitOf(kit)));
}

/** Analyses whose tables reportTables places among the older tables, in their old order. */
export const PLACED_IN_REPORT_TABLES: readonly string[] = ['constraints'];
