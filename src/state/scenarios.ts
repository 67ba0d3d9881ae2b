// The planner's scenario actions as commands (commands.ts), so each is undone like any edit and
// saved with the project: save the current boundaries as a new scenario, switch, duplicate, delete,
// and an imported file kept as a scenario. Pure builders first (tested on their own), then the
// functions the UI calls. See core/scenarios.ts for how a project holds its scenarios.
import {
  BASE_SCENARIO_ID,
  findScenario,
  newScenarioId,
  scenarioLayer,
  scenariosOf,
} from '../core/scenarios.ts';
import type { Project, ProjectLayer, ProjectScenario, ProjectScenarios } from '../core/types.ts';
import { CommandError, type Command } from './commands.ts';
import { applyCommand } from './edit.ts';
import { setState, store } from './store.ts';

/** The layers a first scenario covers: the zone boundaries. */
export function boundaryLayerIds(project: Project): string[] {
  return project.layers.filter((l) => l.role === 'zone').map((l) => l.id);
}

/** The record with the active scenario's versions (the project's layers) stored in its entry. */
function storeActive(project: Project, sc: ProjectScenarios, layerIds: string[]): ProjectScenario[] {
  const own = layerIds.flatMap((id) => project.layers.filter((l) => l.id === id));
  return sc.list.map((s) => (s.id === sc.active ? { ...s, layers: own } : s));
}

/** Saves the project's current boundaries as a new scenario and works on it from now on. */
export function saveAsCommand(project: Project, name: string, note = ''): Command {
  const title = name.trim();
  if (!title) throw new CommandError('方案需要名称 / a scenario needs a name');
  const sc = scenariosOf(project);
  const layerIds = sc.layerIds.length ? sc.layerIds : boundaryLayerIds(project);
  if (layerIds.length === 0)
    throw new CommandError('项目中没有规划范围图层 / the project has no zone boundary layer');
  const id = newScenarioId(project, title);
  const entry: ProjectScenario = { id, name: title, note: note.trim(), layers: [] };
  return {
    kind: 'set-scenarios',
    scenarios: { active: id, layerIds, list: [...storeActive(project, sc, layerIds), entry] },
  };
}

/** Makes scenario `id` the one shown and edited: its layers replace the project's. */
export function switchCommand(project: Project, id: string): Command | null {
  const sc = scenariosOf(project);
  if (!findScenario(project, id))
    throw new CommandError(`项目中没有方案「${id}」 / no scenario "${id}" in the project`);
  if (id === sc.active) return null;
  const present = sc.layerIds.filter((l) => project.layers.some((p) => p.id === l));
  const replace: Command[] = present.map((l) => ({
    kind: 'replace-layer',
    layer: scenarioLayer(project, id, l)!,
    // Problems listed for the scenario left behind name its features, not these.
    problems: [],
  }));
  const list = storeActive(project, sc, present).map((s) => (s.id === id ? { ...s, layers: [] } : s));
  return {
    kind: 'batch',
    commands: [...replace, { kind: 'set-scenarios', scenarios: { ...sc, active: id, list } }],
  };
}

/** A copy of scenario `id` under a new name (not switched to). */
export function duplicateCommand(project: Project, id: string, name: string): Command {
  const sc = scenariosOf(project);
  const from = findScenario(project, id);
  if (!from) throw new CommandError(`项目中没有方案「${id}」 / no scenario "${id}" in the project`);
  const title = name.trim() || `${from.name} 副本`;
  const layerIds = sc.layerIds.length ? sc.layerIds : boundaryLayerIds(project);
  if (layerIds.length === 0)
    throw new CommandError('项目中没有规划范围图层 / the project has no zone boundary layer');
  const layers = layerIds.flatMap((l) => {
    const layer = scenarioLayer(project, id, l);
    return layer ? [layer] : [];
  });
  const copy: ProjectScenario = { id: newScenarioId(project, title), name: title, note: from.note, layers };
  const list = sc.layerIds.length ? sc.list : storeActive(project, sc, layerIds);
  return { kind: 'set-scenarios', scenarios: { ...sc, layerIds, list: [...list, copy] } };
}

/** Deletes a scenario; the base and the one being worked on cannot be deleted. */
export function deleteCommand(project: Project, id: string): Command {
  const sc = scenariosOf(project);
  if (id === BASE_SCENARIO_ID)
    throw new CommandError('基础方案不能删除 / the base project cannot be deleted');
  if (id === sc.active)
    throw new CommandError(
      '当前方案不能删除，请先切换到其他方案 / switch to another scenario before deleting this one',
    );
  if (!findScenario(project, id))
    throw new CommandError(`项目中没有方案「${id}」 / no scenario "${id}" in the project`);
  return { kind: 'set-scenarios', scenarios: { ...sc, list: sc.list.filter((s) => s.id !== id) } };
}

/**
 * An imported file kept as a new scenario: its data stand for the project's layer `target` (same
 * id, role and kind) in that scenario, and nothing else changes, so nothing is counted twice.
 */
export function importAsScenarioCommand(
  project: Project,
  target: string,
  imported: ProjectLayer,
  name: string,
  note = '',
): Command {
  const base = project.layers.find((l) => l.id === target);
  if (!base) throw new CommandError(`项目中没有图层「${target}」 / no layer "${target}" in the project`);
  const sc = scenariosOf(project);
  const title = name.trim() || imported.file;
  let list = sc.list;
  const layerIds = sc.layerIds.includes(target) ? sc.layerIds : [...sc.layerIds, target];
  // A layer no scenario changed until now is the base's: an inactive base keeps a copy of it.
  if (!sc.layerIds.includes(target) && sc.active !== BASE_SCENARIO_ID)
    list = list.map((s) => (s.id === BASE_SCENARIO_ID ? { ...s, layers: [...s.layers, base] } : s));
  const layer: ProjectLayer = {
    ...imported,
    id: base.id,
    role: base.role,
    ...(base.kind !== undefined ? { kind: base.kind } : {}),
    ...(base.name !== undefined ? { name: base.name } : {}),
  };
  if (base.kind === undefined) delete layer.kind;
  const entry: ProjectScenario = {
    id: newScenarioId(project, title),
    name: title,
    note: note.trim(),
    layers: [layer],
  };
  return { kind: 'set-scenarios', scenarios: { ...sc, layerIds, list: [...list, entry] } };
}

function applyBuilt(build: (p: Project) => Command | null): boolean {
  const project = store.get().project;
  if (!project) return false;
  let cmd: Command | null;
  try {
    cmd = build(project);
  } catch (e) {
    // An action that does not fit the project (no zone layer, a deleted scenario) says why.
    if (!(e instanceof CommandError)) throw e;
    setState((s) => ({ notices: [...s.notices, e.message] }));
    return false;
  }
  return cmd ? applyCommand(cmd) : true;
}

export const saveAsScenario = (name: string, note: string) => applyBuilt((p) => saveAsCommand(p, name, note));
export const switchScenario = (id: string) => applyBuilt((p) => switchCommand(p, id));
export const duplicateScenario = (id: string, name: string) =>
  applyBuilt((p) => duplicateCommand(p, id, name));
export const deleteScenario = (id: string) => applyBuilt((p) => deleteCommand(p, id));
export const importAsScenario = (target: string, layer: ProjectLayer, name: string) =>
  applyBuilt((p) => importAsScenarioCommand(p, target, layer, name));
