// The scenarios (方案) of a project as the app keeps them (types.ts ProjectScenarios): the project's
// layers are always the active scenario's, so editing, figures and the map need not know about
// scenarios; every other scenario stores its own versions of the scenario layers. An inactive
// scenario without a version of a layer has the base's; the base, when inactive, stores them all.
import type { Project, ProjectLayer, ProjectScenario, ProjectScenarios } from './types.ts';

export const BASE_SCENARIO_ID = 'base';

/** The scenario record of a project: the base alone when it has none yet. */
export function scenariosOf(project: Project): ProjectScenarios {
  return (
    project.scenarios ?? {
      active: BASE_SCENARIO_ID,
      layerIds: [],
      list: [{ id: BASE_SCENARIO_ID, name: '基础方案', note: '', layers: [] }],
    }
  );
}

export function findScenario(project: Project, id: string): ProjectScenario | undefined {
  return scenariosOf(project).list.find((s) => s.id === id);
}

/**
 * Scenario `id`'s version of layer `layerId`: the project's own for the active scenario and for a
 * layer no scenario changes, else the stored one, else the base's. Undefined when the layer is in
 * neither the project nor the scenario.
 */
export function scenarioLayer(project: Project, id: string, layerId: string): ProjectLayer | undefined {
  const sc = scenariosOf(project);
  const own = project.layers.find((l) => l.id === layerId);
  if (id === sc.active || !sc.layerIds.includes(layerId)) return own;
  const stored = findScenario(project, id)?.layers.find((l) => l.id === layerId);
  if (stored) return stored;
  if (id === BASE_SCENARIO_ID || sc.active === BASE_SCENARIO_ID) return own;
  return findScenario(project, BASE_SCENARIO_ID)?.layers.find((l) => l.id === layerId) ?? own;
}

/**
 * The whole project as scenario `id` has it: the project's layers with the scenario's versions in
 * place (a scenario layer the project no longer has is left out), without the scenario record.
 * Layers the scenarios share are the same objects, so caches keyed by layer serve both.
 */
export function scenarioProject(project: Project, id: string): Project {
  const { scenarios: _omit, ...rest } = project;
  void _omit;
  const sc = scenariosOf(project);
  if (id === sc.active) return rest;
  const layers = project.layers.map((l) => scenarioLayer(project, id, l.id) ?? l);
  return { ...rest, layers };
}

/** A scenario id not used yet, from a name (ASCII letters and digits kept, else s1, s2 …). */
export function newScenarioId(project: Project, name: string): string {
  const used = new Set(scenariosOf(project).list.map((s) => s.id));
  const base =
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 's';
  const start = base === BASE_SCENARIO_ID ? 'base-copy' : base;
  if (!used.has(start) && start !== 's') return start;
  for (let i = 1; ; i++)
    if (!used.has(`${start}${start === 's' ? '' : '-'}${i}`))
      return `${start}${start === 's' ? '' : '-'}${i}`;
}
