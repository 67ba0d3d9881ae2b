// Checks a project read back from IndexedDB before anything draws it. Storage can hold anything
// (an older or newer version, a half-written record, a hand edit): each damaged part is named and
// left out, and what remains is a project that the app can open or export.
import type { Feature } from 'geojson';
import { DEFAULT_INTENSITY_THRESHOLD } from '../core/intensity.ts';
import { parseSavedPresentation } from '../core/presentation-read.ts';
import { checkResolutions } from '../core/conflict-resolutions.ts';
import {
  LAYER_ROLES,
  type LayerRole,
  type Project,
  type ProjectLayer,
  type ProjectScenario,
  type ProjectScenarios,
} from '../core/types.ts';

export type SavedIssue =
  | { code: 'not-a-project'; detail: string }
  | { code: 'layer-not-object'; index: number }
  | { code: 'layer-no-id'; index: number }
  | { code: 'layer-bad-role'; layer: string; role: string }
  | { code: 'layer-missing'; layer: string }
  | { code: 'features-missing'; layer: string }
  | { code: 'bad-features'; layer: string; count: number; first: number; why: string }
  | { code: 'layer-too-large'; layer: string; features: number }
  | { code: 'scenario-damaged'; scenario: string; why: string }
  /** a slide (number from 1, or '—' for the whole presentation) that could not be read back */
  | { code: 'slide-damaged'; slide: number | '—'; why: string }
  /** review marks (conflict decisions) that could not be read back: their conflict ids */
  | { code: 'marks-damaged'; count: number; first: string };

