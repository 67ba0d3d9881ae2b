// Snapping a dragged or drawn point to what is near it on screen: a vertex of another layer or
// zone part first (its exact coordinates, so the two boundaries share the vertex), else the
// nearest point of an edge. Distances are in screen pixels through the map's projection.
import type { Position } from '../types.ts';

export interface SnapTargets {
  /** rings and lines in lon/lat, each a list of positions (closed rings repeat the first) */
  paths: readonly (readonly Position[])[];
}

export interface Snapped {
  kind: 'vertex' | 'edge';
  at: Position;
  /** the edge snapped to (for the hint drawn on the map) */
  edge?: [Position, Position];
  /** pixels from the pointer */
  distance: number;
}

export type Project = (p: Position) => { x: number; y: number };

/**
 * The snap for a pointer at screen point `pointer`, within `tolerance` pixels; vertices win over
 * edges within the tolerance. `exclude` are positions not to snap to (the vertex being dragged).
 * `box` [minLon, minLat, maxLon, maxLat] limits the search to what can be within reach.
 */
export function snapPoint(
  pointer: { x: number; y: number },
  targets: SnapTargets,
  project: Project,
  tolerance: number,
  box: readonly [number, number, number, number],
  exclude: readonly Position[] = [],
): Snapped | null {
  const inBox = (p: Position) => p[0]! >= box[0] && p[0]! <= box[2] && p[1]! >= box[1] && p[1]! <= box[3];
  const excluded = (p: Position) => exclude.some((q) => q[0] === p[0] && q[1] === p[1]);
  let vertex: Snapped | null = null;
  let edge: Snapped | null = null;
  const segmentMeetsBox = (a: Position, b: Position) =>
    Math.max(a[0]!, b[0]!) >= box[0] &&
    Math.min(a[0]!, b[0]!) <= box[2] &&
    Math.max(a[1]!, b[1]!) >= box[1] &&
    Math.min(a[1]!, b[1]!) <= box[3];
  for (const path of targets.paths) {
    let prev: Position | null = null;
    let prevXY: { x: number; y: number } | null = null;
    for (const p of path) {
      let xy: { x: number; y: number } | null = null;
      if (inBox(p) && !excluded(p)) {
        xy = project(p);
        const d = Math.hypot(xy.x - pointer.x, xy.y - pointer.y);
        if (d <= tolerance && (!vertex || d < vertex.distance))
          vertex = { kind: 'vertex', at: p, distance: d };
      }
      // an edge is measured when it can come within reach, even with both ends far off
      if (prev && segmentMeetsBox(prev, p) && !excluded(prev) && !excluded(p)) {
        const a = prevXY ?? project(prev);
        const b = xy ?? project(p);
        xy = b;
        const ex = b.x - a.x;
        const ey = b.y - a.y;
        const len2 = ex * ex + ey * ey;
        if (len2 > 0) {
          const t = ((pointer.x - a.x) * ex + (pointer.y - a.y) * ey) / len2;
          const d = Math.hypot(a.x + t * ex - pointer.x, a.y + t * ey - pointer.y);
          if (t > 0 && t < 1 && d <= tolerance && (!edge || d < edge.distance))
            edge = {
              kind: 'edge',
              // along the edge in lon/lat: the edge is straight in them
              at: [prev[0]! + t * (p[0]! - prev[0]!), prev[1]! + t * (p[1]! - prev[1]!)],
              edge: [prev, p],
              distance: d,
            };
        }
      }
      prev = p;
      prevXY = xy;
    }
  }
  return vertex ?? edge;
}
