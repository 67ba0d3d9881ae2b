// Live figures (src/core/live-figures.ts): after edits of data/luoshan's zone boundaries they agree
// with GeographicLib and GEOS (test/fixtures/live-figures, written by its make-expected.py), and for
// random edits the incremental figures equal those of the full report of the edited project.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLiveTracker, liveFigures, type LiveFigures } from '../../src/core/live-figures.ts';
import { buildReport, type Report } from '../../src/core/report.ts';
import type { Feature, Polygon, Project } from '../../src/core/types.ts';
import { withFeatureIds } from '../../src/core/feature-ids.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { run, type Doc } from '../../src/state/commands.ts';

interface Figures {
  areas_m2: number[];
  planned_m2: number;
  unassigned_m2: number;
  outside_m2: number;
  overlap_m2: number;
  towns: Record<string, number>;
  villages: Record<string, number>;
  farmland_m2: number;
  redline_m2: number;
  ubound_outside_m2: number;
}
interface Expected {
  base: Figures;
  edits: { name: string; feature: number; vertex: number; dlon: number; dlat: number; figures: Figures }[];
}
const expected = JSON.parse(readFileSync('test/fixtures/live-figures/expected.json', 'utf8')) as Expected;

let base: Project;
beforeAll(async () => {
  const { project } = await loadProjectFromPath('data/luoshan');
  // The layers live figures look at; land use, plans, roads and enterprises change nothing here.
  // Features get their stable ids when a project opens in the app; the edit commands name them so.
  base = {
    ...project!,
    layers: project!.layers
      .filter((l) => ['zone', 'admin', 'village', 'constraint'].includes(l.role))
      .map((l) => ({ ...l, features: withFeatureIds(l.features) })),
  };
});

const doc = (project: Project): Doc => ({ project, problems: [], visibility: {}, opacity: {} });

/** The project with one zone feature's outer ring changed by `f`, through the edit command. */
function withRing(p: Project, feature: number, f: (ring: number[][]) => number[][]): Project {
  const zones = p.layers.find((l) => l.role === 'zone')!;
  const old = zones.features[feature]!;
  const g = old.geometry as Polygon;
  const ring = f(g.coordinates[0]!.map((q) => [...q]));
  const next: Feature = {
    ...old,
    geometry: { type: 'Polygon', coordinates: [ring, ...g.coordinates.slice(1)] },
  };
  return run(doc(p), { kind: 'replace-feature', layerId: zones.id, featureId: old.id!, feature: next }).doc
    .project;
}

const moved = (vertex: number, dlon: number, dlat: number) => (ring: number[][]) => {
  ring[vertex] = [ring[vertex]![0]! + dlon, ring[vertex]![1]! + dlat];
  return ring;
};

/** |a − b| within `rel` of the value plus `abs` m². */
function near(a: number, b: number, rel: number, abs: number, what: string): void {
  expect(Math.abs(a - b), `${what}: ${a} against ${b}`).toBeLessThanOrEqual(rel * Math.abs(b) + abs);
}

