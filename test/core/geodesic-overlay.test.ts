// Overlays on the ellipsoid are exact for polygons whose edges are geodesics: against a reference that
// densifies both rings along their geodesics (GeographicLib + PROJ + GEOS, pre-computed by
// test/fixtures/geodesic-overlay/make.py), and piece by piece: |A ∩ B| + |A − B| = |A|.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { differenceArea, intersectionArea } from '../../src/core/overlay.ts';
import { buildShape } from '../../src/core/shape.ts';
import type { Position } from '../../src/core/types.ts';
import { workspaceFor } from '../../src/core/workspace.ts';

const ws = workspaceFor('ellipsoidal');

interface Case {
  a: Position[];
  b: Position[];
  area_a_m2: number;
  area_b_m2: number;
  intersection_m2: number;
  a_minus_b_m2: number;
  b_minus_a_m2: number;
  chord_intersection_m2: number;
}
const fixture = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../fixtures/geodesic-overlay/pairs.json'), 'utf8'),
) as { cases: Case[] };

describe('ellipsoidal overlay against a geodesically densified reference', () => {
  it.each(fixture.cases.map((c, i) => [i, c] as const))('pair %i: ∩ and both differences to 1e-7', (_, c) => {
    const a = buildShape([[c.a]], ws);
    const b = buildShape([[c.b]], ws);
    expect(Math.abs(a.area - c.area_a_m2)).toBeLessThanOrEqual(1e-9 * c.area_a_m2);
    const i = intersectionArea(a, b, ws);
    expect(Math.abs(i - c.intersection_m2)).toBeLessThanOrEqual(1e-7 * c.intersection_m2);
    expect(Math.abs(intersectionArea(b, a, ws) - c.intersection_m2)).toBeLessThanOrEqual(
      1e-7 * c.intersection_m2,
    );
    expect(Math.abs(differenceArea(a, b, ws) - c.a_minus_b_m2)).toBeLessThanOrEqual(1e-7 * c.area_a_m2);
    expect(Math.abs(differenceArea(b, a, ws) - c.b_minus_a_m2)).toBeLessThanOrEqual(1e-7 * c.area_b_m2);
  });
});

const along = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../fixtures/geodesic-overlay/along.json'), 'utf8'),
) as { cases: (Case & { name: string })[] };

// Where one shape's vertices sit on the other's lon/lat chord (as GIS software cutting in lon/lat
// puts them), chords say "touching" while the geodesics overlap or leave a sliver: 24 388 m² shared
// by a parcel the chords put outside, 27 040 m² of a parcel the chords put inside lying outside.
describe('ellipsoidal overlay where edges run along each other’s chords', () => {
  it.each(along.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const a = buildShape([[c.a]], ws);
    const b = buildShape([[c.b]], ws);
    const tol = (x: number) => 1e-7 * x + 1e-3;
    expect(Math.abs(intersectionArea(a, b, ws) - c.intersection_m2)).toBeLessThanOrEqual(
      tol(c.intersection_m2),
    );
    expect(Math.abs(intersectionArea(b, a, ws) - c.intersection_m2)).toBeLessThanOrEqual(
      tol(c.intersection_m2),
    );
    expect(Math.abs(differenceArea(a, b, ws) - c.a_minus_b_m2)).toBeLessThanOrEqual(tol(c.a_minus_b_m2));
    expect(Math.abs(differenceArea(b, a, ws) - c.b_minus_a_m2)).toBeLessThanOrEqual(tol(c.b_minus_a_m2));
  });
});

// Rings are generated with GeographicLib's own Direct solver, so that edge lengths are known.
type Lib = typeof geographiclib;
const lib: Lib =
  (geographiclib as Partial<Lib>).Geodesic !== undefined
    ? geographiclib
    : (geographiclib as unknown as { default: Lib }).default;
const geod = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);

/** A star-shaped ring round (lon, lat): sorted bearings, distances in [0.35, 1]·radius metres. */
const starRing = (lon: number, lat: number, radius: number) =>
  fc
    .array(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.35, max: 1, noNaN: true })),
      { minLength: 4, maxLength: 12 },
    )
    .map((pts) => {
      const ring: Position[] = pts.map(([f, r], i) => {
        const p = geod.Direct(lat, lon, (360 * (i + 0.9 * f)) / pts.length, r * radius);
        return [p.lon2!, p.lat2!];
      });
      ring.push(ring[0]!);
      return ring;
    });

const maxEdge = (ring: Position[]): number => {
  let m = 0;
  for (let i = 1; i < ring.length; i++)
    m = Math.max(m, geod.Inverse(ring[i - 1]![1]!, ring[i - 1]![0]!, ring[i]![1]!, ring[i]![0]!).s12!);
  return m;
};

const centre = fc.record({
  lon: fc.double({ min: 75, max: 135, noNaN: true }),
  lat: fc.double({ min: 18, max: 53, noNaN: true }),
});

/** |A ∩ B| + |A − B| = |A| and the same for B, to 1e-9 of the whole. */
function addsUp(ra: Position[], rb: Position[]): void {
  const a = buildShape([[ra]], ws);
  const b = buildShape([[rb]], ws);
  const i = intersectionArea(a, b, ws);
  expect(Math.abs(i + differenceArea(a, b, ws) - a.area)).toBeLessThanOrEqual(1e-9 * a.area);
  expect(Math.abs(intersectionArea(b, a, ws) + differenceArea(b, a, ws) - b.area)).toBeLessThanOrEqual(
    1e-9 * b.area,
  );
}

describe('ellipsoidal overlay pieces add up to the whole', () => {
  it('on rings with edges up to 20 km', () => {
    fc.assert(
      fc.property(
        centre.chain(({ lon, lat }) =>
          fc
            .tuple(
              starRing(lon, lat, 15000),
              fc.double({ min: 0, max: 360, noNaN: true }),
              fc.double({ min: 0, max: 20000, noNaN: true }),
            )
            .chain(([ra, az, d]) => {
              const c = geod.Direct(lat, lon, az, d);
              return fc.tuple(fc.constant(ra), starRing(c.lon2!, c.lat2!, 12000));
            }),
        ),
        ([ra, rb]) => {
          fc.pre(maxEdge(ra) <= 20000 && maxEdge(rb) <= 20000);
          addsUp(ra, rb);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on parcels of about 100 m against a ring of 20 km edges', () => {
    fc.assert(
      fc.property(
        centre.chain(({ lon, lat }) =>
          fc
            .tuple(starRing(lon, lat, 15000), fc.double({ min: 0, max: 360, noNaN: true }))
            .chain(([ra, az]) => {
              // a parcel near one of the big ring's vertices, so that its edges cross the big one's
              const v = ra[0]!;
              const c = geod.Direct(v[1]!, v[0]!, az, 60);
              return fc.tuple(fc.constant(ra), starRing(c.lon2!, c.lat2!, 100));
            }),
        ),
        ([ra, rb]) => {
          fc.pre(maxEdge(ra) <= 20000);
          addsUp(ra, rb);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on parcels of about 100 m against each other', () => {
    fc.assert(
      fc.property(
        centre.chain(({ lon, lat }) => fc.tuple(starRing(lon, lat, 100), starRing(lon + 0.0005, lat, 100))),
        ([ra, rb]) => addsUp(ra, rb),
      ),
      { numRuns: 150 },
    );
  });
});
