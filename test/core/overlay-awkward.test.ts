// Overlays on the kinds of input that break Turf/polyclip boolean operations: near-collinear and
// shared edges, slivers, T-junctions, long-decimal coordinates, touching rings, self-crossing rings.
// Expected areas are hand calculations in the plane (the overlay is exact there).
import { describe, expect, it } from 'vitest';
import { differenceArea, intersectionArea, unionShapes } from '../../src/core/overlay.ts';
import { buildShape } from '../../src/core/shape.ts';
import type { Position } from '../../src/core/types.ts';
import { workspaceFor } from '../../src/core/workspace.ts';

// The plane workspace with coordinates already in metres: a plane CRS is only used for lon/lat input.
const ws = { ...workspaceFor('plane', 'EPSG:4547'), toWork: undefined };
const shape = (...rings: Position[][]) => buildShape([rings], ws);
const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('awkward overlays', () => {
  it('shared edges give exactly the shared area, not double', () => {
    const a = shape(rect(500000, 3560000, 500100, 3560100));
    const b = shape(rect(500100, 3560000, 500200, 3560100));
    expect(intersectionArea(a, b, ws)).toBeCloseTo(0, 6);
    expect(intersectionArea(a, a, ws)).toBeCloseTo(10000, 6);
    expect(differenceArea(a, a, ws)).toBeCloseTo(0, 6);
  });

  it('T-junctions and a vertex lying on the other edge', () => {
    const a = shape(rect(0, 0, 10, 10));
    const b = shape([
      [5, 0],
      [15, 0],
      [15, 5],
      [10, 5],
      [5, 5],
      [5, 0],
    ]);
    expect(intersectionArea(a, b, ws)).toBeCloseTo(25, 9);
    expect(differenceArea(a, b, ws)).toBeCloseTo(75, 9);
  });

  it('near-collinear edges one ulp apart (the polyclip "unable to complete ring" kind)', () => {
    const x = 547123.1234567891;
    const a = shape([
      [x, 3563000.1],
      [x + 100.000000000001, 3563000.1],
      [x + 100, 3563100.1],
      [x, 3563100.1],
      [x, 3563000.1],
    ]);
    const b = shape([
      [x + 50, 3563000.1000000001],
      [x + 150, 3563000.1],
      [x + 150, 3563100.1],
      [x + 50, 3563100.1],
      [x + 50, 3563000.1000000001],
    ]);
    expect(intersectionArea(a, b, ws)).toBeCloseTo(5000, 4);
  });

  it('slivers measure as slivers', () => {
    const a = shape(rect(0, 0, 1000, 1000));
    const b = shape([
      [999.999, -10],
      [1000.001, -10],
      [1000.001, 1010],
      [999.999, 1010],
      [999.999, -10],
    ]);
    expect(intersectionArea(a, b, ws)).toBeCloseTo(1, 6);
  });

  it('a hole of the other shape inside this one is left out', () => {
    const holed = shape(rect(0, 0, 100, 100), [...rect(40, 40, 60, 60)].reverse());
    const inner = shape(rect(30, 30, 70, 70));
    expect(intersectionArea(inner, holed, ws)).toBeCloseTo(1600 - 400, 6);
    expect(intersectionArea(holed, inner, ws)).toBeCloseTo(1200, 6);
  });

  it('a self-crossing ring counts every lobe once, as MakeValid repairs it', () => {
    const bow = shape([
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
      [0, 0],
    ]);
    expect(bow.area).toBeCloseTo(50, 9);
    expect(bow.problems[0]?.code).toBe('self-intersection');
    expect(intersectionArea(bow, shape(rect(0, 0, 5, 10)), ws)).toBeCloseTo(25, 9);
  });

  it('a ring wound twice keeps its doubly covered part out (even-odd, as MakeValid)', () => {
    // A pentagram: the centre pentagon is covered twice, so MakeValid leaves it out.
    const pts: Position[] = [];
    for (let k = 0; k < 5; k++) {
      const t = Math.PI / 2 + (k * 4 * Math.PI) / 5;
      pts.push([100 * Math.cos(t), 100 * Math.sin(t)]);
    }
    pts.push(pts[0]!);
    const star = shape(pts);
    // Hand calculation: the star polygon {5/2} with circumradius R has area
    // 5/2·R²·sin72°·(1 − tan²36°)… simpler: tips = star outline − inner pentagon, where the inner
    // pentagon's circumradius is r = R·cos72°/cos36°.
    const R = 100;
    const r = (R * Math.cos((2 * Math.PI) / 5)) / Math.cos(Math.PI / 5);
    const pent = (rad: number) => (5 / 2) * rad * rad * Math.sin((2 * Math.PI) / 5);
    // outline area: 10-gon alternating R and r, = 5·R·r·sin36°
    const outline = 5 * R * r * Math.sin(Math.PI / 5);
    expect(star.area).toBeCloseTo(outline - pent(r), 6);
  });

  it('overlapping parts of one multipolygon count once', () => {
    const s = buildShape([[rect(0, 0, 10, 10)], [rect(5, 0, 15, 10)]], ws);
    expect(s.area).toBeCloseTo(150, 9);
    expect(s.problems.map((p) => p.code)).toContain('overlapping-parts');
  });

  it('long-decimal lon/lat coordinates on the ellipsoid never throw', () => {
    const ell = workspaceFor('ellipsoidal');
    const a = buildShape(
      [
        [
          [
            [114.5123456789012, 32.2123456789012],
            [114.5223456789012, 32.2123456789011],
            [114.5223456789012, 32.2223456789012],
            [114.5123456789012, 32.2123456789012],
          ],
        ],
      ],
      ell,
    );
    const b = buildShape(
      [
        [
          [
            [114.5173456789012, 32.2023456789012],
            [114.53, 32.2123456789011],
            [114.5173456789012, 32.23],
            [114.5173456789012, 32.2023456789012],
          ],
        ],
      ],
      ell,
    );
    const i = intersectionArea(a, b, ell);
    expect(i).toBeGreaterThan(0);
    expect(i).toBeLessThan(Math.min(a.area, b.area));
    expect(unionShapes([a, b], ell)).toBeDefined();
  });
});
