// The Gauss-Kruger plane that `plane` areas are measured in (contract §3): the layer's own CRS where
// it is a Gauss-Kruger CRS, else the CGCS2000 3-degree zone (no zone prefix) nearest the centroid.
import { gk3ZoneForLon, gaussKrugerCode, resolveCrs } from './crs.ts';
import { flatOf } from './flat-coords.ts';
import type { Feature, Geometry, Position } from './types.ts';

/** The CGCS2000 3-degree Gauss-Kruger CRS (EPSG 4534+n−25) whose central meridian is nearest `lon`. */
export function nearestGk3Crs(lon: number): string {
  const zone = Math.min(45, Math.max(25, gk3ZoneForLon(lon)));
  return gaussKrugerCode('CGCS2000', 3, zone, false)!;
}

/** True when the CRS is a Gauss-Kruger plane in which areas may be measured as they are. */
export function isGaussKruger(crs: string | undefined): boolean {
  return crs !== undefined && resolveCrs(crs)?.gk !== undefined;
}

/** The plane CRS for a layer: its own CRS when Gauss-Kruger, else the fallback (project's zone). */
export function layerPlaneCrs(layerCrs: string | undefined, fallback: string): string {
  return isGaussKruger(layerCrs) ? layerCrs! : fallback;
}

// Flat coordinates are visited through one reused position: the visitors here only read it.
const visited: Position = [0, 0];

function visitPositions(g: Geometry | null | undefined, f: (p: Position) => void): void {
  if (!g) return;
  const flat = flatOf(g);
  if (flat) {
    const xy = flat.xy;
    for (let k = 0; k + 1 < xy.length; k += 2) {
      visited[0] = xy[k]!;
      visited[1] = xy[k + 1]!;
      f(visited);
    }
    return;
  }
  switch (g.type) {
    case 'Point':
      f(g.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(f);
      return;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((r) => r.forEach(f));
      return;
    case 'MultiPolygon':
      g.coordinates.forEach((p) => p.forEach((r) => r.forEach(f)));
      return;
    case 'GeometryCollection':
      g.geometries.forEach((c) => visitPositions(c, f));
      return;
  }
}

/** How far beyond which a zone's plane is not used without a word: 3° of longitude. */
export const PLANE_ZONE_REACH_DEG = 3;

/**
 * When the data reach farther than `reach` degrees of longitude from the plane CRS's central
 * meridian (data outside China in the nearest Chinese zone, or in a zone not their own): the
 * farthest longitude and its distance. Undefined when all lie within reach or the CRS is no
 * Gauss-Kruger zone.
 */
export function farFromPlaneZone(
  features: Iterable<Feature>,
  planeCrs: string,
  reach = PLANE_ZONE_REACH_DEG,
): { centralMeridian: number; lon: number; degrees: number } | undefined {
  const cm = resolveCrs(planeCrs)?.gk?.centralMeridian;
  if (cm === undefined) return undefined;
  let worst: { lon: number; degrees: number } | undefined;
  for (const f of features)
    visitPositions(f.geometry, (p) => {
      const x = p[0];
      if (x === undefined || !Number.isFinite(x)) return;
      // Longitude difference wrapped to [0, 180].
      const d = Math.abs(((((x - cm) % 360) + 540) % 360) - 180);
      if (!worst || d > worst.degrees) worst = { lon: x, degrees: d };
    });
  return worst && worst.degrees > reach ? { centralMeridian: cm, ...worst } : undefined;
}

/** The lon/lat bounding-box centre of features, or undefined when they hold no finite position. */
/** The lon/lat box [minX, minY, maxX, maxY] of the features' finite positions; undefined when none. */
export function lonLatBox(features: Iterable<Feature>): [number, number, number, number] | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of features) {
    // Flat coordinates (100 000 parcels) straight from their array, without a call per position.
    const flat = flatOf(f.geometry);
    if (flat) {
      const xy = flat.xy;
      for (let k = 0; k + 1 < xy.length; k += 2) {
        const x = xy[k]!;
        const y = xy[k + 1]!;
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      continue;
    }
    visitPositions(f.geometry, (p) => {
      const x = p[0];
      const y = p[1];
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    });
  }
  return minX <= maxX ? [minX, minY, maxX, maxY] : undefined;
}

export function lonLatCentre(features: Iterable<Feature>): [number, number] | undefined {
  const b = lonLatBox(features);
  return b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : undefined;
}
