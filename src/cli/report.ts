// `zonemap report DIR_OR_MANIFEST [--scenario ID] [--json] [--csv DIR] [--area ellipsoidal|plane]`
// (contract §2, §3, §5). Exit 0: done; 1: the data has errors; 2: bad usage or unknown scenario.
import { existsSync } from 'node:fs';
import { parseCommandArgs } from './args.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildReport, type Report } from '../core/report.ts';
import type { AreaMethod } from '../core/types.ts';
import { loadScenariosFromPath } from '../io/node-project.ts';
import { BASE_SCENARIO } from '../io/scenarios.ts';
import { unknownScenarioText } from './scenario-args.ts';
import { describeProblem, failureText, warningEntry } from './format-problems.ts';
import { reportText } from './format-report.ts';
import { reportTables } from '../core/report-tables.ts';
import { writeCsvTable } from '../io/export/csv.ts';

const USAGE = `用法 (usage): zonemap report DIR_OR_MANIFEST [--scenario ID] [--json] [--csv DIR] [--area ellipsoidal|plane]
  DIR_OR_MANIFEST  项目文件夹（内含 zonemap.json）或清单文件路径
  --scenario ID    按方案统计（默认 base，即基础方案；方案写在 zonemap.json 的 scenarios 中）
  --json           按约定的 JSON 格式输出
  --csv DIR        另把各表写成 CSV 文件（UTF-8，Excel 可直接打开）
  --area METHOD    ellipsoidal 椭球面积（默认，取项目设置）或 plane 高斯-克吕格平面面积
`;

interface Args {
  target: string;
  json: boolean;
  csvDir?: string;
  area?: AreaMethod;
  scenario?: string;
}

function parseArgs(args: string[]): Args | string {
  const p = parseCommandArgs(
    args,
    ['csv', 'area', 'scenario'],
    '缺少项目文件夹或清单文件 (no DIR_OR_MANIFEST given)',
  );
  if (typeof p === 'string') return p;
  return {
    target: p.target,
    json: p.json,
    ...(p.csv ? { csvDir: p.csv } : {}),
    ...(p.area ? { area: p.area } : {}),
    ...(p.scenario ? { scenario: p.scenario } : {}),
  };
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`zonemap report: ${parsed}\n${USAGE}`);
    return 2;
  }
  if (!existsSync(parsed.target)) {
    process.stderr.write(
      `zonemap report: 找不到 "${parsed.target}"，请给出项目文件夹（内含 zonemap.json）或清单文件的路径 (no such file or folder)\n`,
    );
    return 2;
  }
  const id = parsed.scenario ?? BASE_SCENARIO;
  const loaded = await loadScenariosFromPath(parsed.target, [id]);
  if (loaded.unknown.length) {
    process.stderr.write(`zonemap report: ${unknownScenarioText(loaded.unknown, loaded)}\n`);
    return 2;
  }
  const chosen = loaded.scenarios[0];
  const project = chosen?.project ?? null;
  const problems = chosen?.problems ?? loaded.problems;
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  for (const p of errors) process.stderr.write(`错误 ${describeProblem(p)}\n`);
  if (!project) {
    process.stderr.write(`zonemap report: 项目无法打开，请按上面的说明修改后重试。\n`);
    return 1;
  }
  let report: Report;
  try {
    report = buildReport(project, parsed.area ? { areaMethod: parsed.area } : {});
  } catch (e) {
    process.stderr.write(`${failureText('report', e)}\n`);
    return 1;
  }
  report.warnings = [...warnings.map(warningEntry), ...report.warnings];
  const shown = parsed.scenario && chosen ? { scenario: chosen.id, scenarioName: chosen.name } : {};
  if (parsed.json) process.stdout.write(`${JSON.stringify({ ...shown, ...report }, null, 2)}\n`);
  else {
    const title = parsed.scenario && chosen ? `${project.name}（方案 ${chosen.name}）` : project.name;
    process.stdout.write(reportText(title, report));
    for (const w of report.warnings) process.stderr.write(`提示 ${describeProblem(w)}\n`);
  }
  if (parsed.csvDir) {
    try {
      await mkdir(parsed.csvDir, { recursive: true });
      for (const t of reportTables(report))
        await writeFile(path.join(parsed.csvDir, `${t.name}.csv`), writeCsvTable([t.header, ...t.rows]));
      if (!parsed.json) process.stdout.write(`CSV 已写入 ${parsed.csvDir}\n`);
    } catch (e) {
      process.stderr.write(
        `zonemap report: 无法写入 CSV 文件夹 "${parsed.csvDir}" (${e instanceof Error ? e.message : String(e)})，请换一个可写的文件夹。\n`,
      );
      return 1;
    }
  }
  return errors.length ? 1 : 0;
}
