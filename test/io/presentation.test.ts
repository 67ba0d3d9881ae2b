// The presentation of contract §7 in zonemap.json: read, written back by the bundle, read again the
// same; bad input named by file and slide; what the app saved (IndexedDB) checked the same way.
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/io/project.ts';
import { bundleManifest, loadProjectBundle, writeProjectBundle } from '../../src/io/export/project-bundle.ts';
import { parseSavedPresentation, presentationJson } from '../../src/core/presentation-read.ts';
import type { Presentation } from '../../src/core/presentation.ts';
import type { IoProblem } from '../../src/io/problem.ts';

const zone = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { 名称: '甲园', 类别: '规划区' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [114.5, 32.1],
            [114.6, 32.1],
            [114.6, 32.2],
            [114.5, 32.2],
            [114.5, 32.1],
          ],
        ],
      },
    },
  ],
};
const files = async () => new TextEncoder().encode(JSON.stringify(zone));

const layers = [
  { id: 'zones', role: 'zone', file: 'zones.geojson' },
  { id: 'parks', role: 'park', file: 'zones.geojson' },
];

const contractExample = {
  title: '罗山县产业集聚区汇报',
  slides: [
    {
      title: '区位',
      caption: '…',
      camera: { center: [114.53, 32.18], zoom: 13, bearing: 0, pitch: 0 },
      layers: ['zones', 'parks'],
      highlight: { layer: 'parks', names: ['电子信息产业园'] },
      cards: ['planned_km2', 'built_km2', 'enterprises', 'investment_yi'],
    },
    {
      title: '企业',
      camera: { center: [114.54, 32.19], zoom: 14.5, bearing: -20, pitch: 40 },
      cards: ['enterprises_producing'],
      chart: 'investment-by-park',
      note: 'a key zonemap does not know',
    },
  ],
  presenter: '张三',
};

const manifestWith = (presentation: unknown) => JSON.stringify({ name: '测试', layers, presentation });

