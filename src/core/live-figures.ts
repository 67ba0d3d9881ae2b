// Live figures while zone boundaries are edited (实时指标): the edited parts' areas and their change
// since the edit session began, the composition check, the townships and villages that gain or lose
// land, and the 三区三线 conflicts. The same functions as the report measure them (analyseZones, the
// constraint overlays of report-constraints.ts); what is incremental is which overlays are
// measured again: only the features of other layers whose box meets the part of the planned area
// that changed (shape-diff.ts), found with a Flatbush index. The rest keep their values.
import Flatbush from 'flatbush';
import type { BBox } from './bbox.ts';
import type { FeatureId } from './feature-ids.ts';
import { coverOf, layerUnion } from './layer-union.ts';
import { differenceArea, intersectionArea } from './overlay.ts';
import { overlayShapeOf } from './pole.ts';
import { featureName, makeContext } from './report-context.ts';
import type { Composition } from './report-types.ts';
import { analyseZones } from './report-zones.ts';
import { changedBox } from './shape-diff.ts';
import type { Shape } from './shape.ts';
import type { AreaMethod, Feature, Project, ProjectLayer, ZoneCategory } from './types.ts';
import { m2ToHa, m2ToKm2, m2ToMu } from './units.ts';
import type { Workspace } from './workspace.ts';

export interface LivePart {
  layer: string;
  featureId: FeatureId;
  name: string;
  category: ZoneCategory | 'unknown';
  area_m2: number;
  area_km2: number;
  area_mu: number;
  area_ha: number;
  /** its area when the edit session began (0: a new part) */
  before_m2: number;
  delta_m2: number;
  delta_mu: number;
  /** the part is gone (deleted since the session began) */
  removed?: true;
}

/** A township, village or other unit: its land inside the planned area before and now. */
export interface LiveUnit {
  layer: string;
  kind: string;
  featureId: FeatureId;
  name: string;
  before_m2: number;
  now_m2: number;
  delta_m2: number;
  delta_mu: number;
}

export interface LiveConstraint {
  layer: string;
  kind: string;
  /** overlap: planned ∩ layer (farmland, red line); outside: planned area outside the urban boundary */
  measure: 'overlap' | 'outside';
  before_m2: number;
  now_m2: number;
  delta_m2: number;
  delta_mu: number;
  /** features of the layer that the planned area did not touch before and touches now */
  newFeatures: number;
}

export interface LiveFigures {
  areaMethod: AreaMethod;
  /** zone parts changed since the session began */
  parts: LivePart[];
  composition: { before: Composition; now: Composition };
  /** admin units overlapping the planned area before or now, largest change first */
  admin: LiveUnit[];
  villages: LiveUnit[];
  constraints: LiveConstraint[];
  /** overlays measured for this answer and those kept from before (features of other layers) */
  work: { measured: number; kept: number };
}

/**
 * A layer's geometry as the overlays need it, per workspace: shapes and an index of their boxes. A
 * village given as a point has no land to gain or lose and is not measured here.
 */
interface LayerGeo {
  shapes: (Shape | undefined)[];
  index: Flatbush | null;
  /** the feature each index entry is */
  order: number[];
}

const geos = new WeakMap<readonly Feature[], Map<string, LayerGeo>>();

function layerGeo(layer: ProjectLayer, ws: Workspace): LayerGeo {
  let perWs = geos.get(layer.features);
  if (!perWs) {
    perWs = new Map();
    geos.set(layer.features, perWs);
  }
  const hit = perWs.get(ws.key);
  if (hit) return hit;
  const shapes =
    layer.role === 'constraint'
      ? coverOf(layer.features, ws).shapes
      : layer.features.map((f) => overlayShapeOf(f.geometry, ws));
  const order: number[] = [];
  shapes.forEach((s, i) => s && order.push(i));
  let index: Flatbush | null = null;
  if (order.length) {
    index = new Flatbush(order.length);
    for (const i of order) {
      const b = shapes[i]!.bbox;
      index.add(b[0], b[1], b[2], b[3]);
    }
    index.finish();
  }
  const geo = { shapes, index, order };
  perWs.set(ws.key, geo);
  return geo;
}

/** One layer measured against a planned area: per feature, its m² inside. */
interface Ledger {
  areas: Float64Array;
  /** a constraint layer whose features overlap one another: planned ∩ its union */
  union?: number;
  /** urban boundary: planned area outside it */
  outside?: number;
}

/** The overlays of one project version: its planned area and every other layer's ledger. */
interface OverlayState {
  planned: Shape | undefined;
  ledgers: Map<readonly Feature[], Ledger>;
}

const OVERLAY_ROLES: readonly ProjectLayer['role'][] = ['admin', 'village', 'constraint'];

const measureFeature = (geo: LayerGeo, i: number, planned: Shape, ws: Workspace): number =>
  intersectionArea(geo.shapes[i]!, planned, ws);

