// Polygon coordinates as flat typed arrays: what the GeoJSON reader fills as it scans the bytes,
// what reprojection converts in one pass and what shapes are built from, without an array per
// vertex. A geometry holding them still looks like GeoJSON to everything else: its `coordinates`
// are made from the arrays the first time something asks (the map, an export, an edit).
import type { Geometry, Position } from './types.ts';

export interface FlatCoords {
  /** 3: a Polygon's rings; 4: a MultiPolygon's polygons of rings */
  depth: 3 | 4;
  /** x0, y0, x1, y1, … of every ring, one after another */
  xy: Float64Array;
  /** vertex index where each ring ends (cumulative, so rings = ends.length) */
  ends: Uint32Array;
  /** depth 4: ring index where each polygon ends (cumulative); empty for depth 3 */
  parts: Uint32Array;
}

/**
 * A Polygon or MultiPolygon over flat coordinates. `coordinates` (nested GeoJSON positions) is made
 * from the arrays the first time something reads it, and `toJSON` writes it, but structured clone
 * and object spread see own properties only: so such geometries stay where the reader's caller
 * asked for them (the CLI, the import worker, which hands plain ones on: see plainGeometry).
 */
// Keys whose memo values are yes/no, each given two bits of FlatGeometry's #bits (15 keys at most).
const memoBits = new Map<string, number>();

