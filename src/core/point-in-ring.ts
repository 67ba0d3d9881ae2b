import type { Position } from 'geojson';

/** Even-odd ray casting: whether (x, y) lies inside a ring (points on an edge may go either way). */
export function pointInRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1]! > y !== b[1]! > y && x < ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!) + a[0]!)
      inside = !inside;
  }
  return inside;
}

/** Whether (x, y) lies inside a polygon geometry: inside an outer ring and outside its holes. */
export function pointInPolygons(x: number, y: number, polygons: readonly (readonly Position[][])[]): boolean {
  return polygons.some(
    (rings) =>
      rings[0] !== undefined &&
      pointInRing(x, y, rings[0]) &&
      !rings.slice(1).some((h) => pointInRing(x, y, h)),
  );
}
