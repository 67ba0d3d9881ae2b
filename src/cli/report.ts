// `zonemap report DIR_OR_MANIFEST [--scenario ID] [--json] [--csv DIR] [--area ellipsoidal|plane]`
// (contract §2, §3, §5). Exit 0: done; 1: the data has errors; 2: bad usage or unknown scenario.
import { writeErr, writeJson, writeOut } from './terminal-safe.ts';
import { statSync } from 'node:fs';
import { parseCommandArgs, startProjectCommand } from './args.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildReport, type Report } from '../core/report.ts';
import type { AreaMethod, Problem, Project } from '../core/types.ts';
import { loadProjectBundle } from '../io/export/project-bundle.ts';
import { loadScenariosFromPath, readFileBytes } from '../io/node-project.ts';
import { BASE_SCENARIO } from '../io/scenarios.ts';
import { looksLikeZip } from '../io/zip.ts';
import { scenarioUnreadText, unknownScenarioText } from './scenario-args.ts';
import { cliAdvice, describeProblem, failureText, forCommandLine, warningEntry } from './format-problems.ts';
import { reportText } from './format-report.ts';
import { reportTables } from '../core/report-tables.ts';
import { writeCsvTable } from '../io/export/csv.ts';
import {
  writeConflictsCsv,
  writeConflictsGeoJson,
  writeConflictsShapefile,
  writeConflictsXlsx,
} from '../io/export/conflicts.ts';

const USAGE = `用法 (usage): zonemap report DIR_OR_MANIFEST [--scenario ID] [--json] [--csv DIR] [--area ellipsoidal|plane] [--conflicts FILE]
  DIR_OR_MANIFEST  项目文件夹（内含 zonemap.json）、清单文件路径或 zonemap 导出的项目包 (.zip)
  --scenario ID    按方案统计（默认 base，即基础方案；方案写在 zonemap.json 的 scenarios 中）
  --json           按约定的 JSON 格式输出
  --csv DIR        另把各表写成 CSV 文件（UTF-8，Excel 可直接打开）
  --area METHOD    ellipsoidal 椭球面积（默认，取项目设置）或 plane 高斯-克吕格平面面积
  --conflicts FILE 另写出多规冲突：.geojson 或 .zip (Shapefile, CGCS2000 高斯-克吕格) 为冲突图斑，
                   .xlsx 或 .csv 为冲突清单（中文表头，亩）；见 docs/conflicts.md
`;

interface Args {
  target: string;
  json: boolean;
  csvDir?: string;
  conflicts?: string;
  area?: AreaMethod;
  scenario?: string;
}

function parseArgs(args: string[]): Args | string {
  const p = parseCommandArgs(
    args,
    ['csv', 'area', 'scenario', 'conflicts'],
    '缺少项目文件夹或清单文件 (no DIR_OR_MANIFEST given)',
  );
  if (typeof p === 'string') return p;
  return {
    target: p.target,
    json: p.json,
    ...(p.csv ? { csvDir: p.csv } : {}),
    ...(p.conflicts ? { conflicts: p.conflicts } : {}),
    ...(p.area ? { area: p.area } : {}),
    ...(p.scenario ? { scenario: p.scenario } : {}),
  };
}

const WANTS =
  'report 需要项目文件夹（内含 zonemap.json）、清单文件 zonemap.json 或 zonemap 导出的项目包 (.zip)；单个图层文件请用 zonemap area 或 zonemap validate (report wants a project folder, its zonemap.json or a project bundle)';

interface Target {
  project: Project | null;
  problems: Problem[];
  /** the scenario chosen with --scenario, when one was */
  chosen?: { id: string; name: string };
  /** why the chosen scenario could not be read (then no figures are printed) */
  unread?: Problem[];
}

/**
 * The project at `target` for the scenario asked for: a folder or a manifest (with its scenarios),
 * or a project bundle (its base only). A string is a usage error (exit 2).
 */
