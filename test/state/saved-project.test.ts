import { describe, expect, it } from 'vitest';
import { checkLegacyRecord, checkSavedProject } from '../../src/state/validate-saved.ts';
import { createAutosave, type SaveOutcome, type SaveState } from '../../src/state/persist.ts';
import type { Project } from '../../src/core/types.ts';
import { issueText } from '../../src/ui/saved-issue-words.ts';

const point = (x: number, y: number) => ({
  type: 'Feature',
  properties: { 名称: `点${x}` },
  geometry: { type: 'Point', coordinates: [x, y] },
});
const square = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [114.5, 32.1],
        [114.51, 32.1],
        [114.51, 32.11],
        [114.5, 32.1],
      ],
    ],
  },
};
const meta = { name: '罗山县产业集聚区', crs: 'EPSG:4326', areaMethod: 'ellipsoidal', settings: {} };
const layer = (id: string, features: unknown, role: unknown = 'landuse') => ({
  id,
  role,
  file: `${id}.geojson`,
  crs: 'EPSG:4326',
  fields: {},
  features,
});

describe('a saved project read back from storage', () => {
  it('passes a sound project through unchanged', () => {
    const layers = [layer('zones', [square], 'zone'), layer('pts', [point(114.5, 32.1)])];
    const r = checkSavedProject(meta, ['zones', 'pts'], layers);
    expect(r.issues).toEqual([]);
    expect(r.project?.layers.map((l) => [l.id, l.role, l.features.length])).toEqual([
      ['zones', 'zone', 1],
      ['pts', 'landuse', 1],
    ]);
    expect(r.project?.layers[0]!.features[0]).toEqual(square);
    // the default 投资强度 threshold where the record has none
    expect(r.project?.settings.intensityThreshold_wan_per_mu).toBe(120);
  });

  it('names a layer whose features are null, and keeps the others', () => {
    const r = checkSavedProject(meta, ['a', 'b'], [layer('a', null), layer('b', [square])]);
    expect(r.issues).toEqual([{ code: 'features-missing', layer: 'a' }]);
    expect(r.project?.layers.map((l) => l.id)).toEqual(['b']);
  });

  it('names a layer of an unknown role', () => {
    const r = checkSavedProject(meta, ['x'], [layer('x', [square], 'spaceport')]);
    expect(r.issues).toEqual([{ code: 'layer-bad-role', layer: 'x', role: 'spaceport' }]);
    expect(r.project?.layers).toEqual([]);
  });

  it('drops features with bad coordinates, counting them and saying what the first one had', () => {
    const bad = [
      point(114.5, 32.1),
      { ...point(0, 0), geometry: { type: 'Point', coordinates: [NaN, 32] } },
      { ...point(0, 0), geometry: { type: 'Polygon', coordinates: [[['114', '32']]] } },
      {
        ...point(0, 0),
        geometry: {
          type: 'LineString',
          coordinates: [
            [514000, 3560000],
            [514100, 3560000],
          ],
        },
      },
      { ...point(0, 0), geometry: { type: 'Polygon', coordinates: 'abc' } },
      { ...point(0, 0), geometry: { type: 'Blob', coordinates: [] } },
      'not a feature',
      { ...point(0, 0), geometry: null },
    ];
    const r = checkSavedProject(meta, ['p'], [layer('p', bad)]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'bad-features', layer: 'p', count: 6, first: 1 });
    expect((r.issues[0] as { why: string }).why).toMatch(/finite/);
    // the sound point and the null geometry (valid GeoJSON) remain
    expect(r.project?.layers[0]!.features).toHaveLength(2);
  });

  it('names a layer listed in the project whose record is missing', () => {
    const r = checkSavedProject(meta, ['gone', 'b'], [undefined, layer('b', [square])]);
    expect(r.issues).toEqual([{ code: 'layer-missing', layer: 'gone' }]);
    expect(r.project?.layers.map((l) => l.id)).toEqual(['b']);
  });

  it('refuses garbage where the project should be', () => {
    expect(checkSavedProject('garbage', [], []).project).toBeNull();
    expect(checkLegacyRecord({ project: { name: 'x', layers: 7 } }).project).toBeNull();
    expect(checkLegacyRecord(null).issues[0]!.code).toBe('not-a-project');
  });

  it('flags a layer too large to draw', () => {
    const r = checkSavedProject(meta, ['p'], [layer('p', [square, square, square])], 2);
    expect(r.issues).toEqual([{ code: 'layer-too-large', layer: 'p', features: 3 }]);
    expect(r.project?.layers[0]!.features).toHaveLength(3);
  });

  it('keeps sound slides and marks, and names a damaged slide and damaged marks instead of dropping them silently', () => {
    const camera = { center: [114.5, 32.1], zoom: 12, bearing: 0, pitch: 0 };
    const sound = {
      ...meta,
      presentation: { title: '汇报', slides: [{ title: '总览', camera, cards: ['planned-area'] }] },
      resolutions: {
        c1: {
          decision: 'accepted',
          note: '',
          date: '2026-11-30',
          conflict: { planA: 'a', planB: 'b', classA: 'x', classB: 'y', area_m2: 10, at: [114.5, 32.1] },
        },
      },
    };
    const ok = checkSavedProject(sound, ['zones'], [layer('zones', [square], 'zone')]);
    expect(ok.issues).toEqual([]);
    expect(ok.project?.presentation?.slides.map((s) => s.title)).toEqual(['总览']);
    expect(Object.keys(ok.project?.resolutions ?? {})).toEqual(['c1']);

    const damaged = structuredClone(sound) as typeof sound & {
      presentation: { slides: unknown[] };
      resolutions: Record<string, unknown>;
    };
    damaged.presentation.slides.push({ title: '坏', camera: 'nowhere', cards: [] });
    damaged.resolutions.c2 = { decision: 'shrug', date: 'yesterday', conflict: {} };
    const r = checkSavedProject(damaged, ['zones'], [layer('zones', [square], 'zone')]);
    expect(r.issues).toEqual([
      { code: 'marks-damaged', count: 1, first: 'c2' },
      expect.objectContaining({ code: 'slide-damaged', slide: 2 }),
    ]);
    // what could be read is kept
    expect(r.project?.presentation?.slides.map((s) => s.title)).toEqual(['总览']);
    expect(Object.keys(r.project?.resolutions ?? {})).toEqual(['c1']);
    expect(issueText(r.issues[1]!, 'zh')).toContain('第 2 张幻灯片');
    expect(issueText(r.issues[0]!, 'en')).toContain('1 conflict decision marks are damaged (first: c2)');
  });

  it('reads a record of the first format (the whole project in one record)', () => {
    const r = checkLegacyRecord({ project: { ...meta, layers: [layer('a', [square]), layer('b', null)] } });
    expect(r.project?.layers.map((l) => l.id)).toEqual(['a']);
    expect(r.issues).toEqual([{ code: 'features-missing', layer: 'b' }]);
  });
});

