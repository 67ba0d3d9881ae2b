// Geodesy shared by the sample builders: the CGCS2000 ellipsoid in GeographicLib, ring areas, rounding.
import geographiclib from 'geographiclib-geodesic';

export const CGCS2000_A = 6378137;
export const CGCS2000_F = 1 / 298.257222101;
export const geod = new geographiclib.Geodesic.Geodesic(CGCS2000_A, CGCS2000_F);
/** m² per 亩 */
export const MU = 2000 / 3;

export type Pt = [number, number];

export function pip(x: number, y: number, poly: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function ringAreaLonLat(ring: readonly Pt[]): number {
  // signed geodesic area (positive counter-clockwise) of a ring given as [lon, lat], closed or not
  const p = geod.Polygon(false);
  const n =
    ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1]
      ? ring.length - 1
      : ring.length;
  for (let k = 0; k < n; k++) p.AddPoint(ring[k]![1], ring[k]![0]);
  return p.Compute(false, true).area ?? 0;
}

export function r2(x: number): number {
  return Math.round(x * 100) / 100;
}
