// The checks of contract.md section 4 on features already read: structure (geojson-validation),
// positions, rings, self-intersections, plus warnings that a repair can fix. Problems name the
// feature by index and by its name field.
import type { Feature, Geometry, Position } from 'geojson';
import gjv from 'geojson-validation';
import { eastOfAntimeridian, ringCrossesAntimeridian } from '../core/antimeridian.ts';
import { fieldText, resolveFieldMapping } from '../core/fields.ts';
import { flatOf, type FlatCoords } from '../core/flat-coords.ts';
import type { LayerRole } from '../core/types.ts';
import {
  isValidityCode,
  validatePolygonal,
  VALIDITY_CODES,
  type ValidityCode,
} from '../core/validity/index.ts';
import { workspaceFor, type Workspace } from '../core/workspace.ts';
import { ringSignedArea2 } from './shapefile/shp.ts';
import { errorOf, warningOf, type IoProblem, type Where } from './problem.ts';

export interface ValidateOptions {
  /** whether coordinates should be longitude/latitude (then ranges are checked) */
  geographic?: boolean;
  file?: string;
  layer?: string;
  role?: LayerRole;
  /**
   * Only what makes figures wrong (structure, positions, ring closure and size): what loading a
   * project for a report needs. The report measures self-crossing rings as MakeValid repairs them.
   */
  figuresOnly?: boolean;
  /** checks per code stop listing features after this many (a summary follows) */
  maxPerCode?: number;
  /**
   * The Gauss-Kruger CRS the file was drawn in, when it was: validity is then judged in that plane,
   * as GEOS judges the file's own coordinates and as `area --area plane` and the report measure it
   * (the features are lon/lat; a stretch straight in metres is not straight in degrees).
   */
  plane?: string;
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const fmt = (p: readonly number[]): string => `${+p[0]!.toFixed(7)}, ${+p[1]!.toFixed(7)}`;

/** Positions without consecutive repeats; the ring stays closed if it was. */
export function withoutRepeats(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

interface Ctx {
  where: Where;
  geographic: boolean;
  /** only the errors that make figures wrong: no self-crossing test, no warnings */
  figuresOnly: boolean;
  out: IoProblem[];
  /** the feature's well-formed polygons as flat rings, checked together by the validity engine */
  parts: Float64Array[][];
  wrongWinding: boolean;
  /** a ring steps across ±180° (lon/lat only) */
  antimeridian: boolean;
  /** the plane validity is judged in (see ValidateOptions.plane) */
  plane?: Workspace;
}

/** Flat coordinates of a ring; in the plane when there is one, dropping repeats that makes. */
const flat = (ring: readonly Position[], plane?: Workspace): Float64Array => {
  const to = plane?.toWork;
  if (!to) {
    const out = new Float64Array(ring.length * 2);
    ring.forEach((p, i) => {
      out[2 * i] = p[0]!;
      out[2 * i + 1] = p[1]!;
    });
    return out;
  }
  const out: number[] = [];
  for (const p of ring) {
    const [x, y] = to(p) as [number, number];
    if (out.length === 0 || x !== out[out.length - 2] || y !== out[out.length - 1]) out.push(x, y);
  }
  return Float64Array.from(out);
};

/** Positions of a ring once consecutive repeats are dropped, counted without copying it. */
function distinctCount(ring: readonly Position[]): number {
  let n = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[i - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) n++;
  }
  return n;
}

/** Checks every position is an array of finite numbers; false when one is not (later checks skip). */
function checkPositions(coords: unknown, depth: number, ctx: Ctx, path: string): boolean {
  if (depth === 0) {
    if (!Array.isArray(coords) || coords.length < 2 || !coords.every(isFiniteNumber)) {
      const shown = JSON.stringify(coords)?.slice(0, 60) ?? String(coords);
      ctx.out.push(errorOf('non-finite-coordinate', { detail: `${path}: ${shown}` }, ctx.where));
      return false;
    }
    const [x, y] = coords as [number, number];
    if (ctx.geographic && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
      const swapped = Math.abs(y) <= 180 && Math.abs(x) <= 90;
      ctx.out.push(
        errorOf(
          'coordinate-out-of-range',
          { sample: fmt(coords), swapped: swapped ? 1 : undefined },
          { ...ctx.where, at: [x, y] },
        ),
      );
      return false;
    }
    return true;
  }
  if (!Array.isArray(coords)) {
    ctx.out.push(errorOf('invalid-geometry', { detail: `${path}: coordinates must be an array` }, ctx.where));
    return false;
  }
  for (let i = 0; i < coords.length; i++) {
    if (!checkPositions(coords[i], depth - 1, ctx, `${path}[${i}]`)) return false;
  }
  return true;
}

function checkLine(line: Position[], ctx: Ctx): void {
  if (line.length < 2)
    ctx.out.push(errorOf('too-few-positions', { kind: 'line', count: line.length }, ctx.where));
  if (ctx.figuresOnly) return;
  const repeats = line.length - withoutRepeats(line).length;
  if (repeats > 0) ctx.out.push(warningOf('duplicate-vertex', { count: repeats }, ctx.where));
}

function checkPolygon(rings: Position[][], ctx: Ctx): void {
  let repeats = 0;
  const part: Float64Array[] = [];
  rings.forEach((ring, r) => {
    if (ring.length < 4) {
      ctx.out.push(errorOf('too-few-positions', { kind: 'ring', count: ring.length }, ctx.where));
      return;
    }
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      ctx.out.push(errorOf('unclosed-ring', {}, { ...ctx.where, at: [first[0]!, first[1]!] }));
      return;
    }
    if (ctx.figuresOnly) {
      const count = distinctCount(ring);
      if (count < 4) ctx.out.push(errorOf('too-few-positions', { kind: 'ring', count }, ctx.where));
      return;
    }
    const clean = withoutRepeats(ring);
    repeats += ring.length - clean.length;
    if (clean.length < 4) {
      ctx.out.push(errorOf('too-few-positions', { kind: 'ring', count: clean.length }, ctx.where));
      return;
    }
    // As the area does: a polygon whose shell is unusable is left out, a bad hole on its own.
    if (r === 0 || part.length > 0) {
      // A ring the plane folds to fewer than 4 positions is left out, as the area leaves it out.
      const f = flat(clean, ctx.plane);
      if (f.length >= 8) part.push(f);
    }
    const crosses = ctx.geographic && !ctx.plane && ringCrossesAntimeridian(clean);
    if (crosses) ctx.antimeridian = true;
    const ccw = ringSignedArea2(crosses ? clean.map((p) => [eastOfAntimeridian(p[0]!), p[1]!]) : clean) > 0;
    if (ccw !== (r === 0)) ctx.wrongWinding = true;
  });
  if (part.length) ctx.parts.push(part);
  if (repeats > 0) ctx.out.push(warningOf('duplicate-vertex', { count: repeats }, ctx.where));
}

