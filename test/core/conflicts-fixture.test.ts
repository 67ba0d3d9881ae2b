// The three-plan conflicts of hand-built plans (test/fixtures/conflicts/make.py): every conflict the
// default table makes, and no other, with areas from GEOS + GeographicLib in both area methods; a
// project rule in zonemap.json (settings.compatibility) adds the conflicts it names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.ts';
import type { ConflictEntry } from '../../src/core/report-types.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';

interface Want {
  layerA: string;
  layerB: string;
  classA: string;
  classB: string;
  rule: string;
  township: string;
  plane_m2: number;
  ellipsoidal_m2: number;
  sliver: boolean;
}

const dir = (c: string) => path.join(import.meta.dirname, '../fixtures/conflicts', c);
const expected = (c: string): Want[] =>
  (JSON.parse(readFileSync(path.join(dir(c), 'expected.json'), 'utf8')) as { conflicts: Want[] }).conflicts;
const key = (r: Pick<Want, 'layerA' | 'layerB' | 'classA' | 'classB' | 'township'>) =>
  [r.layerA, r.layerB, r.classA, r.classB, r.township].join('|');

async function conflicts(c: string, method: 'ellipsoidal' | 'plane'): Promise<ConflictEntry[]> {
  const { project } = await loadProjectFromPath(dir(c));
  return buildReport(project!, { areaMethod: method }).conflicts;
}

describe.each(['three-plans', 'override'])('conflicts of %s', (c) => {
  it.each(['ellipsoidal', 'plane'] as const)(
    'in the %s method match GEOS and GeographicLib',
    async (method) => {
      const got = await conflicts(c, method);
      const want = expected(c);
      expect(got.map(key).sort()).toEqual(want.map(key).sort());
      for (const w of want) {
        const g = got.find((r) => key(r) === key(w))!;
        expect(g.rule).toBe(w.rule);
        expect(g.sliver).toBe(w.sliver);
        const own = method === 'plane' ? w.plane_m2 : w.ellipsoidal_m2;
        // Its own method to 1e-9, as the area fixtures (seen: 2e-11 in both; the reference's 1 m
        // densification moves it by 1e-13). On the ellipsoid this held only to 2.7e-6 while pieces
        // were cut on the lon/lat chords: the fixture's plans share Gauss-Kruger lines, whose edges'
        // chords cross where their geodesics do not, and a vertex left there lay 1 mm off both
        // (0.107 m² on 4 ha). The other method, from converted vertices, to 1e-5.
        expect(Math.abs(g.area_m2 - own) / own).toBeLessThan(1e-9);
        expect(Math.abs(g.plane_m2 - w.plane_m2) / w.plane_m2).toBeLessThan(1e-5);
        expect(Math.abs(g.ellipsoidal_m2 - w.ellipsoidal_m2) / w.ellipsoidal_m2).toBeLessThan(1e-5);
        expect(g.area_mu).toBeCloseTo(g.area_m2 / (2000 / 3), 9);
      }
    },
  );
});

describe('the report around the conflicts', () => {
  it('lists slivers after the rest, largest first, and totals them apart by pair and township', async () => {
    const { project } = await loadProjectFromPath(dir('three-plans'));
    const r = buildReport(project!);
    const firstSliver = r.conflicts.findIndex((x) => x.sliver);
    expect(firstSliver).toBeGreaterThan(0);
    expect(r.conflicts.slice(firstSliver).every((x) => x.sliver)).toBe(true);
    const big = r.conflicts.slice(0, firstSliver).map((x) => x.area_m2);
    expect(big).toEqual([...big].sort((a, b) => b - a));
    const pair = r.conflictTotals.find((t) => t.layerA === 'industry' && t.layerB === 'urban')!;
    expect(pair.count).toBe(2);
    expect(pair.area_m2).toBeCloseTo(
      expected('three-plans')
        .filter((w) => w.layerA === 'industry' && w.layerB === 'urban')
        .reduce((s, w) => s + w.ellipsoidal_m2, 0),
      0,
    );
    const west = r.conflictsByTownship.find((t) => t.township === '西岗镇')!;
    expect(west.slivers).toBe(3);
    expect(r.conflictSummary).toMatchObject({
      count: 7,
      slivers: 3,
      sliverTolerance_mu: 1,
      projectRules: [],
    });
  });

  it('gives each conflict an id from its place that stays when another plan changes elsewhere', async () => {
    const { project } = await loadProjectFromPath(dir('three-plans'));
    const before = buildReport(project!).conflicts;
    expect(new Set(before.map((c) => c.id)).size).toBe(before.length);
    // the urban plan loses its residential parcel: its conflicts go, the others keep their ids
    const urban = project!.layers.find((l) => l.id === 'urban')!;
    const edited = {
      ...project!,
      layers: project!.layers.map((l) => (l === urban ? { ...l, features: l.features.slice(0, 1) } : l)),
    };
    const after = buildReport(edited).conflicts;
    const kept = before.filter((c) => c.layerB !== 'urban' && c.layerA !== 'urban');
    expect(
      after
        .filter((c) => c.layerA !== 'urban' && c.layerB !== 'urban')
        .map((c) => c.id)
        .sort(),
    ).toEqual(kept.map((c) => c.id).sort());
  });

  it('a larger sliver tolerance turns more conflicts into slivers', async () => {
    const { project } = await loadProjectFromPath(dir('three-plans'));
    const r = buildReport({ ...project!, settings: { ...project!.settings, sliverTolerance_mu: 50 } });
    expect(r.conflicts.filter((c) => c.sliver).map((c) => c.area_mu < 50)).not.toContain(false);
    expect(r.conflictSummary.slivers).toBeGreaterThan(3);
  });
});

describe('conflicts of the sample project against GEOS and GeographicLib', () => {
  // test/fixtures/conflicts/luoshan-reference.py: plan parcels on 永久基本农田 in data/luoshan, where
  // boundaries of the plans and the farmland (drawn in Gauss-Kruger) run along each other.
  const want = (
    JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../fixtures/conflicts/luoshan-expected.json'), 'utf8'),
    ) as {
      conflicts: (Pick<Want, 'layerA' | 'layerB' | 'classA' | 'township' | 'plane_m2' | 'ellipsoidal_m2'> & {
        village: string;
        near: [number, number, number, number];
      })[];
    }
  ).conflicts;
  it.each(['ellipsoidal', 'plane'] as const)('in the %s method, to 1e-9', async (method) => {
    const { project } = await loadProjectFromPath('data/luoshan');
    const got = buildReport(project!, { areaMethod: method }).conflicts;
    for (const w of want) {
      const [w0, s0, e0, n0] = w.near;
      const hits = got.filter(
        (c) =>
          c.layerA === w.layerA &&
          c.layerB === w.layerB &&
          c.classA === w.classA &&
          c.township === w.township &&
          c.village === w.village &&
          c.at[0] >= w0 &&
          c.at[0] <= e0 &&
          c.at[1] >= s0 &&
          c.at[1] <= n0,
      );
      expect(hits).toHaveLength(1);
      const own = method === 'plane' ? w.plane_m2 : w.ellipsoidal_m2;
      // seen: 2e-10 at most; before the pieces were cut geodesically, 4e-7, and 81 m² (2.3e-3) short
      // on the first (industry-plan~basic-farmland~wt9rjbe9)
      expect(Math.abs(hits[0]!.area_m2 - own) / own).toBeLessThan(1e-9);
    }
  });
});
