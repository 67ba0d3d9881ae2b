// The project manifest (contract.md section 1) → a Project with every layer read, reprojected to
// lon/lat and its fields mapped. Works on any file source: a folder (Node), a drop, a bundle.
import { checkResolutions } from '../core/conflict-resolutions.ts';
import {
  LAYER_ROLES,
  type AreaMethod,
  type LayerRole,
  type Problem,
  type Project,
  type ProjectLayer,
} from '../core/types.ts';
import { resolveIoCrs } from './coords/crs-names.ts';
import { eachPosition } from './coords/detect.ts';
import { readManifestLayer, type LoadedLayer, type ManifestLayerSpec } from './manifest-layer.ts';
import { errorOf, warningOf, type IoProblem } from './problem.ts';
import { parsePresentation } from './presentation.ts';
import { parseJsonText } from './read-geojson.ts';
import type { ByteSource } from './read-types.ts';
import { parseScenarios, type ScenarioList } from './scenarios.ts';
import { unknownKeys } from '../core/unknown-keys.ts';

export const DEFAULT_INTENSITY_THRESHOLD = 120;

export type { LoadedLayer } from './manifest-layer.ts';

const KNOWN_TOP = new Set([
  'name',
  'crs',
  'areaMethod',
  'layers',
  'settings',
  'quotas',
  'resolutions',
  'presentation',
]);
// sourceCrs: written by project bundles, whose layers are stored in lon/lat, to remember the CRS a
// layer first came in (plane areas use its Gauss-Kruger zone).
const KNOWN_LAYER = new Set(['id', 'role', 'kind', 'file', 'crs', 'sourceCrs', 'fields']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function stringFields(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string' && val !== '') out[k] = val;
  return out;
}

/** Mean longitude of a layer's first positions: where the project is, for guessing a GK zone. */
function meanLongitude(layers: readonly ProjectLayer[]): number | undefined {
  let sum = 0;
  let n = 0;
  for (const layer of layers) {
    for (const f of layer.features.slice(0, 200)) {
      eachPosition(f.geometry, (p) => {
        if (typeof p[0] === 'number' && Math.abs(p[0]) <= 180) {
          sum += p[0];
          n++;
        }
        return false;
      });
    }
  }
  return n > 0 ? sum / n : undefined;
}

export interface LoadedProject {
  project: Project | null;
  problems: Problem[];
  /** the manifest's scenarios (contract §5), not yet read; absent when the manifest was unreadable */
  scenarios?: ScenarioList;
}

export interface LoadProjectOptions {
  manifestName?: string;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** large GeoJSON polygons as flat typed arrays (see ReadOptions.flat): the CLI's choice */
  flat?: boolean;
}

export async function loadProject(
  manifestText: string,
  readFile: (name: string) => Promise<Uint8Array | ByteSource>,
  opts: LoadProjectOptions = {},
): Promise<LoadedProject> {
  const manifestName = opts.manifestName ?? 'zonemap.json';
  const problems: IoProblem[] = [];
  const parsed = parseJsonText(manifestText.replace(/^\uFEFF/, ''), manifestName);
  if (!parsed.ok) return { project: null, problems: [parsed.problem] };
  const m = parsed.value;
  if (!isObject(m)) {
    return {
      project: null,
      problems: [
        errorOf('manifest-invalid', { detail: '顶层不是对象 / not an object' }, { file: manifestName }),
      ],
    };
  }

  let crs = 'EPSG:4326';
  if (m.crs !== undefined) {
    const info = typeof m.crs === 'string' ? resolveIoCrs(m.crs) : undefined;
    if (info) crs = typeof m.crs === 'string' ? m.crs : crs;
    else problems.push(errorOf('unknown-crs', { crs: String(m.crs).slice(0, 80) }, { file: manifestName }));
  }
  let areaMethod: AreaMethod = 'ellipsoidal';
  if (m.areaMethod === 'plane' || m.areaMethod === 'ellipsoidal') areaMethod = m.areaMethod;
  else if (m.areaMethod !== undefined) {
    problems.push(
      warningOf(
        'manifest-bad-value',
        {
          key: 'areaMethod',
          value: String(m.areaMethod),
          used: 'ellipsoidal',
          allowed: 'ellipsoidal 或/or plane',
        },
        { file: manifestName },
      ),
    );
  }

  const rawSettings = isObject(m.settings) ? m.settings : {};
  let threshold = DEFAULT_INTENSITY_THRESHOLD;
  const t = rawSettings.intensityThreshold_wan_per_mu;
  if (typeof t === 'number' && Number.isFinite(t) && t >= 0) threshold = t;
  else if (t !== undefined) {
    problems.push(
      warningOf(
        'manifest-bad-value',
        {
          key: 'settings.intensityThreshold_wan_per_mu',
          value: String(t),
          used: threshold,
          allowed: '非负数 / a number ≥ 0',
        },
        { file: manifestName },
      ),
    );
  }

  let quotas: Record<string, number> | undefined;
  if (isObject(m.quotas)) {
    quotas = {};
    for (const [park, v] of Object.entries(m.quotas)) {
      if (typeof v === 'number' && Number.isFinite(v)) quotas[park] = v;
      else
        problems.push(
          warningOf(
            'manifest-bad-value',
            { key: `quotas.${park}`, value: String(v), used: '—', allowed: '面积数值 (m²) / an area in m²' },
            { file: manifestName },
          ),
        );
    }
  }

  // The review's decisions (conflict-resolutions.ts): a mark that cannot be read is named and dropped.
  const marks = checkResolutions(m.resolutions);
  for (const id of marks.dropped)
    problems.push(
      warningOf(
        'manifest-bad-value',
        {
          key: `resolutions.${id}`,
          value: JSON.stringify(
            (m.resolutions as Record<string, unknown> | undefined)?.[id] ?? m.resolutions,
          ).slice(0, 80),
          used: '—',
          allowed:
            'decision 为 adjust-zone / adjust-other / accepted，date 为 YYYY-MM-DD / decision one of adjust-zone, adjust-other, accepted and date as YYYY-MM-DD',
        },
        { file: manifestName },
      ),
    );

  const rawLayers = Array.isArray(m.layers) ? m.layers : [];
  if (!Array.isArray(m.layers)) {
    problems.push(
      errorOf('manifest-invalid', { detail: '缺少 layers 数组 / no "layers" array' }, { file: manifestName }),
    );
  }
  const layers: LoadedLayer[] = [];
  const specs: ManifestLayerSpec[] = [];
  const usedIds = new Set<string>();
  for (let i = 0; i < rawLayers.length; i++) {
    if (opts.signal?.aborted) return { project: null, problems: [...problems, errorOf('aborted')] };
    const raw: unknown = rawLayers[i];
    const label = isObject(raw) && typeof raw.id === 'string' ? raw.id : `#${i + 1}`;
    if (!isObject(raw)) {
      problems.push(
        errorOf(
          'layer-invalid',
          { layer: label, detail: '不是对象 / not an object' },
          { file: manifestName },
        ),
      );
      continue;
    }
    const role = raw.role as LayerRole;
    if (!LAYER_ROLES.includes(role)) {
      problems.push(
        errorOf(
          'layer-invalid',
          { layer: label, detail: `role "${String(raw.role)}"，应为 / should be ${LAYER_ROLES.join(' ')}` },
          { file: manifestName, layer: label },
        ),
      );
      continue;
    }
    if (typeof raw.file !== 'string' || raw.file === '') {
      problems.push(
        errorOf(
          'layer-invalid',
          { layer: label, detail: '缺少 file / no "file"' },
          { file: manifestName, layer: label },
        ),
      );
      continue;
    }
    let id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : `${role}-${i + 1}`;
    if (usedIds.has(id)) {
      let k = 2;
      while (usedIds.has(`${id}-${k}`)) k++;
      problems.push(
        warningOf('duplicate-layer-id', { id, renamed: `${id}-${k}` }, { file: manifestName, layer: id }),
      );
      id = `${id}-${k}`;
    }
    usedIds.add(id);

    const spec: ManifestLayerSpec = {
      id,
      role,
      file: raw.file,
      ...(typeof raw.kind === 'string' ? { kind: raw.kind } : {}),
      ...(typeof raw.crs === 'string' ? { crs: raw.crs } : {}),
      ...(typeof raw.sourceCrs === 'string' ? { sourceCrs: raw.sourceCrs } : {}),
      fields: stringFields(raw.fields),
    };
    specs.push(spec);
    const layer = await readManifestLayer(
      spec,
      readFile,
      {
        defaultCrs: crs,
        hintLon: meanLongitude(layers),
        signal: opts.signal,
        onProgress: (f) => opts.onProgress?.((i + f) / rawLayers.length),
        flat: opts.flat,
      },
      problems,
    );
    if (!layer) continue;
    const extra = unknownKeys(raw, KNOWN_LAYER);
    if (extra) layer.extra = extra;
    layers.push(layer);
  }

  const project: Project = {
    name:
      typeof m.name === 'string' && m.name.trim() !== ''
        ? m.name
        : manifestName.replace(/\/?zonemap\.json$/i, '') || '未命名项目',
    crs,
    areaMethod,
    layers,
    settings: { ...rawSettings, intensityThreshold_wan_per_mu: threshold },
  };
  if (quotas) project.quotas = quotas;
  if (Object.keys(marks.resolutions).length) project.resolutions = marks.resolutions;
  const shown = parsePresentation(
    m.presentation,
    manifestName,
    layers.map((l) => l.id),
  );
  problems.push(...shown.problems);
  if (shown.presentation) project.presentation = shown.presentation;
  const extra = unknownKeys(m, KNOWN_TOP);
  if (extra) project.extra = extra;
  opts.onProgress?.(1);
  // Scenarios stay in `extra` as written, so saving the project keeps them; their files are read
  // only when a scenario is asked for (scenarios.ts).
  return { project, problems, scenarios: parseScenarios(m.scenarios, specs, manifestName) };
}
