// Boundary editing in core (split, reshape, merge, cut, shared vertices, snapping, refusal),
// against areas made independently: GEOS for the geometry, GeographicLib for the ellipsoidal area
// (test/fixtures/edit/make-expected.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geometryArea } from '../../src/core/area.ts';
import type { Geometry, Position } from '../../src/core/types.ts';
import {
  applyShared,
  cutHole,
  diffRing,
  editRefusal,
  mergeParts,
  reshapePolygon,
  restoreExact,
  snapPoint,
  splitPolygon,
} from '../../src/core/edit/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fixture = (name: string): any =>
  JSON.parse(readFileSync(`test/fixtures/edit/${name}/case.json`, 'utf8'));
const poly = (coordinates: Position[][]): Geometry => ({ type: 'Polygon', coordinates });
const m2 = (g: Geometry | null) => geometryArea(g, 'ellipsoidal');
// GeographicLib is exact to nm; core's own ellipsoidal area agrees to well under 0.01 m² here
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.01);

describe('split a part along a drawn line', () => {
  for (const name of ['split-bent-line', 'split-beside-hole', 'split-twice']) {
    it(`${name}: the pieces have GEOS's areas and add up to the part`, () => {
      const c = fixture(name);
      const r = splitPolygon(c.polygon, c.line);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const areas = r.pieces.map((p) => m2(poly(p))).sort((a, b) => a - b);
      expect(areas.length).toBe(c.pieces_m2.length);
      areas.forEach((a, i) => close(a, c.pieces_m2[i]));
      // On the ellipsoid the pieces add up to the part only to ~2e-5: a crossing point on a
      // straight (lon/lat) edge is off the edge's geodesic, in GEOS's pieces as in these.
      const sum = areas.reduce((s, a) => s + a, 0);
      expect(Math.abs(sum - c.whole_m2)).toBeLessThan(2e-5 * c.whole_m2);
      for (const p of r.pieces) expect(editRefusal(poly(p))).toBeNull();
    });
  }

  it('the pieces share the crossing points exactly (no sliver between them)', () => {
    const c = fixture('split-bent-line');
    const r = splitPolygon(c.polygon, c.line);
    if (!r.ok) throw new Error('not split');
    const [a, b] = r.pieces.map((p) => new Set(p[0]!.map((q) => q.join(','))));
    const shared = [...a!].filter((k) => b!.has(k));
    // the two crossings and the line's bend inside the part
    expect(shared.length).toBe(3);
  });

  it('refuses a line that misses the part, or crosses its hole', () => {
    const c = fixture('split-beside-hole');
    expect(
      splitPolygon(c.polygon, [
        [114.6, 32.1],
        [114.6, 32.3],
      ]),
    ).toEqual({ ok: false, reason: 'line-misses' });
    expect(
      splitPolygon(c.polygon, [
        [114.503, 32.168],
        [114.503, 32.18],
      ]),
    ).toEqual({
      ok: false,
      reason: 'line-crosses-hole',
    });
  });
});

describe('reshape along a drawn line', () => {
  it('a line out of one edge and back adds the land between', () => {
    const c = fixture('reshape');
    const r = reshapePolygon(c.polygon, c.out_line);
    if (!r.ok) throw new Error(r.reason);
    expect(r.pieces.length).toBe(1);
    close(m2(poly(r.pieces[0]!)), c.grown_m2);
  });
  it('a line inside from edge to edge takes the land it cuts off', () => {
    const c = fixture('reshape');
    const r = reshapePolygon(c.polygon, c.in_line);
    if (!r.ok) throw new Error(r.reason);
    close(m2(poly(r.pieces[0]!)), c.shrunk_m2);
  });
});

describe('merge and cut with core polyclip', () => {
  it('two parts sharing an edge become one polygon of the union area', () => {
    const c = fixture('merge-adjacent');
    const r = mergeParts(poly(c.a), poly(c.b));
    if (!r.ok) throw new Error(r.reason);
    expect(r.geometry.type).toBe('Polygon');
    close(m2(r.geometry), c.union_m2);
  });
  it('a hole inside the part and a notch across its edge', () => {
    const c = fixture('cut');
    const h = cutHole(poly(c.polygon), c.hole);
    if (!h.ok) throw new Error(h.reason);
    expect(h.geometry.type === 'Polygon' && h.geometry.coordinates.length).toBe(2);
    close(m2(h.geometry), c.with_hole_m2);
    const n = cutHole(poly(c.polygon), c.notch);
    if (!n.ok) throw new Error(n.reason);
    close(m2(n.geometry), c.with_notch_m2);
  });
  it('cutting the whole part away is refused', () => {
    const c = fixture('cut');
    const all: Position[] = [
      [114.4, 32.1],
      [114.6, 32.1],
      [114.6, 32.3],
      [114.4, 32.3],
      [114.4, 32.1],
    ];
    expect(cutHole(poly(c.polygon), all)).toEqual({ ok: false, reason: 'nothing-left' });
  });
});

