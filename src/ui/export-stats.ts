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

// Column titles for Chinese readers; the CSV keeps the contract's machine names.
const HEADER_ZH: Record<string, string> = {
  item: '项目',
  area_m2: '面积（平方米）',
  area_mu: '面积（亩）',
  area_km2: '面积（平方公里）',
  area_ha: '面积（公顷）',
  name: '名称',
  category: '类别',
  layer: '图层',
  feature: '要素序号',
  class: '编码/等级',
  share: '占比',
  parcels: '图斑数',
  kind: '类型',
  code: '代码',
  overlap_m2: '重叠面积（平方米）',
  overlap_mu: '重叠面积（亩）',
  share_of_zone: '占规划区比例',
  share_of_unit: '占本单位比例',
  relocation: '搬迁状态',
  population: '人口',
  households: '户数',
  outside_m2: '边界外面积（平方米）',
  status: '状态',
  length_m: '长度（米）',
  park: '园区',
  investment: '投资（万元）',
  intensity_wan_per_mu: '投资强度（万元/亩）',
  belowThreshold: '低于标准',
  output: '产值（万元）',
  tax: '税收（万元）',
  employees: '就业人数',
  allocated_m2: '下达指标（平方米）',
  used_m2: '已用（平方米）',
  remaining_m2: '剩余（平方米）',
  share_used: '使用比例',
};

export async function exportStatsXlsx(report: Report, projectName: string, lang: 'zh' | 'en'): Promise<void> {
  const { writeXlsx } = await import('../io/export/xlsx.ts');
  const sheets = reportTables(report).map((t) => ({
    name: lang === 'zh' ? (SHEET_NAMES_ZH[t.name] ?? t.name) : t.name,
    rows: [lang === 'zh' ? t.header.map((h) => HEADER_ZH[h] ?? h) : t.header, ...t.rows],
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
