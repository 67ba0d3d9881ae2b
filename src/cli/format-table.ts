// Plain-text tables for a terminal: CJK characters take two columns, numbers align right.
import { cellSafe } from './terminal-safe.ts';
import { formatFixed } from '../core/units.ts';

/** Display width of a string in a monospaced terminal (East Asian wide and full-width count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export interface Column {
  title: string;
  /** align right (numbers) */
  right?: boolean;
}

/** A table with a title line, a header, a rule, the rows and optional total rows (one or several). */
export function table(
  title: string,
  columns: Column[],
  dataRows: string[][],
  dataTotal?: string[] | string[][],
): string {
  // Cells hold names from the data: no control character may reach the terminal or break a row.
  const rows = dataRows.map((r) => r.map(cellSafe));
  const totalRows =
    dataTotal === undefined
      ? []
      : Array.isArray(dataTotal[0])
        ? (dataTotal as string[][])
        : [dataTotal as string[]];
  const totals = totalRows.map((r) => r.map(cellSafe));
  const all = [...rows, ...totals];
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c.title), ...all.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, columns[i]?.right ?? false))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [`【${cellSafe(title)}】`, line(columns.map((c) => c.title)), rule, ...rows.map(line)];
  if (totals.length) out.push(rule, ...totals.map(line));
  return out.join('\n') + '\n';
}

/** Thousands separators and a fixed number of decimals ("—" for a missing figure). */
export const num = (value: number | null | undefined, decimals = 2): string => formatFixed(value, decimals);