async function loadTarget(target: string, scenario: string | undefined): Promise<Target | string> {
  const manifestLike = statSync(target).isDirectory() || /\.json$/i.test(target);
  if (!manifestLike) {
    const bytes = await readFileBytes(target);
    if (!looksLikeZip(bytes)) return `"${target}" 不是项目清单。${WANTS}`;
    const bundle = await loadProjectBundle(bytes);
    if (bundle.problems.some((p) => p.code === 'not-a-bundle'))
      return `"${target}" 是压缩包，但其中没有 zonemap.json，不是项目包。${WANTS}`;
    if (scenario && scenario !== BASE_SCENARIO)
      return `项目包 "${target}" 只含基础方案 base，没有方案 "${scenario}"；请对项目文件夹使用 --scenario (a bundle holds the base scenario only)`;
    return { project: bundle.project, problems: bundle.problems };
  }
  const id = scenario ?? BASE_SCENARIO;
  const loaded = await loadScenariosFromPath(target, [id]);
  if (loaded.unknown.length) return unknownScenarioText(loaded.unknown, loaded);
  const chosen = loaded.scenarios[0];
  return {
    project: chosen?.project ?? null,
    problems: chosen?.problems ?? loaded.problems,
    ...(scenario && chosen ? { chosen: { id: chosen.id, name: chosen.name } } : {}),
    ...(chosen?.unread.length ? { unread: chosen.unread } : {}),
  };
}

export async function run(args: string[]): Promise<number> {
  const parsed = startProjectCommand('report', args, USAGE, parseArgs);
  if (typeof parsed === 'number') return parsed;
  const loaded = await loadTarget(parsed.target, parsed.scenario);
  if (typeof loaded === 'string') {
    writeErr(`zonemap report: ${loaded}\n`);
    return 2;
  }
  const { project, chosen } = loaded;
  const problems = loaded.problems.map((p) => forCommandLine(p, 'manifest'));
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  for (const p of errors) writeErr(`错误 ${describeProblem(p)}\n`);
  if (!project) {
    writeErr(`zonemap report: 项目无法打开，请按上面的说明修改后重试。\n`);
    return 1;
  }
  if (loaded.unread && chosen) {
    // The base's figures under the scenario's name would mislead: none are printed.
    writeErr(`${scenarioUnreadText('report', chosen, loaded.unread)}\n`);
    return 1;
  }
  let report: Report;
  try {
    report = buildReport(project, parsed.area ? { areaMethod: parsed.area } : {});
  } catch (e) {
    writeErr(`${failureText('report', e)}\n`);
    return 1;
  }
  report.warnings = [
    ...warnings.map(warningEntry),
    ...report.warnings.map((w) => ({ ...w, message: cliAdvice(w.message) })),
  ];
  const shown = chosen ? { scenario: chosen.id, scenarioName: chosen.name } : {};
  if (parsed.json) writeJson({ ...shown, ...report });
  else {
    writeOut(reportText(chosen ? `${project.name}（方案 ${chosen.name}）` : project.name, report));
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
  if (parsed.conflicts) {
    const file = parsed.conflicts;
    const ext = path.extname(file).toLowerCase();
    try {
      const method = parsed.area ?? report.areaMethod;
      const bytes =
        ext === '.geojson' || ext === '.json'
          ? writeConflictsGeoJson(project, method)
          : ext === '.zip'
            ? (
                await writeConflictsShapefile(project, {
                  method,
                  ...(report.planeCrs ? { crs: report.planeCrs } : {}),
                })
              ).bytes
            : ext === '.xlsx'
              ? await writeConflictsXlsx(report)
              : ext === '.csv'
                ? writeConflictsCsv(report)
                : undefined;
      if (!bytes) {
        writeErr(
          `zonemap report: --conflicts 的文件 "${file}" 须以 .geojson、.zip、.xlsx 或 .csv 结尾 (--conflicts wants a .geojson, .zip, .xlsx or .csv file)\n`,
        );
        return 2;
      }
      await writeFile(file, bytes);
      if (!parsed.json) writeOut(`多规冲突已写入 ${file}（${report.conflicts.length} 处）\n`);
    } catch (e) {
      writeErr(
        `zonemap report: 无法写入冲突文件 "${file}" (${e instanceof Error ? e.message : String(e)})，请换一个可写的位置。\n`,
      );
      return 1;
    }
  }
  return errors.length ? 1 : 0;
}
