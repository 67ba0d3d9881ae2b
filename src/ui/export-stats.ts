// The statistics as a workbook (one sheet per table) or as CSV files in a zip, from core's tables
// (CSV: full precision, with the stable Chinese headers). With the review's conflicts or marks, a
// sheet of the decisions (冲突处理) follows: every conflict with its decision, then the stale marks.
import type { Report } from '../core/report.ts';
import type { Resolutions } from '../core/conflict-resolutions.ts';
import { catalogueLabel, type Lang } from '../core/labels.ts';
import { conflictsOf } from '../state/review.ts';
import { download } from './download.ts';

async function decisionTable(
  report: Report,
  resolutions: Resolutions | undefined,
  lang: Lang,
  rounded: boolean,
) {
  const conflicts = conflictsOf(report);
  if (conflicts.length === 0 && Object.keys(resolutions ?? {}).length === 0) return [];
  const { resolutionTable } = await import('../core/conflict-resolutions.ts');
  return [
    resolutionTable(conflicts, resolutions, {
      lang,
      rounded,
      planName: (p) => catalogueLabel(`kind.${p}`, lang) ?? p,
    }),
  ];
}

export async function exportStatsXlsx(
  report: Report,
  projectName: string,
  lang: 'zh' | 'en',
  resolutions?: Resolutions,
): Promise<void> {
  const [{ writeXlsx }, { reportTables }] = await Promise.all([
    import('../io/export/xlsx.ts'),
    import('../core/report-tables.ts'),
  ]);
  // For an official: words as row labels and titles, figures at the report's precision.
  const opts = { lang, rounded: true };
  const tables = [...reportTables(report, opts), ...(await decisionTable(report, resolutions, lang, true))];
  const sheets = tables.map((t) => ({ name: t.title, rows: [t.header, ...t.rows] }));
  download(
    await writeXlsx(sheets),
    `${projectName}-统计.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

export async function exportStatsCsv(
  report: Report,
  projectName: string,
  resolutions?: Resolutions,
): Promise<void> {
  const [{ writeCsvTable }, { zipFiles }, { reportTables }] = await Promise.all([
    import('../io/export/csv.ts'),
    import('../io/zip.ts'),
    import('../core/report-tables.ts'),
  ]);
  const tables = [...reportTables(report), ...(await decisionTable(report, resolutions, 'zh', false))];
  const files = tables.map((t): [string, Uint8Array] => [
    `${t.name}.csv`,
    writeCsvTable([t.header, ...t.rows]),
  ]);
  download(await zipFiles(files), `${projectName}-统计-csv.zip`, 'application/zip');
}
