// The three-plan review (三规合一): every piece of the planned area where two plans disagree, or where
// a plan's construction land meets basic farmland or the ecological red line or lies outside the urban
// development boundary; with its area in both methods, township, village, classes and the rule that
// made it. Candidate pairs come from an R-tree; the compatibility table is asked before any geometry
// is made, and only conflicting pairs are clipped (polyclip), so agreeing land costs one box test.
import Flatbush from 'flatbush';
import { bboxesMeet } from './bbox.ts';
import {
  CONSTRAINT_SIDES,
  DEFAULT_RULES,
  decide,
  projectRules,
  type ClassSide,
  type Decision,
} from './compatibility.ts';
import { geohash } from './conflict-id.ts';
import { fieldText } from './fields.ts';
import { ellipsoidalRingArea } from './geodesic-area.ts';
import { catalogueLabel, LABELS } from './labels.ts';
import { differenceShape, shapeContainsPoint, unionShapes } from './overlay.ts';
import { pieceParts } from './piece-clip.ts';
import { PLAN_KINDS, planClassName, planSystem, planUse } from './plan-classes.ts';
import { layerPlaneCrs } from './plane.ts';
import { featureName, featureShape, layersOf, plainWarning, type ReportContext } from './report-context.ts';
import type {
  ConflictEntry,
  ConflictWithGeometry,
  ConflictPairTotal,
  ConflictSummary,
  ConflictTownshipTotal,
} from './report-types.ts';
import { anySegmentNear, segmentsNear } from './segment-index.ts';
import { segmentIndexOf, type Shape } from './shape.ts';
import type { ProjectLayer } from './types.ts';
import { m2ToMu, muToM2 } from './units.ts';
import { planarRingArea, workspaceFor, type Workspace } from './workspace.ts';

export const DEFAULT_SLIVER_MU = 1;

interface Item {
  shape: Shape;
  side: ClassSide;
  /** whether it lies wholly inside the planned area */
  inside: boolean;
}

interface Piece {
  shape: Shape;
}

interface Group {
  planA: string;
  planB: string;
  layerA: string;
  layerB: string;
  a: ClassSide;
  b: ClassSide;
  rule: string;
  pieces: Piece[];
}

/** Where `s` lies against `big`: wholly in, wholly out, or across its boundary. */
export function relation(s: Shape, big: Shape): 'in' | 'out' | 'cross' {
  if (!bboxesMeet(s.bbox, big.bbox)) return 'out';
  if (anySegmentNear(segmentIndexOf(big), s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3])) return 'cross';
  const r = s.allRings[0]!;
  return shapeContainsPoint(big, r[0]!, r[1]!) ? 'in' : 'out';
}

const kindOrder = (k: string) => {
  const i = PLAN_KINDS.indexOf(k as (typeof PLAN_KINDS)[number]);
  return i < 0 ? PLAN_KINDS.length : i;
};

function planItems(ctx: ReportContext, layer: ProjectLayer, planned: Shape | undefined): Item[] {
  const codes: string[] = [];
  for (const f of layer.features.slice(0, 500)) {
    const c = fieldText(layer, f, 'class');
    if (c) codes.push(c);
  }
  const kind = layer.kind ?? 'plan';
  const system = planSystem(kind, codes);
  const sides = new Map<string, ClassSide>();
  const out: Item[] = [];
  layer.features.forEach((f, i) => {
    const shape = featureShape(ctx, layer, f, i);
    if (!shape || shape.area <= 0) return;
    let inside = true;
    if (planned) {
      const rel = relation(shape, planned);
      if (rel === 'out') return;
      inside = rel === 'in';
    }
    const code = fieldText(layer, f, 'class') ?? '';
    const own = fieldText(layer, f, 'name') ?? '';
    const key = `${code}\u0000${own}`;
    let side = sides.get(key);
    if (!side) {
      const name = (code && planClassName(system, code)) || own || code;
      side = { kind, code: code || own, name, use: planUse(system, code, own) };
      sides.set(key, side);
    }
    out.push({ shape, side, inside });
  });
  return out;
}

function constraintItems(ctx: ReportContext, layer: ProjectLayer, planned: Shape | undefined): Item[] {
  const kind = layer.kind ?? 'constraint';
  const side: ClassSide = {
    kind,
    code: kind,
    name: catalogueLabel(`kind.${kind}`, 'zh') ?? kind,
    use: 'constraint',
  };
  const out: Item[] = [];
  layer.features.forEach((f, i) => {
    const shape = featureShape(ctx, layer, f, i);
    if (!shape || shape.area <= 0) return;
    let inside = true;
    if (planned) {
      const rel = relation(shape, planned);
      if (rel === 'out') return;
      inside = rel === 'in';
    }
    out.push({ shape, side, inside });
  });
  return out;
}

