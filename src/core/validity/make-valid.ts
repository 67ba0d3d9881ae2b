// The repair GEOS MakeValid makes of an invalid polygon, as far as its area goes: node every ring
// at every point where edges meet, keep each stretch of edge once, drop dangling stretches
// (spikes), trace the faces of the planar graph, and keep the faces nested inside an even number of
// other faces (GEOS's BuildArea, ported from PostGIS: a hole in a hole is an island, a hole outside
// the shell a piece of its own, a repeated hole one hole). Written here because no JavaScript
// library gives GEOS's answer; the cases are checked against shapely 1.8 / GEOS 3.11 fixtures.
import { findContacts } from './contacts.ts';
import { flatToPc, pcToFlat, safeClip, type PcMultiPolygon } from '../polyclip-safe.ts';
import { pointInFlatRing } from './check.ts';

/** Signed shoelace area relative to the first vertex (counter-clockwise positive). */
export function signedArea(r: ArrayLike<number>): number {
  const n = r.length;
  if (n < 8) return 0;
  const x0 = r[0]!;
  const y0 = r[1]!;
  let sum = 0;
  for (let i = 2; i + 3 < n; i += 2)
    sum += (r[i]! - x0) * (r[i + 3]! - y0) - (r[i + 2]! - x0) * (r[i + 1]! - y0);
  return sum / 2;
}

interface Graph {
  xs: number[];
  ys: number[];
  /** neighbours of each node, sorted counter-clockwise by angle */
  adj: number[][];
}

// Node pairs as one number: a directed stretch u→v is u·M + v (exact below 2^53 for any ring).
const M = 2 ** 26;
const edgeKey = (u: number, v: number): number => u * M + v;

interface Noded {
  xs: number[];
  ys: number[];
  /** each stretch of edge once, as edgeKey(a, b) with a < b */
  edges: Set<number>;
}

/** The rings' edges cut at every point where edges meet, each stretch kept once. */
function nodedEdges(rings: readonly Float64Array[]): Noded {
  const splits = new Map<number, [number, number][]>();
  const edgeId = (ring: number, edge: number) => ring * 1e9 + edge;
  const addSplit = (ring: number, edge: number, x: number, y: number) => {
    const id = edgeId(ring, edge);
    const list = splits.get(id);
    if (list) list.push([x, y]);
    else splits.set(id, [[x, y]]);
  };
  for (const c of findContacts(rings)) {
    addSplit(c.ringA, c.edgeA, c.x, c.y);
    addSplit(c.ringB, c.edgeB, c.x, c.y);
    if (c.kind === 'overlap') {
      addSplit(c.ringA, c.edgeA, c.x2, c.y2);
      addSplit(c.ringB, c.edgeB, c.x2, c.y2);
    }
  }
  const g = { xs: [] as number[], ys: [] as number[] };
  const ids = new Map<string, number>();
  const nodeOf = (x: number, y: number): number => {
    const k = `${x},${y}`;
    let id = ids.get(k);
    if (id === undefined) {
      id = g.xs.length;
      ids.set(k, id);
      g.xs.push(x);
      g.ys.push(y);
    }
    return id;
  };
  const edges = new Set<number>();
  const link = (a: number, b: number) => {
    if (a === b) return;
    const k = a < b ? edgeKey(a, b) : edgeKey(b, a);
    edges.add(k);
  };
  rings.forEach((r, ring) => {
    for (let e = 0; e + 3 < r.length; e += 2) {
      const ax = r[e]!;
      const ay = r[e + 1]!;
      const bx = r[e + 2]!;
      const by = r[e + 3]!;
      const extra = splits.get(edgeId(ring, e / 2));
      let prev = nodeOf(ax, ay);
      if (extra) {
        const dx = bx - ax;
        const dy = by - ay;
        const along =
          Math.abs(dx) >= Math.abs(dy)
            ? (p: number[]) => (p[0]! - ax) / dx
            : (p: number[]) => (p[1]! - ay) / dy;
        for (const p of extra.sort((u, v) => along(u) - along(v))) {
          const t = along(p);
          if (!(t > 0 && t < 1)) continue;
          const id = nodeOf(p[0]!, p[1]!);
          link(prev, id);
          prev = id;
        }
      }
      link(prev, nodeOf(bx, by));
    }
  });
  return { ...g, edges };
}

