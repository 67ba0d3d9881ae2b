// Splits self-intersecting polygon rings into valid polygons the way GEOS MakeValid (its "linework"
// method) does: node every ring at its crossings, trace the faces of the planar graph they form,
// then keep the faces covered an odd number of times by the original rings.
import { pointInRing } from '../geometry/point-in-ring.ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringCrossings } from '../geometry/ring-crossings.ts';
import { ringSignedArea2 } from '../shapefile/shp.ts';
import { withoutRepeats } from '../validate.ts';

const key = (p: Position): string => `${p[0]},${p[1]}`;

/** The ring with every self-crossing point inserted as a vertex in both segments it lies on. */
export function nodeRing(ring: readonly Position[]): Position[] {
  const inserts = new Map<number, { t: number; p: Position }[]>();
  const add = (seg: number, p: Position): void => {
    const a = ring[seg]!;
    const b = ring[seg + 1]!;
    if (key(p) === key(a) || key(p) === key(b)) return;
    const dx = b[0]! - a[0]!;
    const dy = b[1]! - a[1]!;
    const t = Math.abs(dx) >= Math.abs(dy) ? (p[0]! - a[0]!) / dx : (p[1]! - a[1]!) / dy;
    const list = inserts.get(seg) ?? [];
    if (!list.some((x) => key(x.p) === key(p))) list.push({ t, p });
    inserts.set(seg, list);
  };
  for (const c of ringCrossings(ring)) {
    // One shared array for both segments so the two copies compare equal exactly.
    const p: Position = [c.at[0], c.at[1]];
    add(c.a, p);
    add(c.b, p);
  }
  const out: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    out.push(ring[i]!);
    const extra = inserts.get(i);
    if (extra) for (const x of extra.sort((u, v) => u.t - v.t)) out.push(x.p);
  }
  out.push(ring[ring.length - 1]!);
  return out;
}

/**
 * The cycles of the planar graph the noded rings form, each traced with its face on the left:
 * bounded faces come out counter-clockwise, the outer boundary of each connected part clockwise.
 */
export function faceCycles(nodedRings: readonly Position[][]): Position[][] {
  const points = new Map<string, Position>();
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    neighbours.get(a)!.add(b);
  };
  for (const ring of nodedRings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = key(ring[i]!);
      const b = key(ring[i + 1]!);
      if (a === b) continue;
      points.set(a, ring[i]!);
      points.set(b, ring[i + 1]!);
      link(a, b);
      link(b, a);
    }
  }
  const sorted = new Map<string, string[]>();
  for (const [k, set] of neighbours) {
    const p = points.get(k)!;
    const angle = (q: string): number => Math.atan2(points.get(q)![1]! - p[1]!, points.get(q)![0]! - p[0]!);
    sorted.set(
      k,
      [...set].sort((a, b) => angle(a) - angle(b)),
    );
  }
  const used = new Set<string>();
  const cycles: Position[][] = [];
  for (const [start, list] of sorted) {
    for (const first of list) {
      if (used.has(`${start}>${first}`)) continue;
      const cycle: Position[] = [points.get(start)!];
      let u = start;
      let v = first;
      while (!used.has(`${u}>${v}`)) {
        used.add(`${u}>${v}`);
        cycle.push(points.get(v)!);
        const around = sorted.get(v)!;
        // Turn to the neighbour just clockwise of where we came from: keeps the face on the left.
        const k = around.indexOf(u);
        const w = around[(k - 1 + around.length) % around.length]!;
        u = v;
        v = w;
      }
      cycles.push(cycle);
    }
  }
  return cycles;
}

/** Cuts a closed cycle that passes a vertex twice (a pinched face) into loops that do not. */
export function splitAtRepeats(cycle: readonly Position[]): Position[][] {
  const loops: Position[][] = [];
  const path: Position[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < cycle.length - 1; i++) {
    const p = cycle[i]!;
    const at = seen.get(key(p));
    if (at === undefined) {
      seen.set(key(p), path.length);
      path.push(p);
      continue;
    }
    const loop = path.splice(at + 1);
    for (const q of loop) seen.delete(key(q));
    if (loop.length >= 2) loops.push([path[at]!, ...loop, path[at]!]);
  }
  if (path.length >= 3) loops.push([...path, path[0]!]);
  return loops;
}

