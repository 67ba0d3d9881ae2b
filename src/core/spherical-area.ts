// The area on a sphere, apart from area.ts so the map's picking can order polygons by size without
// loading the CRS and ellipsoid code. Written here rather than taken from @turf/area: the picking is
// on the first page, and @turf/area with @turf/meta and @turf/helpers cost 0.8 KB gzipped there
// (issue 13, item 5), for one loop. Same sphere and formula as Turf's (R = 6 371 008.8 m; the ring
// formula of Chamberlain & Duquette, 2007, exact for edges straight in longitude and sin(latitude),
// e.g. a rectangle of meridians and parallels), so the figures are as before.
import type { Geometry, Position } from './types.ts';
import { polygonsOf } from './polygons.ts';

const R = 6_371_008.8;
const RAD = Math.PI / 180;

/** Unsigned area of one closed ring (last position repeats the first), m². */
function ringArea(ring: readonly Position[]): number {
  const n = ring.length - 1;
  if (n < 3) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const prev = ring[i === 0 ? n - 1 : i - 1]!;
    const next = ring[i + 1]!;
    sum += (next[0]! - prev[0]!) * RAD * Math.sin(ring[i]![1]! * RAD);
  }
  return Math.abs((sum * R * R) / 2);
}

/** Area on a sphere of R = 6 371 008.8 m (as Turf's): about +0.07% in Henan. For comparison only. */
export function sphericalArea(geom: Geometry | null | undefined): number {
  let total = 0;
  for (const [shell, ...holes] of polygonsOf(geom)) {
    if (!shell) continue;
    total += ringArea(shell);
    for (const hole of holes) total -= ringArea(hole);
  }
  return total;
}
