// A workspace is the coordinate space an area method measures in: lon/lat on the CGCS2000 ellipsoid,
// or one Gauss-Kruger plane. Shapes, clipping and indexes all live in a workspace's coordinates.
import { crsTransforms, type PointTransform } from './crs.ts';
import { chordRingArea, ellipsoidalRingArea, geodesicCorrection, geodesicDistance } from './geodesic-area.ts';
import type { AreaMethod } from './types.ts';

export interface Workspace {
  /** 'ellipsoidal' or 'plane:<crs>'; caches are keyed by it */
  readonly key: string;
  readonly method: AreaMethod;
  readonly planeCrs?: string;
  /** lon/lat → workspace coordinates; undefined when they are lon/lat already */
  readonly toWork?: PointTransform;
  /** workspace coordinates → lon/lat (for positions named in warnings) */
  readonly toLonLat?: PointTransform;
  /** signed area (m², counter-clockwise positive) of a closed flat ring */
  ringArea(ring: ArrayLike<number>): number;
  /** signed area of a clipped piece, every edge a straight line in workspace coordinates */
  pieceArea(ring: ArrayLike<number>): number;
  /**
   * geodesic minus straight-line area of an edge piece whose ends (x1,y1), (x2,y2) on the straight
   * line lie at (g…) on the geodesics (see geodesicCorrection); undefined where edges are straight
   */
  edgeCorrection?: (
    x1: number,
    y1: number,
    x2: number,
    y2: number,
    g1x?: number,
    g1y?: number,
    g2x?: number,
    g2y?: number,
  ) => number;
  /** length in metres of a straight segment (a geodesic on the ellipsoid) */
  segmentLength(x1: number, y1: number, x2: number, y2: number): number;
  /** snapping grid used when a clipping library needs a second try */
  readonly grid: readonly number[];
}

/** Shoelace area relative to the first vertex, so large eastings keep their precision. */
export function planarRingArea(ring: ArrayLike<number>): number {
  const n = ring.length;
  if (n < 8) return 0;
  const x0 = ring[0]!;
  const y0 = ring[1]!;
  let sum = 0;
  for (let i = 2; i + 3 < n; i += 2) {
    sum += (ring[i]! - x0) * (ring[i + 3]! - y0) - (ring[i + 2]! - x0) * (ring[i + 1]! - y0);
  }
  return sum / 2;
}

const ELLIPSOIDAL: Workspace = {
  key: 'ellipsoidal',
  method: 'ellipsoidal',
  ringArea: ellipsoidalRingArea,
  pieceArea: chordRingArea,
  edgeCorrection: geodesicCorrection,
  segmentLength: geodesicDistance,
  grid: [1e-10, 1e-8],
};

const planes = new Map<string, Workspace>();

/** The workspace of an area method; `plane` needs the plane CRS (see plane.ts). */
export function workspaceFor(method: AreaMethod, planeCrs?: string): Workspace {
  if (method === 'ellipsoidal') return ELLIPSOIDAL;
  if (!planeCrs) throw new Error('plane area needs a plane CRS');
  const cached = planes.get(planeCrs);
  if (cached) return cached;
  const t = crsTransforms(planeCrs);
  const ws: Workspace = {
    key: `plane:${planeCrs}`,
    method: 'plane',
    planeCrs,
    toWork: t.fromLonLat,
    toLonLat: t.toLonLat,
    ringArea: planarRingArea,
    pieceArea: planarRingArea,
    segmentLength: (x1, y1, x2, y2) => Math.hypot(x2 - x1, y2 - y1),
    grid: [1e-5, 1e-3],
  };
  planes.set(planeCrs, ws);
  return ws;
}
