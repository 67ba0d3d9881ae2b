// Property: `validate` reports a validity problem (error or warning) for exactly the polygons whose
// `area` carries a warning, with the same codes. Random rings on a coarse grid so that touches,
// shared vertices, collinear stretches, spikes and crossings are common.
import fc from 'fast-check';
import type { Feature, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryAreaWithProblems } from '../../src/core/area.ts';
import { isValidityCode } from '../../src/core/validity/index.ts';
import { validateFeatures } from '../../src/io/validate.ts';

const gridPoint = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));

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

const geometry = fc.oneof(
  polygon.map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
  fc.array(polygon, { minLength: 2, maxLength: 3 }).map((coordinates) => ({
    type: 'MultiPolygon' as const,
    coordinates,
  })),
);

describe('validate and area agree', () => {
  it('validate names a validity problem exactly where area warns, with the same codes', () => {
    fc.assert(
      fc.property(geometry, (g) => {
        const f: Feature = { type: 'Feature', properties: {}, geometry: g };
        // Ring orientation (wrong-winding) is RFC 7946 style, not validity: area ignores it.
        const validated = [
          ...new Set(
            validateFeatures([f])
              .map((p) => p.code)
              .filter((c) => c !== 'wrong-winding'),
          ),
        ].sort();
        const { problems } = geometryAreaWithProblems(g, 'ellipsoidal');
        const warned = [...new Set(problems.map((p) => p.code))].sort();
        expect(validated.every(isValidityCode)).toBe(true);
        expect(validated).toEqual(warned);
      }),
      { numRuns: 600 },
    );
  });
});
