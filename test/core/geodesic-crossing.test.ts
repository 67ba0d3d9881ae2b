// The crossing of two geodesic edges: on both geodesics (checked with GeographicLib's Inverse, not
// the Newton steps under test), the same point whichever way either edge runs, and solved once when
// asked for again (the two parcels either side of a shared edge ask for the same crossing with a
// zone's edge, each with the edge the other way round).
import fc from 'fast-check';
import * as geographiclib from 'geographiclib-geodesic';
import { describe, expect, it, vi } from 'vitest';
import { cgcs2000 } from '../../src/core/ellipsoid.ts';
import {
  crossingOfEdges,
  geodesicCrossing,
  geodesicEdge,
  isShortEdge,
  SHORT_GEODESIC_MAX_DEG,
  ShortGeodesic,
} from '../../src/core/geodesic-crossing.ts';
import { workCount } from '../../src/core/work-count.ts';

const geod = new geographiclib.Geodesic.Geodesic(6378137, 1 / 298.257222101);
const DEG = Math.PI / 180;

/** Distance in metres of (lon, lat) from the geodesic through (x1, y1) → (x2, y2). */
function offGeodesic(x1: number, y1: number, x2: number, y2: number, lon: number, lat: number): number {
  const edge = geod.Inverse(y1, x1, y2, x2);
  const to = geod.Inverse(y1, x1, lat, lon);
  return Math.abs((to.s12 ?? 0) * Math.sin(((to.azi1 ?? 0) - (edge.azi1 ?? 0)) * DEG));
}

/** The chord crossing of two segments: fractions t, u along each (undefined when parallel). */
function chordCrossing(e: number[], f: number[]): [number, number] | undefined {
  const [x1, y1, x2, y2] = e as [number, number, number, number];
  const [x3, y3, x4, y4] = f as [number, number, number, number];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const ex = x4 - x3;
  const ey = y4 - y3;
  const den = dx * ey - dy * ex;
  if (den === 0) return undefined;
  return [((x3 - x1) * ey - (y3 - y1) * ex) / den, ((x3 - x1) * dy - (y3 - y1) * dx) / den];
}

// A parcel's edge (≈ 100 m) across a zone's edge (≈ 1–2.5 km), near 32°N as in the benchmark.
const edges = fc
  .record({
    lon: fc.double({ min: 100, max: 120, noNaN: true }),
    lat: fc.double({ min: 20, max: 45, noNaN: true }),
    a: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    b: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    short: fc.double({ min: 3e-4, max: 2e-3, noNaN: true }),
    long: fc.double({ min: 5e-3, max: 0.03, noNaN: true }),
    t: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
    u: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
  })
  .filter((r) => Math.abs(Math.sin(r.a - r.b)) > 0.2)
  .map((r) => {
    // Both edges through (lon, lat), at fractions t and u of each.
    const e = [
      r.lon - r.t * r.short * Math.cos(r.a),
      r.lat - r.t * r.short * Math.sin(r.a),
      r.lon + (1 - r.t) * r.short * Math.cos(r.a),
      r.lat + (1 - r.t) * r.short * Math.sin(r.a),
    ];
    const f = [
      r.lon - r.u * r.long * Math.cos(r.b),
      r.lat - r.u * r.long * Math.sin(r.b),
      r.lon + (1 - r.u) * r.long * Math.cos(r.b),
      r.lat + (1 - r.u) * r.long * Math.sin(r.b),
    ];
    return { e, f };
  });

const reversed = (s: number[]) => [s[2]!, s[3]!, s[0]!, s[1]!];

function solve(e: number[], f: number[]): readonly [number, number] {
  const [t, u] = chordCrossing(e, f)!;
  return geodesicCrossing(e[0]!, e[1]!, e[2]!, e[3]!, f[0]!, f[1]!, f[2]!, f[3]!, t, u);
}

