// NODE ONLY (the CLI and tests): loads a project from a folder or a manifest path on disk.
// Never import this from the page or a Worker; everything else in src/io is runtime-neutral.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem, Project } from '../core/types.ts';
import { describeError, errorOf } from './problem.ts';
import { loadProject, type LoadProjectOptions } from './project.ts';

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
): Promise<{ project: Project | null; problems: Problem[] }> {
  let manifestPath = dirOrManifest;
  try {
    if ((await stat(dirOrManifest)).isDirectory()) manifestPath = path.join(dirOrManifest, 'zonemap.json');
  } catch (e) {
    return unreadable(dirOrManifest, e);
  }
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (e) {
    return unreadable(manifestPath, e);
  }
  const dir = path.dirname(manifestPath);
  const readLayer = async (name: string): Promise<Uint8Array> =>
    new Uint8Array(await readFile(path.resolve(dir, name)));
  return loadProject(text, readLayer, { ...opts, manifestName: manifestPath });
}

/**
 * NODE ONLY: the .dbf, .prj and .cpg beside a loose .shp (same name, extension in any case), so
 * `zonemap area out.shp` reads the Shapefile as GIS programs leave it.
 */
export async function readShapefileSidecars(
  shpPath: string,
): Promise<{ dbf?: Uint8Array; prj?: Uint8Array; cpg?: Uint8Array }> {
  if (!/\.shp$/i.test(shpPath)) return {};
  const dir = path.dirname(shpPath);
  const stem = path.basename(shpPath).replace(/\.shp$/i, '');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return {};
  }
  const out: { dbf?: Uint8Array; prj?: Uint8Array; cpg?: Uint8Array } = {};
  for (const ext of ['dbf', 'prj', 'cpg'] as const) {
    const name =
      names.find((n) => n === `${stem}.${ext}`) ??
      names.find((n) => n.toLowerCase() === `${stem}.${ext}`.toLowerCase());
    if (name) out[ext] = new Uint8Array(await readFile(path.join(dir, name)));
  }
  return out;
}

/** NODE ONLY: reads one file's bytes for the CLI. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(file));
}
