// The analysis worker keeps each scenario's layers apart, keyed by layer version, and shares what
// they have in common: switching between two scenarios, or undoing an edit, computes nothing that
// has not changed (counted: reports, live figures, shapes, unions and overlays of the core).
import { resolveObjectURL } from 'node:buffer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Feature, Polygon, Project, ProjectLayer } from '../../src/core/types.ts';
import { run, type Doc } from '../../src/state/commands.ts';
import { createApi, type Api } from '../../src/worker/api.ts';
import { createClientFor, type AnalysisRemote } from '../../src/worker/client.ts';
import { KEEP_SUPERSEDED } from '../../src/worker/layer-store.ts';

function remoteOf(api: Api): AnalysisRemote {
  const wrapped = Object.fromEntries(
    Object.entries(api).map(([k, f]) => [
      k,
      async (...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args),
    ]),
  ) as unknown as AnalysisRemote;
  return { ...wrapped, persist: async () => ({ ok: true as const, savedAt: 0 }) };
}

const box = (x0: number, y0: number, x1: number, y1: number, id: string, props: object): Feature => ({
  type: 'Feature',
  id,
  properties: { ...props },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  },
});

const layer = (id: string, role: ProjectLayer['role'], features: Feature[], kind?: string): ProjectLayer => ({
  id,
  role,
  ...(kind ? { kind } : {}),
  file: `${id}.geojson`,
  crs: 'EPSG:4326',
  fields: { name: 'n', category: 'c' },
  features,
});

/** A zone across two townships, three farmland plots and an urban boundary. */
function baseProject(): Project {
  return {
    name: 'scenario cache',
    crs: 'EPSG:4326',
    areaMethod: 'ellipsoidal',
    settings: { intensityThreshold_wan_per_mu: 120 },
    layers: [
      layer('zones', 'zone', [
        {
          type: 'Feature',
          id: 'planned',
          properties: { n: '规划区', c: '规划区' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [114.0, 32.0],
                [114.03, 32.0],
                [114.04, 32.0],
                [114.04, 32.015],
                [114.04, 32.03],
                [114.03, 32.03],
                [114.0, 32.03],
                [114.0, 32.0],
              ],
            ],
          },
        },
        box(114.0, 32.0, 114.02, 32.03, 'built', { n: '建成区', c: '建成区' }),
        box(114.02, 32.0, 114.04, 32.03, 'dev', { n: '发展区', c: '发展区' }),
      ]),
      layer(
        'towns',
        'admin',
        [
          box(113.9, 31.9, 114.025, 32.1, 'w', { n: '西镇' }),
          box(114.025, 31.9, 114.2, 32.1, 'e', { n: '东镇' }),
        ],
        'township',
      ),
      layer(
        'farmland',
        'constraint',
        [0, 1, 2].map((k) =>
          box(114.03 + 0.01 * k, 32.01, 114.035 + 0.01 * k, 32.02, `f${k}`, { n: `田${k}` }),
        ),
        'basic-farmland',
      ),
      layer(
        'ubound',
        'constraint',
        [box(113.99, 31.99, 114.045, 32.04, 'u', { n: '边界' })],
        'urban-boundary',
      ),
    ],
  };
}

/** Scenario "east": the same project with the zone pushed east (a new zone layer, the rest shared). */
function eastOf(p: Project): Project {
  const zones = p.layers[0]!;
  const moved = zones.features.map((f) => {
    const g = f.geometry as Polygon;
    return {
      ...f,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [g.coordinates[0]!.map(([x, y]) => [x! + 0.012, y!])],
      },
    };
  });
  return { ...p, layers: [{ ...zones, features: moved }, ...p.layers.slice(1)] };
}

const docOf = (project: Project): Doc => ({ project, problems: [], visibility: {}, opacity: {} });

/** The planned part with the middle vertex of its east edge moved by (dx, dy). */
function cornerMoved(
  p: Project,
  dx: number,
  dy: number,
): { project: Project; inverse: Parameters<typeof run>[1] } {
  const f = p.layers[0]!.features[0]!;
  const ring = (f.geometry as Polygon).coordinates[0]!.map((q) => [...q]);
  ring[3] = [ring[3]![0]! + dx, ring[3]![1]! + dy];
  const r = run(docOf(p), {
    kind: 'replace-feature',
    layerId: 'zones',
    featureId: f.id!,
    feature: { ...f, geometry: { type: 'Polygon', coordinates: [ring] } },
  });
  return { project: r.doc.project, inverse: r.inverse };
}

