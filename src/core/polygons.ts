// The polygons of a geometry, apart from shape.ts so that code which only walks coordinates (the
// map's picking and labels in the page) does not load the validity and overlay machinery.
import type { Geometry, Position } from './types.ts';

/** The polygon coordinate lists of a geometry (Polygon, MultiPolygon, or those inside a collection). */
export function polygonsOf(g: Geometry | null | undefined): Position[][][] {
  if (!g) return [];
  switch (g.type) {
    case 'Polygon':
      return [g.coordinates];
    case 'MultiPolygon':
      return g.coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(polygonsOf);
    default:
      return [];
  }
}