interface Face {
  ring: Position[];
  area: number;
  holes: Position[][];
}

/**
 * A point inside the first loop and outside the others: the middle of the first inside stretch of
 * a horizontal line through the loop, with every given ring counted even-odd.
 */
function interiorPoint(rings: readonly Position[][]): [number, number] | undefined {
  const ys = [...new Set(rings[0]!.map((p) => p[1]!))].sort((a, b) => a - b);
  for (let k = 0; k + 1 < ys.length; k++) {
    const y = (ys[k]! + ys[k + 1]!) / 2;
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i]!;
        const b = ring[j]!;
        if (a[1]! > y !== b[1]! > y) xs.push(((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!) + a[0]!);
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const x = (xs[i]! + xs[i + 1]!) / 2;
      if (xs[i + 1]! > xs[i]! && pointInRing(x, y, rings[0]!)) return [x, y];
    }
  }
  return undefined;
}

/**
 * Builds RFC 7946 polygons from face cycles: each counter-clockwise cycle with the component
 * boundaries directly inside it is a face, kept when it lies inside an odd number of the original
 * rings (the even-odd rule GEOS MakeValid applies).
 */
export function polygonsFromFaces(
  cycles: Position[][],
  originalRings: readonly Position[][],
): Position[][][] {
  const faces: Face[] = [];
  const holes: Position[][] = [];
  for (const ring of cycles.flatMap(splitAtRepeats)) {
    const a2 = ringSignedArea2(ring);
    if (a2 > 0) faces.push({ ring, area: a2 / 2, holes: [] });
    else if (a2 < 0) holes.push(ring);
  }
  faces.sort((a, b) => a.area - b.area);
  for (const hole of holes) {
    const a = hole[0]!;
    const b = hole[1]!;
    // A point just left of the boundary's first edge: outside the component, in the face around it.
    const mx = (a[0]! + b[0]!) / 2 - (b[1]! - a[1]!) * 1e-6;
    const my = (a[1]! + b[1]!) / 2 + (b[0]! - a[0]!) * 1e-6;
    // The smallest face around a component is the one it makes a hole in; the outermost
    // component's boundary has none and is dropped.
    const owner = faces.find((f) => pointInRing(mx, my, f.ring));
    owner?.holes.push(hole);
  }
  const out: Position[][][] = [];
  for (const face of faces) {
    const p = interiorPoint([face.ring, ...face.holes]);
    if (!p) continue;
    const cover = originalRings.reduce((n, r) => n + (pointInRing(p[0], p[1], r) ? 1 : 0), 0);
    if (cover % 2 === 1) out.push([face.ring, ...face.holes]);
  }
  return out;
}

export interface MakeValidResult {
  geometry: Polygon | MultiPolygon;
  /** how many polygons the repaired geometry has */
  parts: number;
  changed: boolean;
}

export function makeValidPolygonal(g: Polygon | MultiPolygon): MakeValidResult {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let changed = false;
  const out: Position[][][] = [];
  for (const rings of polygons) {
    const cleanRings = rings.map(withoutRepeats);
    const noded = cleanRings.map(nodeRing);
    const crossed = cleanRings.some((r) => ringCrossings(r, 1).length > 0);
    if (!crossed && cleanRings.every((r, i) => r.length === rings[i]!.length)) {
      out.push(rings);
      continue;
    }
    changed = true;
    out.push(...polygonsFromFaces(faceCycles(noded), cleanRings));
  }
  if (!changed) return { geometry: g, parts: polygons.length, changed: false };
  const geometry: Polygon | MultiPolygon =
    out.length === 1 ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
  return { geometry, parts: out.length, changed: true };
}