/** The graph of some of the stretches, without dangling ones (spikes bound no face). */
function graphOf(n: Noded, edges: ReadonlySet<number>): Graph {
  const g: Graph = { xs: n.xs, ys: n.ys, adj: n.xs.map(() => []) };
  for (const k of edges) {
    const a = Math.floor(k / M);
    const b = k % M;
    g.adj[a]!.push(b);
    g.adj[b]!.push(a);
  }
  const degree = g.adj.map((a) => a.length);
  const queue = degree.flatMap((d, i) => (d === 1 ? [i] : []));
  const removed = new Set<number>();
  while (queue.length) {
    const v = queue.pop()!;
    for (const w of g.adj[v]!) {
      const k = v < w ? edgeKey(v, w) : edgeKey(w, v);
      if (removed.has(k)) continue;
      removed.add(k);
      degree[v]!--;
      if (--degree[w]! === 1) queue.push(w);
    }
  }
  if (removed.size)
    g.adj = g.adj.map((list, v) => list.filter((w) => !removed.has(v < w ? edgeKey(v, w) : edgeKey(w, v))));
  g.adj = g.adj.map((list, v) => {
    const angle = (w: number) => Math.atan2(g.ys[w]! - g.ys[v]!, g.xs[w]! - g.xs[v]!);
    return list
      .map((w) => [angle(w), w] as const)
      .sort((p, q) => p[0] - q[0])
      .map((p) => p[1]);
  });
  return g;
}

interface Loop {
  ring: Float64Array;
  /** the directed stretches (edgeKey(u, v)) it runs along, its face on their left */
  halfEdges: number[];
}

/**
 * The boundary cycles of the graph's faces, each with its face on the left, cut where they pass a
 * node twice: bounded faces come out counter-clockwise, the outline of each connected piece
 * (a hole in whatever face holds it) clockwise.
 */
function faceLoops(g: Graph, only?: ReadonlySet<number>): Loop[] {
  const used = new Set<number>();
  const loops: Loop[] = [];
  const emit = (nodes: number[]) => {
    if (nodes.length < 3) return;
    const r = new Float64Array(nodes.length * 2 + 2);
    const halfEdges: number[] = [];
    nodes.forEach((n, i) => {
      r[2 * i] = g.xs[n]!;
      r[2 * i + 1] = g.ys[n]!;
      halfEdges.push(edgeKey(n, nodes[(i + 1) % nodes.length]!));
    });
    r[nodes.length * 2] = r[0]!;
    r[nodes.length * 2 + 1] = r[1]!;
    loops.push({ ring: r, halfEdges });
  };
  for (let start = 0; start < g.adj.length; start++) {
    for (const first of g.adj[start]!) {
      if (used.has(edgeKey(start, first)) || (only && !only.has(edgeKey(start, first)))) continue;
      const cycle: number[] = [start];
      let u = start;
      let v = first;
      while (!used.has(edgeKey(u, v))) {
        used.add(edgeKey(u, v));
        cycle.push(v);
        const around = g.adj[v]!;
        // The neighbour just clockwise of where we came from keeps the face on the left.
        const k = around.indexOf(u);
        let w = around[(k - 1 + around.length) % around.length]!;
        for (let j = 2; only && !only.has(edgeKey(v, w)) && j <= around.length; j++)
          w = around[(k - j + around.length) % around.length]!;
        u = v;
        v = w;
      }
      cycle.pop();
      // A face whose boundary passes a node twice is cut there into simple loops.
      const path: number[] = [];
      const at = new Map<number, number>();
      for (const n of cycle) {
        const seen = at.get(n);
        if (seen === undefined) {
          at.set(n, path.length);
          path.push(n);
          continue;
        }
        const loop = path.splice(seen + 1);
        for (const m of loop) at.delete(m);
        emit([n, ...loop]);
      }
      emit(path);
    }
  }
  return loops;
}

/** A point inside the first ring and outside the others (a scan line through the middle). */
function interiorPoint(rings: readonly Float64Array[]): [number, number] | undefined {
  const shell = rings[0]!;
  const ys: number[] = [];
  for (let i = 1; i < shell.length; i += 2) ys.push(shell[i]!);
  const sorted = [...new Set(ys)].sort((a, b) => a - b);
  // Try the widest gaps between vertex heights first: they are the most robust.
  const gaps = sorted.slice(1).map((y, k) => [y - sorted[k]!, (y + sorted[k]!) / 2] as const);
  gaps.sort((a, b) => b[0] - a[0]);
  for (const [, y] of gaps.slice(0, 8)) {
    const xs: number[] = [];
    for (const r of rings)
      for (let i = 0; i + 3 < r.length; i += 2) {
        const y1 = r[i + 1]!;
        const y2 = r[i + 3]!;
        if (y1 > y !== y2 > y) xs.push(r[i]! + ((y - y1) * (r[i + 2]! - r[i]!)) / (y2 - y1));
      }
    xs.sort((a, b) => a - b);
    let best: [number, number] | undefined;
    let width = 0;
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = xs[i + 1]! - xs[i]!;
      if (w > width) {
        width = w;
        best = [(xs[i]! + xs[i + 1]!) / 2, y];
      }
    }
    if (best && pointInFlatRing(shell, best[0], best[1])) return best;
  }
  return undefined;
}

