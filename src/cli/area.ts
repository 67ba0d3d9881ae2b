// `zonemap area FILE [--crs CODE] [--json] [--area ellipsoidal|plane]` (contract §2): the area of
// every polygonal feature of one file, in file order. Exit 0: done; 1: the data has errors; 2: bad usage.
import { writeErr, writeJson, writeOut } from './terminal-safe.ts';
import { parseCommandArgs, startFileCommand } from './args.ts';
import { featureProblems } from '../io/validate-file.ts';
import { REPAIRED_CODES } from '../io/validate.ts';
import { geometryAreaWithProblems } from '../core/area.ts';
import { areaTotals } from '../core/area-totals.ts';
import { categoryLabel } from '../core/labels.ts';
import { warningText } from '../core/warning-text.ts';
import { crsShortName, resolveCrs } from '../core/crs.ts';
import { fieldText, resolveFieldMapping } from '../core/fields.ts';
import {
  farFromPlaneZone,
  isGaussKruger,
  layerPlaneCrs,
  lonLatCentre,
  nearestGk3Crs,
  PLANE_ZONE_REACH_DEG,
} from '../core/plane.ts';
import { formatMessage } from '../io/messages.ts';
import { polygonsOf } from '../core/shape.ts';
import type { AreaMethod, Feature } from '../core/types.ts';
import { readLayerFile } from '../io/read.ts';
import { cliAdvice, describeProblem, failureText, forCommandLine } from './format-problems.ts';
import { num, table } from './format-table.ts';
import { methodLabel } from './format-report.ts';

const USAGE = `用法 (usage): zonemap area FILE [--crs CODE] [--json] [--area ellipsoidal|plane]
  FILE          GeoJSON、压缩的 Shapefile (.zip)、KML/KMZ
  --crs CODE    文件坐标系，如 EPSG:4547（文件自带 .prj 或 crs 时可省略）
  --json        按约定的 JSON 格式输出
  --area METHOD ellipsoidal 椭球面积（默认）或 plane 高斯-克吕格平面面积
`;

interface Args {
  file: string;
  crs?: string;
  json: boolean;
  area: AreaMethod;
}

function parseArgs(args: string[]): Args | string {
  const p = parseCommandArgs(args, ['crs', 'area'], '缺少要计算的文件 (no FILE given)');
  if (typeof p === 'string') return p;
  if (p.crs !== undefined && !resolveCrs(p.crs))
    return `无法识别的坐标系 "${p.crs}"：请用 EPSG 代码（如 EPSG:4326、EPSG:4547）或 proj4 字符串`;
  return { file: p.target, json: p.json, area: p.area ?? 'ellipsoidal', ...(p.crs ? { crs: p.crs } : {}) };
}

interface AreaRow {
  feature: number;
  name: string | null;
  area_m2: number;
}

