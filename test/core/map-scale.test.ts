import { describe, expect, it } from 'vitest';
import { CGCS2000_A, CGCS2000_F } from '../../src/core/ellipsoid.ts';
import {
  SCALE_A,
  SCALE_F,
  distanceLabel,
  metresPerPixel,
  roundLength,
  scaleBar,
  scaleDenominator,
} from '../../src/core/map-scale.ts';

// GeographicLib (Python, Geodesic(6378137, 1/298.257222101)): the geodesic between (lat, 114°) and
// (lat, 114.01°), metres.
const GEODESIC_001_DEG: [number, number][] = [
  [0, 1113.1949079333053],
  [32.17, 943.1837820886248],
  [45, 788.4683504462863],
  [60, 558.0000152003596],
];

describe('map scale', () => {
  it.each(GEODESIC_001_DEG)(
    'at %s° a pixel covers the geodesic length GeographicLib gives',
    (lat, metres) => {
      for (const zoom of [8, 12.5, 16]) {
        // 0.01° of longitude spans this many pixels of a 512·2^z px world
        const px = (0.01 / 360) * 512 * 2 ** zoom;
        expect(Math.abs(metresPerPixel(lat, zoom) * px - metres) / metres).toBeLessThan(1e-6);
      }
    },
  );

  it('uses the CGCS2000 ellipsoid', () => {
    expect([SCALE_A, SCALE_F]).toEqual([CGCS2000_A, CGCS2000_F]);
  });

  it('rounds a bar down to 1, 2 or 5 × 10ⁿ metres', () => {
    expect([0.7, 1, 1.9, 2, 4.99, 5, 9.99, 10, 730, 1999, 25_000].map(roundLength)).toEqual([
      0.5, 1, 1, 2, 2, 5, 5, 10, 500, 1000, 20_000,
    ]);
    expect(roundLength(0)).toBe(0);
    expect(roundLength(Number.NaN)).toBe(0);
  });

  it('labels metres under a kilometre and kilometres above', () => {
    expect(distanceLabel(500)).toBe('500 m');
    expect(distanceLabel(2000)).toBe('2 km');
    expect(distanceLabel(0.5)).toBe('50 cm');
  });

  it('makes a bar no longer than asked whose length times the scale is its label', () => {
    const bar = scaleBar(12.34, 120);
    expect(bar.metres).toBe(1000);
    expect(bar.length).toBeCloseTo(1000 / 12.34, 9);
    expect(bar.length).toBeLessThanOrEqual(120);
    expect(bar.label).toBe('1 km');
  });

  it('gives 1 : N to three figures', () => {
    // 5 km of ground on 0.2 m of paper
    expect(scaleDenominator(5000, 0.2)).toBe(25_000);
    expect(scaleDenominator(12_345, 0.1)).toBe(123_000);
    expect(scaleDenominator(1, 0)).toBe(0);
  });
});
