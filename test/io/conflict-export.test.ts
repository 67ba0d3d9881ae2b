// The conflict exports (src/io/export/conflicts.ts) and the Shapefile field names they need.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.ts';
import {
  writeConflictsCsv,
  writeConflictsGeoJson,
  writeConflictsShapefile,
  writeConflictsXlsx,
} from '../../src/io/export/conflicts.ts';
import { writeShapefileZip } from '../../src/io/export/shapefile.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { unzip } from '../../src/io/zip.ts';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/conflicts/three-plans');

describe('Shapefile field names', () => {
  it('two Chinese names alike in their first 10 bytes get distinct names (this looped forever)', async () => {
    const f = {
      type: 'Feature' as const,
      properties: { '面积（平方米）': 1, '面积（亩）': 2, '面积（公顷）': 3 },
      geometry: { type: 'Point' as const, coordinates: [114, 32] },
    };
    const out = await writeShapefileZip([f]);
    const r = await readLayerFile('a.zip', out.bytes);
    const keys = Object.keys(r.features[0]!.properties!);
    expect(keys).toEqual(['面积（', '面积_1', '面积_2']);
    expect(Object.values(r.features[0]!.properties!)).toEqual([1, 2, 3]);
  });
});

describe('the conflict exports', () => {
  it('lists the conflicts with Chinese titles and whole 亩 in the workbook, full figures in the CSV', async () => {
    const { project } = await loadProjectFromPath(FIXTURE);
    const report = buildReport(project!);
    const files = (await unzip(await writeConflictsXlsx(report))).files;
    const book = new TextDecoder().decode(files.get('xl/workbook.xml'));
    expect(book).toContain('name="多规冲突"');
    expect(book).toContain('name="多规冲突汇总"');
    const csv = new TextDecoder().decode(writeConflictsCsv(report)).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toBe(
      '编号,规划甲,甲用地,规划乙 / 控制线,乙用地,判定规则,面积（平方米）,面积（亩）,椭球面积（平方米）,平面面积（平方米）,乡镇,村,细碎图斑',
    );
    expect(rows).toHaveLength(report.conflicts.length);
    expect(rows.some((r) => r.includes('产业集聚区规划') && r.includes('永久基本农田'))).toBe(true);
  });

  it('writes the polygons as GeoJSON and Shapefile that read back with their ids and areas', async () => {
    const { project } = await loadProjectFromPath(FIXTURE);
    const report = buildReport(project!);
    const geo = await readLayerFile('c.geojson', writeConflictsGeoJson(project!));
    expect(geo.features.map((f) => f.properties!['编号'])).toEqual(report.conflicts.map((c) => c.id));
    expect(geo.features.map((f) => f.properties!['面积（平方米）'])).toEqual(
      report.conflicts.map((c) => Math.round(c.area_m2 * 100) / 100),
    );
    const shp = await writeConflictsShapefile(project!, { crs: 'EPSG:4547' });
    expect(shp.notes).toEqual([]);
    const back = await readLayerFile('c.zip', shp.bytes);
    expect(back.crs).toBe('EPSG:4547');
    expect(back.features.map((f) => f.properties!['编号'])).toEqual(report.conflicts.map((c) => c.id));
    expect(back.features.map((f) => f.properties!['细碎'])).toEqual(
      report.conflicts.map((c) => (c.sliver ? '是' : '否')),
    );
  });
});
