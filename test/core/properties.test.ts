// Property-based tests (fast-check): partitions add up, overlays never exceed their inputs, and
// nothing depends on a ring's start vertex or orientation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geographicLibRingArea, ellipsoidalRingArea } from '../../src/core/geodesic-area.ts';
import { intersectionArea } from '../../src/core/overlay.ts';
import { buildShape } from '../../src/core/shape.ts';
import type { Position } from '../../src/core/types.ts';
import { workspaceFor } from '../../src/core/workspace.ts';

const methods = [workspaceFor('ellipsoidal'), workspaceFor('plane', 'EPSG:4547')];

/** A star-shaped simple ring around a centre: random radii at sorted angles. */
const starRing = (cx: number, cy: number, size: number) =>
  fc
    .array(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.2, max: 1, noNaN: true })),
      {
        minLength: 3,
        maxLength: 12,
      },
    )
    .map((pts) => {
      const angles = pts.map(([a], i) => (2 * Math.PI * (i + a * 0.9)) / pts.length);
      const ring: Position[] = angles.map((t, i) => [
        cx + size * pts[i]![1] * Math.cos(t),
        cy + size * pts[i]![1] * Math.sin(t),
      ]);
      ring.push(ring[0]!);
      return ring;
    });

const rotate = (ring: Position[], k: number): Position[] => {
  const open = ring.slice(0, -1);
  const s = k % open.length;
  const r = [...open.slice(s), ...open.slice(0, s)];
  return [...r, r[0]!];
};

describe.each(methods)('properties in workspace $key', (ws) => {
  it('area does not depend on start vertex or orientation', () => {
    fc.assert(
      fc.property(starRing(114.5, 32.2, 0.01), fc.nat(20), (ring, k) => {
        const a = buildShape([[ring]], ws).area;
        const b = buildShape([[rotate(ring, k)]], ws).area;
        const c = buildShape([[[...ring].reverse()]], ws).area;
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * a);
        expect(Math.abs(a - c)).toBeLessThanOrEqual(1e-9 * a);
      }),
      { numRuns: 60 },
    );
  });

  it('overlay area never exceeds either input and does not depend on orientation', () => {
    fc.assert(
      fc.property(starRing(114.5, 32.2, 0.01), starRing(114.505, 32.203, 0.008), fc.nat(20), (r1, r2, k) => {
        const a = buildShape([[r1]], ws);
        const b = buildShape([[r2]], ws);
        const i = intersectionArea(a, b, ws);
        // Pieces are measured with the same edge terms as whole rings, on the ellipsoid too.
        expect(i).toBeLessThanOrEqual(Math.min(a.area, b.area) * (1 + 1e-9));
        expect(i).toBeGreaterThanOrEqual(0);
        const j = intersectionArea(b, a, ws);
        const k2 = intersectionArea(buildShape([[rotate([...r1].reverse(), k)]], ws), b, ws);
        expect(Math.abs(i - j)).toBeLessThanOrEqual(1e-6 * Math.max(1, i));
        expect(Math.abs(i - k2)).toBeLessThanOrEqual(1e-6 * Math.max(1, i));
      }),
      { numRuns: 60 },
    );
  });

  it('the parts of a partition sum to the whole', () => {
    // A random polygon cut by a random vertical line into two halves: ∩ left + ∩ right = whole, to
    // 1e-9 in both methods (plus 1 cm² of rounding in plane coordinates of millions of metres). On
    // the ellipsoid the cut line is a meridian (a geodesic), and the cut points lie where it crosses
    // the ring's geodesic edges, so the halves add up exactly; before, they lay on the edges' lon/lat
    // chords and the halves missed the whole by the chord/geodesic slivers.
    // The ellipsoid's floor: a sliver triangle of 2 868 m², 600 m long, missed by 3.4e-6 m² (fast-check
    // seed 1776338360, found in 200 000 runs): rounding of ring sums over a shape's extent, not its area.
    const floor = ws.method === 'plane' ? 1e-4 : 1e-5;
    fc.assert(
      fc.property(
        starRing(114.5, 32.2, 0.01),
        fc.double({ min: -0.009, max: 0.009, noNaN: true }),
        (ring, dx) => {
          const s = buildShape([[ring]], ws);
          const x = 114.5 + dx;
          const left = buildShape(
            [
              [
                [
                  [114.4, 32.1],
                  [x, 32.1],
                  [x, 32.3],
                  [114.4, 32.3],
                  [114.4, 32.1],
                ],
              ],
            ],
            ws,
          );
          const right = buildShape(
            [
              [
                [
                  [x, 32.1],
                  [114.6, 32.1],
                  [114.6, 32.3],
                  [x, 32.3],
                  [x, 32.1],
                ],
              ],
            ],
            ws,
          );
          const sum = intersectionArea(s, left, ws) + intersectionArea(s, right, ws);
          expect(Math.abs(sum - s.area)).toBeLessThanOrEqual(1e-9 * s.area + floor);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('fast ellipsoidal path', () => {
  it('agrees with GeographicLib to 1e-9 on rings up to 500 m across', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 75, max: 135, noNaN: true }),
        fc.double({ min: 18, max: 53, noNaN: true }),
        fc.double({ min: 0.0001, max: 0.0025, noNaN: true }),
        (lon, lat, size) =>
          fc.assert(
            fc.property(starRing(lon, lat, size), (ring) => {
              const flat = ring.flat();
              const g = geographicLibRingArea(flat);
              // GeographicLib's own edge terms carry ~5e-5 m² of rounding each, hence the floor.
              expect(Math.abs(ellipsoidalRingArea(flat) - g)).toBeLessThanOrEqual(1e-9 * Math.abs(g) + 1e-3);
            }),
            { numRuns: 5 },
          ),
      ),
      { numRuns: 40 },
    );
  });
});

describe('tilings', () => {
  it.each(methods)('parcels tiling a zone sum to the zone, every boundary vertex shared ($key)', (ws) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (nx, ny) => {
        const x0 = 114.5;
        const y0 = 32.2;
        const d = 0.003;
        const outline: Position[] = [];
        for (let i = 0; i < nx; i++) outline.push([x0 + i * d, y0]);
        for (let j = 0; j < ny; j++) outline.push([x0 + nx * d, y0 + j * d]);
        for (let i = nx; i > 0; i--) outline.push([x0 + i * d, y0 + ny * d]);
        for (let j = ny; j > 0; j--) outline.push([x0, y0 + j * d]);
        outline.push(outline[0]!);
        const zone = buildShape([[outline]], ws);
        let sum = 0;
        for (let i = 0; i < nx; i++)
          for (let j = 0; j < ny; j++) {
            const a = x0 + i * d;
            const b = y0 + j * d;
            const parcel = buildShape(
              [
                [
                  [
                    [a, b],
                    [a + d, b],
                    [a + d, b + d],
                    [a, b + d],
                    [a, b],
                  ],
                ],
              ],
              ws,
            );
            sum += intersectionArea(parcel, zone, ws);
          }
        expect(Math.abs(sum - zone.area)).toBeLessThanOrEqual(1e-9 * zone.area);
      }),
      { numRuns: 20 },
    );
  });
});
