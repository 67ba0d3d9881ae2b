// Scenarios (方案, contract §5): named alternatives of some base layers, kept in the manifest as
//   "scenarios": [{ "id", "name", "note", "layers": { baseLayerId: "file" | { file, crs, fields } } }]
// A scenario layer keeps the base layer's id, role and kind, and its CRS and field mapping unless
// the object form gives them. The base project itself is the scenario `base`.
import type { Problem, Project, ProjectScenario } from '../core/types.ts';
import { readManifestLayer, type LoadedLayer, type ManifestLayerSpec } from './manifest-layer.ts';
import { errorOf, type IoProblem } from './problem.ts';

export const BASE_SCENARIO = 'base';

export interface ScenarioSpec {
  id: string;
  name: string;
  note: string;
  /** the base layers this scenario replaces, resolved (id, role and kind of the base layer) */
  layers: ManifestLayerSpec[];
  /** what is wrong with this entry; errors when the scenario is used */
  problems: IoProblem[];
}

export interface ScenarioList {
  scenarios: ScenarioSpec[];
  /** problems of the list itself (an entry without an id, not an array) */
  problems: IoProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function stringFields(v: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string' && val !== '') out[k] = val;
  return out;
}

/** The scenarios of a manifest checked against its layers; no file is read here. */
export function parseScenarios(
  raw: unknown,
  baseLayers: readonly ManifestLayerSpec[],
  manifest: string,
): ScenarioList {
  const list: ScenarioList = { scenarios: [], problems: [] };
  if (raw === undefined) return list;
  const invalid = (scenario: string, detail: string) =>
    errorOf('scenario-invalid', { manifest, scenario, detail }, { file: manifest });
  if (!Array.isArray(raw)) {
    list.problems.push(invalid('—', 'scenarios 应为数组 / "scenarios" should be an array'));
    return list;
  }
  const byId = new Map<string, ScenarioSpec[]>();
  const baseIds = baseLayers.map((l) => l.id);
  raw.forEach((entry: unknown, i) => {
    const label = `#${i + 1}`;
    if (!isObject(entry)) {
      list.problems.push(invalid(label, '不是对象 / not an object'));
      return;
    }
    if (typeof entry.id !== 'string' || entry.id.trim() === '') {
      list.problems.push(invalid(label, '缺少 id / no "id"'));
      return;
    }
    const id = entry.id;
    if (id === BASE_SCENARIO) {
      list.problems.push(
        invalid(id, 'id "base" 表示基础方案本身，请换一个 id / "base" is the base project itself'),
      );
      return;
    }
    const spec: ScenarioSpec = {
      id,
      name: typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name : id,
      note: typeof entry.note === 'string' ? entry.note : '',
      layers: [],
      problems: [],
    };
    if (!isObject(entry.layers)) {
      spec.problems.push(invalid(id, '缺少 layers 对象 / no "layers" object'));
    } else {
      for (const [layerId, value] of Object.entries(entry.layers)) {
        const base = baseLayers.find((l) => l.id === layerId);
        if (!base) {
          spec.problems.push(
            errorOf(
              'scenario-unknown-layer',
              { manifest, scenario: id, layer: layerId, ids: baseIds.join(', ') || '—' },
              { file: manifest, layer: layerId },
            ),
          );
          continue;
        }
        const given = typeof value === 'string' ? { file: value } : isObject(value) ? value : undefined;
        if (!given || typeof given.file !== 'string' || given.file === '') {
          spec.problems.push(
            invalid(
              id,
              `layers.${layerId} 应为文件名或 { "file": … } / should be a file name or { "file": … }`,
            ),
          );
          continue;
        }
        if (given.crs !== undefined && typeof given.crs !== 'string') {
          spec.problems.push(invalid(id, `layers.${layerId}.crs 应为文字 / should be a string`));
          continue;
        }
        if (given.fields !== undefined && !isObject(given.fields)) {
          spec.problems.push(invalid(id, `layers.${layerId}.fields 应为对象 / should be an object`));
          continue;
        }
        const crs = typeof given.crs === 'string' ? given.crs : base.crs;
        spec.layers.push({
          id: base.id,
          role: base.role,
          ...(base.kind !== undefined ? { kind: base.kind } : {}),
          file: given.file,
          ...(crs !== undefined ? { crs } : {}),
          // written by project bundles (lon/lat files): the CRS the layer came in, for plane areas
          ...(typeof given.sourceCrs === 'string' ? { sourceCrs: given.sourceCrs } : {}),
          fields: isObject(given.fields) ? stringFields(given.fields) : { ...base.fields },
        });
      }
    }
    const same = byId.get(id) ?? [];
    same.push(spec);
    byId.set(id, same);
    if (same.length === 1) list.scenarios.push(spec);
  });
  for (const [id, same] of byId)
    if (same.length > 1)
      same[0]!.problems.push(
        errorOf('scenario-duplicate-id', { manifest, scenario: id, count: same.length }, { file: manifest }),
      );
  return list;
}

/** Every scenario id a project has, base first. */
export function scenarioIds(list: ScenarioList | undefined): string[] {
  return [BASE_SCENARIO, ...(list?.scenarios.map((sc) => sc.id) ?? [])];
}

/** "base（基础方案）, expand-east（东扩方案）" for messages naming the scenarios that exist. */
export function describeScenarioIds(list: ScenarioList | undefined): string {
  return [
    `${BASE_SCENARIO}（基础方案）`,
    ...(list?.scenarios.map((sc) => (sc.name !== sc.id ? `${sc.id}（${sc.name}）` : sc.id)) ?? []),
  ].join(', ');
}

/**
 * The project as a scenario: the base with the scenario's layers read and put in place of the base
 * layers they replace. Layers not replaced are the base's own objects, so caches keyed by geometry
 * are shared between scenarios.
 */
export async function applyScenario(
  base: Project,
  spec: ScenarioSpec,
  readFile: (name: string) => Promise<Uint8Array>,
  manifest: string,
  opts: { signal?: AbortSignal } = {},
): Promise<{ project: Project; problems: IoProblem[]; unread: IoProblem[] }> {
  const problems: IoProblem[] = [...spec.problems];
  // What keeps the scenario from being the one the manifest describes: its entry is wrong, or a
  // file that replaces a base layer cannot be read. Its figures would then be the base's.
  const unread: IoProblem[] = spec.problems.filter((p) => p.severity === 'error');
  const replaced = new Map<string, LoadedLayer>();
  for (const layerSpec of spec.layers) {
    const baseLayer = base.layers.find((l) => l.id === layerSpec.id);
    const own: IoProblem[] = [];
    const layer = await readManifestLayer(
      layerSpec,
      readFile,
      // A file that declares no CRS is read in the CRS its base layer came in.
      { defaultCrs: baseLayer?.crs ?? base.crs, ...(opts.signal ? { signal: opts.signal } : {}) },
      own,
    );
    const told = own.map((p) =>
      p.code === 'layer-file-missing'
        ? errorOf(
            'scenario-file-missing',
            {
              manifest,
              scenario: spec.id,
              layer: layerSpec.id,
              file: layerSpec.file,
              detail: String(p.params?.detail ?? ''),
            },
            { file: layerSpec.file, layer: layerSpec.id },
          )
        : p,
    );
    problems.push(...told);
    if (!layer) {
      const why = told.filter((p) => p.severity === 'error');
      unread.push(
        ...(why.length
          ? why
          : [
              errorOf(
                'scenario-file-missing',
                { manifest, scenario: spec.id, layer: layerSpec.id, file: layerSpec.file, detail: '—' },
                { file: layerSpec.file, layer: layerSpec.id },
              ),
            ]),
      );
      continue;
    }
    const extra = (baseLayer as LoadedLayer | undefined)?.extra;
    if (extra) layer.extra = extra;
    replaced.set(layer.id, layer);
  }
  const layers = base.layers.map((l) => replaced.get(l.id) ?? l);
  // A replacement for a base layer whose own file failed to load still counts in the scenario.
  for (const [id, layer] of replaced) if (!base.layers.some((l) => l.id === id)) layers.push(layer);
  return { project: { ...base, layers }, problems, unread };
}

export interface ScenarioLoad {
  id: string;
  name: string;
  note: string;
  project: Project;
  /** the base problems that still concern this scenario, then the scenario's own */
  problems: Problem[];
  /**
   * Why this scenario could not be read as the manifest describes it (a wrong entry, a replacement
   * file missing or unreadable). Non-empty: `project` is not the scenario and gives no figures.
   */
  unread: Problem[];
}

/** Whether a file can be opened: undefined when it can, else a short reason (no read). */
export type FileProbe = (name: string) => Promise<string | undefined>;

/**
 * The requested scenarios of a loaded project (`base` is the project itself). Unknown ids come
 * back in `unknown`; problems of the other scenarios' entries come back as warnings.
 */
export async function loadScenarios(
  loaded: { project: Project; problems: Problem[]; scenarios?: ScenarioList },
  ids: readonly string[],
  readFile: (name: string) => Promise<Uint8Array>,
  manifest: string,
  probe?: FileProbe,
): Promise<{ scenarios: ScenarioLoad[]; unknown: string[] }> {
  const list = loaded.scenarios ?? { scenarios: [], problems: [] };
  const unknown = ids.filter((id) => id !== BASE_SCENARIO && !list.scenarios.some((sc) => sc.id === id));
  if (unknown.length) return { scenarios: [], unknown };
  const asWarning = (p: Problem): Problem => ({ ...p, severity: 'warning' });
  // The files of the scenarios not chosen are only probed, not read: a missing one is told as a
  // warning, as the scenario's entry problems are.
  const missing = new Map<string, Problem[]>();
  for (const sc of list.scenarios) {
    const found: Problem[] = [];
    if (probe && !ids.includes(sc.id))
      for (const l of sc.layers) {
        const why = await probe(l.file);
        if (why !== undefined)
          found.push(
            errorOf(
              'scenario-file-missing',
              { manifest, scenario: sc.id, layer: l.id, file: l.file, detail: why },
              { file: l.file, layer: l.id },
            ),
          );
      }
    missing.set(sc.id, found);
  }
  const others = (id: string): Problem[] => [
    ...list.problems,
    ...list.scenarios
      .filter((sc) => sc.id !== id)
      .flatMap((sc) => [...sc.problems, ...(missing.get(sc.id) ?? [])]),
  ];
  const out: ScenarioLoad[] = [];
  for (const id of ids) {
    const spec = list.scenarios.find((sc) => sc.id === id);
    if (!spec) {
      out.push({
        id,
        name: '基础方案',
        note: '',
        project: loaded.project,
        problems: [...loaded.problems, ...others(id).map(asWarning)],
        unread: [],
      });
      continue;
    }
    const { project, problems, unread } = await applyScenario(loaded.project, spec, readFile, manifest);
    // Base problems of a layer this scenario replaces do not concern it.
    const replaced = new Set(spec.layers.map((l) => l.id));
    const baseProblems = loaded.problems.filter((p) => !(p.layer !== undefined && replaced.has(p.layer)));
    out.push({
      id,
      name: spec.name,
      note: spec.note,
      project,
      problems: [...baseProblems, ...problems, ...others(id).map(asWarning)],
      unread,
    });
  }
  return { scenarios: out, unknown };
}

/**
 * The project with its manifest's scenarios read into it (core/scenarios.ts: the base active, each
 * scenario storing the layers it replaces), as the app keeps them. A scenario that cannot be read
 * is left out and its problems returned as warnings: the base opens all the same.
 */
export async function readScenariosIntoProject(
  loaded: { project: Project | null; problems: Problem[]; scenarios?: ScenarioList },
  readFile: (name: string) => Promise<Uint8Array>,
  manifest: string,
): Promise<{ project: Project | null; problems: Problem[] }> {
  const { project } = loaded;
  const list = loaded.scenarios;
  if (!project || !list || (list.scenarios.length === 0 && list.problems.length === 0))
    return { project, problems: loaded.problems };
  const problems: Problem[] = [...loaded.problems, ...list.problems.map(asWarningOf)];
  const entries: ProjectScenario[] = [];
  const layerIds: string[] = [];
  for (const spec of list.scenarios) {
    const read = await applyScenario(project, spec, readFile, manifest);
    problems.push(...read.problems.map(asWarningOf));
    if (read.unread.length) continue;
    const ids = new Set(spec.layers.map((l) => l.id));
    const layers = read.project.layers.filter((l) => ids.has(l.id));
    for (const l of layers) if (!layerIds.includes(l.id)) layerIds.push(l.id);
    entries.push({ id: spec.id, name: spec.name, note: spec.note, layers });
  }
  if (entries.length === 0) return { project, problems };
  return {
    project: {
      ...project,
      scenarios: {
        active: BASE_SCENARIO,
        layerIds,
        list: [{ id: BASE_SCENARIO, name: '基础方案', note: '', layers: [] }, ...entries],
      },
    },
    problems,
  };
}

const asWarningOf = (p: Problem): Problem => ({ ...p, severity: 'warning' });
