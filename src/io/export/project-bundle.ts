// A whole project as one .zip: zonemap.json plus every layer as RFC 7946 GeoJSON. Layers are stored
// in lon/lat; the CRS each came in is kept as "sourceCrs" so plane areas still use the original zone.
import { BASE_SCENARIO_ID, scenarioLayer, scenarioProject, scenariosOf } from '../../core/scenarios.ts';
import type { Problem, Project, ProjectLayer } from '../../core/types.ts';
import { errorOf } from '../problem.ts';
import { loadProject } from '../project.ts';
import { readScenariosIntoProject } from '../scenarios.ts';
import { presentationJson } from '../presentation.ts';
import type { LoadedLayer } from '../project.ts';
import { decodeText } from '../text-encoding.ts';
import { unzipSync, zipFiles, zipProblemParams } from '../zip.ts';
import { toGeoJsonText } from './geojson.ts';

export const BUNDLE_MANIFEST = 'zonemap.json';

function safeFileName(id: string, used: Set<string>, dir = ''): string {
  const stem = id.replace(/[\\/:*?"<>|\s]/g, '_') || 'layer';
  let base = stem;
  for (let k = 2; used.has(`${dir}${base}.geojson`); k++) base = `${stem}_${k}`;
  used.add(`${dir}${base}.geojson`);
  return `${base}.geojson`;
}

/** A scenario's layers as the bundle holds them: the file of each layer it changes. */
export interface BundleScenario {
  id: string;
  name: string;
  note: string;
  layers: { layer: ProjectLayer; file: string }[];
}

/**
 * The manifest of a bundle; `project` is the base (its scenario record, if any, is not read here:
 * `scenarios` lists what to write, contract §5).
 */
export function bundleManifest(
  project: Project,
  fileNames: string[],
  scenarios: BundleScenario[] = [],
): Record<string, unknown> {
  const manifest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(project.extra ?? {})) {
    Object.defineProperty(manifest, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  Object.assign(manifest, {
    name: project.name,
    crs: 'EPSG:4326',
    areaMethod: project.areaMethod,
    settings: project.settings,
    ...(project.quotas ? { quotas: project.quotas } : {}),
    ...(project.resolutions ? { resolutions: project.resolutions } : {}),
    ...(project.presentation ? { presentation: presentationJson(project.presentation) } : {}),
    layers: project.layers.map((layer: LoadedLayer, i) => ({
      ...(layer.extra ?? {}),
      id: layer.id,
      role: layer.role,
      ...(layer.kind ? { kind: layer.kind } : {}),
      file: fileNames[i],
      crs: 'EPSG:4326',
      sourceCrs: layer.crs,
      fields: layer.fields,
    })),
    ...(scenarios.length
      ? {
          scenarios: scenarios.map((sc) => ({
            id: sc.id,
            name: sc.name,
            note: sc.note,
            layers: Object.fromEntries(
              sc.layers.map(({ layer, file }) => [
                layer.id,
                { file, crs: 'EPSG:4326', sourceCrs: layer.crs, fields: layer.fields },
              ]),
            ),
          })),
        }
      : {}),
  });
  return manifest;
}

/**
 * The scenarios of a project as bundle files: each scenario's version of a scenario layer that is
 * not the base's own, under scenarios/<id>/. The base is the manifest's layers.
 */
function bundleScenarios(project: Project, used: Set<string>): BundleScenario[] {
  const sc = scenariosOf(project);
  return sc.list
    .filter((s) => s.id !== BASE_SCENARIO_ID)
    .map((s) => {
      const dir = `scenarios/${s.id.replace(/[\\/:*?"<>|\s]/g, '_')}/`;
      const layers = sc.layerIds.flatMap((id) => {
        // A scenario layer removed from the project has no base layer to stand for.
        if (!project.layers.some((l) => l.id === id)) return [];
        const layer = scenarioLayer(project, s.id, id);
        if (!layer || layer === scenarioLayer(project, BASE_SCENARIO_ID, id)) return [];
        return [{ layer, file: dir + safeFileName(id, used, dir) }];
      });
      return { id: s.id, name: s.name, note: s.note, layers };
    });
}

/** The project as a bundle: its base layers, and each scenario's layers under scenarios/<id>/. */
export async function writeProjectBundle(project: Project): Promise<Uint8Array> {
  const used = new Set<string>([BUNDLE_MANIFEST]);
  const base = scenarioProject(project, BASE_SCENARIO_ID);
  const names = base.layers.map((l) => safeFileName(l.id, used));
  const scenarios = bundleScenarios(project, used);
  const files: [string, string][] = [
    [BUNDLE_MANIFEST, JSON.stringify(bundleManifest(base, names, scenarios), null, 2)],
  ];
  base.layers.forEach((layer, i) => files.push([names[i]!, toGeoJsonText(layer.features)]));
  for (const sc of scenarios)
    for (const { layer, file } of sc.layers) files.push([file, toGeoJsonText(layer.features)]);
  return zipFiles(files);
}

/** Reads a bundle written by writeProjectBundle (or any zip holding a zonemap.json and its files). */
export async function loadProjectBundle(
  bytes: Uint8Array,
  file?: string,
): Promise<{ project: Project | null; problems: Problem[] }> {
  let files: Map<string, Uint8Array>;
  try {
    files = unzipSync(bytes).files;
  } catch (e) {
    const { code, params } = zipProblemParams(e);
    return { project: null, problems: [errorOf(code, params, file ? { file } : {})] };
  }
  const manifestPath = [...files.keys()]
    .filter((n) => n.split('/').pop() === BUNDLE_MANIFEST)
    .sort((a, b) => a.length - b.length)[0];
  if (!manifestPath) return { project: null, problems: [errorOf('not-a-bundle')] };
  const dir = manifestPath.slice(0, manifestPath.length - BUNDLE_MANIFEST.length);
  const readFile = async (name: string): Promise<Uint8Array> => {
    const data = files.get(dir + name.replace(/^\.\//, ''));
    if (!data) throw new Error(`${name} is not in the bundle`);
    return data;
  };
  const loaded = await loadProject(decodeText(files.get(manifestPath)!).text, readFile, {
    manifestName: manifestPath,
  });
  return readScenariosIntoProject(loaded, readFile, manifestPath);
}
