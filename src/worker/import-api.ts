// What the import worker does: read a file (any format io knows), then check its geometry, all off
// the page's thread. A cancel terminates the worker, which stops even a long JSON.parse.
import type { Feature } from 'geojson';
import { plainFeatures } from '../core/flat-coords.ts';
import type { Problem, Project } from '../core/types.ts';
import { loadProjectBundle } from '../io/export/project-bundle.ts';
import { ProblemError } from '../io/problem.ts';
import { loadProject } from '../io/project.ts';
import { readScenariosIntoProject } from '../io/scenarios.ts';
import { listZip, looksLikeZip } from '../io/zip.ts';
import { fileTooLarge, MAX_FILE_BYTES, readLayerFile, type ReadOptions } from '../io/read.ts';
import { featureProblems } from '../io/validate-file.ts';
import { layerSize, layerTooLargeProblem, overBudget } from '../state/layer-budget.ts';
import { featuresOffsetToWgs84, swapAxes, type OffsetSystem } from '../io/coords/offset-systems.ts';

export interface ImportOptions {
  crs?: string;
  defaultCrs?: string;
  hintLon?: number;
  encoding?: ReadOptions['encoding'];
  /** the data is in an offset system (AMap/Tencent GCJ-02, Baidu BD-09) */
  offset?: OffsetSystem;
  /** the file has northing first (CAD, some shapefiles) */
  swapAxes?: boolean;
}

export interface ImportResult {
  features: Feature[];
  crs: string;
  format?: string;
  problems: Problem[];
}

/**
 * Features cross to the page in batches so no single message blocks it for long: copying in a
 * message of 10 000 parcels, and the garbage collection after it, held the page 60–130 ms on the
 * bench machine (`npm run bench:browser`); 2 500 a quarter of that.
 */
export const FEATURE_BATCH = 2_500;

/**
 * Reads and checks a file. With `onFeatures`, the features are handed over batch by batch, in
 * order, all answered before the result, and the result's `features` is empty; the page
 * concatenates the batches.
 */
export async function importFile(
  file: Blob & { name: string },
  opts: ImportOptions,
  onProgress?: (fraction: number) => void,
  onFeatures?: (batch: Feature[]) => Promise<void> | void,
): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) {
    return { features: [], crs: opts.crs ?? 'EPSG:4326', problems: [fileTooLarge(file.name, file.size)] };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  onProgress?.(0.05);
  const read = await readLayerFile(file.name, bytes, {
    crs: opts.crs,
    defaultCrs: opts.defaultCrs,
    hintLon: opts.hintLon,
    encoding: opts.encoding,
    onProgress: (f) => onProgress?.(0.05 + f * 0.8),
    // Numbers straight into typed arrays and reprojected in one pass over them; the features are
    // made plain GeoJSON at once, as the page, the checks and the store expect.
    flat: true,
  });
  read.features = plainFeatures(read.features);
  // Above what the tab can hold, the layer is refused here: nothing crosses to the page, nothing
  // is checked further or saved, and the message says the limit.
  const size = layerSize(read.features);
  if (overBudget(size)) {
    onProgress?.(1);
    return {
      features: [],
      crs: read.crs,
      format: read.format,
      problems: [layerTooLargeProblem(file.name, size)],
    };
  }
  let features = read.features;
  if (opts.swapAxes) features = swapAxes(features);
  if (opts.offset) features = featuresOffsetToWgs84(features, opts.offset);
  const problems: Problem[] = [
    ...read.problems,
    ...featureProblems({ features, problems: read.problems, crs: read.crs }, { file: file.name }),
  ];
  if (onFeatures) {
    // Sent one after another without waiting for each answer: the page copies each message in as a
    // task of its own (frames go on between them), while a round trip per batch adds up on a busy
    // machine (120 of them for 300 000 parcels). All are answered before the result goes.
    const handed: (Promise<void> | void)[] = [];
    for (let i = 0; i < features.length; i += FEATURE_BATCH)
      handed.push(onFeatures(features.slice(i, i + FEATURE_BATCH)));
    await Promise.all(handed);
    features = [];
  }
  onProgress?.(1);
  return { features, crs: read.crs, format: read.format, problems };
}