function indexOf(items: readonly Item[]): Flatbush | undefined {
  if (items.length === 0) return undefined;
  const index = new Flatbush(items.length);
  for (const it of items) index.add(it.shape.bbox[0], it.shape.bbox[1], it.shape.bbox[2], it.shape.bbox[3]);
  index.finish();
  return index;
}

/** a ∩ b ∩ planned as convex pieces, clipping against the planned area only where both cross it. */
function clippedPieces(a: Item, b: Item, planned: Shape | undefined, ws: Workspace): Shape[] | undefined {
  const ab = pieceParts(a.shape, b.shape, ws);
  if (!ab) return undefined;
  if (!planned || a.inside || b.inside) return ab;
  const out: Shape[] = [];
  for (const p of ab) {
    const rel = relation(p, planned);
    if (rel === 'in') out.push(p);
    else if (rel === 'cross') {
      const q = pieceParts(p, planned, ws);
      if (!q) return undefined;
      out.push(...q);
    }
  }
  return out;
}

/** Whether two pieces touch (share a boundary point within the workspace's rounding). */
function touches(p: Shape, q: Shape, eps: number): boolean {
  if (
    p.bbox[0] > q.bbox[2] + eps ||
    q.bbox[0] > p.bbox[2] + eps ||
    p.bbox[1] > q.bbox[3] + eps ||
    q.bbox[1] > p.bbox[3] + eps
  )
    return false;
  const [small, big] = p.vertexCount <= q.vertexCount ? [p, q] : [q, p];
  const si = segmentIndexOf(big);
  const segs = si.segs;
  for (const r of small.allRings)
    for (let k = 0; k + 1 < r.length; k += 2) {
      const x = r[k]!;
      const y = r[k + 1]!;
      for (const s of segmentsNear(si, x - eps, y - eps, x + eps, y + eps)) {
        const ax = segs[4 * s]!;
        const ay = segs[4 * s + 1]!;
        const dx = segs[4 * s + 2]! - ax;
        const dy = segs[4 * s + 3]! - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
        if (Math.hypot(ax + t * dx - x, ay + t * dy - y) <= eps) return true;
      }
    }
  return false;
}

/**
 * The connected parts of a group: pieces of adjacent features touch and form one conflict. The
 * pieces are kept as they are (their areas add up exactly) rather than merged by polyclip, which
 * would cost more than the whole analysis; the exports merge them (conflict-export.ts).
 */
function components(pieces: readonly Piece[], ws: Workspace): Shape[][] {
  if (pieces.length === 1) return [[pieces[0]!.shape]];
  const eps = ws.method === 'ellipsoidal' ? 1e-8 : 1e-3;
  const parent = pieces.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const index = new Flatbush(pieces.length);
  for (const p of pieces)
    index.add(p.shape.bbox[0] - eps, p.shape.bbox[1] - eps, p.shape.bbox[2] + eps, p.shape.bbox[3] + eps);
  index.finish();
  pieces.forEach((p, i) => {
    for (const j of index.search(p.shape.bbox[0], p.shape.bbox[1], p.shape.bbox[2], p.shape.bbox[3])) {
      if (j <= i || find(i) === find(j)) continue;
      if (touches(p.shape, pieces[j]!.shape, eps)) parent[find(j)] = find(i);
    }
  });
  const sets = new Map<number, Shape[]>();
  pieces.forEach((p, i) => {
    const r = find(i);
    const list = sets.get(r);
    if (list) list.push(p.shape);
    else sets.set(r, [p.shape]);
  });
  return [...sets.values()];
}

interface Unit {
  name: string;
  shape: Shape;
}

function unitsOf(ctx: ReportContext, layer: ProjectLayer | undefined): { units: Unit[]; index?: Flatbush } {
  if (!layer) return { units: [] };
  const units: Unit[] = [];
  layer.features.forEach((f, i) => {
    const shape = featureShape(ctx, layer, f, i);
    if (shape && shape.area > 0) units.push({ name: featureName(layer, f, i), shape });
  });
  if (units.length === 0) return { units };
  const index = new Flatbush(units.length);
  for (const u of units) index.add(u.shape.bbox[0], u.shape.bbox[1], u.shape.bbox[2], u.shape.bbox[3]);
  index.finish();
  return { units, index };
}

