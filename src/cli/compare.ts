// `zonemap compare DIR --from ID --to ID [--json] [--area ellipsoidal|plane]` (contract §5): what
// changes between two scenarios. Exit 0: done; 1: the data has errors; 2: bad usage or unknown id.
import { compareScenarios, type ScenarioComparison } from '../core/compare.ts';
import type { AreaMethod, Problem } from '../core/types.ts';
import { loadScenariosFromPath } from '../io/node-project.ts';
import { BASE_SCENARIO } from '../io/scenarios.ts';
import { parseCommandArgs, startProjectCommand } from './args.ts';
import { compareText } from './format-compare.ts';
import { cliAdvice, describeProblem, failureText, forCommandLine, warningEntry } from './format-problems.ts';
import { scenarioUnreadText, unknownScenarioText } from './scenario-args.ts';
import { writeErr, writeJson, writeOut } from './terminal-safe.ts';

const USAGE = `用法 (usage): zonemap compare DIR_OR_MANIFEST --from ID --to ID [--json] [--area ellipsoidal|plane]
  DIR_OR_MANIFEST  项目文件夹（内含 zonemap.json）或清单文件路径
  --from ID        比较的起点方案（默认 base，即基础方案）
  --to ID          比较的方案；方案写在 zonemap.json 的 scenarios 中
  --json           按约定的 JSON 格式输出
  --area METHOD    ellipsoidal 椭球面积（默认，取项目设置）或 plane 高斯-克吕格平面面积
`;

interface Args {
  target: string;
  json: boolean;
  from: string;
  to: string;
  area?: AreaMethod;
}

function parseArgs(args: string[]): Args | string {
  const p = parseCommandArgs(
    args,
    ['area', 'from', 'to'],
    '缺少项目文件夹或清单文件 (no DIR_OR_MANIFEST given)',
  );
  if (typeof p === 'string') return p;
  if (p.to === undefined) return '缺少 --to 方案 id (no --to scenario given)';
  return {
    target: p.target,
    json: p.json,
    from: p.from ?? BASE_SCENARIO,
    to: p.to,
    ...(p.area ? { area: p.area } : {}),
  };
}

/** The comparison as printed by --json: the pieces without their geometry. */
function jsonOf(c: ScenarioComparison, names: { fromName: string; toName: string }) {
  return {
    areaMethod: c.areaMethod,
    ...(c.planeCrs ? { planeCrs: c.planeCrs } : {}),
    from: c.from,
    to: c.to,
    fromName: names.fromName,
    toName: names.toName,
    zones: c.zones,
    added_m2: c.added_m2,
    removed_m2: c.removed_m2,
    added_mu: c.added_mu,
    removed_mu: c.removed_mu,
    added_km2: c.added_km2,
    removed_km2: c.removed_km2,
    pieces: c.pieces.map(({ geometry: _geometry, ...rest }) => rest),
    admin: c.admin,
    villages: c.villages,
    constraints: c.constraints,
    warnings: c.warnings,
  };
}

export async function run(args: string[]): Promise<number> {
  const parsed = startProjectCommand('compare', args, USAGE, parseArgs);
  if (typeof parsed === 'number') return parsed;
  const loaded = await loadScenariosFromPath(parsed.target, [parsed.from, parsed.to]);
  if (loaded.unknown.length) {
    writeErr(`zonemap compare: ${unknownScenarioText(loaded.unknown, loaded)}\n`);
    return 2;
  }
  const [from, to] = loaded.scenarios;
  // One scenario's problem is an error there and a warning in the other: each is told once, as
  // its worst, with the scenario it concerns most.
  const byText = new Map<string, { p: Problem; scenario: string }>();
  const tagged = [
    ...(from?.problems ?? loaded.problems).map((p) => ({
      p: forCommandLine(p, 'manifest'),
      scenario: from?.id ?? parsed.from,
    })),
    ...(to?.problems ?? []).map((p) => ({ p: forCommandLine(p, 'manifest'), scenario: to?.id ?? parsed.to })),
  ];
  for (const t of tagged) {
    const key = describeProblem(t.p);
    const had = byText.get(key);
    if (!had || (had.p.severity !== 'error' && t.p.severity === 'error')) byText.set(key, t);
  }
  const problems = [...byText.values()];
  const errors = problems.filter((t) => t.p.severity === 'error').map((t) => t.p);
  const warnings = problems.filter((t) => t.p.severity !== 'error');
  for (const p of errors) writeErr(`错误 ${describeProblem(p)}\n`);
  if (!from || !to) {
    writeErr(`zonemap compare: 项目无法打开，请按上面的说明修改后重试。\n`);
    return 1;
  }
  const unread = [from, to].filter((sc) => sc.unread.length > 0);
  if (unread.length) {
    // Comparing with a scenario that is only the base again would show no change: nothing is printed.
    for (const sc of unread) writeErr(`${scenarioUnreadText('compare', sc, sc.unread)}\n`);
    return 1;
  }
  let c: ScenarioComparison;
  try {
    c = compareScenarios(from.project, to.project, {
      from: from.id,
      to: to.id,
      ...(parsed.area ? { areaMethod: parsed.area } : {}),
    });
  } catch (e) {
    writeErr(`${failureText('compare', e)}\n`);
    return 1;
  }
  c.warnings = [
    ...warnings.map((w) => ({ ...warningEntry(w.p), scenario: w.scenario })),
    ...c.warnings.map((w) => ({ ...w, message: cliAdvice(w.message) })),
  ];
  const names = { fromName: from.name, toName: to.name };
  if (parsed.json) writeJson(jsonOf(c, names));
  else {
    writeOut(compareText(c, { project: from.project.name, ...names }));
    for (const w of c.warnings) writeErr(`提示 ${describeProblem(w)}\n`);
  }
  return errors.length ? 1 : 0;
}