interface Face {
  shell: Float64Array;
  area: number;
  holes: Float64Array[];
  box: [number, number, number, number];
}

function boxOf(r: Float64Array): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 1 < r.length; i += 2) {
    b[0] = Math.min(b[0], r[i]!);
    b[1] = Math.min(b[1], r[i + 1]!);
    b[2] = Math.max(b[2], r[i]!);
    b[3] = Math.max(b[3], r[i + 1]!);
  }
  return b;
}

const inBox = (b: readonly number[], x: number, y: number) =>
  x >= b[0]! && x <= b[2]! && y >= b[1]! && y <= b[3]!;

/**
 * GEOS's BuildArea on a graph: its faces (each with the outlines directly inside it as holes), the
 * faces nested in an even number of other faces kept; and the stretches on the boundary of what
 * is kept.
 */
type GraphFace = Face & { halfEdges: number[]; kept: boolean };

/** The connected piece of each node (a label per node). */
function components(g: Graph): Int32Array {
  const label = new Int32Array(g.adj.length).fill(-1);
  let next = 0;
  for (let start = 0; start < g.adj.length; start++) {
    if (label[start] !== -1) continue;
    const stack = [start];
    label[start] = next;
    while (stack.length) {
      const v = stack.pop()!;
      for (const w of g.adj[v]!)
        if (label[w] === -1) {
          label[w] = next;
          stack.push(w);
        }
    }
    next++;
  }
  return label;
}

/**
 * The bounded faces of a graph, smallest first, each with the outlines directly inside it as its
 * holes, and which face lies left of each directed stretch.
 */
function facesOf(g: Graph): { faces: GraphFace[]; leftOf: Map<number, GraphFace> } {
  const faces: GraphFace[] = [];
  const outlines: Loop[] = [];
  for (const loop of faceLoops(g)) {
    const a = signedArea(loop.ring);
    if (a > 0)
      faces.push({
        shell: loop.ring,
        area: a,
        holes: [],
        box: boxOf(loop.ring),
        halfEdges: loop.halfEdges,
        kept: false,
      });
    else if (a < 0) outlines.push(loop);
  }
  faces.sort((p, q) => p.area - q.area);
  const leftOf = new Map<number, GraphFace>();
  for (const f of faces) for (const h of f.halfEdges) leftOf.set(h, f);
  // An outline bounds a connected piece of the graph; the face holding it is the smallest face of
  // another piece around one of its vertices. Pieces share no node (contacts are nodes), so the
  // vertex is strictly inside or outside: no probe beside an edge, which a sliver thinner than the
  // probe's offset would put in the wrong face (a hole 11 µm outside its shell lost both).
  const piece = components(g);
  const pieceOf = (halfEdges: readonly number[]) => piece[Math.floor(halfEdges[0]! / M)]!;
  for (const o of outlines) {
    const r = o.ring;
    const own = pieceOf(o.halfEdges);
    const owner = faces.find(
      (f) =>
        pieceOf(f.halfEdges) !== own && inBox(f.box, r[0]!, r[1]!) && pointInFlatRing(f.shell, r[0]!, r[1]!),
    );
    if (!owner) continue;
    owner.holes.push(r);
    for (const h of o.halfEdges) leftOf.set(h, owner);
  }
  return { faces, leftOf };
}

/** The directed stretches with a kept face on their left and none on their right. */
function keptBoundary(leftOf: ReadonlyMap<number, GraphFace>): Set<number> {
  const keptLeft = new Set<number>();
  for (const [h, f] of leftOf) {
    if (!f.kept) continue;
    const twin = leftOf.get(edgeKey(h % M, Math.floor(h / M)));
    if (!twin?.kept) keptLeft.add(h);
  }
  return keptLeft;
}

/**
 * GEOS's BuildArea on a graph: its faces (each with the outlines directly inside it as holes), the
 * faces nested in an even number of other faces kept; and the stretches on the boundary of what
 * is kept.
 */