function measureLayer(
  layer: ProjectLayer,
  ws: Workspace,
  planned: Shape | undefined,
  prev: { ledger: Ledger; box: BBox | null } | undefined,
  work: LiveFigures['work'],
): Ledger {
  const geo = layerGeo(layer, ws);
  const n = layer.features.length;
  const cover = layer.role === 'constraint' ? coverOf(layer.features, ws) : undefined;
  const areas = new Float64Array(n);
  if (planned && !cover?.union) {
    if (prev && prev.box === null) {
      areas.set(prev.ledger.areas);
      work.kept += geo.order.length;
    } else if (prev && prev.box) {
      areas.set(prev.ledger.areas);
      const b = prev.box;
      const hits = geo.index ? geo.index.search(b[0], b[1], b[2], b[3]) : [];
      for (const k of hits) {
        const i = geo.order[k]!;
        areas[i] = measureFeature(geo, i, planned, ws);
      }
      work.measured += hits.length;
      work.kept += geo.order.length - hits.length;
    } else {
      for (const i of geo.order) areas[i] = measureFeature(geo, i, planned, ws);
      work.measured += geo.order.length;
    }
  }
  const ledger: Ledger = { areas };
  const unchanged = prev && prev.box === null;
  if (cover?.union)
    ledger.union = unchanged
      ? prev.ledger.union!
      : planned
        ? (work.measured++, intersectionArea(cover.union, planned, ws))
        : 0;
  if (layer.role === 'constraint' && (layer.kind ?? 'constraint') === 'urban-boundary') {
    if (unchanged && prev.ledger.outside !== undefined) ledger.outside = prev.ledger.outside;
    else if (!planned) ledger.outside = 0;
    else {
      const boundary = layerUnion(layer.features, ws);
      work.measured++;
      ledger.outside = boundary
        ? differenceArea(planned, boundary, ws)
        : Math.max(0, planned.area - (ledger.union ?? sumOf(areas)));
    }
  }
  return ledger;
}

/** Summed in feature order, as layerCoverInside sums, so the totals agree to the last bit. */
function sumOf(areas: Float64Array): number {
  let s = 0;
  for (const a of areas) s += a;
  return s;
}

/** A project version's figures, its overlays measured from `prev` where the layers are the same. */
interface Snapshot {
  zones: Map<string, { entry: ReturnType<typeof analyseZones>['zones'][number]; geometry: unknown }>;
  composition: Composition;
  state: OverlayState;
  layers: ProjectLayer[];
  ws: Workspace;
}

const zoneKey = (layer: string, id: FeatureId | undefined, index: number) =>
  `${layer}\u0000${id === undefined ? `#${index}` : String(id)}`;

function padFor(ws: Workspace): number {
  // Geodesic edges bulge beyond the lon/lat chord's box; 1e-4° (≈ 10 m) holds edges up to ~30 km.
  return ws.method === 'ellipsoidal' ? 1e-4 : 10;
}

function snapshot(
  project: Project,
  method: AreaMethod,
  prev: OverlayState | undefined,
  work: LiveFigures['work'],
): Snapshot {
  const ctx = makeContext(project, method);
  const { zones, composition, planned } = analyseZones(ctx);
  const byKey: Snapshot['zones'] = new Map();
  for (const z of zones) {
    const layer = project.layers.find((l) => l.id === z.layer)!;
    const f = layer.features[z.feature]!;
    byKey.set(zoneKey(z.layer, f.id, z.feature), { entry: z, geometry: f.geometry });
  }
  let box: BBox | null = null;
  if (prev) {
    const b = changedBox(prev.planned, planned);
    const pad = padFor(ctx.ws);
    box = b ? [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad] : null;
  }
  const ledgers = new Map<readonly Feature[], Ledger>();
  for (const layer of project.layers) {
    if (!OVERLAY_ROLES.includes(layer.role)) continue;
    const old = prev?.ledgers.get(layer.features);
    ledgers.set(
      layer.features,
      measureLayer(layer, ctx.ws, planned, old ? { ledger: old, box } : undefined, work),
    );
  }
  return { zones: byKey, composition, state: { planned, ledgers }, layers: project.layers, ws: ctx.ws };
}

/** What a tracker keeps between answers: the last overlays per workspace, the session's start. */
export interface LiveTracker {
  last: Map<string, OverlayState>;
  baseline: { layers: readonly ProjectLayer[]; method: AreaMethod; snap: Snapshot } | null;
}

export const createLiveTracker = (): LiveTracker => ({ last: new Map(), baseline: null });

const sameLayers = (a: readonly ProjectLayer[], b: readonly ProjectLayer[]) =>
  a.length === b.length && a.every((l, i) => l === b[i]);

const layersIn = (snap: Snapshot, role: ProjectLayer['role']) => snap.layers.filter((l) => l.role === role);

