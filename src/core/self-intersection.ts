// Finds the proper crossings among the edges of a polygon's rings (edges that cross at an interior
// point of both). Touching at a vertex and collinear overlap do not change an area and are left alone.
import Flatbush from 'flatbush';

export interface Crossing {
  /** ring number and edge number (edge i runs from vertex i to i+1) of both edges */
  ringA: number;
  edgeA: number;
  tA: number;
  ringB: number;
  edgeB: number;
  tB: number;
  x: number;
  y: number;
}

interface Edge {
  ring: number;
  edge: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function crossingOf(a: Edge, b: Edge): Crossing | undefined {
  const rx = a.x2 - a.x1;
  const ry = a.y2 - a.y1;
  const sx = b.x2 - b.x1;
  const sy = b.y2 - b.y1;
  const d1 = rx * (b.y1 - a.y1) - ry * (b.x1 - a.x1);
  const d2 = rx * (b.y2 - a.y1) - ry * (b.x2 - a.x1);
  if (!((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0))) return undefined;
  const d3 = sx * (a.y1 - b.y1) - sy * (a.x1 - b.x1);
  const d4 = sx * (a.y2 - b.y1) - sy * (a.x2 - b.x1);
  if (!((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return undefined;
  const tA = d3 / (d3 - d4);
  const tB = d1 / (d1 - d2);
  return {
    ringA: a.ring,
    edgeA: a.edge,
    tA,
    ringB: b.ring,
    edgeB: b.edge,
    tB,
    x: a.x1 + tA * rx,
    y: a.y1 + tA * ry,
  };
}

function edgesOf(rings: readonly Float64Array[]): Edge[] {
  const edges: Edge[] = [];
  rings.forEach((r, ring) => {
    for (let i = 0; i + 3 < r.length; i += 2) {
      const x1 = r[i]!;
      const y1 = r[i + 1]!;
      const x2 = r[i + 2]!;
      const y2 = r[i + 3]!;
      if (x1 !== x2 || y1 !== y2) edges.push({ ring, edge: i / 2, x1, y1, x2, y2 });
    }
  });
  return edges;
}

const BRUTE_FORCE_EDGES = 48;

function orient(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

/** Whether any two edges of a small closed flat ring cross properly (no allocation). */
function smallRingCrosses(r: Float64Array): boolean {
  const n = r.length / 2 - 1;
  for (let i = 0; i < n; i++) {
    const ax = r[2 * i]!;
    const ay = r[2 * i + 1]!;
    const bx = r[2 * i + 2]!;
    const by = r[2 * i + 3]!;
    for (let j = i + 2; j < n; j++) {
      const cx = r[2 * j]!;
      const cy = r[2 * j + 1]!;
      const dx = r[2 * j + 2]!;
      const dy = r[2 * j + 3]!;
      const d1 = orient(ax, ay, bx, by, cx, cy);
      const d2 = orient(ax, ay, bx, by, dx, dy);
      if (!((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0))) continue;
      const d3 = orient(cx, cy, dx, dy, ax, ay);
      const d4 = orient(cx, cy, dx, dy, bx, by);
      if ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) return true;
    }
  }
  return false;
}

/** All proper crossings among the edges of the rings (brute force when small, else a flatbush). */
export function findCrossings(rings: readonly Float64Array[]): Crossing[] {
  // Most rings are small parcels without a crossing: rule that out without allocating edge objects.
  if (rings.length === 1 && rings[0]!.length < 2 * BRUTE_FORCE_EDGES && !smallRingCrosses(rings[0]!))
    return [];
  const edges = edgesOf(rings);
  const out: Crossing[] = [];
  if (edges.length < BRUTE_FORCE_EDGES) {
    for (let i = 0; i < edges.length; i++)
      for (let j = i + 1; j < edges.length; j++) {
        const c = crossingOf(edges[i]!, edges[j]!);
        if (c) out.push(c);
      }
    return out;
  }
  const index = new Flatbush(edges.length);
  for (const e of edges)
    index.add(Math.min(e.x1, e.x2), Math.min(e.y1, e.y2), Math.max(e.x1, e.x2), Math.max(e.y1, e.y2));
  index.finish();
  edges.forEach((e, i) => {
    for (const j of index.search(
      Math.min(e.x1, e.x2),
      Math.min(e.y1, e.y2),
      Math.max(e.x1, e.x2),
      Math.max(e.y1, e.y2),
    )) {
      if (j <= i) continue;
      const c = crossingOf(e, edges[j]!);
      if (c) out.push(c);
    }
  });
  return out;
}

/**
 * Splits closed rings at the given crossings into simple closed loops. Each crossing point is one
 * computed value shared by both edges, so a loop closes exactly where its walk meets a point again.
 */
export function splitIntoLoops(
  rings: readonly Float64Array[],
  crossings: readonly Crossing[],
): Float64Array[] {
  const perEdge = new Map<string, { t: number; x: number; y: number }[]>();
  const add = (ring: number, edge: number, t: number, x: number, y: number) => {
    const key = `${ring}:${edge}`;
    const list = perEdge.get(key);
    if (list) list.push({ t, x, y });
    else perEdge.set(key, [{ t, x, y }]);
  };
  for (const c of crossings) {
    add(c.ringA, c.edgeA, c.tA, c.x, c.y);
    add(c.ringB, c.edgeB, c.tB, c.x, c.y);
  }
  const loops: Float64Array[] = [];
  rings.forEach((r, ring) => {
    const pts: number[] = [];
    for (let i = 0; i + 3 < r.length; i += 2) {
      pts.push(r[i]!, r[i + 1]!);
      const extra = perEdge.get(`${ring}:${i / 2}`);
      if (extra) for (const p of extra.sort((a, b) => a.t - b.t)) pts.push(p.x, p.y);
    }
    const stack: number[] = [];
    const seen = new Map<string, number>();
    const emit = (from: number, x: number, y: number) => {
      // the loop is stack[from..] closed back to (x, y)
      const loop = stack.splice(from);
      for (let k = 0; k < loop.length; k += 2) seen.delete(`${loop[k]},${loop[k + 1]}`);
      loop.push(x, y);
      if (loop.length >= 8) loops.push(Float64Array.from(loop));
    };
    for (let k = 0; k < pts.length; k += 2) {
      const x = pts[k]!;
      const y = pts[k + 1]!;
      const key = `${x},${y}`;
      const at = seen.get(key);
      if (at !== undefined) {
        emit(at, x, y);
      }
      seen.set(key, stack.length);
      stack.push(x, y);
    }
    if (stack.length >= 6) emit(0, stack[0]!, stack[1]!);
  });
  return loops;
}