/** `s` cut by the units it crosses, each piece named; land in no unit keeps the name ''. */
function splitBy(
  s: Shape,
  admin: { units: Unit[]; index?: Flatbush },
  ws: Workspace,
): { name: string; shape: Shape }[] {
  if (!admin.index) return [{ name: '', shape: s }];
  const out: { name: string; shape: Shape }[] = [];
  const crossed: Shape[] = [];
  let covered = 0;
  for (const k of admin.index.search(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3])) {
    const u = admin.units[k]!;
    const rel = relation(s, u.shape);
    if (rel === 'in') return [{ name: u.name, shape: s }];
    if (rel === 'out') continue;
    crossed.push(u.shape);
    for (const p of pieceParts(s, u.shape, ws) ?? []) {
      out.push({ name: u.name, shape: p });
      covered += p.area;
    }
  }
  const left = s.area - covered;
  if (left > Math.max(0.01, 1e-9 * s.area)) {
    let rest: Shape | undefined = s;
    for (const c of crossed) {
      if (!rest) break;
      rest = differenceShape(rest, c, ws);
    }
    if (rest && rest.area > 0.01) out.push({ name: '', shape: rest });
  }
  return out;
}

/** The other method's area of shapes made in `ws` (vertices converted, contract §3). */
function otherArea(list: readonly Shape[], ws: Workspace, plane: Workspace): number {
  let sum = 0;
  for (const s of list)
    for (const r of s.allRings) {
      const n = r.length / 2;
      const out = new Float64Array(r.length);
      for (let k = 0; k < n; k++) {
        const p: [number, number] = [r[2 * k]!, r[2 * k + 1]!];
        const q = ws.method === 'ellipsoidal' ? plane.toWork!(p) : ws.toLonLat!(p);
        out[2 * k] = q[0]!;
        out[2 * k + 1] = q[1]!;
      }
      sum += ws.method === 'ellipsoidal' ? planarRingArea(out) : ellipsoidalRingArea(out);
    }
  return Math.max(0, sum);
}

const round8 = (v: number) => Math.round(v * 1e8) / 1e8;

function toLonLat(ws: Workspace, x: number, y: number): [number, number] {
  const p = ws.toLonLat ? ws.toLonLat([x, y]) : [x, y];
  return [p[0]!, p[1]!];
}

function lonLatGeometry(list: readonly Shape[], ws: Workspace): ConflictWithGeometry['geometry'] {
  const ring = (r: Float64Array) => {
    const out: number[][] = [];
    for (let k = 0; k + 1 < r.length; k += 2) {
      const p = toLonLat(ws, r[k]!, r[k + 1]!);
      out.push([round8(p[0]), round8(p[1])]);
    }
    return out;
  };
  return { type: 'MultiPolygon', coordinates: list.flatMap((s) => s.polys.map((p) => p.rings.map(ring))) };
}

/** Area centroid (workspace coordinates, planar weights) of the pieces → lon/lat. */
function centroidOf(list: readonly Shape[], ws: Workspace): [number, number] {
  let ax = 0;
  let ay = 0;
  let aa = 0;
  const ox = list[0]!.allRings[0]![0]!;
  const oy = list[0]!.allRings[0]![1]!;
  for (const s of list)
    for (const r of s.allRings)
      for (let k = 0; k + 3 < r.length; k += 2) {
        const x1 = r[k]! - ox;
        const y1 = r[k + 1]! - oy;
        const x2 = r[k + 2]! - ox;
        const y2 = r[k + 3]! - oy;
        const c = x1 * y2 - x2 * y1;
        aa += c;
        ax += (x1 + x2) * c;
        ay += (y1 + y2) * c;
      }
  return aa !== 0 ? toLonLat(ws, ox + ax / (3 * aa), oy + ay / (3 * aa)) : toLonLat(ws, ox, oy);
}

