import { describe, expect, it } from 'vitest';
import { readShp } from '../../src/io/shapefile/shp.ts';

/** A .shp of one Polygon record with the given rings (positions as [x, y]), written by hand. */
function polygonShp(rings: number[][][]): Uint8Array {
  const numPoints = rings.reduce((a, r) => a + r.length, 0);
  const content = 44 + rings.length * 4 + numPoints * 16;
  const bytes = new Uint8Array(100 + 8 + content);
  const v = new DataView(bytes.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, bytes.length / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, 5, true);
  v.setInt32(100, 1, false);
  v.setInt32(104, content / 2, false);
  const at = 108;
  v.setInt32(at, 5, true);
  v.setInt32(at + 36, rings.length, true);
  v.setInt32(at + 40, numPoints, true);
  let p = 0;
  rings.forEach((r, i) => {
    v.setInt32(at + 44 + i * 4, p, true);
    p += r.length;
  });
  let o = at + 44 + rings.length * 4;
  for (const r of rings)
    for (const [x, y] of r) {
      v.setFloat64(o, x!, true);
      v.setFloat64(o + 8, y!, true);
      o += 16;
    }
  return bytes;
}

// Unit squares on a grid; cw: the shapefile's outer-ring winding (clockwise), else a hole's.
const square = (x: number, y: number, size: number, cw: boolean): number[][] => {
  const ccw = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
  return cw ? ccw.reverse() : ccw;
};

// CPU time of this process rather than wall time: the bound must not depend on the machine's load.
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

describe('Shapefile ring assignment', () => {
  it('reads one record of 40 000 counter-clockwise rings in well under a second', () => {
    const rings = Array.from({ length: 40_000 }, (_, i) =>
      square((i % 200) * 2, Math.floor(i / 200) * 2, 1, false),
    );
    const bytes = polygonShp(rings);
    const t0 = process.cpuUsage();
    const g = readShp(bytes).geometries[0]!;
    const ms = cpuMs(t0);
    // Each ring lies inside no outer ring: each is a polygon of its own, in file order.
    expect(g.type).toBe('MultiPolygon');
    const polys = (g as { coordinates: number[][][][] }).coordinates;
    expect(polys).toHaveLength(40_000);
    expect(polys[1]![0]![0]).toEqual([2, 0]);
    // A bound against the quadratic matching (224 s before), not a timing: ~200 ms is measured here.
    expect(ms).toBeLessThan(20_000);
  });

  it('puts 39 999 holes into the one outer ring around them, in well under a second', () => {
    const holes = Array.from({ length: 39_999 }, (_, i) =>
      square((i % 200) * 2 + 0.5, Math.floor(i / 200) * 2 + 0.5, 1, false),
    );
    const bytes = polygonShp([square(0, 0, 401, true), ...holes]);
    const t0 = process.cpuUsage();
    const g = readShp(bytes).geometries[0]!;
    const ms = cpuMs(t0);
    expect(g.type).toBe('Polygon');
    expect((g as { coordinates: unknown[] }).coordinates).toHaveLength(40_000);
    expect(ms).toBeLessThan(20_000); // against the quadratic matching, as above
  });

  it('gives each hole to the outer ring that holds it, not to one whose box merely overlaps', () => {
    // Two L-free outers: a big one at the origin and a small one; the hole lies in the big one only.
    const outerA = square(0, 0, 10, true);
    const outerB = square(20, 0, 10, true);
    const holeB = square(22, 2, 2, false);
    const holeA = square(1, 1, 2, false);
    const g = readShp(polygonShp([outerA, outerB, holeB, holeA])).geometries[0] as {
      type: string;
      coordinates: number[][][][];
    };
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates.map((p) => p.length)).toEqual([2, 2]);
    expect(g.coordinates[0]![1]![0]).toEqual([1, 1]);
    expect(g.coordinates[1]![1]![0]).toEqual([22, 2]);
  });
});