function units(before: Snapshot, now: Snapshot, role: 'admin' | 'village'): LiveUnit[] {
  const rows = new Map<string, LiveUnit>();
  const add = (snap: Snapshot, side: 'before_m2' | 'now_m2') => {
    for (const layer of layersIn(snap, role)) {
      const ledger = snap.state.ledgers.get(layer.features);
      if (!ledger) continue;
      ledger.areas.forEach((a, i) => {
        if (a <= 0) return;
        const f = layer.features[i]!;
        const key = zoneKey(layer.id, f.id, i);
        const row = rows.get(key) ?? {
          layer: layer.id,
          kind: layer.kind ?? '',
          featureId: f.id ?? i,
          name: featureName(layer, f, i),
          before_m2: 0,
          now_m2: 0,
          delta_m2: 0,
          delta_mu: 0,
        };
        row[side] = a;
        rows.set(key, row);
      });
    }
  };
  add(before, 'before_m2');
  add(now, 'now_m2');
  const out = [...rows.values()];
  for (const r of out) {
    r.delta_m2 = r.now_m2 - r.before_m2;
    r.delta_mu = m2ToMu(r.delta_m2);
  }
  return out.sort((a, b) => Math.abs(b.delta_m2) - Math.abs(a.delta_m2) || b.now_m2 - a.now_m2);
}

function constraintRows(before: Snapshot, now: Snapshot): LiveConstraint[] {
  const out: LiveConstraint[] = [];
  for (const layer of layersIn(now, 'constraint')) {
    const kind = layer.kind ?? 'constraint';
    const outside = kind === 'urban-boundary';
    const ledgerNow = now.state.ledgers.get(layer.features)!;
    const beforeLayer = before.layers.find((l) => l.id === layer.id && l.role === 'constraint');
    const ledgerBefore = beforeLayer ? before.state.ledgers.get(beforeLayer.features) : undefined;
    const figure = (l: Ledger | undefined) =>
      !l ? 0 : outside ? (l.outside ?? 0) : (l.union ?? sumOf(l.areas));
    const b = figure(ledgerBefore);
    const n = figure(ledgerNow);
    let newFeatures = 0;
    if (!outside && ledgerBefore && beforeLayer!.features === layer.features)
      ledgerNow.areas.forEach((a, i) => {
        if (a > 0.5 && !(ledgerBefore.areas[i]! > 0.5)) newFeatures++;
      });
    out.push({
      layer: layer.id,
      kind,
      measure: outside ? 'outside' : 'overlap',
      before_m2: b,
      now_m2: n,
      delta_m2: n - b,
      delta_mu: m2ToMu(n - b),
      newFeatures,
    });
  }
  return out;
}

function partRows(before: Snapshot, now: Snapshot): LivePart[] {
  const out: LivePart[] = [];
  const row = (
    z: NonNullable<ReturnType<Snapshot['zones']['get']>>['entry'],
    id: FeatureId,
    area: number,
    beforeArea: number,
  ): LivePart => ({
    layer: z.layer,
    featureId: id,
    name: z.name,
    category: z.category,
    area_m2: area,
    area_km2: m2ToKm2(area),
    area_mu: m2ToMu(area),
    area_ha: m2ToHa(area),
    before_m2: beforeArea,
    delta_m2: area - beforeArea,
    delta_mu: m2ToMu(area - beforeArea),
  });
  const idOf = (snap: Snapshot, z: { layer: string; feature: number }) =>
    snap.layers.find((l) => l.id === z.layer)?.features[z.feature]?.id ?? z.feature;
  for (const [key, { entry, geometry }] of now.zones) {
    const old = before.zones.get(key);
    if (old && old.geometry === geometry) continue;
    out.push(row(entry, idOf(now, entry), entry.area_m2, old?.entry.area_m2 ?? 0));
  }
  for (const [key, { entry }] of before.zones)
    if (!now.zones.has(key))
      out.push({ ...row(entry, idOf(before, entry), 0, entry.area_m2), removed: true });
  return out;
}

function measured(
  tracker: LiveTracker,
  project: Project,
  method: AreaMethod,
  work: LiveFigures['work'],
): Snapshot {
  const ws = makeContext(project, method).ws;
  const snap = snapshot(project, method, tracker.last.get(ws.key), work);
  tracker.last.set(ws.key, snap.state);
  return snap;
}

/**
 * The live figures of `current` against `baseline` (the project when the edit session began). The
 * tracker keeps what was measured, so the next call re-measures only what its edit touched.
 */
export function liveFigures(
  tracker: LiveTracker,
  baseline: Project,
  current: Project,
  method: AreaMethod = current.areaMethod ?? 'ellipsoidal',
): LiveFigures {
  const work = { measured: 0, kept: 0 };
  const b = tracker.baseline;
  let before: Snapshot;
  if (b && b.method === method && sameLayers(b.layers, baseline.layers)) before = b.snap;
  else {
    before = measured(tracker, baseline, method, work);
    tracker.baseline = { layers: baseline.layers, method, snap: before };
  }
  const now = measured(tracker, current, method, work);
  return {
    areaMethod: method,
    parts: partRows(before, now),
    composition: { before: before.composition, now: now.composition },
    admin: units(before, now, 'admin'),
    villages: units(before, now, 'village'),
    constraints: constraintRows(before, now),
    work,
  };
}