describe('presentation in zonemap.json (contract §7)', () => {
  it('reads the contract example as written, unknown keys kept', async () => {
    const { project, problems } = await loadProject(manifestWith(contractExample), files);
    expect(problems).toEqual([]);
    const p = project!.presentation!;
    expect(p.title).toBe('罗山县产业集聚区汇报');
    expect(p.slides).toHaveLength(2);
    expect(p.slides[0]).toEqual({
      title: '区位',
      caption: '…',
      camera: { center: [114.53, 32.18], zoom: 13, bearing: 0, pitch: 0 },
      layers: ['zones', 'parks'],
      highlight: { layer: 'parks', names: ['电子信息产业园'] },
      cards: ['planned_km2', 'built_km2', 'enterprises', 'investment_yi'],
    });
    expect(p.slides[1]!.chart).toBe('investment-by-park');
    expect(p.slides[1]!.extra).toEqual({ note: 'a key zonemap does not know' });
    expect(p.extra).toEqual({ presenter: '张三' });
    // not also kept as an unknown top-level key: it is written once
    expect(project!.extra?.presentation).toBeUndefined();
  });

  it('round trip: read, written into a bundle, read again gives the same presentation', async () => {
    const first = (await loadProject(manifestWith(contractExample), files)).project!;
    const manifest = bundleManifest(first, ['zones.geojson', 'parks.geojson']);
    expect(manifest.presentation).toEqual(contractExample);
    const bytes = await writeProjectBundle(first);
    const again = await loadProjectBundle(bytes, 'project.zip');
    expect(again.problems).toEqual([]);
    expect(again.project!.presentation).toEqual(first.presentation);
  });

  it('writes the keys in the contract order, with no empty caption or chart', () => {
    const p: Presentation = {
      title: 'T',
      slides: [{ title: 'a', camera: { center: [1, 2], zoom: 3, bearing: 4, pitch: 5 }, cards: [] }],
    };
    const json = presentationJson(p) as { slides: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['title', 'slides']);
    expect(Object.keys(json.slides[0]!)).toEqual(['title', 'camera', 'cards']);
  });

  it('a slide without a usable camera is left out with an error naming the file and the slide', async () => {
    const bad = {
      title: 'x',
      slides: [
        contractExample.slides[0],
        { title: '道路', camera: { center: [114.5, 32.1], zoom: 'near' }, cards: [] },
        { title: '村庄', camera: { center: [32.1, 200], zoom: 12 }, cards: [] },
        { title: '三区三线', cards: [] },
        'not a slide',
      ],
    };
    const { project, problems } = await loadProject(manifestWith(bad), files, {
      manifestName: 'luoshan/zonemap.json',
    });
    expect(project!.presentation!.slides.map((s) => s.title)).toEqual(['区位']);
    expect(problems.map((p) => [p.code, p.severity, p.file])).toEqual([
      ['slide-invalid', 'error', 'luoshan/zonemap.json'],
      ['slide-invalid', 'error', 'luoshan/zonemap.json'],
      ['slide-invalid', 'error', 'luoshan/zonemap.json'],
      ['slide-invalid', 'error', 'luoshan/zonemap.json'],
    ]);
    expect(problems[0]!.message).toContain('luoshan/zonemap.json');
    expect(problems[0]!.message).toContain('第 2 页「道路」');
    expect(problems[0]!.message).toContain('zoom');
    expect((problems[0] as IoProblem).messageEn).toContain('Slide 2 "道路"');
    expect(problems[1]!.message).toContain('第 3 页「村庄」');
    expect(problems[1]!.message).toContain('超出经纬度范围');
    expect(problems[2]!.message).toContain('第 4 页「三区三线」的 camera');
    expect(problems[3]!.message).toContain('第 5 页');
  });

  it('unknown cards, charts, layers and highlights are dropped with a warning naming the slide', async () => {
    const slide = {
      title: '企业',
      camera: { center: [114.5, 32.1], zoom: 12 },
      layers: ['zones', 'nowhere'],
      highlight: { layer: 'gone', names: ['x'] },
      cards: ['planned_km2', 'gdp', 'planned_km2'],
      chart: 'radar',
    };
    const { project, problems } = await loadProject(manifestWith({ title: 't', slides: [slide] }), files);
    const s = project!.presentation!.slides[0]!;
    expect(s.layers).toEqual(['zones']);
    expect(s.highlight).toBeUndefined();
    expect(s.cards).toEqual(['planned_km2']);
    expect(s.chart).toBeUndefined();
    // bearing and pitch default to 0
    expect(s.camera).toEqual({ center: [114.5, 32.1], zoom: 12, bearing: 0, pitch: 0 });
    expect(
      (problems as IoProblem[]).map((p) => [p.code, p.severity, p.params?.key, p.params?.value]),
    ).toEqual([
      ['slide-bad-value', 'warning', 'layers', 'nowhere'],
      ['slide-bad-value', 'warning', 'highlight', '{"layer":"gone","names":["x"]}'],
      ['slide-bad-value', 'warning', 'cards', 'gdp'],
      ['slide-bad-value', 'warning', 'chart', 'radar'],
    ]);
    expect(problems[2]!.message).toContain('第 1 页「企业」的 cards 值 "gdp" 无效');
    expect(problems[2]!.message).toContain('planned_km2');
  });

  it('a presentation that is not an object or has no slides is an error naming the file', async () => {
    for (const bad of ['slides', { title: 'x' }, { slides: {} }]) {
      const { project, problems } = await loadProject(manifestWith(bad), files, {
        manifestName: 'a/zonemap.json',
      });
      expect(project!.presentation).toBeUndefined();
      expect(problems.map((p) => [p.code, p.file])).toEqual([['presentation-invalid', 'a/zonemap.json']]);
      expect(problems[0]!.message).toContain('a/zonemap.json');
    }
  });
});

describe('presentation as the app saved it', () => {
  it('comes back as saved, unknown keys kept', async () => {
    const { project } = await loadProject(manifestWith(contractExample), files);
    const saved = structuredClone(project!.presentation!);
    const { presentation, issues } = parseSavedPresentation(saved, ['zones', 'parks']);
    expect(issues).toEqual([]);
    expect(presentation).toEqual(project!.presentation);
  });

  it('a damaged slide is left out, the others kept', () => {
    const saved = {
      title: 't',
      slides: [
        { title: 'ok', camera: { center: [1, 2], zoom: 3, bearing: 0, pitch: 0 }, cards: ['road_km'] },
        { title: 'broken', camera: null, cards: [] },
      ],
    };
    const { presentation, issues } = parseSavedPresentation(saved, []);
    expect(presentation!.slides.map((s) => s.title)).toEqual(['ok']);
    expect(issues.map((i) => [i.code, i.params.slide])).toEqual([['slide-invalid', 2]]);
  });
});
