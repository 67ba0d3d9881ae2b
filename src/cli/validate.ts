// `zonemap validate FILE [--crs CODE] [--json]` (contract.md sections 2 and 4).
// Exit 0: no errors (warnings allowed); 1: the data has errors; 2: bad usage.
import { writeErr, writeJson, writeOut } from './terminal-safe.ts';
import { parseCommandArgs, startFileCommand } from './args.ts';
import type { Problem } from '../core/types.ts';
import { crsShortName } from '../core/crs.ts';
import { resolveIoCrs } from '../io/coords/crs-names.ts';
import { validateLayerFile } from '../io/validate-file.ts';
import { forCommandLine } from './format-problems.ts';

const USAGE = `用法 (usage): zonemap validate FILE [--crs CODE] [--json]
  FILE   GeoJSON、压缩的 Shapefile (.zip)、KML/KMZ 或 CSV
  --crs  文件坐标系，如 EPSG:4547（文件自带 .prj 或 crs 时可省略）
  --json 以 JSON 输出结果
`;

interface Args {
  file: string;
  crs?: string;
  json: boolean;
}

function parseArgs(args: string[]): Args | string {
  const p = parseCommandArgs(args, ['crs'], '缺少要检查的文件 (no FILE given)');
  if (typeof p === 'string') return p;
  if (p.crs !== undefined && !resolveIoCrs(p.crs)) return `无法识别的坐标系 "${p.crs}" (unknown CRS)`;
  return { file: p.target, crs: p.crs, json: p.json };
}

function jsonEntry(p: Problem): Record<string, unknown> {
  const out: Record<string, unknown> = { code: p.code };
  if (p.feature !== undefined) out.feature = p.feature;
  if (p.name !== undefined) out.name = p.name;
  out.message = p.message;
  if (p.at) out.at = p.at;
  const en = (p as { messageEn?: string }).messageEn;
  if (en) out.message_en = en;
  return out;
}

function describe(p: Problem, file: string): string {
  const where = p.feature === undefined ? '' : `要素 #${p.feature}${p.name ? `「${p.name}」` : ''}：`;
  return `${file}：${where}${p.message} [${p.code}]`;
}

export async function run(args: string[]): Promise<number> {
  const start = await startFileCommand('validate', args, USAGE, parseArgs);
  if (typeof start === 'number') return start;
  const { parsed, bytes, sidecars } = start;
  const checked = await validateLayerFile(parsed.file, bytes, { crs: parsed.crs, sidecars });
  const result = {
    ...checked,
    errors: checked.errors.map((p) => forCommandLine(p, 'cli')),
    warnings: checked.warnings.map((p) => forCommandLine(p, 'cli')),
  };
  if (parsed.json) {
    const out = {
      valid: result.valid,
      errors: result.errors.map(jsonEntry),
      warnings: result.warnings.map(jsonEntry),
    };
    writeJson(out);
  } else {
    for (const p of result.errors) writeErr(`错误 ${describe(p, parsed.file)}\n`);
    for (const p of result.warnings) writeErr(`提示 ${describe(p, parsed.file)}\n`);
    const summary = result.valid
      ? `${parsed.file}：通过检查，${result.features.length} 个要素（坐标系 ${crsShortName(result.crs)}）${result.warnings.length ? `，${result.warnings.length} 条提示` : ''}。`
      : `${parsed.file}：发现 ${result.errors.length} 个错误${result.warnings.length ? `、${result.warnings.length} 条提示` : ''}，请按上面的说明修改后重新检查。`;
    writeOut(`${summary}\n`);
  }
  return result.valid ? 0 : 1;
}
