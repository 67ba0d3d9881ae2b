// The report as plain tables (header + rows): what the CLI writes with --csv and the page exports
// as CSV or XLSX, from the registry of analyses (src/core/analyses.ts), so both give the same
// columns. Tables are for people: row labels and headers in the catalogue's words, 亩 beside every
// m². With `rounded`, figures are at the report's precision (km² 4 decimals, 亩 whole, 公顷 2, shares
// in % to 2) for an official's sheet; without, full precision for further calculation. File names
// (`name`) and the Chinese headers of the CSV stay stable.
import { analysisTables } from './analyses.ts';
import type { ReportTable } from './analysis-kit.ts';
import type { Lang } from './labels.ts';
import type { Report } from './report-types.ts';

export type { ReportTable } from './analysis-kit.ts';

export interface ReportTableOptions {
  lang?: Lang;
  /** round figures to the report's precision (the XLSX for officials) */
  rounded?: boolean;
}

export function reportTables(r: Report, opts: ReportTableOptions = {}): ReportTable[] {
  return analysisTables(r, { lang: opts.lang ?? 'zh', rounded: opts.rounded ?? false });
}
