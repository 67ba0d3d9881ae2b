// The analysis worker's api and client without a Worker: only layer versions and features the worker
// lacks are sent, and a request superseded by a newer one resolves to null ("latest wins").
import type * as Comlink from 'comlink';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AreaMethod, Feature, Project } from '../../src/core/types.ts';
import { createApi, type Api } from '../../src/worker/api.ts';
import { createClientFor, SYNC_BATCH, type AnalysisRemote } from '../../src/worker/client.ts';
import { heldLayersBack, HELD_LAYER } from '../../src/worker/held-layer.ts';
import { LayerStore } from '../../src/worker/layer-store.ts';
import type { HistoryDelta } from '../../src/state/persist.ts';

/** The api answered asynchronously, as Comlink hands it to the page, with some calls replaced. */
function remoteOf(overrides: Partial<AnalysisRemote>, api: Api = createApi()): AnalysisRemote {
  const wrapped = Object.fromEntries(
    Object.entries(api).map(([k, f]) => [
      k,
      async (...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args),
    ]),
  ) as unknown as AnalysisRemote;
  // Node has no IndexedDB: saving is a no-op unless a test replaces it.
  return { ...wrapped, persist: async () => ({ ok: true as const, savedAt: 0 }), ...overrides };
}

const rect = (x0: number, y0: number, x1: number, y1: number, props: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties: props,
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

const project = (east: number): Project => ({
  name: 't',
  crs: 'EPSG:4326',
  areaMethod: 'ellipsoidal',
  settings: { intensityThreshold_wan_per_mu: 120 },
  layers: [
    {
      id: 'zones',
      role: 'zone',
      file: '',
      crs: 'EPSG:4326',
      fields: { category: 'c' },
      features: [rect(114.5, 32.2, east, 32.21, { c: '规划区' })],
    },
  ],
});

describe('analysis worker client', () => {
  it("types the remote from the worker's api (checked by tsc)", () => {
    expectTypeOf<keyof AnalysisRemote>().toEqualTypeOf<keyof Api>();
    expectTypeOf<Comlink.Remote<Api>>().toExtend<AnalysisRemote>();
  });

  it('sends only layer versions and features the worker does not hold', async () => {
    const api = createApi();
    const sent: { layers: string[]; features: number }[] = [];
    let features = 0;
    const remote = remoteOf(
      {
        putFeatures: async (batch) => {
          features += batch.length;
          api.putFeatures(batch);
        },
        update: async (...args: Parameters<Api['update']>) => {
          sent.push({ layers: args[3].map((v) => v.shell.id), features });
          features = 0;
          return api.update(...args);
        },
      },
      api,
    );
    const client = createClientFor(remote);
    const p = project(114.51);
    const r1 = await client.report(p);
    const r2 = await client.report(p);
    // A second zone: the new layer version goes, with the one new feature only.
    const zones = p.layers[0]!;
    const more = {
      ...zones,
      features: [...zones.features, rect(114.6, 32.2, 114.61, 32.21, { c: '建成区' })],
    };
    await client.report({ ...p, layers: [more] });
    expect(sent).toEqual([
      { layers: ['zones'], features: 1 },
      { layers: [], features: 0 },
      { layers: ['zones'], features: 1 },
    ]);
    expect(r1?.composition.planned_m2).toBeCloseTo(r2!.composition.planned_m2, 9);
  });

  it('lets the latest request win while one is running', async () => {
    const api = createApi();
    const remote = remoteOf(
      {
        report: async (scenario: string, m?: AreaMethod) => {
          await new Promise((r) => setTimeout(r, 20));
          return api.report(scenario, m);
        },
      },
      api,
    );
    const client = createClientFor(remote);
    // Queued together: only the newest runs.
    const queued = await Promise.all([client.report(project(114.51)), client.report(project(114.52))]);
    expect(queued[0]).toBeNull();
    expect(queued[1]).not.toBeNull();
    // One running when newer ones arrive: it finishes, but its figures are stale, so null too.
    const first = client.report(project(114.51));
    await new Promise((r) => setTimeout(r, 5));
    const results = await Promise.all([
      first,
      client.report(project(114.52)),
      client.report(project(114.53)),
    ]);
    expect(results[0]).toBeNull();
    expect(results[1]).toBeNull();
    expect(results[2]?.composition.planned_m2).toBeGreaterThan(queued[1]!.composition.planned_m2);
    const c = await client.composition(project(114.53));
    expect(c?.composition.planned_m2).toBeCloseTo(results[2]!.composition.planned_m2, 6);
  });

  it('never drops a save or a display request for a newer report', async () => {
    const saved: number[] = [];
    const remote = remoteOf({
      persist: async () => {
        saved.push(saved.length);
        return { ok: true as const, savedAt: saved.length };
      },
      displayUrl: async (_s: string, i: number) => `layer-${i}`,
    });
    const client = createClientFor(remote);
    const [, , url, r] = await Promise.all([
      client.persist(project(114.51)),
      client.persist(project(114.52)),
      client.displayUrl(project(114.52), 0),
      client.report(project(114.53)),
    ]);
    expect(saved).toEqual([0, 1]);
    expect(url).toBe('layer-0');
    expect(r).not.toBeNull();
  });

  it('runs a save before the calls still waiting, after the one running, saves in their order', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const remote = remoteOf({
      displayUrl: async (_s: string, i: number) => {
        order.push(`display ${i}`);
        if (i === 0) await gate;
        return `layer-${i}`;
      },
      persist: async () => {
        order.push(`save ${order.filter((o) => o.startsWith('save')).length}`);
        return { ok: true as const, savedAt: 1 };
      },
    });
    const client = createClientFor(remote);
    const running = client.displayUrl(project(114.51), 0);
    await new Promise((r) => setTimeout(r, 5));
    const waiting = [client.displayUrl(project(114.51), 1), client.report(project(114.52))];
    const saves = [client.persist(project(114.52)), client.persist(project(114.53))];
    release();
    await Promise.all([running, ...waiting, ...saves]);
    expect(order).toEqual(['display 0', 'save 0', 'save 1', 'display 1']);
    // the report ran too (the remote records only displays and saves)
    expect(await waiting[1]).not.toBeNull();
  });

  it('runs display data before reports still waiting, after saves, in the order asked', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const api = createApi();
    const remote = remoteOf(
      {
        report: async (...args: Parameters<Api['report']>) => {
          order.push('report');
          if (order.length === 1) await gate;
          return api.report(...args);
        },
        displayUrl: async (_s: string, i: number) => {
          order.push(`display ${i}`);
          return `layer-${i}`;
        },
        compare: async (...args: Parameters<Api['compare']>) => {
          order.push('compare');
          return api.compare(...args);
        },
        labelUrl: async (_s: string, i: number) => {
          order.push(`labels ${i}`);
          return `labels-${i}`;
        },
        persist: async () => {
          order.push('save');
          return { ok: true as const, savedAt: 1 };
        },
      },
      api,
    );
    const client = createClientFor(remote);
    const p = project(114.51);
    const running = client.report(p);
    await new Promise((r) => setTimeout(r, 5));
    const waiting = [
      client.compare(p, 'base', 'base'),
      client.displayUrl(p, 0),
      client.labelUrl(p, 0),
      client.persist(p),
      client.displayUrl(p, 1),
    ];
    release();
    await Promise.all([running, ...waiting]);
    expect(order).toEqual(['report', 'save', 'display 0', 'labels 0', 'display 1', 'compare']);
  });

  it('saves a history entry naming a layer the worker holds by version, and the worker puts the same layer back', async () => {
    const api = createApi();
    const sent: HistoryDelta[] = [];
    const store = new LayerStore();
    const remote = remoteOf(
      {
        update: async (...args: Parameters<Api['update']>) => {
          store.update(...args);
          return api.update(...args);
        },
        putFeatures: async (...args: Parameters<Api['putFeatures']>) => {
          store.putFeatures(...args);
          return api.putFeatures(...args);
        },
        persist: async (_s: string, history?: HistoryDelta) => {
          sent.push(history!);
          return { ok: true as const, savedAt: 1 };
        },
      },
      api,
    );
    const client = createClientFor(remote);
    const p = project(114.51);
    const shown = p.layers[0]!;
    // an old version of the layer, never sent to the worker
    const old = { ...shown, features: [rect(114.5, 32.2, 114.505, 32.21, { c: '规划区' })] };
    const history: HistoryDelta = {
      past: [1],
      future: [],
      entries: [
        [
          1,
          {
            redo: {
              kind: 'batch',
              commands: [
                { kind: 'add-layer', layer: shown },
                { kind: 'set-problems', problems: [] },
              ],
            },
            undo: { kind: 'replace-layer', layer: old },
          },
        ],
      ],
    };
    await client.persist(p, history);
    const entry = sent[0]!.entries[0]![1];
    const redo = entry.redo as { commands: { layer?: unknown }[] };
    expect(redo.commands[0]!.layer).toEqual({ [HELD_LAYER]: expect.any(Number) });
    // the layer not held goes whole
    expect((entry.undo as { layer: unknown }).layer).toBe(old);
    // the worker's side: the held layer back, equal to the page's
    const back = heldLayersBack(sent[0]!, (v) => store.layerOf(v));
    expect(back).toEqual(history);
    expect(() => heldLayersBack(sent[0]!, () => undefined)).toThrow('no longer holds layer version');
  });

  it('goes on after a call that failed', async () => {
    const remote = remoteOf({
      displayUrl: async () => {
        throw new Error('boom');
      },
    });
    const client = createClientFor(remote);
    const failed = client.displayUrl(project(114.51), 0);
    const after = client.report(project(114.52));
    await expect(failed).rejects.toThrow('boom');
    expect(await after).not.toBeNull();
  });

  it('sends a large layer in batches and the worker sees every feature', async () => {
    const api = createApi();
    const messages: string[] = [];
    const remote = remoteOf(
      {
        update: async (...args: Parameters<Api['update']>) => {
          messages.push('update');
          return api.update(...args);
        },
        putFeatures: async (...args: Parameters<Api['putFeatures']>) => {
          messages.push(`put ${args[0].length}`);
          api.putFeatures(...args);
        },
      },
      api,
    );
    const client = createClientFor(remote);
    const p = project(114.51);
    const n = SYNC_BATCH * 2 + 5;
    const plots: Project['layers'][number] = {
      id: 'plots',
      role: 'enterprise',
      file: 'plots.geojson',
      crs: 'EPSG:4326',
      fields: { name: 'n', investment: 'i' },
      features: Array.from({ length: n }, (_, k) =>
        rect(114.6 + k * 1e-4, 32.2, 114.6 + k * 1e-4 + 5e-5, 32.20005, { n: `p${k}`, i: 1 }),
      ),
    };
    const r = await client.report({ ...p, layers: [...p.layers, plots] });
    // the zone's one feature and the first plots, then two more batches, then the layers
    expect(messages).toEqual([`put ${SYNC_BATCH}`, `put ${SYNC_BATCH}`, 'put 6', 'update']);
    expect(r!.enterprises).toHaveLength(n);
    expect(r!.enterprises[n - 1]!.name).toBe(`p${n - 1}`);
  });

  it("answers the inspector's measure of one feature from the worker, by layer and feature index", async () => {
    const client = createClientFor(remoteOf({}));
    const p = project(114.51);
    const m = await client.measure(p, 0, 0, 'ellipsoidal');
    // GeographicLib (Python) on CGCS2000 for this 0.01° square: 1 045 500.1622 m²
    expect(Math.abs(m!.area_m2! / 1045500.1621952057 - 1)).toBeLessThan(1e-7);
    expect(m!.length_m).toBeUndefined();
    const plane = await client.measure(p, 0, 0, 'plane');
    // the 3-degree zone of central meridian 114°E (EPSG:4547 = CGCS2000 / 3-degree GK CM 114E)
    expect(plane!.planeCrs).toBe('EPSG:4547');
    expect(await client.measure(p, 0, 1, 'ellipsoidal')).toBeNull();
    expect(await client.measure(p, 3, 0, 'ellipsoidal')).toBeNull();
  });

  it("makes a layer's label points in the worker, one named point per feature", async () => {
    const client = createClientFor(remoteOf({}));
    const p = project(114.51);
    p.layers[0]!.fields = { name: 'n', category: 'c' };
    p.layers[0]!.features[0]!.properties = { n: '起步区', c: '规划区' };
    const url = await client.labelUrl(p, 0);
    const fc = (await (await fetch(url)).json()) as { features: Feature[] };
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]!.properties!['zm_name']).toBe('起步区');
    const [lon, lat] = (fc.features[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeGreaterThan(114.5);
    expect(lon).toBeLessThan(114.51);
    expect(lat).toBeGreaterThan(32.2);
    expect(lat).toBeLessThan(32.21);
  });
});

describe('live figures beside reports', () => {
  it('a report asked for after live figures does not drop them, nor they the report', async () => {
    const client = createClientFor(remoteOf({}));
    const p = project(114.51);
    const q = project(114.52);
    const [live, report] = await Promise.all([client.live(q, p, 'ellipsoidal'), client.report(q)]);
    expect(live).not.toBeNull();
    expect(report).not.toBeNull();
    expect(live!.parts).toHaveLength(1);
    expect(live!.parts[0]!.area_m2).toBeCloseTo(report!.composition.planned_m2, 3);
    // A newer edit's live figures do supersede the older ones.
    const older = client.live(project(114.53), p, 'ellipsoidal');
    const newer = client.live(project(114.54), p, 'ellipsoidal');
    expect(await older).toBeNull();
    expect((await newer)!.composition.now.planned_m2).toBeGreaterThan(live!.composition.now.planned_m2);
  });
});