const project = (name: string): Project =>
  ({ name, crs: 'EPSG:4326', areaMethod: 'ellipsoidal', layers: [], settings: {} }) as unknown as Project;

describe('autosave', () => {
  it('starts writing at once, and writes changes made meanwhile as one save after it', async () => {
    const written: string[] = [];
    const states: string[] = [];
    let release: () => void = () => {};
    const a = createAutosave(
      async (p) => {
        written.push(p.name);
        if (p.name === 'a') await new Promise<void>((r) => (release = r));
        return { ok: true, savedAt: written.length };
      },
      (s) => states.push(s.state),
    );
    a.schedule(project('a'));
    await Promise.resolve();
    expect(written).toEqual(['a']); // no debounce: the first change is on its way immediately
    a.schedule(project('b'));
    a.schedule(project('c'));
    release();
    await a.idle();
    expect(written).toEqual(['a', 'c']);
    expect(states).toEqual(['saving', 'saving', 'saved']);
  });

  it('reports a failed save with its reason instead of swallowing it', async () => {
    const states: SaveState[] = [];
    const a = createAutosave(
      async (): Promise<SaveOutcome> => ({ ok: false, name: 'QuotaExceededError', message: 'quota' }),
      (s) => states.push(s),
    );
    a.schedule(project('a'));
    await a.idle();
    expect(states.at(-1)).toEqual({ state: 'failed', name: 'QuotaExceededError', message: 'quota' });
  });

  it('reports a save that throws as failed, and a later successful save as saved', async () => {
    const states: SaveState[] = [];
    let fail = true;
    const a = createAutosave(
      async (): Promise<SaveOutcome> => {
        if (fail) throw new DOMException('the database is at a newer version', 'VersionError');
        return { ok: true, savedAt: 5 };
      },
      (s) => states.push(s),
    );
    a.schedule(project('a'));
    await a.idle();
    expect(states.at(-1)).toMatchObject({ state: 'failed', name: 'VersionError' });
    fail = false;
    a.schedule(project('b'));
    await a.idle();
    expect(states.at(-1)).toEqual({ state: 'saved', at: 5 });
  });
});