export class FlatGeometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  // Private fields: not own properties, so Object.keys, structured clone and validators see a
  // geometry's GeoJSON members only.
  #flat: FlatCoords | undefined;
  #sourceCrs: string | undefined;
  // The source positions as where they lie in their (shared) buffer, not as a Float64Array: a view
  // is ≈ 96 bytes, 9.6 MB for 100 000 parcels read in Gauss-Kruger metres; one is made when asked.
  #sourceBuf: ArrayBufferLike | undefined;
  #sourceAt = 0;
  #sourceLen = 0;
  #nested: Position[][] | Position[][][] | undefined;
  // What core derives from the geometry (its shape per workspace, whether it rounds a pole), held
  // here rather than in WeakMaps: 100 000 ephemeron entries per cache slow every full collection.
  // Yes/no answers are bits of one small integer (two per key: known, value); other values sit in
  // a short key, value, key, value… array. A Map per geometry took ≈ 250 bytes for 100 000 parcels.
  #bits = 0;
  #memo: unknown[] | undefined;
  constructor(flat: FlatCoords) {
    this.type = flat.depth === 3 ? 'Polygon' : 'MultiPolygon';
    this.#flat = flat;
  }
  /** undefined once `coordinates` has been replaced */
  get flat(): FlatCoords | undefined {
    return this.#flat;
  }
  /** the positions in another CRS this geometry was reprojected from (see sourcePositions) */
  get source(): { crs: string; xy: Float64Array } | undefined {
    const xy = this.#sourceXy();
    return this.#sourceCrs !== undefined && xy ? { crs: this.#sourceCrs, xy } : undefined;
  }
  set source(s: { crs: string; xy: Float64Array } | undefined) {
    this.#sourceCrs = s?.crs;
    this.#keepSource(s?.xy);
  }
  /** the positions this geometry had in `crs` before it was reprojected, if it was (a view made per call) */
  sourceIn(crs: string): Float64Array | undefined {
    return this.#sourceCrs === crs ? this.#sourceXy() : undefined;
  }
  #keepSource(xy: Float64Array | undefined): void {
    this.#sourceBuf = xy?.buffer;
    this.#sourceAt = xy ? xy.byteOffset : 0;
    this.#sourceLen = xy ? xy.length : 0;
  }
  #sourceXy(): Float64Array | undefined {
    const b = this.#sourceBuf;
    return b ? new Float64Array(b, this.#sourceAt, this.#sourceLen) : undefined;
  }
  get coordinates(): Position[][] | Position[][][] {
    return (this.#nested ??= nestedCoordinates(this.#flat!));
  }
  /**
   * The same rings moved to other positions (a reprojection, done in place by the reader that owns
   * the geometry); the positions it had are kept as its source in `sourceCrs` when given.
   */
  movePositions(xy: Float64Array, sourceCrs?: string): void {
    const f = this.#flat!;
    if (sourceCrs !== undefined) {
      this.#sourceCrs = sourceCrs;
      this.#keepSource(f.xy);
    }
    this.#flat = withPositions(f, xy);
    this.#nested = undefined;
    this.#memo = undefined;
    this.#bits = 0;
  }
  /** a value derived from this geometry, by key (see #memo) */
  memo(key: string): unknown {
    const bit = memoBits.get(key);
    if (bit !== undefined && this.#bits & (1 << bit)) return (this.#bits & (2 << bit)) !== 0;
    const m = this.#memo;
    if (m) for (let i = 0; i < m.length; i += 2) if (m[i] === key) return m[i + 1];
    return undefined;
  }
  setMemo(key: string, value: unknown): void {
    const m = this.#memo;
    let bit = memoBits.get(key);
    if (typeof value === 'boolean' && bit === undefined && memoBits.size < 15) {
      bit = 2 * memoBits.size;
      memoBits.set(key, bit);
    }
    if (bit !== undefined) {
      this.#bits &= ~(3 << bit);
      if (typeof value === 'boolean') {
        this.#bits |= (value ? 3 : 1) << bit;
        if (m) for (let i = 0; i < m.length; i += 2) if (m[i] === key) m[i + 1] = undefined;
        return;
      }
    }
    if (m) {
      for (let i = 0; i < m.length; i += 2)
        if (m[i] === key) {
          m[i + 1] = value;
          return;
        }
      m.push(key, value);
    } else this.#memo = [key, value];
  }
  set coordinates(v: Position[][] | Position[][][]) {
    this.#memo = undefined;
    this.#bits = 0;
    this.#nested = v;
    this.#flat = undefined;
    this.#sourceCrs = undefined;
    this.#keepSource(undefined);
  }
  toJSON(): unknown {
    const out: Record<string, unknown> = { type: this.type, coordinates: this.coordinates };
    for (const key of Object.keys(this))
      if (key !== 'type') out[key] = (this as unknown as Record<string, unknown>)[key];
    return out;
  }
}

/** The flat coordinates a geometry holds, while its coordinates were never replaced. */
export function flatOf(g: unknown): FlatCoords | undefined {
  return g instanceof FlatGeometry ? g.flat : undefined;
}

/** A plain GeoJSON geometry (own `coordinates`) for one that may be a FlatGeometry. */
export function plainGeometry<G>(g: G): G {
  return g instanceof FlatGeometry ? (g.toJSON() as G) : g;
}

/** A geometry over flat coordinates; the parsed geometry's other members (bbox, …) are kept. */
export function flatGeometry(flat: FlatCoords, members?: Record<string, unknown>): Geometry {
  const g = new FlatGeometry(flat);
  if (members)
    for (const key of Object.keys(members))
      if (key !== 'type' && key !== 'coordinates' && !(key in g))
        (g as unknown as Record<string, unknown>)[key] = members[key];
  return g as unknown as Geometry;
}

/**
 * Ring r as a closed flat array of its finite positions: a view of the geometry's own array when it
 * already is one (the usual case), else a copy without the non-finite positions, closed.
 */
export function closedRing(f: FlatCoords, r: number): Float64Array {
  const start = r === 0 ? 0 : f.ends[r - 1]!;
  const end = f.ends[r]!;
  const xy = f.xy;
  let finite = true;
  for (let k = 2 * start; k < 2 * end; k++) {
    if (!Number.isFinite(xy[k]!)) {
      finite = false;
      break;
    }
  }
  if (finite && end > start && xy[2 * start] === xy[2 * end - 2] && xy[2 * start + 1] === xy[2 * end - 1])
    return xy.subarray(2 * start, 2 * end);
  const out: number[] = [];
  for (let v = start; v < end; v++) {
    const x = xy[2 * v]!;
    const y = xy[2 * v + 1]!;
    if (Number.isFinite(x) && Number.isFinite(y)) out.push(x, y);
  }
  if (out.length >= 2 && (out[0] !== out[out.length - 2] || out[1] !== out[out.length - 1]))
    out.push(out[0]!, out[1]!);
  return Float64Array.from(out);
}

/** Calls visit(x, y) for every position; stops when it returns false. */
export function eachFlatPosition(f: FlatCoords, visit: (x: number, y: number) => boolean | void): boolean {
  const xy = f.xy;
  for (let k = 0; k + 1 < xy.length; k += 2) if (visit(xy[k]!, xy[k + 1]!) === false) return false;
  return true;
}

/** The same rings and polygons over other positions (a reprojection of xy). */
export function withPositions(f: FlatCoords, xy: Float64Array): FlatCoords {
  return { depth: f.depth, xy, ends: f.ends, parts: f.parts };
}

/** Remembers the positions a flat geometry had in `crs` before it was reprojected to lon/lat. */
export function setSourcePositions(g: unknown, crs: string, xy: Float64Array): void {
  if (g instanceof FlatGeometry) g.source = { crs, xy };
}

/**
 * The positions `g` had in `crs` before it was reprojected, if it was: a layer read in
 * Gauss-Kruger metres keeps its own numbers, so measuring in that plane does not convert lon/lat
 * back (the conversion is cached per layer, not done per report).
 */
export function sourcePositions(g: unknown, crs: string): Float64Array | undefined {
  if (!(g instanceof FlatGeometry) || !g.flat) return undefined;
  return g.sourceIn(crs);
}

/** Nested GeoJSON positions from flat coordinates (Polygon: rings; MultiPolygon: polygons). */
export function nestedCoordinates(f: FlatCoords): Position[][] | Position[][][] {
  const rings: Position[][] = new Array(f.ends.length);
  let v = 0;
  for (let r = 0; r < f.ends.length; r++) {
    const end = f.ends[r]!;
    const ring: Position[] = new Array(end - v);
    for (let k = 0; v < end; v++, k++) ring[k] = [f.xy[2 * v]!, f.xy[2 * v + 1]!];
    rings[r] = ring;
  }
  if (f.depth === 3) return rings;
  const polys: Position[][][] = new Array(f.parts.length);
  let r0 = 0;
  for (let p = 0; p < f.parts.length; p++) {
    polys[p] = rings.slice(r0, f.parts[p]!);
    r0 = f.parts[p]!;
  }
  return polys;
}

/** Features with every FlatGeometry made plain GeoJSON (what may cross to the page or be stored). */
export function plainFeatures<F extends { geometry: unknown }>(features: F[]): F[] {
  let out: F[] | undefined;
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    if (!(f.geometry instanceof FlatGeometry)) continue;
    out ??= features.slice();
    out[i] = { ...f, geometry: f.geometry.toJSON() };
  }
  return out ?? features;
}
