// `zonemap report DIR_OR_MANIFEST [--json] [--csv DIR] [--area ellipsoidal|plane]` (contract §2, §3).
// Exit 0: done; 1: the data has errors; 2: bad usage.
import { writeErr, writeOut } from './terminal-safe.ts';
import { existsSync, statSync } from 'node:fs';
import { parseCommandArgs } from './args.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildReport, type Report } from '../core/report.ts';
import type { AreaMethod } from '../core/types.ts';
import { loadProjectBundle } from '../io/export/project-bundle.ts';
import { loadProjectFromPath, readFileBytes } from '../io/node-project.ts';
import { looksLikeZip } from '../io/zip.ts';
import { describeProblem, failureText, forCommandLine, warningEntry } from './format-problems.ts';
import { reportText } from './format-report.ts';
import { reportTables } from '../core/report-tables.ts';
import { writeCsvTable } from '../io/export/csv.ts';

const USAGE = `用法 (usage): zonemap report DIR_OR_MANIFEST [--json] [--csv DIR] [--area ellipsoidal|plane]
  DIR_OR_MANIFEST  项目文件夹（内含 zonemap.json）或清单文件路径
  --json           按约定的 JSON 格式输出
  --csv DIR        另把各表写成 CSV 文件（UTF-8，Excel 可直接打开）
  --area METHOD    ellipsoidal 椭球面积（默认，取项目设置）或 plane 高斯-克吕格平面面积
`;

interface Args {
  target: string;
  json: boolean;
  csvDir?: string;
  area?: AreaMethod;
}

function parseArgs(args: string[]): Args | string {
  const p = parseCommandArgs(args, ['csv', 'area'], '缺少项目文件夹或清单文件 (no DIR_OR_MANIFEST given)');
  if (typeof p === 'string') return p;
  return {
    target: p.target,
    json: p.json,
    ...(p.csv ? { csvDir: p.csv } : {}),
    ...(p.area ? { area: p.area } : {}),
  };
}

const WANTS =
  'report 需要项目文件夹（内含 zonemap.json）、清单文件 zonemap.json 或 zonemap 导出的项目包 (.zip)；单个图层文件请用 zonemap area 或 zonemap validate (report wants a project folder, its zonemap.json or a project bundle)';

/** The project at `target`: a folder, a manifest, or a project bundle; a string is a usage error. */
async function loadTarget(target: string): Promise<Awaited<ReturnType<typeof loadProjectFromPath>> | string> {
  if (statSync(target).isDirectory()) return loadProjectFromPath(target);
  const bytes = await readFileBytes(target);
  if (looksLikeZip(bytes)) {
    const bundle = await loadProjectBundle(bytes);
    if (bundle.problems.some((p) => p.code === 'not-a-bundle'))
      return `"${target}" 是压缩包，但其中没有 zonemap.json，不是项目包。${WANTS}`;
    return bundle;
  }
  if (!/\.json$/i.test(target)) return `"${target}" 不是项目清单。${WANTS}`;
  return loadProjectFromPath(target);
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    writeOut(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    writeErr(`zonemap report: ${parsed}\n${USAGE}`);
    return 2;
  }
  if (!existsSync(parsed.target)) {
    writeErr(
      `zonemap report: 找不到 "${parsed.target}"，请给出项目文件夹（内含 zonemap.json）或清单文件的路径 (no such file or folder)\n`,
    );
    return 2;
  }
  const loaded = await loadTarget(parsed.target);
  if (typeof loaded === 'string') {
    writeErr(`zonemap report: ${loaded}\n`);
    return 2;
  }
  const project = loaded.project;
  const problems = loaded.problems.map((p) => forCommandLine(p, 'manifest'));
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  for (const p of errors) writeErr(`错误 ${describeProblem(p)}\n`);
  if (!project) {
    writeErr(`zonemap report: 项目无法打开，请按上面的说明修改后重试。\n`);
    return 1;
  }
  let report: Report;
  try {
    report = buildReport(project, parsed.area ? { areaMethod: parsed.area } : {});
  } catch (e) {
    writeErr(`${failureText('report', e)}\n`);
    return 1;
  }
  report.warnings = [...warnings.map(warningEntry), ...report.warnings];
  if (parsed.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    writeOut(reportText(project.name, report));
    for (const w of report.warnings) writeErr(`提示 ${describeProblem(w)}\n`);
  }
  if (parsed.csvDir) {
    try {
      await mkdir(parsed.csvDir, { recursive: true });
      for (const t of reportTables(report))
        await writeFile(path.join(parsed.csvDir, `${t.name}.csv`), writeCsvTable([t.header, ...t.rows]));
      if (!parsed.json) writeOut(`CSV 已写入 ${parsed.csvDir}\n`);
    } catch (e) {
      writeErr(
        `zonemap report: 无法写入 CSV 文件夹 "${parsed.csvDir}" (${e instanceof Error ? e.message : String(e)})，请换一个可写的文件夹。\n`,
      );
      return 1;
    }
  }
  return errors.length ? 1 : 0;
}
