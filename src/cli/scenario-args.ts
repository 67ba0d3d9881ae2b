// Words shared by the commands that take scenario ids (report --scenario, compare --from/--to).
import type { Problem } from '../core/types.ts';
import { describeScenarioIds, type ScenarioList } from '../io/scenarios.ts';

/** "没有方案 "x"…" naming the ids the manifest has, for exit status 2. */
export function unknownScenarioText(
  unknown: readonly string[],
  where: { list?: ScenarioList; manifestPath?: string },
): string {
  const names = unknown.map((id) => `"${id}"`).join('、');
  return (
    `${where.manifestPath ?? 'zonemap.json'} 中没有方案 ${names} (unknown scenario)。` +
    `现有的方案 (scenarios): ${describeScenarioIds(where.list)}。请用其中一个 id。`
  );
}

/** The last line when a chosen scenario cannot be read: no figures, and which files to fix. */
export function scenarioUnreadText(
  command: string,
  scenario: { id: string; name: string },
  why: readonly Problem[],
): string {
  const files = [...new Set(why.map((p) => p.file).filter((f): f is string => !!f))];
  const label = scenario.name !== scenario.id ? `${scenario.id}（${scenario.name}）` : scenario.id;
  return (
    `zonemap ${command}: 方案 ${label} 无法读取${files.length ? `（${files.join('、')}）` : ''}，` +
    `未输出任何数字（否则会把基础方案的数字当作该方案的）。请按上面的说明改正 zonemap.json 或补上文件后重试。` +
    ` (scenario ${scenario.id} cannot be read; no figures printed)`
  );
}
