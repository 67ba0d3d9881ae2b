// The three-plan conflicts for a planner's desk: the list as XLSX or CSV (Chinese titles, 亩), the
// polygons as GeoJSON or a zipped Shapefile (CGCS2000 Gauss-Kruger by default, as other exports).
import { analysisTable } from '../../core/analyses.ts';
import { word } from '../../core/analysis-kit.ts';
import { conflictFeatures } from '../../core/conflict-features.ts';
import type { Lang } from '../../core/labels.ts';
import type { Report } from '../../core/report-types.ts';
import type { AreaMethod, Project } from '../../core/types.ts';
import { writeCsvTable } from './csv.ts';
import { writeGeoJson } from './geojson.ts';
import { writeShapefileZip, type ShapefileExport } from './shapefile.ts';
import { writeXlsx } from './xlsx.ts';

const conflictTables = (report: Report, lang: Lang, rounded: boolean) =>
  analysisTable('conflicts', report, { lang, rounded });

/** The conflict list and the totals by pair as a workbook, figures at the report's precision. */
export async function writeConflictsXlsx(report: Report, lang: Lang = 'zh'): Promise<Uint8Array> {
  return writeXlsx(
    conflictTables(report, lang, true).map((t) => ({ name: t.title, rows: [t.header, ...t.rows] })),
  );
}

/** The conflict list as CSV (UTF-8 with BOM, full precision). */
export function writeConflictsCsv(report: Report, lang: Lang = 'zh'): Uint8Array {
  const t = conflictTables(report, lang, false)[0]!;
  return writeCsvTable([t.header, ...t.rows]);
}

export function writeConflictsGeoJson(project: Project, method?: AreaMethod): Uint8Array {
  return writeGeoJson(conflictFeatures(project, method ? { method } : {}), {
    name: word('table.conflicts', 'zh'),
  });
}

export async function writeConflictsShapefile(
  project: Project,
  opts: { method?: AreaMethod; crs?: string; encoding?: 'utf-8' | 'gbk' } = {},
): Promise<ShapefileExport> {
  return writeShapefileZip(
    conflictFeatures(project, { short: true, ...(opts.method ? { method: opts.method } : {}) }),
    {
      name: 'conflicts',
      ...(opts.crs ? { crs: opts.crs } : {}),
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
    },
  );
}