/** A point inside the pieces: the centroid where it is inside one, else the middle of the largest. */
function pointInside(list: readonly Shape[], ws: Workspace): [number, number] {
  const c = centroidOf(list, ws);
  const q = ws.toWork ? ws.toWork(c) : c;
  if (list.some((s) => shapeContainsPoint(s, q[0]!, q[1]!))) return [round8(c[0]), round8(c[1])];
  const s = list.reduce((x, y) => (y.area > x.area ? y : x));
  // A horizontal line through the box's middle: the midpoint of its longest inside run.
  const y = (s.bbox[1] + s.bbox[3]) / 2;
  const xs: number[] = [];
  for (const r of s.allRings)
    for (let k = 0; k + 3 < r.length; k += 2) {
      const y1 = r[k + 1]!;
      const y2 = r[k + 3]!;
      if (y1 > y !== y2 > y) xs.push(r[k]! + ((y - y1) * (r[k + 2]! - r[k]!)) / (y2 - y1));
    }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [xs[0] ?? s.bbox[0], y];
  let len = -1;
  for (let i = 0; i + 1 < xs.length; i += 2)
    if (xs[i + 1]! - xs[i]! > len) {
      len = xs[i + 1]! - xs[i]!;
      best = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  const p = toLonLat(ws, best[0], best[1]);
  return [round8(p[0]), round8(p[1])];
}

function lonLatBox(list: readonly Shape[], ws: Workspace): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of list)
    for (const r of s.allRings)
      for (let k = 0; k + 1 < r.length; k += 2) {
        const p = toLonLat(ws, r[k]!, r[k + 1]!);
        b[0] = Math.min(b[0], p[0]);
        b[1] = Math.min(b[1], p[1]);
        b[2] = Math.max(b[2], p[0]);
        b[3] = Math.max(b[3], p[1]);
      }
  return [round8(b[0]), round8(b[1]), round8(b[2]), round8(b[3])];
}

/**
 * Twice the area over the perimeter: about the width of a strip, in metres. Edges two pieces share
 * (the cuts between convex pieces) are inside the conflict and not counted.
 */
function meanWidth(list: readonly Shape[], area: number, ws: Workspace): number {
  // Counting every edge gives a lower bound of the width: enough when it is already wide.
  let all = 0;
  for (const s of list)
    for (const r of s.allRings)
      for (let k = 0; k + 3 < r.length; k += 2)
        all += ws.segmentLength(r[k]!, r[k + 1]!, r[k + 2]!, r[k + 3]!);
  if (all > 0 && (2 * area) / all >= NOISE_WIDTH_M) return (2 * area) / all;
  const q = ws.method === 'ellipsoidal' ? 1e9 : 1e4;
  const edges = new Map<string, number>();
  const key = (x1: number, y1: number, x2: number, y2: number) => {
    const a = `${Math.round(x1 * q)},${Math.round(y1 * q)}`;
    const b = `${Math.round(x2 * q)},${Math.round(y2 * q)}`;
    return a < b ? `${a};${b}` : `${b};${a}`;
  };
  for (const s of list)
    for (const r of s.allRings)
      for (let k = 0; k + 3 < r.length; k += 2) {
        const kk = key(r[k]!, r[k + 1]!, r[k + 2]!, r[k + 3]!);
        edges.set(kk, (edges.get(kk) ?? 0) + 1);
      }
  let perimeter = 0;
  for (const s of list)
    for (const r of s.allRings)
      for (let k = 0; k + 3 < r.length; k += 2)
        if (edges.get(key(r[k]!, r[k + 1]!, r[k + 2]!, r[k + 3]!)) === 1)
          perimeter += ws.segmentLength(r[k]!, r[k + 1]!, r[k + 2]!, r[k + 3]!);
  return perimeter > 0 ? (2 * area) / perimeter : 0;
}

/** Pieces narrower than this (metres) are where two boundaries drawn as one differ by rounding. */
export const NOISE_WIDTH_M = 0.05;
/** …or smaller than this (m²). */
export const NOISE_AREA_M2 = 0.01;

export interface ConflictResult {
  /** with `geometry` when asked for */
  conflicts: ConflictEntry[];
  conflictTotals: ConflictPairTotal[];
  conflictsByTownship: ConflictTownshipTotal[];
  conflictSummary: ConflictSummary;
}

export interface ConflictOptions {
  /** keep each conflict's polygons (for drawing and export; the report leaves them out) */
  geometry?: boolean;
}

