// The report as Chinese tables for people, from the Report of src/core/report.ts: the tables of the
// registry of analyses (src/core/analyses.ts) in their brief form, words from core's catalogue.
import type { Report } from '../core/report.ts';
import { unitLabel } from '../core/analyses/admin.ts';
import { analysisTables } from '../core/analyses.ts';
import { cellText, figureColumn, type ReportTable } from '../core/analysis-kit.ts';
import { table } from './format-table.ts';

/** An administrative unit's level in Chinese (县, 乡镇, 行政村), from the catalogue. */
export const adminKindZh = (kind: string): string | undefined => unitLabel(kind, 'zh');

export function methodLabel(r: Pick<Report, 'areaMethod' | 'planeCrs'>): string {
  return r.areaMethod === 'ellipsoidal'
    ? '椭球面积 (CGCS2000 椭球)'
    : `高斯-克吕格平面面积 (${r.planeCrs ?? 'CGCS2000 3度带'})`;
}

export function reportText(name: string, r: Report): string {
  const parts: string[] = [`${name} 统计报告 — 面积算法: ${methodLabel(r)}\n`];
  for (const t of analysisTables(r, { lang: 'zh', rounded: true, brief: true })) plainTable(parts, t);
  return parts.join('\n');
}

/** A brief table for the terminal: figures right-aligned with thousands separators. */
function plainTable(parts: string[], t: ReportTable): void {
  if (!t.rows.length) return;
  const text = (row: unknown[]) => row.map((v, i) => cellText(v, t.figures?.[i], 'en'));
  parts.push(
    table(
      t.title,
      t.header.map((h, i) => ({ title: h, right: figureColumn(t, i) })),
      t.rows.map(text),
      t.totals?.map(text),
    ),
  );
  if (t.note) parts.push(`${t.note}\n`);
}
