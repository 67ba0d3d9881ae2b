// The statistics as a workbook (one sheet per table) or as CSV files in a zip, from core's tables
// (CSV: full precision, with the stable Chinese headers).
import type { Report } from '../core/report.ts';
import { download } from './download.ts';

export async function exportStatsXlsx(report: Report, projectName: string, lang: 'zh' | 'en'): Promise<void> {
  const [{ writeXlsx }, { reportTables }, { analysisTables, PLACED_IN_REPORT_TABLES }] = await Promise.all([
    import('../io/export/xlsx.ts'),
    import('../core/report-tables.ts'),
    import('../core/analyses.ts'),
  ]);
  // For an official: words as row labels and titles, figures at the report's precision.
  const opts = { lang, rounded: true };
  const sheets = [
    ...reportTables(report, opts),
    ...analysisTables(report, opts, PLACED_IN_REPORT_TABLES),
  ].map((t) => ({
    name: t.title,
    rows: [t.header, ...t.rows],
  }));
  download(
    await writeXlsx(sheets),
    `${projectName}-统计.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

export async function exportStatsCsv(report: Report, projectName: string): Promise<void> {
  const [{ writeCsvTable }, { zipFiles }, { reportTables }, { analysisTables, PLACED_IN_REPORT_TABLES }] =
    await Promise.all([
      import('../io/export/csv.ts'),
      import('../io/zip.ts'),
      import('../core/report-tables.ts'),
      import('../core/analyses.ts'),
    ]);
  const files = [...reportTables(report), ...analysisTables(report, {}, PLACED_IN_REPORT_TABLES)].map(
    (t): [string, Uint8Array] => [`${t.name}.csv`, writeCsvTable([t.header, ...t.rows])],
  );
  download(await zipFiles(files), `${projectName}-统计-csv.zip`, 'application/zip');
}
