// Scenario comparison (contract §5) on the grow-east fixture against GEOS + GeographicLib figures
// (test/fixtures/make-compare-expected.py), in both area methods. The scenario grows east across a
// township boundary, loses its south-west corner, and gains an island and a second island that
// touches the east part at one point (a separate piece).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareScenarios, type ScenarioComparison } from '../../src/core/compare.ts';
import type { Project } from '../../src/core/types.ts';
import { loadScenariosFromPath } from '../../src/io/node-project.ts';

const DIR = path.join(import.meta.dirname, '../fixtures/compare/grow-east');

interface FromTo {
  from_m2: number;
  to_m2: number;
  from_inside?: boolean;
  to_inside?: boolean;
}
interface Expected {
  zones: Record<string, FromTo>;
  added_m2: number;
  removed_m2: number;
  pieces: { change: string; area_m2: number; townships: string[]; villages: string[] }[];
  admin: Record<string, FromTo>;
  villages: Record<string, FromTo>;
  constraints: Record<string, FromTo>;
}
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as {
  comparisons: ({ from: string; to: string } & Record<'ellipsoidal' | 'plane', Expected>)[];
};

// The reference is GEOS on rings densified along their geodesics (ellipsoidal) or GEOS in the
// Gauss-Kruger plane. Overlay figures to 1e-5 (1e-9 seen since the cut points are where geodesics
// cross); the pieces, which are polygons cut by polyclip on the lon/lat chords, to 1e-4: they miss
// the geodesic figure by the chord/geodesic sliver of their cut edges (up to 4.2e-5 seen here, on
// a small piece with km-long cut edges; the totals added_m2/removed_m2 are exact). 0.05 m² absolute.
const close = (got: number, want: number, rel: number) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want) + 0.05);

const projects = new Map<string, Project>();
beforeAll(async () => {
  const loaded = await loadScenariosFromPath(DIR, ['base', 'expand-east', 'expand-east-gk']);
  expect(loaded.unknown).toEqual([]);
  for (const s of loaded.scenarios) {
    expect(s.problems).toEqual([]);
    projects.set(s.id, s.project);
  }
});

describe.each(
  expected.comparisons.flatMap((c) => (['ellipsoidal', 'plane'] as const).map((m) => ({ ...c, m }))),
)('compare $from → $to, $m', ({ from, to, m, ...rest }) => {
  const e = rest[m];
  const rel = m === 'ellipsoidal' ? 1e-5 : 1e-6;
  let c: ScenarioComparison;
  beforeAll(() => {
    c = compareScenarios(projects.get(from)!, projects.get(to)!, { areaMethod: m, from, to });
  });

  it('names the scenarios and the method', () => {
    expect([c.from, c.to, c.areaMethod]).toEqual([from, to, m]);
    if (m === 'plane') expect(c.planeCrs).toBe('EPSG:4547');
  });

  it('gives every zone category on both sides with its change', () => {
    expect(c.zones.map((z) => z.category)).toEqual(['planned', 'built', 'development', 'control']);
    for (const z of c.zones) {
      const want = e.zones[z.category]!;
      close(z.from_m2, want.from_m2, 1e-7);
      close(z.to_m2, want.to_m2, 1e-7);
      expect(z.delta_m2).toBe(z.to_m2 - z.from_m2);
      expect(z.delta_mu).toBeCloseTo((z.to_m2 - z.from_m2) / (2000 / 3), 6);
    }
  });

  it('measures the planned area gained and lost', () => {
    close(c.added_m2, e.added_m2, rel);
    close(c.removed_m2, e.removed_m2, rel);
  });

  it('splits the change into connected pieces with their townships and villages', () => {
    expect(c.pieces.map((p) => p.change)).toEqual(e.pieces.map((p) => p.change));
    c.pieces.forEach((p, i) => {
      const want = e.pieces[i]!;
      close(p.area_m2, want.area_m2, m === 'ellipsoidal' ? 1e-4 : rel);
      expect(p.townships).toEqual(want.townships);
      expect(p.villages).toEqual(want.villages);
      expect(p.geometry.type).toBe('Polygon');
    });
  });

  it('lists every township overlapping either side', () => {
    expect(c.admin.map((a) => a.name).sort()).toEqual(Object.keys(e.admin).sort());
    for (const a of c.admin) {
      close(a.from_m2, e.admin[a.name]!.from_m2, rel);
      close(a.to_m2, e.admin[a.name]!.to_m2, rel);
    }
  });

  it('lists every village overlapping either side, points by whether they lie inside', () => {
    expect(c.villages.map((v) => v.name).sort()).toEqual(Object.keys(e.villages).sort());
    for (const v of c.villages) {
      const want = e.villages[v.name]!;
      close(v.from_m2, want.from_m2, rel);
      close(v.to_m2, want.to_m2, rel);
      expect(v.from_inside).toBe(want.from_inside);
      expect(v.to_inside).toBe(want.to_inside);
    }
  });

  it('measures farmland overlap and the area outside the urban boundary on both sides', () => {
    expect(c.constraints.map((k) => [k.layer, k.kind, k.measure])).toEqual([
      ['farmland', 'basic-farmland', 'overlap'],
      ['ubound', 'urban-boundary', 'outside'],
    ]);
    for (const k of c.constraints) {
      close(k.from_m2, e.constraints[k.layer]!.from_m2, rel);
      close(k.to_m2, e.constraints[k.layer]!.to_m2, rel);
    }
  });
});

describe('pieces', () => {
  it('keep a piece that touches another at a single point apart from it', () => {
    const c = compareScenarios(projects.get('base')!, projects.get('expand-east')!, {
      from: 'base',
      to: 'x',
    });
    const added = c.pieces.filter((p) => p.change === 'added');
    expect(added).toHaveLength(3);
    // The corner island shares the vertex (114.532, 32.216) with the east part.
    const has = (p: (typeof added)[number]) =>
      p.geometry.coordinates[0]!.some(
        ([x, y]) => Math.abs(x! - 114.532) < 1e-12 && Math.abs(y! - 32.216) < 1e-12,
      );
    expect(added.filter(has)).toHaveLength(2);
  });

  it('are the whole planned area when one side has no zone at all', () => {
    const base = projects.get('base')!;
    const none = { ...base, layers: base.layers.filter((l) => l.role !== 'zone') };
    const want = expected.comparisons[0]!.ellipsoidal.zones.planned!.from_m2;
    const c = compareScenarios(none, base, { areaMethod: 'ellipsoidal' });
    close(c.added_m2, want, 1e-7);
    expect(c.removed_m2).toBe(0);
    expect(c.pieces.map((p) => [p.change, p.townships])).toEqual([['added', ['城关镇']]]);
    close(c.pieces[0]!.area_m2, want, 1e-7);
    const back = compareScenarios(base, none, { areaMethod: 'ellipsoidal' });
    expect(back.pieces.map((p) => p.change)).toEqual(['removed']);
    expect(back.zones[0]!.to_m2).toBe(0);
  });

  it('are none between one boundary read from lon/lat and from Gauss-Kruger (slivers dropped)', () => {
    const c = compareScenarios(projects.get('expand-east')!, projects.get('expand-east-gk')!);
    expect(c.pieces).toEqual([]);
    expect(c.added_m2).toBeLessThan(0.05);
  });
});
