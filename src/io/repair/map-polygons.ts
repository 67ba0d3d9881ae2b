// Applies a ring operation to every polygon ring of a geometry, counting what it changed.
import type { Geometry, Position } from 'geojson';

export type RingOp = (ring: Position[], index: number) => { ring: Position[]; changes: number };

export function mapRings(g: Geometry | null, op: RingOp): { geometry: Geometry | null; changes: number } {
  if (!g) return { geometry: g, changes: 0 };
  let changes = 0;
  const poly = (rings: Position[][]): Position[][] =>
    rings.map((ring, i) => {
      const r = op(ring, i);
      changes += r.changes;
      return r.ring;
    });
  switch (g.type) {
    case 'Polygon':
      return { geometry: { ...g, coordinates: poly(g.coordinates) }, changes };
    case 'MultiPolygon':
      return { geometry: { ...g, coordinates: g.coordinates.map(poly) }, changes };
    case 'GeometryCollection': {
      const geometries = g.geometries.map((part) => {
        const r = mapRings(part, op);
        changes += r.changes;
        return r.geometry!;
      });
      return { geometry: { ...g, geometries }, changes };
    }
    default:
      return { geometry: g, changes: 0 };
  }
}