function buildArea(g: Graph): {
  polys: Float64Array[][];
  boundary: Set<number>;
  /** the boundary's directed stretches with the kept side on their left */
  keptLeft: Set<number>;
  /** whether two kept faces share a stretch */
  shared: boolean;
} {
  const { faces, leftOf } = facesOf(g);
  const polys: Float64Array[][] = [];
  for (const f of faces) {
    const p = interiorPoint([f.shell, ...f.holes]);
    if (!p) continue;
    let depth = 0;
    for (const other of faces)
      if (other !== f && inBox(other.box, p[0], p[1]) && pointInFlatRing(other.shell, p[0], p[1])) depth++;
    f.kept = depth % 2 === 0;
    if (f.kept) polys.push([f.shell, ...f.holes]);
  }
  const boundary = new Set<number>();
  const keptLeft = new Set<number>();
  let shared = false;
  for (const [h, f] of leftOf) {
    const u = Math.floor(h / M);
    const v = h % M;
    const twin = leftOf.get(edgeKey(v, u));
    if (f.kept !== (twin?.kept ?? false)) {
      boundary.add(u < v ? h : edgeKey(v, u));
      if (f.kept) keptLeft.add(h);
    } else if (f.kept && twin !== f) shared = true;
  }
  return { polys, boundary, keptLeft, shared };
}

/**
 * The outline of kept faces that lie side by side, traced along the stretches with the kept side
 * on their left: shells counter-clockwise, each hole given to the smallest shell around it.
 */
function dissolve(g: Graph, keptLeft: ReadonlySet<number>): Float64Array[][] {
  const shells: Face[] = [];
  const holes: Float64Array[] = [];
  for (const loop of faceLoops(g, keptLeft)) {
    const a = signedArea(loop.ring);
    if (a > 0) shells.push({ shell: loop.ring, area: a, holes: [], box: boxOf(loop.ring) });
    else if (a < 0) holes.push(loop.ring);
  }
  shells.sort((p, q) => p.area - q.area);
  for (const h of holes) {
    const mx = (h[0]! + h[2]!) / 2 - (h[3]! - h[1]!) * 1e-7;
    const my = (h[1]! + h[3]!) / 2 + (h[2]! - h[0]!) * 1e-7;
    shells.find((f) => inBox(f.box, mx, my) && pointInFlatRing(f.shell, mx, my))?.holes.push(h);
  }
  return shells.map((f) => [f.shell, ...f.holes]);
}

const toPc = (polys: readonly Float64Array[][]): PcMultiPolygon => polys.map((p) => p.map(flatToPc));

/**
 * The polygons (shell counter-clockwise, holes clockwise) GEOS MakeValid makes of one polygon's
 * rings (any orientation, closed, no consecutive repeats): BuildArea on the noded stretches, then
 * again on the stretches not on the boundary of what was built, each result added by symmetric
 * difference (PostGIS's and GEOS's loop). Undefined when a clipping step failed.
 */
export function makeValidPolygon(
  rings: readonly Float64Array[],
  grid: readonly number[],
): Float64Array[][] | undefined {
  const noded = nodedEdges(rings);
  let edges = noded.edges;
  let result: Float64Array[][] | undefined;
  for (;;) {
    const graph = graphOf(noded, edges);
    const built = buildArea(graph);
    if (built.polys.length === 0) break;
    if (!result) {
      // Kept faces side by side (a hole along the shell's edge, a spike's chord) become one outline.
      result = built.shared ? dissolve(graph, built.keptLeft) : built.polys;
    } else {
      const x = safeClip('xor', [toPc(result), toPc(built.polys)], grid);
      result = x
        ? x.map((p) => p.map(pcToFlat))
        : overlayByFaces([result, built.polys], (holding) => holding === 1);
    }
    const rest = new Set([...edges].filter((e) => !built.boundary.has(e)));
    if (rest.size === 0 || rest.size === edges.size) break;
    edges = rest;
  }
  return result ?? [];
}

const insidePolygon = (poly: readonly Float64Array[], x: number, y: number): boolean =>
  pointInFlatRing(poly[0]!, x, y) && !poly.slice(1).some((h) => pointInFlatRing(h, x, y));

/**
 * An overlay of valid polygonal geometries on the same noded graph the repair uses: every face of
 * all their rings is kept when `keep` accepts how many of the geometries hold it (union: at least
 * one, symmetric difference: an odd number), and the kept faces are traced as one outline. The
 * fallback when polyclip cannot finish a ring on awkward coordinates (its "Unable to complete
 * output ring"), so that a figure is never the overlapping parts added up.
 */
export function overlayByFaces(
  geometries: readonly (readonly Float64Array[][])[],
  keep: (holding: number) => boolean,
): Float64Array[][] {
  const rings = geometries.flat(2).filter((r) => r.length >= 8);
  if (rings.length === 0) return [];
  const noded = nodedEdges(rings);
  const graph = graphOf(noded, noded.edges);
  const { faces, leftOf } = facesOf(graph);
  for (const f of faces) {
    const p = interiorPoint([f.shell, ...f.holes]);
    if (!p) continue;
    let holding = 0;
    for (const geometry of geometries)
      if (geometry.some((poly) => insidePolygon(poly, p[0], p[1]))) holding++;
    f.kept = keep(holding);
  }
  return dissolve(graph, keptBoundary(leftOf));
}
