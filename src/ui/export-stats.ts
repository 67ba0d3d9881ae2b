// The statistics as a workbook (one sheet per table) or as CSV files in a zip, from core's tables.
import type { Report } from '../core/report.ts';
import { reportTables } from '../core/report-tables.ts';
import { download } from './download.ts';

const SHEET_NAMES_ZH: Record<string, string> = {
  composition: '规划构成',
  zones: '分区面积',
  landuse: '用地构成',
  admin: '涉及乡镇村',
  villages: '涉及村庄',
  constraints: '三区三线',
  roads: '道路',
  enterprises: '企业',
  quotas: '用地指标',
};

export async function exportStatsXlsx(report: Report, projectName: string, lang: 'zh' | 'en'): Promise<void> {
  const { writeXlsx } = await import('../io/export/xlsx.ts');
  const sheets = reportTables(report).map((t) => ({
    name: lang === 'zh' ? (SHEET_NAMES_ZH[t.name] ?? t.name) : t.name,
    rows: [t.header, ...t.rows],
  }));
  download(
    await writeXlsx(sheets),
    `${projectName}-统计.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

export async function exportStatsCsv(report: Report, projectName: string): Promise<void> {
  const [{ writeCsvTable }, { zipFiles }] = await Promise.all([
    import('../io/export/csv.ts'),
    import('../io/zip.ts'),
  ]);
  const files = reportTables(report).map((t): [string, Uint8Array] => [
    `${t.name}.csv`,
    writeCsvTable([t.header, ...t.rows]),
  ]);
  download(await zipFiles(files), `${projectName}-统计-csv.zip`, 'application/zip');
}
