// A whole project as one .zip: zonemap.json plus every layer as RFC 7946 GeoJSON. Layers are stored
// in lon/lat; the CRS each came in is kept as "sourceCrs" so plane areas still use the original zone.
import type { Problem, Project } from '../../core/types.ts';
import { errorOf } from '../problem.ts';
import { loadProject } from '../project.ts';
import { presentationJson } from '../presentation.ts';
import type { LoadedLayer } from '../project.ts';
import { decodeText } from '../text-encoding.ts';
import { unzipSync, zipFiles, zipProblemParams } from '../zip.ts';
import { toGeoJsonText } from './geojson.ts';

export const BUNDLE_MANIFEST = 'zonemap.json';

function safeFileName(id: string, used: Set<string>): string {
  let base = id.replace(/[\\/:*?"<>|\s]/g, '_') || 'layer';
  for (let k = 2; used.has(`${base}.geojson`); k++) base = `${base}_${k}`;
  used.add(`${base}.geojson`);
  return `${base}.geojson`;
}

export function bundleManifest(project: Project, fileNames: string[]): Record<string, unknown> {
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
  });
  return manifest;
}

export async function writeProjectBundle(project: Project): Promise<Uint8Array> {
  const used = new Set<string>([BUNDLE_MANIFEST]);
  const names = project.layers.map((l) => safeFileName(l.id, used));
  const files: [string, string][] = [
    [BUNDLE_MANIFEST, JSON.stringify(bundleManifest(project, names), null, 2)],
  ];
  project.layers.forEach((layer, i) => files.push([names[i]!, toGeoJsonText(layer.features)]));
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
  return loadProject(decodeText(files.get(manifestPath)!).text, readFile, { manifestName: manifestPath });
}