/** A place in the plane as lon/lat, rounded as the area's places are. */
function lonLatOf(plane: Workspace, x: number, y: number): [number, number] {
  const p = plane.toLonLat!([x, y]);
  return [Math.round(p[0]! * 1e7) / 1e7, Math.round(p[1]! * 1e7) / 1e7];
}

/** The validity engine's problems of the feature's polygons, taken together as the area takes them. */
function checkValidity(ctx: Ctx): void {
  if (ctx.parts.length === 0) return;
  const grid = ctx.geographic && !ctx.plane ? [1e-10, 1e-8] : [1e-5, 1e-3];
  // Across ±180° the rings are judged as one continuous figure, as the area measures them.
  if (ctx.antimeridian) {
    for (const part of ctx.parts)
      for (const r of part) for (let i = 0; i < r.length; i += 2) r[i] = eastOfAntimeridian(r[i]!);
    ctx.out.push(warningOf('crosses-antimeridian', {}, ctx.where));
  }
  const { issues } = validatePolygonal(ctx.parts, grid);
  for (const i of issues) {
    const at: [number, number] = ctx.plane
      ? lonLatOf(ctx.plane, i.x, i.y)
      : [ctx.antimeridian && i.x > 180 ? i.x - 360 : i.x, i.y];
    const params = { x: at[0], y: at[1], count: i.count, point: fmt(at) };
    ctx.out.push((i.severity === 'error' ? errorOf : warningOf)(i.code, params, { ...ctx.where, at }));
  }
  // A crossing ring has no single orientation; the repair settles it.
  if (ctx.wrongWinding && !issues.some((i) => i.severity === 'error'))
    ctx.out.push(warningOf('wrong-winding', {}, ctx.where));
}

/** The codes a repair as GEOS MakeValid settles (measured as repaired by area and report). */
export const REPAIRED_CODES: ReadonlySet<string> = new Set<ValidityCode>(VALIDITY_CODES);
export { isValidityCode };

const DEPTH: Record<string, number> = {
  Point: 1,
  MultiPoint: 2,
  LineString: 2,
  MultiLineString: 3,
  Polygon: 3,
  MultiPolygon: 4,
};

/**
 * The figures-only checks on flat coordinates (flat-coords.ts) without building positions: true
 * when every position is finite (and lon/lat where it must be) and every ring closed with 4 distinct
 * positions. Anything else goes the nested way, which names the problem.
 */
