// Slides as data: the editor's pure operations, the undoable set-presentation command, and the
// figure cards and chart data computed from the report of the Luoshan sample (expected values
// worked out here from the report's m² and 万元 by hand, not by the card code).
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addSlide,
  CARD_IDS,
  highlightedFeatures,
  moveSlide,
  removeSlide,
  updateSlide,
  type Presentation,
  type Slide,
} from '../../src/core/presentation.ts';
import { cardFigure } from '../../src/core/presentation-cards.ts';
import { chartData, PIE_SLICES } from '../../src/core/presentation-charts.ts';
import { buildReport, type Report } from '../../src/core/report.ts';
import type { Project } from '../../src/core/types.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';
import { run, type Doc } from '../../src/state/commands.ts';
import * as H from '../../src/state/history.ts';

const slide = (title: string): Slide => ({
  title,
  camera: { center: [114.5, 32.1], zoom: 12, bearing: 0, pitch: 0 },
  cards: [],
});
const deck: Presentation = { title: 'd', slides: ['a', 'b', 'c', 'd'].map(slide) };
const titles = (p: Presentation) => p.slides.map((s) => s.title).join('');

describe('slide operations', () => {
  it('move a slide to any place, and back', () => {
    expect(titles(moveSlide(deck, 0, 3))).toBe('bcda');
    expect(titles(moveSlide(deck, 3, 0))).toBe('dabc');
    expect(titles(moveSlide(deck, 1, 2))).toBe('acbd');
    expect(titles(moveSlide(moveSlide(deck, 1, 3), 3, 1))).toBe('abcd');
    // out of range: unchanged, the same object
    expect(moveSlide(deck, 0, 9)).toBe(deck);
    expect(moveSlide(deck, 7, 0)).toBe(deck);
    expect(titles(deck)).toBe('abcd');
  });
  it('add, remove, update; an emptied caption or chart goes', () => {
    expect(titles(addSlide(deck, slide('x'), 1))).toBe('axbcd');
    expect(titles(addSlide(deck, slide('x')))).toBe('abcdx');
    expect(titles(removeSlide(deck, 2))).toBe('abd');
    const captioned = updateSlide(deck, 1, { caption: '说明', chart: 'quota-used' });
    expect(captioned.slides[1]).toMatchObject({ title: 'b', caption: '说明', chart: 'quota-used' });
    const cleared = updateSlide(captioned, 1, { caption: '', chart: undefined });
    expect('caption' in cleared.slides[1]!).toBe(false);
    expect('chart' in cleared.slides[1]!).toBe(false);
  });
});

describe('set-presentation through the write path', () => {
  const project: Project = {
    name: 'p',
    crs: 'EPSG:4326',
    areaMethod: 'ellipsoidal',
    layers: [],
    settings: { intensityThreshold_wan_per_mu: 120 },
  };
  const doc: Doc = { project, problems: [], visibility: {}, opacity: {} };
  it('is undone and redone as one step each, leaving the rest of the project as it was', () => {
    let h = H.emptyHistory();
    let d = doc;
    ({ history: h, doc: d } = H.apply(h, d, { kind: 'set-presentation', presentation: deck }));
    ({ history: h, doc: d } = H.apply(h, d, {
      kind: 'set-presentation',
      presentation: moveSlide(deck, 0, 3),
    }));
    expect(titles(d.project.presentation!)).toBe('bcda');
    ({ history: h, doc: d } = H.undo(h, d));
    expect(titles(d.project.presentation!)).toBe('abcd');
    ({ history: h, doc: d } = H.undo(h, d));
    expect(d.project).toEqual(project);
    expect('presentation' in d.project).toBe(false);
    ({ history: h, doc: d } = H.redo(h, d));
    expect(d.project.presentation).toBe(deck);
    expect(h.future).toHaveLength(1);
    expect(d.project.layers).toBe(project.layers);
  });
  it('none takes the presentation off', () => {
    const withDeck = run(doc, { kind: 'set-presentation', presentation: deck }).doc;
    const off = run(withDeck, { kind: 'set-presentation' });
    expect(off.doc.project.presentation).toBeUndefined();
    expect(off.inverse).toEqual({ kind: 'set-presentation', presentation: deck });
  });
});