export function analyseConflicts(
  ctx: ReportContext,
  planned: Shape | undefined,
  opts: ConflictOptions = {},
): ConflictResult {
  const ws = ctx.ws;
  const settings = ctx.project.settings;
  const tolRaw = settings?.sliverTolerance_mu;
  const tolMu =
    typeof tolRaw === 'number' && Number.isFinite(tolRaw) && tolRaw >= 0 ? tolRaw : DEFAULT_SLIVER_MU;
  const own = projectRules(settings?.compatibility);
  for (const p of own.problems)
    ctx.warnings.push(plainWarning('compatibility-rule-ignored', { index: p.index + 1, reason: p.reason }));
  const rules = [...own.rules, ...DEFAULT_RULES];
  // Sides are shared per class, so each pair of classes is decided once.
  const decisions = new Map<ClassSide, Map<ClassSide, Decision>>();
  const decided = (a: ClassSide, b: ClassSide): Decision => {
    let m = decisions.get(a);
    if (!m) decisions.set(a, (m = new Map()));
    let d = m.get(b);
    if (!d) m.set(b, (d = decide(rules, a, b)));
    return d;
  };

  const plans = layersOf(ctx.project, 'plan')
    .slice()
    .sort((x, y) => kindOrder(x.kind ?? '') - kindOrder(y.kind ?? '') || x.id.localeCompare(y.id));
  const groups = new Map<string, Group>();
  const add = (
    la: ProjectLayer,
    lb: ProjectLayer,
    a: ClassSide,
    b: ClassSide,
    rule: string,
    shape: Shape,
  ) => {
    const planB = b.use === 'constraint' ? b.kind : (lb.kind ?? '');
    const key = [la.id, lb.id, a.code, b.code, rule].join('\u0000');
    let g = groups.get(key);
    if (!g) {
      g = { planA: la.kind ?? '', planB, layerA: la.id, layerB: lb.id, a, b, rule, pieces: [] };
      groups.set(key, g);
    }
    g.pieces.push({ shape });
  };
  let failed = 0;

  const items = new Map(plans.map((l) => [l, planItems(ctx, l, planned)]));
  const pairUp = (la: ProjectLayer, lb: ProjectLayer, A: Item[], B: Item[]) => {
    const index = indexOf(B);
    if (!index) return;
    for (const a of A)
      for (const k of index.search(a.shape.bbox[0], a.shape.bbox[1], a.shape.bbox[2], a.shape.bbox[3])) {
        const b = B[k]!;
        const d = decided(a.side, b.side);
        if (d.verdict !== 'conflict') continue;
        const pieces = clippedPieces(a, b, planned, ws);
        if (pieces === undefined) failed++;
        else for (const piece of pieces) add(la, lb, a.side, b.side, d.rule, piece);
      }
  };
  for (let i = 0; i < plans.length; i++)
    for (let j = i + 1; j < plans.length; j++)
      pairUp(plans[i]!, plans[j]!, items.get(plans[i]!)!, items.get(plans[j]!)!);

  for (const c of layersOf(ctx.project, 'constraint')) {
    const kind = c.kind ?? '';
    if (kind === 'basic-farmland' || kind === 'ecological-redline') {
      const C = constraintItems(ctx, c, planned);
      for (const p of plans) pairUp(p, c, items.get(p)!, C);
    } else if (kind === 'urban-boundary' && planned) {
      // The planned area outside the boundary, made once; plans' construction land is met with it.
      const bounds = constraintItems(ctx, c, undefined).map((x) => x.shape);
      const boundary = bounds.length ? unionShapes(bounds, ws) : undefined;
      const outside = boundary ? differenceShape(planned, boundary, ws) : planned;
      if (!outside) {
        ctx.warnings.push(plainWarning('overlay-failed', {}, { layer: c.id }));
        continue;
      }
      const side: ClassSide = {
        kind: CONSTRAINT_SIDES[2],
        code: CONSTRAINT_SIDES[2],
        name: LABELS['kind.outside-urban-boundary'].zh,
        use: 'constraint',
      };
      const O: Item[] = outside.polys.length ? [{ shape: outside, side, inside: true }] : [];
      for (const p of plans) pairUp(p, c, items.get(p)!, O);
    }
  }
  if (failed) ctx.warnings.push(plainWarning('conflict-overlay-failed', { count: failed }));

  const townships = unitsOf(
    ctx,
    layersOf(ctx.project, 'admin').find((l) => l.kind === 'township'),
  );
  const villageLayer =
    layersOf(ctx.project, 'admin').find((l) => l.kind === 'village') ??
    layersOf(ctx.project, 'village').find((l) =>
      l.features.some((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'),
    );
  const villages = unitsOf(ctx, villageLayer);
  const planeCrs =
    ws.method === 'plane'
      ? ws.planeCrs!
      : layerPlaneCrs(layersOf(ctx.project, 'zone')[0]?.crs, ctx.projectPlane);
  const plane = ws.method === 'plane' ? ws : workspaceFor('plane', planeCrs);
  const tolM2 = muToM2(tolMu);

  const rows: (ConflictEntry & {
    centroid: [number, number];
    geometry?: ConflictWithGeometry['geometry'];
  })[] = [];
  let noise = 0;
  for (const g of groups.values())
    for (const comp of components(g.pieces, ws)) {
      // Each piece goes to its township and village; the conflict is one row per place.
      const byPlace = new Map<string, { township: string; village: string; shapes: Shape[] }>();
      for (const piece of comp)
        for (const t of splitBy(piece, townships, ws))
          for (const v of splitBy(t.shape, villages, ws)) {
            const key = `${t.name}\u0000${v.name}`;
            const hit = byPlace.get(key);
            if (hit) hit.shapes.push(v.shape);
            else byPlace.set(key, { township: t.name, village: v.name, shapes: [v.shape] });
          }
      for (const place of byPlace.values()) {
        const list = place.shapes;
        const area = list.reduce((sum, x) => sum + Math.max(0, x.area), 0);
        if (area < NOISE_AREA_M2 || meanWidth(list, area, ws) < NOISE_WIDTH_M) {
          noise++;
          continue;
        }
        const other = otherArea(list, ws, plane);
        rows.push({
          id: '',
          planA: g.planA,
          planB: g.planB,
          layerA: g.layerA,
          layerB: g.layerB,
          classA: g.a.code,
          classB: g.b.code,
          nameA: g.a.name,
          nameB: g.b.name,
          rule: g.rule,
          area_m2: area,
          area_mu: m2ToMu(area),
          ellipsoidal_m2: ws.method === 'ellipsoidal' ? area : other,
          plane_m2: ws.method === 'plane' ? area : other,
          township: place.township,
          village: place.village,
          sliver: area < tolM2,
          at: pointInside(list, ws),
          bbox: lonLatBox(list, ws),
          ...(opts.geometry ? { geometry: lonLatGeometry(list, ws) } : {}),
          centroid: centroidOf(list, ws),
        });
      }
    }
  rows.sort((x, y) => Number(x.sliver) - Number(y.sliver) || y.area_m2 - x.area_m2);
  const seen = new Map<string, number>();
  for (const r of rows) {
    const base = `${r.planA}~${r.planB}~${geohash(r.centroid[0], r.centroid[1])}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    r.id = n === 1 ? base : `${base}-${n}`;
  }
  const conflicts: ConflictEntry[] = rows.map(({ centroid: _c, ...r }) => r);

  const pairs = new Map<string, ConflictPairTotal>();
  const towns = new Map<string, ConflictTownshipTotal>();
  const summary: ConflictSummary = {
    count: 0,
    area_m2: 0,
    area_mu: 0,
    slivers: 0,
    sliver_m2: 0,
    sliverTolerance_mu: tolMu,
    noiseDropped: noise,
    projectRules: own.rules.map((r) => r.id),
  };
  const tally = (
    t: { count: number; area_m2: number; slivers: number; sliver_m2: number },
    c: ConflictEntry,
  ) => {
    if (c.sliver) {
      t.slivers++;
      t.sliver_m2 += c.area_m2;
    } else {
      t.count++;
      t.area_m2 += c.area_m2;
    }
  };
  for (const c of conflicts) {
    const pk = `${c.layerA}\u0000${c.layerB}`;
    let p = pairs.get(pk);
    if (!p) {
      p = {
        planA: c.planA,
        planB: c.planB,
        layerA: c.layerA,
        layerB: c.layerB,
        count: 0,
        area_m2: 0,
        area_mu: 0,
        slivers: 0,
        sliver_m2: 0,
      };
      pairs.set(pk, p);
    }
    tally(p, c);
    let t = towns.get(c.township);
    if (!t) {
      t = { township: c.township, count: 0, area_m2: 0, area_mu: 0, slivers: 0, sliver_m2: 0 };
      towns.set(c.township, t);
    }
    tally(t, c);
    tally(summary, c);
  }
  for (const t of [...pairs.values(), ...towns.values(), summary]) t.area_mu = m2ToMu(t.area_m2);
  return {
    conflicts,
    conflictTotals: [...pairs.values()].sort((x, y) => y.area_m2 - x.area_m2),
    conflictsByTownship: [...towns.values()].sort((x, y) => y.area_m2 - x.area_m2),
    conflictSummary: summary,
  };
}