describe('geodesicCrossing', () => {
  it('lies on both geodesics to 5 nm (Newton stops at 1 nm; one ulp of 100° is 1.6 nm)', () => {
    fc.assert(
      fc.property(edges, ({ e, f }) => {
        const [lon, lat] = solve(e, f);
        expect(offGeodesic(e[0]!, e[1]!, e[2]!, e[3]!, lon, lat)).toBeLessThan(5e-9);
        expect(offGeodesic(f[0]!, f[1]!, f[2]!, f[3]!, lon, lat)).toBeLessThan(5e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('is the same point whichever way each edge runs, and is solved once', () => {
    fc.assert(
      fc.property(edges, ({ e, f }) => {
        const before = workCount.crossings;
        const first = solve(e, f);
        const solved = workCount.crossings - before;
        for (const [ee, ff] of [
          [reversed(e), f],
          [e, reversed(f)],
          [reversed(e), reversed(f)],
          [e, f],
        ]) {
          expect(solve(ee!, ff!)).toEqual(first);
        }
        // The first call may find it already solved (fast-check repeats a case while shrinking).
        expect(solved).toBeLessThanOrEqual(1);
        expect(workCount.crossings - before).toBe(solved);
      }),
      { numRuns: 300 },
    );
  });

  it("steps without GeographicLib's Inverse (its first solutions in a process cost ≈ 15 µs each)", () => {
    const spy = vi.spyOn(cgcs2000, 'Inverse');
    try {
      fc.assert(
        fc.property(edges, ({ e, f }) => {
          const [t, u] = chordCrossing(e, f)!;
          const ee = geodesicEdge(e[0]!, e[1]!, e[2]!, e[3]!);
          const ff = geodesicEdge(f[0]!, f[1]!, f[2]!, f[3]!);
          spy.mockClear();
          const [lon, lat] = crossingOfEdges(ee, ff, e[0]!, e[1]!, e[2]!, e[3]!, t, u);
          expect(spy).not.toHaveBeenCalled();
          // offGeodesic solves on its own Geodesic object, not cgcs2000.
          expect(offGeodesic(f[0]!, f[1]!, f[2]!, f[3]!, lon, lat)).toBeLessThan(5e-9);
        }),
        { numRuns: 100 },
      );
    } finally {
      vi.restoreAllMocks();
    }
  });
});

/** Distance in metres between two points nanometres to metres apart (meridian and parallel radii). */
function gap(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const e2 = (1 / 298.257222101) * (2 - 1 / 298.257222101);
  const phi = ((lat1 + lat2) / 2) * DEG;
  const w2 = 1 - e2 * Math.sin(phi) ** 2;
  const n = 6378137 / Math.sqrt(w2);
  const m = (n * (1 - e2)) / w2;
  return Math.hypot(m * (lat2 - lat1) * DEG, n * Math.cos(phi) * (lon2 - lon1) * DEG);
}

// Edges from 1 cm to the series' limit (≈ 330 m), anywhere it is used (|latitude| ≤ 70°).
const shortEdges = fc
  .record({
    lon: fc.double({ min: 73, max: 135, noNaN: true }),
    lat: fc.double({ min: -69.99, max: 69.99, noNaN: true }),
    a: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    size: fc.double({ min: -6, max: Math.log10(SHORT_GEODESIC_MAX_DEG), noNaN: true }),
  })
  .map((r) => {
    const d = 10 ** r.size;
    const c = Math.cos(r.lat * DEG);
    return [r.lon, r.lat, r.lon + (d * Math.sin(r.a)) / c, r.lat + d * Math.cos(r.a)] as const;
  })
  .filter(([x1, y1, x2, y2]) => isShortEdge(x1, y1, x2, y2));

describe('ShortGeodesic (short edges as a series)', () => {
  it("gives GeographicLib's points, length and azimuths to its own round-off (5 nm)", () => {
    fc.assert(
      fc.property(shortEdges, ([x1, y1, x2, y2]) => {
        const line = geod.InverseLine(y1, x1, y2, x2);
        const short = new ShortGeodesic(x1, y1, x2, y2);
        const length = line.s13 ?? 0;
        expect(Math.abs(short.s13 - length)).toBeLessThan(5e-9);
        for (const f of [-0.1, 0, 0.3, 0.5, 0.8, 1, 1.1]) {
          const p = line.Position(f * length);
          const q = short.Position(f * length);
          expect(gap(p.lon2!, p.lat2!, q.lon2, q.lat2)).toBeLessThan(5e-9);
          // GeographicLib's azimuth of a 1 cm edge is itself uncertain by its points' round-off.
          let da = Math.abs(q.azi2 - p.azi2!);
          if (da > 180) da = 360 - da;
          expect(da * DEG * Math.max(length, 1e-3)).toBeLessThan(2e-8);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('takes only edges within its limits', () => {
    expect(isShortEdge(114, 32, 114.001, 32.001)).toBe(true);
    expect(isShortEdge(114, 32, 114, 32 + 1.01 * SHORT_GEODESIC_MAX_DEG)).toBe(false);
    expect(isShortEdge(114, 32, 114 + (1.01 * SHORT_GEODESIC_MAX_DEG) / Math.cos(32 * DEG), 32)).toBe(false);
    expect(isShortEdge(114, 70.5, 114.001, 70.5)).toBe(false);
  });

  it("solves a crossing of two short edges without GeographicLib's InverseLine", () => {
    const spy = vi.spyOn(cgcs2000, 'InverseLine');
    try {
      // Two 110 m parcel edges across each other near 32°N (fresh numbers: nothing cached).
      const e = [114.5000001, 32.0000003, 114.5010001, 32.0010003];
      const f = [114.5000001, 32.0010003, 114.5010001, 32.0000003];
      const [lon, lat] = solve(e, f);
      expect(spy).not.toHaveBeenCalled();
      expect(offGeodesic(e[0]!, e[1]!, e[2]!, e[3]!, lon, lat)).toBeLessThan(5e-9);
      expect(offGeodesic(f[0]!, f[1]!, f[2]!, f[3]!, lon, lat)).toBeLessThan(5e-9);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
