// Property: `validate` reports a validity problem (error or warning) for exactly the polygons whose
// `area` carries a warning, with the same codes. Random rings on a coarse grid so that touches,
// shared vertices, collinear stretches, spikes and crossings are common.
import fc from 'fast-check';
import type { Feature, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryAreaWithProblems } from '../../src/core/area.ts';
import { isValidityCode } from '../../src/core/validity/index.ts';
import { validateFeatures } from '../../src/io/validate.ts';
import { featureProblems } from '../../src/io/validate-file.ts';
import { crsTransforms } from '../../src/core/crs.ts';
import { geometry, gridPoint } from '../helpers/validity-arbitraries.ts';

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
      { numRuns: 600, seed: 20261201 },
    );
  });
});

// Data drawn in a Gauss-Kruger plane (EPSG:4547, metres): validate judges validity in that plane,
// as GEOS judges the file's own coordinates and as `area --area plane` measures it. In lon/lat a
// spike along an edge is no longer collinear and was judged otherwise (validate valid, area warned).
const { toLonLat: gkToLonLat } = crsTransforms('EPSG:4547');
const gkCoords = (pts: [number, number][]): Position[] =>
  [...pts, pts[0]!].map(([x, y]) => gkToLonLat([500000 + x * 100, 3560000 + y * 100]));
const gkWild = fc
  .array(gridPoint, { minLength: 3, maxLength: 5 })
  .map((pts) => pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1]![0] || p[1] !== pts[i - 1]![1]))
  .filter((pts) => pts.length >= 3 && (pts[0]![0] !== pts.at(-1)![0] || pts[0]![1] !== pts.at(-1)![1]))
  .map(gkCoords);
const gkRect = fc
  .tuple(gridPoint, gridPoint, fc.boolean())
  .filter(([a, b]) => a[0] !== b[0] && a[1] !== b[1])
  .map(([a, b, ccw]) => {
    const pts: [number, number][] = [a, [b[0], a[1]], b, [a[0], b[1]]];
    return gkCoords(ccw ? pts : pts.reverse());
  });
const gkRing = fc.oneof({ arbitrary: gkRect, weight: 3 }, { arbitrary: gkWild, weight: 1 });
const gkPolygon = fc
  .tuple(gkRing, fc.array(gkRing, { maxLength: 2 }))
  .map(([shell, holes]) => [shell, ...holes]);
const gkGeometry = fc.oneof(
  gkPolygon.map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
  fc.array(gkPolygon, { minLength: 2, maxLength: 3 }).map((coordinates) => ({
    type: 'MultiPolygon' as const,
    coordinates,
  })),
);

describe('validate and area agree on Gauss-Kruger data', () => {
  it('a file in EPSG:4547 is judged in its own plane, as area --area plane warns', () => {
    fc.assert(
      fc.property(gkGeometry, (g) => {
        const f: Feature = { type: 'Feature', properties: {}, geometry: g };
        const validated = [
          ...new Set(
            featureProblems({ features: [f], problems: [], crs: 'EPSG:4547' })
              .map((p) => p.code)
              .filter((c) => c !== 'wrong-winding'),
          ),
        ].sort();
        // Ellipsoidal areas of such a file judge validity in its plane too.
        const ell = geometryAreaWithProblems(g, 'ellipsoidal', { drawnIn: 'EPSG:4547' }).problems;
        expect([...new Set(ell.map((p) => p.code))].sort()).toEqual(
          [
            ...new Set(
              geometryAreaWithProblems(g, 'plane', { planeCrs: 'EPSG:4547' }).problems.map((p) => p.code),
            ),
          ].sort(),
        );
        const { problems } = geometryAreaWithProblems(g, 'plane', { planeCrs: 'EPSG:4547' });
        // repair-failed is the union of overlapping parts failing in polyclip, no validity verdict.
        const warned = [...new Set(problems.map((p) => p.code).filter((c) => c !== 'repair-failed'))].sort();
        expect(validated.every(isValidityCode)).toBe(true);
        expect(validated).toEqual(warned);
      }),
      { numRuns: 600, seed: 20261201 },
    );
  });

  it("the reviewer's spike inside an edge: a spike in both, where GEOS says Self-intersection", () => {
    // Shapely 1.8 / GEOS on these metres: "Self-intersection[500700 3561000]".
    const ring: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [4, 10],
      [7, 10],
      [0, 10],
    ];
    const g = { type: 'Polygon' as const, coordinates: [gkCoords(ring)] };
    const found = featureProblems({
      features: [{ type: 'Feature', properties: {}, geometry: g }],
      problems: [],
      crs: 'EPSG:4547',
    });
    expect(found.map((p) => p.code)).toEqual(['spike']);
    // The engine names the spike's tip (GEOS the far end of the folded stretch).
    const [lon, lat] = gkToLonLat([500400, 3561000]);
    expect(found[0]!.at![0]).toBeCloseTo(lon!, 6);
    expect(found[0]!.at![1]).toBeCloseTo(lat!, 6);
    const { problems } = geometryAreaWithProblems(g, 'plane', { planeCrs: 'EPSG:4547' });
    expect(problems.map((p) => p.code)).toEqual(['spike']);
    // The ellipsoidal area judges it in the plane too, and measures the ring without its spike:
    // GeographicLib on the four corners (pyproj EPSG:4547 → 4490) gives 999 999.993836893 m².
    const ell = geometryAreaWithProblems(g, 'ellipsoidal', { drawnIn: 'EPSG:4547' });
    expect(ell.problems.map((p) => p.code)).toEqual(['spike']);
    expect(ell.area).toBeCloseTo(999999.993836893, 4);
  });
});
