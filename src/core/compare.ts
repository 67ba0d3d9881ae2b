// What changes between two scenarios of a project (contract §5): the zone figures of each, the
// planned area gained and lost as connected pieces with the townships and villages they lie in, and
// the admin units, villages and 三区三线 constraints of each side. One pure function, so the CLI and
// (later) the page and the worker agree by construction.
//
// Pieces are the polygons of to − from (added) and from − to (removed). A polygon of a valid
// multipolygon may touch another at a point but never along an edge, so pieces touching at a point
// are separate pieces: land that meets only at a corner cannot be walked across.
import { fieldText, fieldValue, relocationStatus } from './fields.ts';
import { differenceArea, intersectionArea, shapeContainsPoint, type OverlayNote } from './overlay.ts';
import { safeClip, type PcMultiPolygon, type PcPolygon } from './polyclip-safe.ts';
import { analyseConstraints } from './report-constraints.ts';
import {
  featureName,
  featureShape,
  featureWarning,
  layersOf,
  makeContext,
  plainWarning,
  type ReportContext,
} from './report-context.ts';
import type { ReportWarning } from './report-types.ts';
import { analyseZones } from './report-zones.ts';
import { shapeFromPc, shapeToPc, type Shape } from './shape.ts';
import type { AreaMethod, Feature, Geometry, Polygon, Project, ProjectLayer, ZoneCategory } from './types.ts';
import { m2ToKm2, m2ToMu } from './units.ts';

/** Pieces smaller than this (m²) are rounding slivers along shared boundaries, not land. */
export const SLIVER_M2 = 0.1;

export interface CompareOptions {
  areaMethod?: AreaMethod;
  /** the scenario ids, as they are to be printed */
  from?: string;
  to?: string;
}

export interface ChangeRow {
  from_m2: number;
  to_m2: number;
  delta_m2: number;
  from_mu: number;
  to_mu: number;
  delta_mu: number;
}

export interface CompareZoneRow extends ChangeRow {
  category: ZoneCategory;
  from_km2: number;
  to_km2: number;
  delta_km2: number;
}

export interface PiecePlace {
  layer: string;
  /** township, village, or '' for an admin layer without a kind */
  kind: string;
  name: string;
  /** area of the piece inside the unit; 0 for a village given as a point */
  area_m2: number;
  area_mu: number;
}

export interface ComparePiece {
  change: 'added' | 'removed';
  area_m2: number;
  area_mu: number;
  area_km2: number;
  /** names of the townships the piece lies in, largest share first */
  townships: string[];
  /** names of the villages (village layers and admin units of kind village) it lies in */
  villages: string[];
  /** every unit the piece lies in, with the area inside each */
  places: PiecePlace[];
  /** the piece in lon/lat, for a map */
  geometry: Polygon;
}

export interface CompareAdminRow extends ChangeRow {
  layer: string;
  kind: string;
  name: string;
  code: string;
}

export interface CompareVillageRow extends ChangeRow {
  layer: string;
  name: string;
  relocation: string;
  /** for a village given as a point: whether it lies inside each side's planned area */
  from_inside?: boolean;
  to_inside?: boolean;
}

export interface CompareConstraintRow extends ChangeRow {
  kind: string;
  layer: string;
  /** what the figures measure: planned ∩ layer, or (urban boundary) planned area outside it */
  measure: 'overlap' | 'outside';
}

export interface CompareWarning extends ReportWarning {
  /** the scenario whose data the warning is about */
  scenario: string;
}

export interface ScenarioComparison {
  areaMethod: AreaMethod;
  planeCrs?: string;
  from: string;
  to: string;
  zones: CompareZoneRow[];
  added_m2: number;
  removed_m2: number;
  added_mu: number;
  removed_mu: number;
  added_km2: number;
  removed_km2: number;
  pieces: ComparePiece[];
  admin: CompareAdminRow[];
  villages: CompareVillageRow[];
  constraints: CompareConstraintRow[];
  warnings: CompareWarning[];
}

function change(from: number, to: number): ChangeRow {
  return {
    from_m2: from,
    to_m2: to,
    delta_m2: to - from,
    from_mu: m2ToMu(from),
    to_mu: m2ToMu(to),
    delta_mu: m2ToMu(to - from),
  };
}

const CATEGORIES: readonly ZoneCategory[] = ['planned', 'built', 'development', 'control'];

interface Overlap {
  layer: ProjectLayer;
  name: string;
  code: string;
  relocation: string;
  area: number;
  /** a point village inside the planned area */
  inside?: boolean;
}

