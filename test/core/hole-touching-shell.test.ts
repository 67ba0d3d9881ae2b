// Regression: a valid hole that touches its shell at its first vertex was reported as lying
// outside the shell (found while building the sample project).
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { geometryAreaWithProblems } from '../../src/core/area.ts';
import { crsTransforms } from '../../src/core/crs.ts';

describe('a hole touching its shell at one vertex', () => {
  // Shell 2000 m × 1000 m and a triangular hole (base 500 m, height 500 m) whose first vertex is a
  // vertex of the shell's north edge, in CGCS2000 GK CM 114° metres, converted to lon/lat.
  // Plane area by hand: 2 000 000 − 125 000 m².
  const shell = [
    [500000, 3560000],
    [502000, 3560000],
    [502000, 3561000],
    [501000, 3561000],
    [500000, 3561000],
    [500000, 3560000],
  ];
  const hole = [
    [501000, 3561000],
    [501250, 3560500],
    [500750, 3560500],
    [501000, 3561000],
  ];
  const { toLonLat } = crsTransforms('EPSG:4547');
  const polygon: Polygon = { type: 'Polygon', coordinates: [shell.map(toLonLat), hole.map(toLonLat)] };

  it('is measured as a hole, with no warning', () => {
    const r = geometryAreaWithProblems(polygon, 'plane', { planeCrs: 'EPSG:4547' });
    expect(r.problems).toEqual([]);
    expect(r.area).toBeCloseTo(2_000_000 - 125_000, 3);
  });
});
