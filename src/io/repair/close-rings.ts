// Repair for unclosed-ring: appends the first position to every ring whose last one differs.
import type { Geometry } from 'geojson';
import { mapRings } from './map-polygons.ts';

export function closeRings(g: Geometry | null): { geometry: Geometry | null; changes: number } {
  return mapRings(g, (ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || (first[0] === last[0] && first[1] === last[1])) return { ring, changes: 0 };
    return { ring: [...ring, [...first]], changes: 1 };
  });
}
