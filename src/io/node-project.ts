// NODE ONLY (the CLI and tests): loads a project from a folder or a manifest path on disk.
// Never import this from the page or a Worker; everything else in src/io is runtime-neutral.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem, Project } from '../core/types.ts';
import { describeError, errorOf } from './problem.ts';
import { loadProject, type LoadedProject, type LoadProjectOptions } from './project.ts';
import { loadScenarios, type ScenarioList, type ScenarioLoad } from './scenarios.ts';

/** The answer when the manifest or its folder cannot be read. */
function unreadable(file: string, e: unknown): { project: null; problems: Problem[] } {
  return {
    project: null,
    problems: [errorOf('layer-file-missing', { layer: '—', file, detail: describeError(e) }, { file })],
  };
}

export async function loadProjectFromPath(
  dirOrManifest: string,
  opts: Omit<LoadProjectOptions, 'manifestName'> = {},
): Promise<LoadedProject & { manifestPath?: string }> {
  return (await openProject(dirOrManifest, opts)).loaded;
}

async function openProject(
  dirOrManifest: string,
  opts: Omit<LoadProjectOptions, 'manifestName'>,
): Promise<{
  loaded: LoadedProject & { manifestPath?: string };
  readLayer?: (name: string) => Promise<Uint8Array>;
}> {
  let manifestPath = dirOrManifest;
  try {
    if ((await stat(dirOrManifest)).isDirectory()) manifestPath = path.join(dirOrManifest, 'zonemap.json');
  } catch (e) {
    return { loaded: unreadable(dirOrManifest, e) };
  }
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (e) {
    return { loaded: unreadable(manifestPath, e) };
  }
  const dir = path.dirname(manifestPath);
  const readLayer = async (name: string): Promise<Uint8Array> =>
    new Uint8Array(await readFile(path.resolve(dir, name)));
  const loaded = await loadProject(text, readLayer, { ...opts, manifestName: manifestPath });
  return { loaded: { ...loaded, manifestPath }, readLayer };
}

/**
 * NODE ONLY: a project's scenarios by id (contract §5; `base` is the project itself). `project` is
 * null when the manifest cannot be read; `unknown` lists requested ids the manifest does not have.
 */
export async function loadScenariosFromPath(
  dirOrManifest: string,
  ids: readonly string[],
): Promise<{
  project: Project | null;
  problems: Problem[];
  list?: ScenarioList;
  manifestPath?: string;
  scenarios: ScenarioLoad[];
  unknown: string[];
}> {
  const { loaded, readLayer } = await openProject(dirOrManifest, {});
  const { project, problems, scenarios: list, manifestPath } = loaded;
  const base = { problems, ...(list ? { list } : {}), ...(manifestPath ? { manifestPath } : {}) };
  if (!project || !readLayer || !manifestPath) return { project: null, ...base, scenarios: [], unknown: [] };
  const picked = await loadScenarios(
    { project, problems, ...(list ? { scenarios: list } : {}) },
    ids,
    readLayer,
    manifestPath,
  );
  return { project, ...base, ...picked };
}

/** NODE ONLY: reads one file's bytes for the CLI. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(file));
}