export interface BundleResult {
  /** false: the zip is not a zonemap project bundle (import it as a layer instead) */
  bundle: boolean;
  project: Project | null;
  problems: Problem[];
}

/**
 * Opens a project bundle (.zip holding zonemap.json) here in the worker, so the page never unpacks
 * a zip: only the archive's directory is read to tell a bundle from a zipped Shapefile.
 */
export async function openBundle(file: Blob & { name: string }): Promise<BundleResult> {
  if (file.size > MAX_FILE_BYTES)
    return { bundle: true, project: null, problems: [fileTooLarge(file.name, file.size)] };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let names: string[];
  try {
    names = looksLikeZip(bytes) ? listZip(bytes) : [];
  } catch {
    names = []; // a damaged zip is reported by the layer reader, which names what is wrong
  }
  if (!names.some((n) => n.split('/').pop() === 'zonemap.json'))
    return { bundle: false, project: null, problems: [] };
  const { project, problems } = refuseOversized(await loadProjectBundle(bytes, file.name));
  return { bundle: true, project, problems };
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * A project holding a layer above the tab's budget is refused whole here in the worker, before its
 * features are sent to the page, drawn or saved.
 */
function refuseOversized(opened: { project: Project | null; problems: Problem[] }): {
  project: Project | null;
  problems: Problem[];
} {
  if (!opened.project) return opened;
  const refused: Problem[] = [];
  for (const l of opened.project.layers) {
    const size = layerSize(l.features);
    if (overBudget(size)) refused.push(layerTooLargeProblem(l.file, size));
  }
  return refused.length ? { project: null, problems: refused } : opened;
}

/**
 * Opens a zonemap.json with the layer files chosen beside it, here in the worker: its layers may be
 * zips, and zips are unpacked only in the worker. Each file is held to the size limit first.
 */
export async function openManifest(
  manifest: Blob & { name: string },
  files: (Blob & { name: string })[],
  /** each file's path in the folder chosen (webkitRelativePath), when a folder was chosen */
  paths: string[] = [],
): Promise<{ project: Project | null; problems: Problem[] }> {
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  // Paths relative to the manifest's folder: scenario files (scenarios/<id>/zones.geojson) share
  // their base names with the base layers' files, so they are found by their path only.
  // (the manifest arrives as its own copy: found among the paths by its name, the shallowest)
  const manifestPath =
    paths.filter((p) => baseName(p) === baseName(manifest.name)).sort((a, b) => a.length - b.length)[0] ?? '';
  const dir = manifestPath.slice(0, manifestPath.length - baseName(manifestPath).length);
  const byPath = new Map<string, Blob & { name: string }>();
  files.forEach((f, i) => {
    const p = paths[i];
    if (p && p.startsWith(dir)) byPath.set(p.slice(dir.length), f);
  });
  const bytesOf = async (name: string, f: (Blob & { name: string }) | undefined) => {
    if (!f) throw new Error(`${name}: 未随 zonemap.json 一起选择，请把项目文件夹里的所有文件一起选中`);
    if (f.size > MAX_FILE_BYTES) throw new ProblemError(fileTooLarge(name, f.size));
    return new Uint8Array(await f.arrayBuffer());
  };
  const clean = (name: string) => name.replace(/\\/g, '/').replace(/^\.\//, '');
  // Base layers as before (by base name when the path is not known), their own path first.
  const opened = await loadProject(
    await manifest.text(),
    (name) => bytesOf(name, byPath.get(clean(name)) ?? byName.get(baseName(name))),
    { manifestName: manifest.name },
  );
  const withScenarios = await readScenariosIntoProject(
    opened,
    (name) =>
      bytesOf(
        name,
        byPath.get(clean(name)) ?? (clean(name).includes('/') ? undefined : byName.get(clean(name))),
      ),
    manifest.name,
  );
  return refuseOversized(withScenarios);
}