describe('live figures against GeographicLib and GEOS', () => {
  for (const e of expected.edits) {
    it(`${e.name}: vertex ${e.vertex} of zone ${e.feature} moved`, () => {
      const tracker = createLiveTracker();
      liveFigures(tracker, base, base);
      const edited = withRing(base, e.feature, moved(e.vertex, e.dlon, e.dlat));
      const live = liveFigures(tracker, base, edited, 'ellipsoidal');
      const x = e.figures;
      const b = expected.base;
      // The edited part: its area now and before, and the change (GeographicLib, exact).
      expect(live.parts.map((x) => x.featureId)).toEqual([base.layers[0]!.features[e.feature]!.id]);
      const part = live.parts[0]!;
      near(part.area_m2, x.areas_m2[e.feature]!, 1e-8, 0.01, 'part area');
      near(part.before_m2, b.areas_m2[e.feature]!, 1e-8, 0.01, 'part area before');
      near(part.delta_m2, x.areas_m2[e.feature]! - b.areas_m2[e.feature]!, 0, 0.05, 'change');
      near(part.area_km2, x.areas_m2[e.feature]! / 1e6, 1e-8, 0, 'km²');
      near(part.area_mu, (x.areas_m2[e.feature]! * 3) / 2000, 1e-8, 0, '亩');
      // Overlays: cut where the geodesics cross, on both sides; GEOS cuts in a gnomonic plane.
      const c = live.composition.now;
      near(c.planned_m2, x.planned_m2, 1e-8, 0.01, 'planned');
      near(c.unassigned_m2, x.unassigned_m2, 1e-5, 1, 'unassigned');
      near(c.outside_m2, x.outside_m2, 1e-5, 1, 'outside');
      near(c.overlap_m2, x.overlap_m2, 1e-5, 1, 'overlap');
      for (const [name, m2] of Object.entries(x.towns)) {
        const row = live.admin.find((a) => a.layer === 'towns' && a.name === name);
        near(row?.now_m2 ?? 0, m2, 1e-5, 1, name);
        near(row?.delta_m2 ?? 0, m2 - b.towns[name]!, 1e-5, 1, `${name} change`);
      }
      for (const [name, m2] of Object.entries(x.villages)) {
        const row = live.villages.find((a) => a.name === name);
        near(row?.now_m2 ?? 0, m2, 1e-5, 1, name);
        near(row?.delta_m2 ?? 0, m2 - b.villages[name]!, 1e-5, 1, `${name} change`);
      }
      const k = (layer: string) => live.constraints.find((r) => r.layer === layer)!;
      near(k('farmland').now_m2, x.farmland_m2, 1e-5, 1, 'farmland');
      near(k('farmland').delta_m2, x.farmland_m2 - b.farmland_m2, 1e-5, 1, 'farmland change');
      near(k('redline').now_m2, x.redline_m2, 1e-5, 1, 'red line');
      expect(k('ubound').measure).toBe('outside');
      near(k('ubound').now_m2, x.ubound_outside_m2, 1e-5, 1, 'outside the urban boundary');
      near(k('ubound').delta_m2, x.ubound_outside_m2 - b.ubound_outside_m2, 1e-5, 1, 'urban change');
    });
  }
});

/** The live figures' "now" side as the report gives the same numbers. */
function expectSameAsReport(live: LiveFigures, r: Report, side: 'now' | 'before'): void {
  expect(live.areaMethod).toBe(r.areaMethod);
  const tol = (v: number) => 1e-9 * Math.abs(v) + 1e-4;
  const c = live.composition[side];
  for (const k of [
    'planned_m2',
    'built_m2',
    'development_m2',
    'control_m2',
    'unassigned_m2',
    'overlap_m2',
    'outside_m2',
  ] as const)
    expect(Math.abs(c[k] - r.composition[k]), k).toBeLessThanOrEqual(tol(r.composition[k]));
  const m2 = side === 'now' ? 'now_m2' : 'before_m2';
  const admin = live.admin.filter((a) => a[m2] > 0);
  expect(admin.map((a) => `${a.layer}/${a.name}`).sort()).toEqual(
    r.admin.map((a) => `${a.layer}/${a.name}`).sort(),
  );
  for (const a of r.admin) {
    const row = admin.find((x) => x.layer === a.layer && x.name === a.name)!;
    expect(Math.abs(row[m2] - a.overlap_m2), a.name).toBeLessThanOrEqual(tol(a.overlap_m2));
  }
  const villages = live.villages.filter((v) => v[m2] > 0);
  expect(villages.length).toBe(r.villages.length);
  for (const v of r.villages) {
    const row = villages.find((x) => x.layer === v.layer && x.name === v.name)!;
    expect(Math.abs(row[m2] - v.overlap_m2), v.name).toBeLessThanOrEqual(tol(v.overlap_m2));
  }
  for (const k of r.constraints) {
    const row = live.constraints.find((x) => x.layer === k.layer)!;
    const want = k.outside_m2 ?? k.overlap_m2 ?? 0;
    expect(Math.abs(row[m2] - want), k.layer).toBeLessThanOrEqual(tol(want));
  }
}