function flatFiguresPass(f: FlatCoords, geographic: boolean): boolean {
  const xy = f.xy;
  for (let k = 0; k < xy.length; k += 2) {
    const x = xy[k]!;
    const y = xy[k + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (geographic && (Math.abs(x) > 180 || Math.abs(y) > 90)) return false;
  }
  let start = 0;
  for (let r = 0; r < f.ends.length; r++) {
    const end = f.ends[r]!;
    if (end - start < 4) return false;
    if (xy[2 * start] !== xy[2 * end - 2] || xy[2 * start + 1] !== xy[2 * end - 1]) return false;
    let distinct = 1;
    for (let v = start + 1; v < end; v++)
      if (xy[2 * v] !== xy[2 * v - 2] || xy[2 * v + 1] !== xy[2 * v - 1]) distinct++;
    if (distinct < 4) return false;
    start = end;
  }
  return true;
}

function checkGeometry(g: Geometry, ctx: Ctx): void {
  const flat = flatOf(g);
  if (flat && ctx.figuresOnly && flatFiguresPass(flat, ctx.geographic)) return;
  if (g.type === 'GeometryCollection') {
    if (!Array.isArray(g.geometries)) {
      ctx.out.push(errorOf('invalid-geometry', { detail: '"geometries" must be an array' }, ctx.where));
      return;
    }
    for (const part of g.geometries) {
      if (typeof part !== 'object' || part === null) {
        ctx.out.push(
          errorOf('invalid-geometry', { detail: 'a member of "geometries" is not an object' }, ctx.where),
        );
      } else checkGeometry(part, ctx);
    }
    return;
  }
  const depth = DEPTH[(g as { type: string }).type];
  if (depth === undefined) {
    const type = String((g as { type?: unknown }).type).slice(0, 40);
    ctx.out.push(errorOf('invalid-geometry', { detail: `unknown type "${type}"` }, ctx.where));
    return;
  }
  if (!checkPositions(g.coordinates, depth - 1, ctx, 'coordinates')) return;
  if (Array.isArray(g.coordinates) && g.coordinates.length === 0) {
    ctx.out.push(warningOf('empty-geometry', {}, ctx.where));
    return;
  }
  switch (g.type) {
    case 'LineString':
      return checkLine(g.coordinates, ctx);
    case 'MultiLineString':
      return g.coordinates.forEach((l) => checkLine(l, ctx));
    case 'Polygon':
      return checkPolygon(g.coordinates, ctx);
    case 'MultiPolygon':
      return g.coordinates.forEach((p) => checkPolygon(p, ctx));
    default:
      return;
  }
}

/** Structural problems geojson-validation finds that the specific checks above do not name. */
function structureProblems(feature: unknown, where: Where): IoProblem[] {
  const errors = gjv.isFeature(feature, true);
  if (errors.length === 0) return [];
  const geometryErrors = errors.filter((e) => !/^must have a member with the name "(properties)"/.test(e));
  return geometryErrors.length > 0
    ? [errorOf('invalid-feature', { detail: geometryErrors.slice(0, 2).join('; ').slice(0, 160) }, where)]
    : [];
}

/** Validates features; each problem carries the feature index and name. */
export function validateFeatures(features: readonly Feature[], opts: ValidateOptions = {}): IoProblem[] {
  const fields = resolveFieldMapping(opts.role ?? 'zone', features.slice(0, 1000));
  const layer = { fields, role: opts.role ?? 'zone' };
  const out: IoProblem[] = [];
  features.forEach((feature, index) => {
    const name = typeof feature === 'object' && feature ? fieldText(layer, feature, 'name') : undefined;
    const where: Where = { file: opts.file, layer: opts.layer, feature: index, name };
    const ctx: Ctx = {
      where,
      geographic: opts.geographic ?? true,
      figuresOnly: opts.figuresOnly ?? false,
      out: [],
      parts: [],
      wrongWinding: false,
      antimeridian: false,
      ...(opts.plane ? { plane: workspaceFor('plane', opts.plane) } : {}),
    };
    const g = (feature as { geometry?: unknown } | null)?.geometry;
    if (g !== null && g !== undefined) {
      if (typeof g !== 'object')
        ctx.out.push(errorOf('invalid-geometry', { detail: 'geometry is not an object' }, where));
      else checkGeometry(g as Geometry, ctx);
      if (!ctx.figuresOnly) checkValidity(ctx);
    }
    // The library's generic wording is only used where no specific check has spoken.
    if (!ctx.figuresOnly && !ctx.out.some((p) => p.severity === 'error'))
      ctx.out.push(...structureProblems(feature, where));
    out.push(...ctx.out);
  });
  return capPerCode(out, opts.maxPerCode ?? 200, opts.file);
}

/** Keeps at most `max` problems per code and adds one summary problem for the rest. */
export function capPerCode(problems: IoProblem[], max: number, file?: string): IoProblem[] {
  const counts = new Map<string, number>();
  const out: IoProblem[] = [];
  for (const p of problems) {
    const n = (counts.get(p.code) ?? 0) + 1;
    counts.set(p.code, n);
    if (n <= max) out.push(p);
  }
  for (const [code, n] of counts) {
    if (n > max) {
      const severity = problems.find((p) => p.code === code)!.severity;
      const summary = (severity === 'error' ? errorOf : warningOf)(
        'too-many-problems',
        { count: n - max, problemCode: code },
        { file },
      );
      out.push(summary);
    }
  }
  return out;
}