function pointOf(g: Geometry | null): [number, number] | undefined {
  if (!g) return undefined;
  if (g.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  if (g.type === 'MultiPoint' && g.coordinates[0]) return [g.coordinates[0][0]!, g.coordinates[0][1]!];
  return undefined;
}

/**
 * The overlap of every feature of the given layers with a shape, keyed so that the same unit is
 * found on both sides even where a scenario replaces the layer: layer id, name, code and the
 * how-many-th feature of that name it is.
 */
function overlaps(
  ctx: ReportContext,
  layers: readonly ProjectLayer[],
  mask: Shape | undefined,
): Map<string, Overlap> {
  const out = new Map<string, Overlap>();
  const notes: OverlayNote[] = [];
  for (const layer of layers) {
    const seen = new Map<string, number>();
    layer.features.forEach((f: Feature, i) => {
      const name = featureName(layer, f, i);
      const code = fieldText(layer, f, 'code') ?? '';
      const base = `${layer.id}\u0000${name}\u0000${code}`;
      const k = seen.get(base) ?? 0;
      seen.set(base, k + 1);
      const key = `${base}\u0000${k}`;
      const relocation =
        layer.role === 'village' ? (relocationStatus(fieldValue(layer, f, 'relocation')) ?? 'none') : '';
      const s = featureShape(ctx, layer, f, i);
      if (s) {
        const area = mask ? intersectionArea(s, mask, ctx.ws, notes) : 0;
        for (const n of notes.splice(0))
          // coded as the report's (the page words it), the message as it always was
          ctx.warnings.push({ ...featureWarning(layer, f, i, n.code, {}), message: n.message });
        if (area > 0) out.set(key, { layer, name, code, relocation, area });
        return;
      }
      const p = layer.role === 'village' ? pointOf(f.geometry) : undefined;
      if (!p || !mask) return;
      const q = ctx.ws.toWork ? ctx.ws.toWork(p) : p;
      if (shapeContainsPoint(mask, q[0]!, q[1]!))
        out.set(key, { layer, name, code, relocation, area: 0, inside: true });
    });
  }
  return out;
}

/** Keys of both maps, those of `a` in their order first. */
function keysOf<T>(a: Map<string, T>, b: Map<string, T>): string[] {
  return [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
}

function toLonLatPolygon(poly: PcPolygon, ctx: ReportContext): Polygon {
  const back = ctx.ws.toLonLat;
  return {
    type: 'Polygon',
    coordinates: poly.map((ring) => ring.map(([x, y]) => (back ? back([x, y]) : [x, y]))),
  };
}

function piecesOf(changeKind: 'added' | 'removed', mp: PcMultiPolygon, ctx: ReportContext): ComparePiece[] {
  const townships = layersOf(ctx.project, 'admin').filter((l) => l.kind === 'township');
  const villageLayers = [
    ...layersOf(ctx.project, 'village'),
    ...layersOf(ctx.project, 'admin').filter((l) => l.kind === 'village'),
  ];
  const out: ComparePiece[] = [];
  for (const poly of mp) {
    const shape = shapeFromPc([poly], ctx.ws);
    const area = Math.max(0, shape.area);
    if (area < SLIVER_M2) continue;
    const places = (layers: readonly ProjectLayer[], kind?: string): PiecePlace[] =>
      [...overlaps(ctx, layers, shape).values()]
        .filter((o) => o.area >= SLIVER_M2 || o.inside)
        .map((o) => ({
          layer: o.layer.id,
          kind: kind ?? o.layer.kind ?? '',
          name: o.name,
          area_m2: o.area,
          area_mu: m2ToMu(o.area),
        }))
        .sort((a, b) => b.area_m2 - a.area_m2);
    const inTownships = places(townships, 'township');
    const inVillages = places(villageLayers, 'village');
    out.push({
      change: changeKind,
      area_m2: area,
      area_mu: m2ToMu(area),
      area_km2: m2ToKm2(area),
      townships: [...new Set(inTownships.map((p) => p.name))],
      villages: [...new Set(inVillages.map((p) => p.name))],
      places: [...inTownships, ...inVillages],
      geometry: toLonLatPolygon(poly, ctx),
    });
  }
  return out.sort((a, b) => b.area_m2 - a.area_m2);
}

/** a − b as polygons in the workspace; undefined when polyclip failed on every try. */
function differencePolygons(a: Shape | undefined, b: Shape | undefined, ctx: ReportContext) {
  if (!a) return [];
  if (!b) return shapeToPc(a);
  return safeClip('difference', [shapeToPc(a), shapeToPc(b)], ctx.ws.grid);
}

/**
 * Compares scenario `to` with scenario `from` (both whole projects, e.g. the base and the base with
 * a scenario's layers in place). Everything is measured in one workspace, the `from` side's, so the
 * two sides' figures are comparable.
 */
export function compareScenarios(from: Project, to: Project, opts: CompareOptions = {}): ScenarioComparison {
  const method = opts.areaMethod ?? from.areaMethod ?? 'ellipsoidal';
  const fromId = opts.from ?? 'from';
  const toId = opts.to ?? 'to';
  const cf = makeContext(from, method);
  const ct: ReportContext = { ...makeContext(to, method), ws: cf.ws, projectPlane: cf.projectPlane };

  const zf = analyseZones(cf);
  const zt = analyseZones(ct);
  const zones: CompareZoneRow[] = CATEGORIES.map((category) => {
    const a = zf.composition[`${category}_m2`];
    const b = zt.composition[`${category}_m2`];
    return {
      category,
      ...change(a, b),
      from_km2: m2ToKm2(a),
      to_km2: m2ToKm2(b),
      delta_km2: m2ToKm2(b - a),
    };
  });

  const pf = zf.planned;
  const pt = zt.planned;
  // Totals measured as the report measures overlays (differenceArea), pieces as polygons.
  const added = pt ? (pf ? differenceArea(pt, pf, cf.ws) : Math.max(0, pt.area)) : 0;
  const removed = pf ? (pt ? differenceArea(pf, pt, cf.ws) : Math.max(0, pf.area)) : 0;
  const pieces: ComparePiece[] = [];
  for (const [kind, a, b, ctx] of [
    ['added', pt, pf, ct],
    ['removed', pf, pt, cf],
  ] as const) {
    const mp = differencePolygons(a, b, ctx);
    if (mp) pieces.push(...piecesOf(kind, mp, ctx));
    else
      ctx.warnings.push({
        ...plainWarning('overlay-failed', { what: 'pieces', change: kind }),
        message: `${kind === 'added' ? '新增' : '减少'}地块无法切分，未列出各地块；总面积仍按叠加计算 (pieces could not be cut)`,
      });
  }

  const adminFrom = overlaps(cf, layersOf(from, 'admin'), pf);
  const adminTo = overlaps(ct, layersOf(to, 'admin'), pt);
  const admin: CompareAdminRow[] = keysOf(adminFrom, adminTo).map((k) => {
    const o = (adminFrom.get(k) ?? adminTo.get(k))!;
    return {
      layer: o.layer.id,
      kind: o.layer.kind ?? '',
      name: o.name,
      code: o.code,
      ...change(adminFrom.get(k)?.area ?? 0, adminTo.get(k)?.area ?? 0),
    };
  });

  const villFrom = overlaps(cf, layersOf(from, 'village'), pf);
  const villTo = overlaps(ct, layersOf(to, 'village'), pt);
  const villages: CompareVillageRow[] = keysOf(villFrom, villTo).map((k) => {
    const a = villFrom.get(k);
    const b = villTo.get(k);
    const o = (b ?? a)!;
    const point = a?.inside !== undefined || b?.inside !== undefined;
    return {
      layer: o.layer.id,
      name: o.name,
      relocation: o.relocation,
      ...change(a?.area ?? 0, b?.area ?? 0),
      ...(point ? { from_inside: a?.inside === true, to_inside: b?.inside === true } : {}),
    };
  });

  const consFrom = analyseConstraints(cf, pf);
  const consTo = analyseConstraints(ct, pt);
  const layerIds = [
    ...consFrom.map((c) => c.layer),
    ...consTo.map((c) => c.layer).filter((id) => !consFrom.some((c) => c.layer === id)),
  ];
  const constraints: CompareConstraintRow[] = layerIds.map((layer) => {
    const a = consFrom.find((c) => c.layer === layer);
    const b = consTo.find((c) => c.layer === layer);
    const kind = (a ?? b)!.kind;
    const value = (c: typeof a) => (c ? (c.outside_m2 ?? c.overlap_m2 ?? 0) : 0);
    return {
      kind,
      layer,
      measure: kind === 'urban-boundary' ? 'outside' : 'overlap',
      ...change(value(a), value(b)),
    };
  });

  const warnings: CompareWarning[] = [];
  const seen = new Set<string>();
  for (const [scenario, list] of [
    [fromId, cf.warnings],
    [toId, ct.warnings],
  ] as const)
    for (const w of list) {
      // A layer both scenarios share warns once.
      const key = `${w.code}\u0000${w.layer ?? ''}\u0000${w.feature ?? ''}\u0000${w.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({ ...w, scenario });
    }

  return {
    areaMethod: method,
    ...(method === 'plane' && cf.ws.planeCrs ? { planeCrs: cf.ws.planeCrs } : {}),
    from: fromId,
    to: toId,
    zones,
    added_m2: added,
    removed_m2: removed,
    added_mu: m2ToMu(added),
    removed_mu: m2ToMu(removed),
    added_km2: m2ToKm2(added),
    removed_km2: m2ToKm2(removed),
    pieces,
    admin,
    villages,
    constraints,
    warnings,
  };
}
