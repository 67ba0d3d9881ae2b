// The box [west, south, east, north] of GeoJSON geometries, over every position they hold (what
// the map fits to and the link view frames). Written here rather than taken from @turf/bbox so
// that the first page does not carry @turf/bbox and @turf/meta for one loop (issue 13's size).
import type { Geometry, Position } from 'geojson';

export type Extent = [number, number, number, number];

type Nested = Position | Nested[];

function extendBy(box: Extent, coords: Nested): void {
  if (coords.length === 0) return;
  if (typeof coords[0] === 'number') {
    const x = coords[0];
    const y = coords[1] as number;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
    return;
  }
  for (const c of coords as Nested[]) extendBy(box, c);
}

function extendByGeometry(box: Extent, g: Geometry | null | undefined): void {
  if (!g) return;
  if (g.type === 'GeometryCollection') {
    for (const part of g.geometries ?? []) extendByGeometry(box, part);
    return;
  }
  if (Array.isArray(g.coordinates)) extendBy(box, g.coordinates as Nested);
}

/**
 * The box of the features' geometries; features without a geometry are passed over. With no
 * position at all the box is [Infinity, Infinity, -Infinity, -Infinity], as @turf/bbox gives.
 */
export function featuresExtent(features: readonly { geometry?: Geometry | null }[]): Extent {
  const box: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) extendByGeometry(box, f.geometry);
  return box;
}

export const geometryExtent = (g: Geometry | null | undefined): Extent => featuresExtent([{ geometry: g }]);
