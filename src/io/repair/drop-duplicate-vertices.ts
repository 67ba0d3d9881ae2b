// Repair for duplicate-vertex: removes consecutive repeated positions from rings and lines.
import type { Geometry, Position } from 'geojson';
import { withoutRepeats } from '../validate.ts';
import { mapRings } from './map-polygons.ts';

function line(coords: Position[]): { coords: Position[]; changes: number } {
  const clean = withoutRepeats(coords);
  return { coords: clean, changes: coords.length - clean.length };
}

export function dropDuplicateVertices(g: Geometry | null): { geometry: Geometry | null; changes: number } {
  if (g?.type === 'LineString') {
    const r = line(g.coordinates);
    return { geometry: { ...g, coordinates: r.coords }, changes: r.changes };
  }
  if (g?.type === 'MultiLineString') {
    let changes = 0;
    const coordinates = g.coordinates.map((l) => {
      const r = line(l);
      changes += r.changes;
      return r.coords;
    });
    return { geometry: { ...g, coordinates }, changes };
  }
  return mapRings(g, (ring) => {
    const r = line(ring);
    return { ring: r.coords, changes: r.changes };
  });
}
