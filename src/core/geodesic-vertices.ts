// Polyclip computes the vertices of a union or intersection where the lon/lat chords of the input
// edges cross. On the ellipsoid those vertices are moved to where the two geodesic edges cross, and a
// vertex of one input lying on the chord of another's edge (a T-junction) to where its boundary meets
// that edge's geodesic (touchPoint), so that the result's edges follow the inputs' geodesic edges (boundary-correction.ts does
// the same for areas measured without building a shape).
import { geodesicCrossing, touchPoint, type NeighbourEdge } from './geodesic-crossing.ts';
import type { PcMultiPolygon } from './polyclip-safe.ts';
import { segmentsNear } from './segment-index.ts';
import { segmentIndexOf, type Shape } from './shape.ts';

// A vertex within this distance (degrees, ~0.1 mm) of an input chord lies on it; polyclip's snapped
// retries move vertices by 1e-10 at most.
const ON_CHORD = 1e-9;

interface Edge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The input edges whose chords pass through (x, y), other than at their ends. */
function edgesThrough(inputs: readonly Shape[], x: number, y: number): Edge[] {
  const out: Edge[] = [];
  for (const s of inputs) {
    const si = segmentIndexOf(s);
    for (const k of segmentsNear(si, x - ON_CHORD, y - ON_CHORD, x + ON_CHORD, y + ON_CHORD)) {
      const x1 = si.segs[4 * k]!;
      const y1 = si.segs[4 * k + 1]!;
      const x2 = si.segs[4 * k + 2]!;
      const y2 = si.segs[4 * k + 3]!;
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (len === 0 || (x === x1 && y === y1) || (x === x2 && y === y2)) continue;
      if (Math.abs((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)) / len <= ON_CHORD)
        out.push({ x1, y1, x2, y2 });
    }
  }
  return out;
}

/** The input edges with (x, y) as an end. */
function edgesEndingAt(inputs: readonly Shape[], x: number, y: number): NeighbourEdge[] {
  const out: NeighbourEdge[] = [];
  for (const s of inputs) {
    const si = segmentIndexOf(s);
    for (const k of segmentsNear(si, x, y, x, y)) {
      const e = {
        x1: si.segs[4 * k]!,
        y1: si.segs[4 * k + 1]!,
        x2: si.segs[4 * k + 2]!,
        y2: si.segs[4 * k + 3]!,
      };
      if ((e.x1 === x && e.y1 === y) || (e.x2 === x && e.y2 === y)) out.push(e);
    }
  }
  return out;
}

/** Where the geodesics of two edges cross, near their chords' crossing; undefined when parallel. */
function crossing(e: Edge, f: Edge): [number, number] | undefined {
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const ex = f.x2 - f.x1;
  const ey = f.y2 - f.y1;
  const den = dx * ey - dy * ex;
  const norm = Math.hypot(dx, dy) * Math.hypot(ex, ey);
  if (norm === 0 || Math.abs(den) <= 1e-9 * norm) return undefined;
  const t = ((f.x1 - e.x1) * ey - (f.y1 - e.y1) * ex) / den;
  const u = ((f.x1 - e.x1) * dy - (f.y1 - e.y1) * dx) / den;
  const g = geodesicCrossing(e.x1, e.y1, e.x2, e.y2, f.x1, f.y1, f.x2, f.y2, t, u);
  return [g[0], g[1]];
}

/** Where a vertex at (x, y) of a clip of `inputs` lies on their geodesic edges. */
export function geodesicPlace(inputs: readonly Shape[], x: number, y: number): [number, number] {
  const edges = edgesThrough(inputs, x, y);
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      const g = crossing(edges[i]!, edges[j]!);
      if (g) return g;
    }
  const e = edges[0];
  if (!e) return [x, y];
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const t = ((x - e.x1) * dx + (y - e.y1) * dy) / (dx * dx + dy * dy);
  const g = touchPoint(e.x1, e.y1, e.x2, e.y2, x, y, t, edgesEndingAt(inputs, x, y));
  return [g[0], g[1]];
}

/** Polyclip's output with its vertices moved onto the geodesics of the input edges they lie on. */
export function onGeodesics(mp: PcMultiPolygon, inputs: readonly Shape[]): PcMultiPolygon {
  const moved = new Map<string, [number, number]>();
  return mp.map((poly) =>
    poly.map((ring) =>
      ring.map((p) => {
        const key = `${p[0]},${p[1]}`;
        let q = moved.get(key);
        if (!q) {
          q = geodesicPlace(inputs, p[0], p[1]);
          moved.set(key, q);
        }
        return q;
      }),
    ),
  );
}
