// Repair for wrong-winding: outer rings counter-clockwise, holes clockwise (RFC 7946 section 3.1.6).
import type { Geometry } from 'geojson';
import { ringSignedArea2 } from '../shapefile/shp.ts';
import { mapRings } from './map-polygons.ts';

export function rewindRfc7946(g: Geometry | null): { geometry: Geometry | null; changes: number } {
  return mapRings(g, (ring, index) => {
    const ccw = ringSignedArea2(ring) > 0;
    return ccw === (index === 0) ? { ring, changes: 0 } : { ring: ring.slice().reverse(), changes: 1 };
  });
}