type Edit =
  | { kind: 'move'; feature: number; at: number; dlon: number; dlat: number }
  | { kind: 'insert'; feature: number; at: number; dlon: number; dlat: number }
  | { kind: 'delete'; feature: number; at: number };

function applyEdit(p: Project, e: Edit): Project {
  return withRing(p, e.feature, (ring) => {
    // Vertex 0 is also the closing vertex: edits pick among the others.
    const i = 1 + (e.at % (ring.length - 2));
    if (e.kind === 'move') return moved(i, e.dlon, e.dlat)(ring);
    if (e.kind === 'delete') return ring.length > 5 ? ring.filter((_, k) => k !== i) : ring;
    const [a, b] = [ring[i - 1]!, ring[i]!];
    ring.splice(i, 0, [(a[0]! + b[0]!) / 2 + e.dlon, (a[1]! + b[1]!) / 2 + e.dlat]);
    return ring;
  });
}

const offset = fc.double({ min: -0.004, max: 0.004, noNaN: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('move' as const),
    feature: fc.nat(3),
    at: fc.nat(200),
    dlon: offset,
    dlat: offset,
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    feature: fc.nat(3),
    at: fc.nat(200),
    dlon: offset,
    dlat: offset,
  }),
  fc.record({ kind: fc.constant('delete' as const), feature: fc.nat(3), at: fc.nat(200) }),
);

describe('incremental live figures equal the full report', () => {
  it('for random sequences of vertex moves, insertions and deletions (fixed seed)', () => {
    const tracker = createLiveTracker();
    const first = liveFigures(tracker, base, base);
    expectSameAsReport(first, buildReport(base), 'before');
    let measuredLess = 0;
    let steps = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let p = base;
        for (const e of edits) {
          p = applyEdit(p, e);
          const live = liveFigures(tracker, base, p, 'ellipsoidal');
          expectSameAsReport(live, buildReport(p), 'now');
          steps++;
          if (live.work.kept > 0) measuredLess++;
        }
      }),
      { seed: 20261201, numRuns: 20 },
    );
    // The index did skip work: most steps kept some overlays as they were.
    expect(measuredLess).toBeGreaterThan(steps / 2);
  });

  it('a session started anywhere compares with the report of its start', () => {
    const start = applyEdit(base, { kind: 'move', feature: 0, at: 20, dlon: 0.003, dlat: 0 });
    const now = applyEdit(start, { kind: 'move', feature: 2, at: 10, dlon: -0.002, dlat: 0.001 });
    const live = liveFigures(createLiveTracker(), start, now);
    expectSameAsReport(live, buildReport(start), 'before');
    expectSameAsReport(live, buildReport(now), 'now');
    expect(live.parts.map((x) => x.category)).toEqual(['development']);
  });

  it('in the Gauss-Kruger plane too', () => {
    const tracker = createLiveTracker();
    liveFigures(tracker, base, base, 'plane');
    let p = base;
    for (const e of [
      { kind: 'move', feature: 0, at: 40, dlon: 0.004, dlat: -0.002 },
      { kind: 'insert', feature: 0, at: 90, dlon: -0.003, dlat: 0.001 },
      { kind: 'move', feature: 3, at: 12, dlon: 0.002, dlat: 0.002 },
    ] as Edit[]) {
      p = applyEdit(p, e);
      const live = liveFigures(tracker, base, p, 'plane');
      expectSameAsReport(live, buildReport(p, { areaMethod: 'plane' }), 'now');
      expect(live.work.kept).toBeGreaterThan(0);
    }
  });
});
