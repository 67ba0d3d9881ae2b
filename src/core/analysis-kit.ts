// What an analysis of the registry (src/core/analyses.ts) is, and the helpers its tables share.
import { catalogueLabel, type Lang } from './labels.ts';
import { TABLE_WORDS } from './table-words.ts';
import type { ReportContext } from './report-context.ts';
import type { Report } from './report-types.ts';
import type { Shape } from './shape.ts';
import { formatFixed } from './units.ts';

export interface TableKit {
  lang: Lang;
  /** figures at the report's precision (an official's sheet, a terminal) */
  rounded: boolean;
  /** for a terminal or a panel: the columns a person reads (no ids, one area method) */
  brief: boolean;
}

/** How a brief table writes a column's numbers: fixed decimals; `percent`: a share shown ×100 with %. */
export interface Figure {
  decimals: number;
  percent?: boolean;
}

export interface ReportTable {
  /** file name (stable, ASCII) */
  name: string;
  /** sheet title in words */
  title: string;
  header: string[];
  rows: unknown[][];
  /** brief tables: how each column's numbers are written (a column with a figure aligns right) */
  figures?: (Figure | undefined)[];
  /** brief tables: total rows, under a rule */
  totals?: unknown[][];
  /** brief tables: a line of words under the table */
  note?: string;
}

export interface Analysis {
  id: string;
  /**
   * Its keys of the report, from the shared context and the planned area (the zones analysis,
   * which runs first, sets `ctx.planned`).
   */
  run(ctx: ReportContext, planned: Shape | undefined): Partial<Report>;
  /** its tables: header and rows in the catalogue's words */
  tables(r: Report, kit: TableKit): ReportTable[];
}

/** Rounds to `d` decimals when the kit says so (+ 0 turns -0 into 0). */
export const rounder =
  (kit: Pick<TableKit, 'rounded'>) =>
  (v: number, d: number): number =>
    kit.rounded ? Math.round(v * 10 ** d) / 10 ** d + 0 : v;

/** As `rounder`, but a missing or non-finite figure is null (an empty cell). */
export const nullRounder =
  (kit: Pick<TableKit, 'rounded'>) =>
  (v: number | null | undefined, d: number): number | null =>
    v === null || v === undefined || !Number.isFinite(v) ? null : rounder(kit)(v, d);

/** A word of either half of the catalogue (labels.ts, table-words.ts), or undefined. */
export const findWord = (key: string, lang: Lang): string | undefined =>
  catalogueLabel(key, lang) ?? (Object.hasOwn(TABLE_WORDS, key) ? TABLE_WORDS[key]![lang] : undefined);

/** A catalogue word (column titles, table titles, yes/no); the key itself where it has none. */
export const word = (key: string, lang: Lang): string => findWord(key, lang) ?? key;

/** A catalogue word with its {placeholders} filled in. */
export const wordWith = (key: string, lang: Lang, params: Record<string, string | number>): string =>
  word(key, lang).replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/** The catalogue's words for a list of keys (a header). */
export const words = (keys: readonly string[], lang: Lang): string[] => keys.map((k) => word(k, lang));

/** A brief table's cell as a person reads it: numbers by the column's figure, else grouped. */
export function cellText(v: unknown, figure: Figure | undefined, locale: string): string {
  if (figure && (typeof v === 'number' || v === null || v === undefined))
    return v === null || v === undefined
      ? formatFixed(null, figure.decimals)
      : `${formatFixed(figure.percent ? v * 100 : v, figure.decimals)}${figure.percent ? '%' : ''}`;
  if (typeof v === 'number') return v.toLocaleString(locale);
  return String(v ?? '');
}

/** Whether a brief table's column holds figures (it aligns right). */
export const figureColumn = (t: ReportTable, i: number): boolean =>
  t.figures?.[i] !== undefined || t.rows.some((row) => typeof row[i] === 'number');
