// Words shared by the commands that take scenario ids (report --scenario, compare --from/--to).
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