describe('figure cards and charts of the Luoshan sample', () => {
  let project: Project;
  let report: Report;
  beforeAll(async () => {
    const dir = fileURLToPath(new URL('../../data/luoshan', import.meta.url));
    project = (await loadProjectFromPath(dir)).project!;
    report = buildReport(project);
  }, 60_000);

  it('every card is the report figure in its unit', () => {
    const c = report.composition;
    const t = report.totals;
    const text = (id: (typeof CARD_IDS)[number]) => cardFigure(report, id, 'zh').text;
    expect(text('planned_km2')).toBe((c.planned_m2 / 1e6).toFixed(4));
    expect(text('planned_km2')).toBe('8.5133');
    expect(text('built_km2')).toBe('3.7000');
    expect(text('investment_yi')).toBe((t.investment_wan / 1e4).toFixed(2));
    expect(text('investment_yi')).toBe('63.20');
    expect(text('enterprises')).toBe('57');
    // the sample's description: 40 producing, 17 building
    expect(text('enterprises_producing')).toBe('40');
    expect(text('enterprises_building')).toBe('17');
    expect(text('employees')).toBe('41,360');
    const used = report.quotas.reduce((s, q) => s + q.used_m2, 0);
    expect(cardFigure(report, 'quota_used', 'zh').value).toBeCloseTo((used * 3) / 2000, 9);
    expect(text('villages_relocated')).toBe(
      String(report.villages.filter((v) => v.relocation === 'done').length),
    );
    const farmland = report.constraints.find((x) => x.kind === 'basic-farmland')!.overlap_m2!;
    expect(text('farmland_mu')).toBe(Math.round((farmland * 3) / 2000).toLocaleString('en'));
    for (const id of CARD_IDS) {
      const en = cardFigure(report, id, 'en');
      expect(en.label).not.toMatch(/[\u4e00-\u9fff]/);
      expect(Number.isFinite(en.value)).toBe(true);
    }
  });

  it('the charts add up to the report', () => {
    const invest = chartData(report, 'investment-by-park', 'zh');
    expect(invest?.kind).toBe('bar');
    if (invest?.kind !== 'bar') return;
    const total = invest.series.flatMap((s) => s.values).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(report.totals.investment_wan / 1e4, 1);
    const pie = chartData(report, 'landuse-shares', 'zh');
    if (pie?.kind !== 'pie') throw new Error('land use is a pie');
    expect(pie.slices.length).toBeLessThanOrEqual(PIE_SLICES);
    const mu = report.landUse.reduce((s, l) => s + Math.round(l.area_mu), 0);
    expect(pie.slices.reduce((s, x) => s + x.value, 0)).toBe(mu);
    const villages = chartData(report, 'village-land', 'zh');
    if (villages?.kind !== 'bar') throw new Error('villages are bars');
    expect(villages.categories).toHaveLength(report.villages.length);
    const quota = chartData(report, 'quota-used', 'zh');
    if (quota?.kind !== 'bar') throw new Error('quotas are bars');
    expect(quota.series[0]!.values).toEqual(report.quotas.map((q) => Math.round(q.used_mu)));
  });

  it('a slide highlights the features its names pick out', () => {
    const f = highlightedFeatures(project, { layer: 'villages', names: ['李楼村', '吴畈村', '没有这个村'] });
    expect(f).toHaveLength(2);
    expect(highlightedFeatures(project, { layer: 'nowhere', names: ['x'] })).toEqual([]);
  });

  it('the sample ships eight slides telling its story, each slide valid', () => {
    const p = project.presentation!;
    expect(p.slides.map((s) => s.title)).toEqual([
      '区位',
      '规划构成',
      '园区与主导产业',
      '入驻企业',
      '道路交通',
      '村庄与搬迁',
      '三区三线',
      '扩区规划',
    ]);
    for (const s of p.slides) {
      expect(s.cards.length).toBeGreaterThan(0);
      if (s.highlight)
        expect(highlightedFeatures(project, s.highlight).length).toBe(s.highlight.names.length);
    }
  });
});
