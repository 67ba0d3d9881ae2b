// The conflicts with their polygons, for the map and for the GeoJSON/Shapefile export: the report
// itself leaves the polygons out (its JSON stays small), so they are made here on demand, by the same
// analysis, with the same ids. Attributes carry the conflict list's Chinese column titles.
import { CONFLICT_COLUMNS, conflictRow } from './analyses/conflicts.ts';
import { analyseConflicts } from './conflicts.ts';
import { word } from './analysis-kit.ts';
import type { Lang } from './labels.ts';
import { makeContext } from './report-context.ts';
import type { ConflictWithGeometry } from './report-types.ts';
import { analyseZones } from './report-zones.ts';
import type { AreaMethod, Feature, Project } from './types.ts';

/** Every conflict of the project with its polygons (lon/lat), in the report's order. */
export function conflictsWithGeometry(project: Project, method?: AreaMethod): ConflictWithGeometry[] {
  const ctx = makeContext(project, method ?? project.areaMethod ?? 'ellipsoidal');
  const { planned } = analyseZones(ctx);
  return analyseConflicts(ctx, planned, { geometry: true }).conflicts as ConflictWithGeometry[];
}

/** Field names within the 10 bytes of a dBase field (UTF-8: three Chinese characters). */
const SHORT_ZH = [
  '编号',
  '规划甲',
  '甲用地',
  '规划乙',
  '乙用地',
  '规则',
  '面积m2',
  '面积亩',
  '椭球m2',
  '平面m2',
  '乡镇',
  '村',
  '细碎',
];

/**
 * The conflicts as GeoJSON features whose properties are the conflict list's columns; `short` gives
 * the Shapefile's field names (10 bytes) in Chinese rather than the cut names a writer would make.
 */
export function conflictFeatures(
  project: Project,
  opts: { method?: AreaMethod; lang?: Lang; short?: boolean } = {},
): Feature[] {
  const lang = opts.lang ?? 'zh';
  const keys = opts.short && lang === 'zh' ? SHORT_ZH : CONFLICT_COLUMNS.map((k) => word(k, lang));
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d + 0;
  return conflictsWithGeometry(project, opts.method).map((c) => {
    const row = conflictRow(c, lang, round);
    const properties: Record<string, unknown> = {};
    keys.forEach((k, i) => (properties[k] = row[i]));
    return { type: 'Feature', id: c.id, properties, geometry: c.geometry };
  });
}