export async function run(args: string[]): Promise<number> {
  const start = await startFileCommand('area', args, USAGE, parseArgs);
  if (typeof start === 'number') return start;
  const { parsed, bytes, sidecars } = start;
  const read = await readLayerFile(parsed.file, bytes, {
    sidecars,
    ...(parsed.crs ? { crs: parsed.crs } : {}),
  });
  // Data errors (as validate finds them) make the exit status 1; invalid polygons are measured as
  // MakeValid repairs them, with a warning below.
  // A .prj that cannot be read (and no --crs) leaves the CRS unknown: the data were read as
  // EPSG:4326 only for want of another, so no figure is printed and no zone is guessed for them.
  const prjUnread = read.problems.some((p) => p.code === 'prj-not-understood' && p.severity === 'error');
  const errors = [...read.problems, ...featureProblems(read, { file: parsed.file })]
    .filter((p) => p.severity === 'error' && !REPAIRED_CODES.has(p.code))
    .filter((p) => !(prjUnread && p.code === 'projected-without-crs'))
    .map((p) => forCommandLine(p, 'cli'));
  for (const p of errors) writeErr(`错误 ${describeProblem(p, parsed.file)}\n`);
  if (prjUnread) {
    writeErr(
      `zonemap area: ${parsed.file} 的坐标系未知，未计算面积。请用 --crs 给出数据的坐标系（EPSG 代码或 proj4 字符串）后重新运行。 (the CRS is unknown: no areas computed; give --crs)\n`,
    );
    return 1;
  }

  const features: Feature[] = read.features;
  const fields = resolveFieldMapping('zone', features);
  const planeCrs = layerPlaneCrs(read.crs, nearestGk3Crs(lonLatCentre(features)?.[0] ?? 114));
  // Validity of Gauss-Kruger data is judged in their own plane, as validate judges it.
  const drawnIn = isGaussKruger(read.crs) ? { drawnIn: read.crs } : {};
  const rows: AreaRow[] = [];
  // File-level warnings (an encoding guessed, a .cpg not understood …) first, as validate shows them.
  const warnings: {
    code: string;
    feature?: number;
    name?: string;
    message: string;
    at?: [number, number];
  }[] = read.problems
    .filter((p) => p.severity !== 'error')
    .map((p) => forCommandLine(p, 'cli'))
    .map((p) => ({
      code: p.code,
      ...(p.feature !== undefined ? { feature: p.feature } : {}),
      ...(p.name !== undefined ? { name: p.name } : {}),
      message:
        p.feature !== undefined
          ? `要素 #${p.feature}${p.name ? `「${p.name}」` : ''}：${p.message}`
          : p.message,
    }));
  try {
    features.forEach((f, i) => {
      if (polygonsOf(f.geometry).length === 0) return;
      const name = fieldText({ fields, role: 'zone' }, f, 'name') ?? null;
      const { area, problems } = geometryAreaWithProblems(f.geometry, parsed.area, { planeCrs, ...drawnIn });
      rows.push({ feature: i, name, area_m2: area });
      for (const p of problems) {
        if (p.error) {
          errors.push({ severity: 'error', code: p.code, feature: i, message: p.message });
          writeErr(`错误 ${parsed.file} 要素 #${i}${name ? `「${name}」` : ''}：${cliAdvice(p.message)}\n`);
          continue;
        }
        warnings.push({
          code: p.code,
          feature: i,
          ...(name ? { name } : {}),
          message: `要素 #${i}${name ? `「${name}」` : ''}：${cliAdvice(
            warningText({ code: p.code, ...(p.params ? { params: p.params } : {}) }, 'zh', p.message),
          )}`,
          ...(p.at ? { at: p.at } : {}),
        });
      }
    });
  } catch (e) {
    writeErr(`${failureText('area', e)}\n`);
    return 1;
  }
  if (parsed.area === 'plane') {
    // The nearest Chinese zone is used for any data: say so when the data lie far from it.
    const far = farFromPlaneZone(features, planeCrs);
    if (far) {
      const params = {
        zone: `${planeCrs}（${resolveCrs(planeCrs)?.gk?.datum ?? ''} ${resolveCrs(planeCrs)?.gk?.zoneWidth ?? 3} 度带第 ${resolveCrs(planeCrs)?.gk?.zone ?? '?'} 带）`,
        cm: far.centralMeridian,
        lon: +far.lon.toFixed(4),
        degrees: +far.degrees.toFixed(1),
        reach: PLANE_ZONE_REACH_DEG,
      };
      warnings.unshift({ code: 'plane-zone-far', message: formatMessage('plane-zone-far', params, 'zh') });
    }
  }
  const method = { areaMethod: parsed.area, ...(parsed.area === 'plane' ? { planeCrs } : {}) };
  const totals = areaTotals(
    features,
    new Map(rows.map((r) => [r.feature, r.area_m2])),
    parsed.area,
    planeCrs,
  );
  if (parsed.json) {
    const out = {
      ...method,
      crs: read.crs,
      features: rows.map((r) => ({ feature: r.feature, name: r.name, area_m2: r.area_m2 })),
      totals,
      warnings,
    };
    writeJson(out);
  } else {
    const totalRows = totals.map((t) => {
      const what = `${t.category ? `${categoryLabel(t.category, 'zh')} ` : ''}合计 ${t.features.length} 个`;
      if (t.area_m2 === null) return ['', `${what}（要素相互重叠，不合计）`, '—', '—', '—', '—'];
      const a = t.area_m2;
      return ['', what, num(a, 2), num((a * 3) / 2000, 2), num(a / 1e4, 4), num(a / 1e6, 4)];
    });
    writeOut(
      `${parsed.file} — 坐标系 ${crsShortName(read.crs)}，面积算法: ${methodLabel(method)}\n` +
        table(
          '要素面积',
          [
            { title: '序号', right: true },
            { title: '名称' },
            { title: '面积(m²)', right: true },
            { title: '面积(亩)', right: true },
            { title: '公顷', right: true },
            { title: 'km²', right: true },
          ],
          rows.map((r) => [
            String(r.feature),
            r.name ?? '',
            num(r.area_m2, 2),
            num((r.area_m2 * 3) / 2000, 2),
            num(r.area_m2 / 1e4, 4),
            num(r.area_m2 / 1e6, 4),
          ]),
          totalRows,
        ),
    );
    for (const w of warnings) writeErr(`提示 ${parsed.file}：${w.message} [${w.code}]\n`);
    if (rows.length === 0 && errors.length === 0)
      writeErr(`提示 ${parsed.file}：文件中没有面要素，没有可计算的面积。\n`);
  }
  return errors.length ? 1 : 0;
}