describe('scenario-aware analysis worker', () => {
  it('switching back and forth between two scenarios computes nothing again', async () => {
    const api = createApi();
    const client = createClientFor(remoteOf(api));
    const base = baseProject();
    const east = eastOf(base);
    const rb = await client.report(base, 'ellipsoidal', 'base');
    const lb = await client.live(base, base, 'ellipsoidal', 'base');
    const re = await client.report(east, 'ellipsoidal', 'east');
    const le = await client.live(east, east, 'ellipsoidal', 'east');
    expect(re!.composition.planned_m2).toBeCloseTo(rb!.composition.planned_m2, -1);
    expect(re!.admin.find((a) => a.name === '东镇')!.overlap_m2).toBeGreaterThan(
      rb!.admin.find((a) => a.name === '东镇')!.overlap_m2,
    );
    const before = api.stats();
    expect(before.reports).toBe(2);
    expect(before.live).toBe(2);
    // Shared layers are held once: 2 zone layers + towns + farmland + ubound.
    expect(before.held.layers).toBe(5);
    for (let k = 0; k < 3; k++) {
      expect((await client.report(base, 'ellipsoidal', 'base'))!.composition).toEqual(rb!.composition);
      expect((await client.live(base, base, 'ellipsoidal', 'base'))!.composition).toEqual(lb!.composition);
      expect((await client.report(east, 'ellipsoidal', 'east'))!.admin).toEqual(re!.admin);
      expect((await client.live(east, east, 'ellipsoidal', 'east'))!.constraints).toEqual(le!.constraints);
    }
    const after = api.stats();
    expect(after.reports).toBe(before.reports);
    expect(after.live).toBe(before.live);
    expect(after.work).toEqual(before.work);
  });

  it('an edit measures only what it touches; undoing it computes nothing new', async () => {
    const api = createApi();
    const client = createClientFor(remoteOf(api));
    const base = baseProject();
    await client.report(base, 'ellipsoidal');
    const start = await client.live(base, base, 'ellipsoidal');
    expect(start!.work.measured).toBeGreaterThan(0);
    // The east edge's middle vertex moves east by ~570 m: into farmland plot 1 and out of the urban
    // boundary.
    const edit = cornerMoved(base, 0.006, 0);
    const s0 = api.stats();
    const live = await client.live(edit.project, base, 'ellipsoidal');
    expect(live!.parts).toHaveLength(1);
    expect(live!.parts[0]!.featureId).toBe('planned');
    expect(live!.parts[0]!.delta_m2).toBeGreaterThan(0);
    // The west township and farmland plots 0 and 2 are away from the moved vertex: kept, not measured.
    expect(live!.work.kept).toBe(3);
    const farmland = live!.constraints.find((c) => c.layer === 'farmland')!;
    expect(farmland.delta_m2).toBeGreaterThan(0);
    expect(farmland.newFeatures).toBe(1);
    await client.report(edit.project, 'ellipsoidal');
    const s1 = api.stats();
    expect(s1.work.shapes - s0.work.shapes).toBe(1); // the edited polygon, once for both calls
    // Undo: the command's inverse gives the old feature back; the worker finds its layer content.
    const undone = run(docOf(edit.project), edit.inverse).doc.project;
    expect(undone.layers[0]).not.toBe(base.layers[0]);
    const r = await client.report(undone, 'ellipsoidal');
    const l = await client.live(undone, base, 'ellipsoidal');
    const s2 = api.stats();
    expect(s2.reports).toBe(s1.reports);
    expect(s2.work.shapes).toBe(s1.work.shapes);
    expect(s2.work.unions).toBe(s1.work.unions);
    expect(l!.parts).toEqual([]);
    expect(l!.composition.now).toEqual(start!.composition.now);
    expect(r!.composition).toEqual((await client.report(base, 'ellipsoidal'))!.composition);
  });

  it('lets go of superseded layer versions beyond the ones kept for undo', async () => {
    const api = createApi();
    const client = createClientFor(remoteOf(api));
    let p = baseProject();
    for (let k = 1; k <= KEEP_SUPERSEDED + 10; k++) {
      p = cornerMoved(p, 0.0001 * k, 0).project;
      await client.composition(p, 'ellipsoidal');
    }
    const held = api.stats().held;
    // the current zone layer, the kept superseded ones and the three other layers
    expect(held.layers).toBe(1 + KEEP_SUPERSEDED + 3);
    // each zone version's planned part is its own; the other two parts are shared by all
    expect(held.features).toBe(1 + KEEP_SUPERSEDED + 2 + 3 + 2 + 1);
    // An evicted version is sent again when it comes back: the page was told it went.
    const c = await client.composition(baseProject(), 'ellipsoidal');
    expect(c!.composition.planned_m2).toBeGreaterThan(0);
  });
});

describe('display URLs of the analysis worker', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a replaced URL readable for a minute, for a map that has not fetched it yet', async () => {
    vi.useFakeTimers();
    const api = createApi();
    const client = createClientFor(remoteOf(api));
    const p = baseProject();
    const first = await client.displayUrl(p, 0);
    const second = await client.displayUrl(p, 0);
    expect(second).not.toBe(first);
    // the map may still be about to fetch the first one (stop 16's CI run logged ERR_FILE_NOT_FOUND)
    expect(resolveObjectURL(first)).toBeDefined();
    const text = await resolveObjectURL(first)!.text();
    expect(JSON.parse(text).features.length).toBe(p.layers[0]!.features.length);
    vi.advanceTimersByTime(59_000);
    expect(resolveObjectURL(first)).toBeDefined();
    vi.advanceTimersByTime(2_000);
    expect(resolveObjectURL(first)).toBeUndefined();
    expect(resolveObjectURL(second)).toBeDefined();
  });
});