export interface CheckedProject {
  /** null when nothing of a project could be recovered */
  project: Project | null;
  issues: SavedIssue[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function positionProblem(p: unknown): string | undefined {
  if (!Array.isArray(p) || p.length < 2) return 'a position is not [lon, lat]';
  const [x, y] = p as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
    return 'a coordinate is not a finite number';
  if (Math.abs(x) > 180 || Math.abs(y) > 90) return `a coordinate is outside ±180/±90 (${x}, ${y})`;
  return undefined;
}

/** Checks nested position arrays of a known depth without recursion (depth 0 = one position). */
function coordinatesProblem(c: unknown, depth: number): string | undefined {
  let level: unknown[] = [c];
  for (let d = depth; d > 0; d--) {
    const next: unknown[] = [];
    for (const a of level) {
      if (!Array.isArray(a)) return 'coordinates are not nested arrays';
      for (const b of a as unknown[]) next.push(b);
    }
    level = next;
  }
  for (const p of level) {
    const why = positionProblem(p);
    if (why) return why;
  }
  return undefined;
}

const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function geometryProblem(g: unknown, nesting = 0): string | undefined {
  if (g === null) return undefined;
  if (!isObject(g)) return 'the geometry is not an object';
  if (g.type === 'GeometryCollection') {
    if (nesting > 4 || !Array.isArray(g.geometries)) return 'a geometry collection is malformed';
    for (const part of g.geometries as unknown[]) {
      const why = geometryProblem(part, nesting + 1);
      if (why) return why;
    }
    return undefined;
  }
  const depth = typeof g.type === 'string' ? DEPTH[g.type] : undefined;
  if (depth === undefined) return `unknown geometry type ${JSON.stringify(String(g.type)).slice(0, 40)}`;
  return coordinatesProblem(g.coordinates, depth);
}

export function featureProblem(f: unknown): string | undefined {
  if (!isObject(f)) return 'the feature is not an object';
  if (f.properties !== undefined && f.properties !== null && !isObject(f.properties))
    return 'the properties are not an object';
  if (!('geometry' in f)) return 'the feature has no geometry member';
  return geometryProblem(f.geometry);
}

const text = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);

function checkLayer(raw: unknown, index: number, issues: SavedIssue[]): ProjectLayer | null {
  if (!isObject(raw)) {
    issues.push({ code: 'layer-not-object', index });
    return null;
  }
  if (typeof raw.id !== 'string' || raw.id === '') {
    issues.push({ code: 'layer-no-id', index });
    return null;
  }
  const id = raw.id;
  if (!LAYER_ROLES.includes(raw.role as LayerRole)) {
    issues.push({ code: 'layer-bad-role', layer: id, role: String(raw.role).slice(0, 40) });
    return null;
  }
  if (!Array.isArray(raw.features)) {
    issues.push({ code: 'features-missing', layer: id });
    return null;
  }
  const features: Feature[] = [];
  let bad = 0;
  let first = -1;
  let why = '';
  (raw.features as unknown[]).forEach((f, i) => {
    const problem = featureProblem(f);
    if (problem) {
      if (bad++ === 0) {
        first = i;
        why = problem;
      }
    } else {
      const feature = f as Feature;
      features.push(feature.type === 'Feature' ? feature : { ...feature, type: 'Feature' });
    }
  });
  if (bad > 0) issues.push({ code: 'bad-features', layer: id, count: bad, first, why });
  const fields: Record<string, string> = {};
  if (isObject(raw.fields))
    for (const [k, v] of Object.entries(raw.fields)) if (typeof v === 'string') fields[k] = v;
  return {
    id,
    ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
    role: raw.role as LayerRole,
    ...(typeof raw.kind === 'string' ? { kind: raw.kind } : {}),
    file: text(raw.file, id),
    crs: text(raw.crs, 'EPSG:4326'),
    fields,
    features,
  };
}

/**
 * `meta` is the saved project without its layers; `layers` the records listed by `layerIds`
 * (undefined where a record is missing).
 */
export function checkSavedProject(
  meta: unknown,
  layerIds: readonly unknown[],
  layers: readonly unknown[],
  maxFeatures = Infinity,
): CheckedProject {
  const issues: SavedIssue[] = [];
  if (!isObject(meta)) return { project: null, issues: [{ code: 'not-a-project', detail: typeof meta }] };
  const out: ProjectLayer[] = [];
  const seen = new Set<string>();
  layers.forEach((raw, i) => {
    if (raw === undefined) {
      issues.push({ code: 'layer-missing', layer: String(layerIds[i]) });
      return;
    }
    const layer = checkLayer(raw, i, issues);
    if (!layer || seen.has(layer.id)) return;
    seen.add(layer.id);
    if (layer.features.length > maxFeatures)
      issues.push({ code: 'layer-too-large', layer: layer.id, features: layer.features.length });
    out.push(layer);
  });
  const settings = isObject(meta.settings) ? meta.settings : {};
  const threshold = settings.intensityThreshold_wan_per_mu;
  const project: Project = {
    name: text(meta.name, 'zonemap'),
    crs: text(meta.crs, 'EPSG:4326'),
    areaMethod: meta.areaMethod === 'plane' ? 'plane' : 'ellipsoidal',
    layers: out,
    settings: {
      ...settings,
      intensityThreshold_wan_per_mu:
        typeof threshold === 'number' && Number.isFinite(threshold) && threshold >= 0
          ? threshold
          : DEFAULT_INTENSITY_THRESHOLD,
    },
    ...(isObject(meta.quotas) ? { quotas: meta.quotas as Record<string, number> } : {}),
    ...(isObject(meta.extra) ? { extra: meta.extra } : {}),
  };
  const scenarios = checkScenarios(meta.scenarios, out, issues);
  if (scenarios) project.scenarios = scenarios;
  // The review's marks and the slides: a damaged one is named and left out, the others kept. A
  // slide's value that only names a layer removed since (a warning) is dropped without a word.
  const marks = checkResolutions(meta.resolutions);
  if (Object.keys(marks.resolutions).length) project.resolutions = marks.resolutions;
  if (marks.dropped.length)
    issues.push({ code: 'marks-damaged', count: marks.dropped.length, first: marks.dropped[0]! });
  const shown = parseSavedPresentation(
    meta.presentation,
    out.map((l) => l.id),
  );
  if (shown.presentation) project.presentation = shown.presentation;
  for (const p of shown.issues)
    if (p.severity === 'error')
      issues.push({
        code: 'slide-damaged',
        slide: typeof p.params.slide === 'number' ? p.params.slide : '—',
        why: String(p.params.detail ?? p.code),
      });
  return { project, issues };
}

/**
 * The saved scenario record (core/scenarios.ts), each scenario's layers checked as the project's
 * are. A damaged scenario is named and left out; when the one being worked on is damaged, its
 * layers are the project's own and the record falls back to it as the base.
 */
function checkScenarios(
  raw: unknown,
  layers: readonly ProjectLayer[],
  issues: SavedIssue[],
): ProjectScenarios | undefined {
  if (raw === undefined) return undefined;
  const damaged = (scenario: string, why: string) => issues.push({ code: 'scenario-damaged', scenario, why });
  if (!isObject(raw) || !Array.isArray(raw.list) || !Array.isArray(raw.layerIds)) {
    damaged('—', 'not a scenario list');
    return undefined;
  }
  const layerIds = (raw.layerIds as unknown[]).filter((id): id is string => typeof id === 'string');
  const list: ProjectScenario[] = [];
  (raw.list as unknown[]).forEach((s, i) => {
    if (!isObject(s) || typeof s.id !== 'string' || s.id === '' || !Array.isArray(s.layers)) {
      damaged(isObject(s) && typeof s.id === 'string' ? s.id : `#${i + 1}`, 'no id or layer list');
      return;
    }
    if (list.some((x) => x.id === s.id)) return damaged(s.id, 'the id is used twice');
    const own: SavedIssue[] = [];
    const checked = (s.layers as unknown[]).map((l, k) => checkLayer(l, k, own));
    if (own.length || checked.some((l) => !l || !layerIds.includes(l.id)))
      return damaged(s.id, own.length ? `${own.length} damaged layers` : 'a layer is not a scenario layer');
    list.push({
      id: s.id,
      name: text(s.name, s.id),
      note: text(s.note, ''),
      layers: checked as ProjectLayer[],
    });
  });
  const base = list.find((s) => s.id === 'base');
  let active = typeof raw.active === 'string' ? raw.active : 'base';
  if (!list.some((s) => s.id === active)) active = 'base';
  // An inactive base must hold every scenario layer the project has; else the base is unknown.
  if (
    !base ||
    (active !== 'base' &&
      layers.some((l) => layerIds.includes(l.id) && !base.layers.some((b) => b.id === l.id)))
  ) {
    damaged('base', 'the base scenario is missing');
    return undefined;
  }
  return { active, layerIds, list };
}

/** A saved record of the first format (one object holding the whole project). */
export function checkLegacyRecord(record: unknown, maxFeatures = Infinity): CheckedProject {
  if (!isObject(record) || !isObject(record.project))
    return { project: null, issues: [{ code: 'not-a-project', detail: 'no project in the record' }] };
  const { layers, ...meta } = record.project;
  if (!Array.isArray(layers))
    return { project: null, issues: [{ code: 'not-a-project', detail: 'the project has no layer list' }] };
  return checkSavedProject(
    meta,
    layers.map((l: unknown) => (isObject(l) ? l.id : undefined)),
    layers,
    maxFeatures,
  );
}