describe('a shared vertex moves in every part that holds it', () => {
  it('both parts change to the moved polygons and still partition the whole', () => {
    const c = fixture('shared-vertex');
    const left = poly(c.left);
    const right = poly(c.right);
    const other = poly([
      [
        [114.6, 32.1],
        [114.61, 32.1],
        [114.61, 32.11],
        [114.6, 32.1],
      ],
    ]);
    const moved = [...c.left[0]];
    moved[2] = c.to;
    const edit = diffRing(c.left[0], moved);
    expect(edit).toEqual({ kind: 'move', from: c.from, to: c.to });
    const [l, r, o] = applyShared([left, right, other], edit!);
    close(m2(l!), c.left_m2);
    close(m2(r!), c.right_m2);
    close(m2(l!) + m2(r!), c.union_m2);
    expect(c.overlap_m2).toBe(0);
    expect(o).toBe(other);
  });

  it('an inserted vertex goes into the neighbour that has the edge; a deleted one leaves both', () => {
    const c = fixture('shared-vertex');
    const left = poly(c.left);
    const right = poly(c.right);
    const p: Position = [114.51, 32.1775];
    const after = [...c.left[0]];
    after.splice(3, 0, p);
    const ins = diffRing(c.left[0], after);
    expect(ins).toEqual({ kind: 'insert', a: [114.51, 32.175], b: [114.51, 32.18], p });
    const [, r] = applyShared([left, right], ins!);
    expect((r as { coordinates: Position[][] }).coordinates[0]).toContainEqual(p);
    const del = diffRing(
      c.left[0],
      c.left[0].filter((_: Position, i: number) => i !== 2),
    );
    expect(del).toEqual({ kind: 'delete', v: [114.51, 32.175] });
    const [l2, r2] = applyShared([left, right], del!);
    for (const g of [l2, r2])
      expect((g as { coordinates: Position[][] }).coordinates[0]).not.toContainEqual(c.from);
  });

  it('coordinates an editor rounded are given back exactly', () => {
    const before: Position[] = [
      [114.1234567891234, 32.1],
      [114.2, 32.2],
    ];
    expect(
      restoreExact(
        [
          [114.123456789, 32.1],
          [114.3, 32.3],
        ],
        before,
      ),
    ).toEqual([before[0], [114.3, 32.3]]);
  });
});

describe('snapping and refusal', () => {
  const project = (p: Position) => ({ x: (p[0]! - 114) * 100_000, y: (32.5 - p[1]!) * 100_000 });
  const box = [114, 32, 115, 33] as const;
  const village: Position[] = [
    [114.5, 32.2],
    [114.501, 32.2],
    [114.501, 32.201],
    [114.5, 32.2],
  ];

  it('snaps to a vertex exactly, before an edge', () => {
    const s = snapPoint({ x: 50003, y: 30003 }, { paths: [village] }, project, 10, box);
    expect(s).toMatchObject({ kind: 'vertex', at: [114.5, 32.2] });
    expect(s!.at).toBe(village[0]);
  });
  it('snaps to the nearest point of an edge when no vertex is within reach', () => {
    const s = snapPoint({ x: 50050, y: 30004 }, { paths: [village] }, project, 10, box);
    expect(s?.kind).toBe('edge');
    expect(s!.at[1]).toBeCloseTo(32.2, 12);
    expect(s!.at[0]).toBeCloseTo(114.5005, 12);
  });
  it('nothing beyond the tolerance, and not the excluded vertex', () => {
    expect(snapPoint({ x: 49900, y: 30000 }, { paths: [village] }, project, 10, box)).toBeNull();
    const s = snapPoint({ x: 50000, y: 30000 }, { paths: [village] }, project, 10, box, [village[0]!]);
    expect(s).toBeNull();
  });
  it('a self-crossing edit is refused with the validity reason in both languages', () => {
    const bow = poly([
      [
        [0, 0],
        [1, 1],
        [1, 0],
        [0, 1],
        [0, 0],
      ],
    ]);
    const r = editRefusal(bow);
    expect(r?.code).toBe('self-intersection');
    expect(r?.zh).toContain('自相交');
    expect(r?.en).toContain('crosses itself');
    expect(
      editRefusal(
        poly([
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ]),
      ),
    ).toBeNull();
  });
});
