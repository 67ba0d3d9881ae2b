// Random polygonal geometry on a coarse grid near 罗山 (lon/lat), so that touches, shared vertices,
// collinear stretches, spikes and crossings are common: used by the validity property test and by
// the generator of the GEOS-checked random fixture (test/fixtures/validity-random).
import fc from 'fast-check';
import type { Position } from 'geojson';

export const gridPoint = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));

const lonLat = (pts: [number, number][]): Position[] =>
  [...pts, pts[0]!].map(([x, y]) => [114.2 + x * 0.001, 32.1 + y * 0.001]);

/** A closed ring of 3 to 5 grid points without consecutive repeats: often crossing or folding. */
const wildRing = fc
  .array(gridPoint, { minLength: 3, maxLength: 5 })
  .map((pts) => pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1]![0] || p[1] !== pts[i - 1]![1]))
  .filter((pts) => pts.length >= 3 && (pts[0]![0] !== pts.at(-1)![0] || pts[0]![1] !== pts.at(-1)![1]))
  .map(lonLat);

/** A grid rectangle, either way round: rectangles touch, nest, repeat and share edges. */
const rectRing = fc
  .tuple(gridPoint, gridPoint, fc.boolean())
  .filter(([a, b]) => a[0] !== b[0] && a[1] !== b[1])
  .map(([a, b, ccw]) => {
    const pts: [number, number][] = [a, [b[0], a[1]], b, [a[0], b[1]]];
    return lonLat(ccw ? pts : pts.reverse());
  });

const ring = fc.oneof({ arbitrary: rectRing, weight: 3 }, { arbitrary: wildRing, weight: 1 });

const polygon = fc.tuple(ring, fc.array(ring, { maxLength: 2 })).map(([shell, holes]) => [shell, ...holes]);

export const geometry = fc.oneof(
  polygon.map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
  fc.array(polygon, { minLength: 2, maxLength: 3 }).map((coordinates) => ({
    type: 'MultiPolygon' as const,
    coordinates,
  })),
);
