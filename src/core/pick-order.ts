// Which of the features under the pointer a click means: the most specific one first. Points before
// lines before polygons; among polygons, those containing the clicked point before those only
// touched at their edge, smaller before larger; the one drawn on top breaks ties.
import type { Geometry } from 'geojson';
import { sphericalArea } from './spherical-area.ts';
import { pointInPolygons } from './point-in-ring.ts';
import { polygonsOf } from './polygons.ts';

export interface PickCandidate {
  layerId: string;
  featureIndex: number;
  geometry: Geometry;
  /** higher is drawn later (on top) */
  drawOrder: number;
}

function dimension(g: Geometry): number {
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      return 0;
    case 'LineString':
    case 'MultiLineString':
      return 1;
    case 'Polygon':
    case 'MultiPolygon':
      return 2;
    case 'GeometryCollection':
      return g.geometries.length ? Math.min(...g.geometries.map(dimension)) : 3;
  }
}

/** The candidates in the order a click steps through them (a new array; the input is kept). */
export function orderPicks(candidates: readonly PickCandidate[], lon: number, lat: number): PickCandidate[] {
  const keyed = candidates.map((c) => {
    const dim = dimension(c.geometry);
    const polygons = dim === 2 ? polygonsOf(c.geometry) : [];
    return {
      c,
      dim,
      outside: dim === 2 && !pointInPolygons(lon, lat, polygons) ? 1 : 0,
      area: dim === 2 ? sphericalArea(c.geometry) : 0,
    };
  });
  keyed.sort(
    (a, b) => a.dim - b.dim || a.outside - b.outside || a.area - b.area || b.c.drawOrder - a.c.drawOrder,
  );
  return keyed.map((k) => k.c);
}
