// NODE ONLY (the CLI and tests): loads a project from a folder or a manifest path on disk.
// Never import this from the page or a Worker; everything else in src/io is runtime-neutral.
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem, Project } from '../core/types.ts';
import { describeError, errorOf, ProblemError } from './problem.ts';
import { loadProject, type LoadedProject, type LoadProjectOptions } from './project.ts';
import { fileTooLarge, MAX_FILE_BYTES } from './read.ts';
import type { ByteSource } from './read-types.ts';
import { loadScenarios, type ScenarioList, type ScenarioLoad } from './scenarios.ts';

/** The answer when the manifest or its folder cannot be read. */
function unreadable(file: string, e: unknown): { project: null; problems: Problem[] } {
  if (e instanceof ProblemError) return { project: null, problems: [{ ...e.problem, file }] };
  return {
    project: null,
    problems: [errorOf('layer-file-missing', { layer: '—', file, detail: describeError(e) }, { file })],
  };
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return '文件夹 / a folder';
  if (s.isCharacterDevice()) return '字符设备 / a character device';
  if (s.isBlockDevice()) return '块设备 / a block device';
  if (s.isFIFO()) return '命名管道 / a FIFO';
  if (s.isSocket()) return '套接字 / a socket';
  return '特殊文件 / a special file';
}

/**
 * NODE ONLY: a file's bytes, checked before reading: regular files only (a device or FIFO such as
 * /dev/zero never ends), the size limit judged from stat, and the read itself stops at the limit
 * in case the file grows meanwhile. Refusals throw ProblemError with the problem to report.
 */
export async function readFileBytes(file: string, limit = MAX_FILE_BYTES): Promise<Uint8Array> {
  const source = await openFileSource(file, limit);
  try {
    return source.readAll();
  } finally {
    source.close();
  }
}

/**
 * NODE ONLY: a file to be read a window at a time (readLayerFile streams large GeoJSON from it, so
 * the file is never held whole), with readFileBytes's checks: a regular file within the limit, and
 * `readAll` stopping at the limit should it grow meanwhile.
 */
export async function openFileSource(file: string, limit = MAX_FILE_BYTES): Promise<ByteSource> {
  const info = await stat(file);
  if (!info.isFile()) throw new ProblemError(errorOf('not-a-regular-file', { kind: kindOf(info) }, { file }));
  if (info.size > limit) throw new ProblemError(fileTooLarge(file, info.size, limit));
  const fd = openSync(file, 'r');
  let open = true;
  return {
    size: fstatSync(fd).size,
    read: (into, position) => readSync(fd, into, 0, into.length, position),
    readAll: () => {
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        // one read for a file whose size stat told; small further reads only if it grew meanwhile
        const want = Math.min(limit + 1 - total, Math.max(64 * 1024, info.size + 1 - total));
        const buf = new Uint8Array(want);
        const n = readSync(fd, buf, 0, buf.length, total);
        if (n === 0) break;
        total += n;
        if (total > limit) throw new ProblemError(fileTooLarge(file, total, limit));
        chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      }
      if (chunks.length === 1) return chunks[0]!;
      const out = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return out;
    },
    close: () => {
      if (open) closeSync(fd);
      open = false;
    },
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
    text = new TextDecoder().decode(await readFileBytes(manifestPath));
  } catch (e) {
    return { loaded: unreadable(manifestPath, e) };
  }
  const dir = path.dirname(manifestPath);
  const readLayer = (name: string): Promise<Uint8Array> => readFileBytes(path.resolve(dir, name));
  // The command keeps its features to itself: polygons stay flat typed arrays (flat-coords.ts).
  // Layers are opened, not read: large GeoJSON is read a window at a time (openFileSource).
  const openLayer = (name: string): Promise<ByteSource> => openFileSource(path.resolve(dir, name));
  const loaded = await loadProject(text, openLayer, { flat: true, ...opts, manifestName: manifestPath });
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
    async (name) => {
      try {
        const info = await stat(path.resolve(path.dirname(manifestPath), name));
        return info.isFile() ? undefined : kindOf(info);
      } catch (e) {
        return describeError(e);
      }
    },
  );
  return { project, ...base, ...picked };
}

/**
 * NODE ONLY: the .dbf, .prj and .cpg beside a loose .shp (same name, extension in any case), so
 * `zonemap area out.shp` reads the Shapefile as GIS programs leave it. Each goes through the same
 * checked read as the .shp (regular file, size limit).
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
    if (name) out[ext] = await readFileBytes(path.join(dir, name));
  }
  return out;
}
