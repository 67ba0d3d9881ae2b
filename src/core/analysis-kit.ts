// What an analysis of the registry (src/core/analyses.ts) is, and the helpers its tables share.
import { catalogueLabel, type Lang } from './labels.ts';
import type { ReportContext } from './report-context.ts';
import type { ReportTable } from './report-tables.ts';
import type { Report } from './report-types.ts';
import type { Shape } from './shape.ts';

export interface TableKit {
  lang: Lang;
  /** figures at the report's precision (an official's sheet, a terminal) */
  rounded: boolean;
  /** for a terminal or a panel: the columns a person reads (no ids, one area method) */
  brief: boolean;
}

export interface Analysis {
  id: string;
  /** its keys of the report, from the shared context and the planned area */
  run(ctx: ReportContext, planned: Shape | undefined): Partial<Report>;
  /** its tables: header and rows in the catalogue's words */
  tables(r: Report, kit: TableKit): ReportTable[];
}

/** Rounds to `d` decimals when the kit says so (+ 0 turns -0 into 0). */
export const rounder =
  (kit: Pick<TableKit, 'rounded'>) =>
  (v: number, d: number): number =>
    kit.rounded ? Math.round(v * 10 ** d) / 10 ** d + 0 : v;

/** A catalogue word (column titles, table titles, yes/no). */
export const word = (key: string, lang: Lang): string => catalogueLabel(key, lang) ?? key;
