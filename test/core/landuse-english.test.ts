// Land-use class names in English (the page in English showed 1001 工业用地): every class name of
// the three code tables has an English name, and every surface that words a class uses it.
import { describe, expect, it } from 'vitest';
import { GB50137, LANDUSE_NAMES_EN, SANDIAO, YONGDI_YONGHAI } from '../../src/core/landuse-codes.ts';
import { LAND_USE_PLAN_ZONES } from '../../src/core/plan-classes.ts';
import { catalogueLabel, conflictClassLabel, landUseNameLabel } from '../../src/core/labels.ts';
import { chartData } from '../../src/core/presentation-charts.ts';
import type { Report } from '../../src/core/report-types.ts';

const CJK = /[\u3400-\u9fff]/;

describe('the English names of the land-use classes', () => {
  it('name every class of the 三调, 用地用海 and GB 50137 tables and the land-use plan’s zones', () => {
    const names = new Set([
      ...Object.values(LAND_USE_PLAN_ZONES),
      '基本农田保护区',
      ...Object.values(SANDIAO),
      ...Object.values(YONGDI_YONGHAI),
      ...Object.values(GB50137),
    ]);
    const missing = [...names].filter((n) => !Object.hasOwn(LANDUSE_NAMES_EN, n));
    expect(missing).toEqual([]);
    for (const en of Object.values(LANDUSE_NAMES_EN)) expect(en).toMatch(/^[A-Z][A-Za-z0-9 ,'-]+$/);
    // nothing listed that no table has (a typo in a Chinese key would never be found)
    expect(Object.keys(LANDUSE_NAMES_EN).filter((n) => !names.has(n))).toEqual([]);
  });

  it('words the classes the sample uses as GB/T 21010 and 用地用海 name them', () => {
    expect(landUseNameLabel('工业用地', 'en')).toBe('Industrial land');
    expect(landUseNameLabel('一类工业用地', 'en')).toBe('Class 1 industrial land');
    expect(landUseNameLabel('城镇村道路用地', 'en')).toBe('Urban and village road land');
    expect(landUseNameLabel('水浇地', 'en')).toBe('Irrigated land');
    expect(landUseNameLabel('工业用地', 'zh')).toBe('工业用地');
    // the data's own words stay as they are
    expect(landUseNameLabel('自定义地类', 'en')).toBe('自定义地类');
    expect(landUseNameLabel('未分类', 'en')).toBe('Unclassified');
  });

  it('serves the legend’s keys and the conflict list', () => {
    expect(catalogueLabel('landuse.乔木林地', 'en')).toBe('Arbor forest land');
    expect(catalogueLabel('landuse.乔木林地', 'zh')).toBe('乔木林地');
    expect(catalogueLabel('landuse.自定义地类', 'en')).toBeUndefined();
    expect(conflictClassLabel('industry-plan', '1001', '工业用地', 'en')).toBe('1001 Industrial land');
    expect(conflictClassLabel('industry-plan', '1001', '工业用地', 'zh')).toBe('1001 工业用地');
  });

  it('words the land-use chart in English', () => {
    const report = {
      landUse: [
        { class: '0601', name: '工业用地', area_mu: 300 },
        { class: '0101', name: '水田', area_mu: 200 },
      ],
    } as unknown as Report;
    const chart = chartData(report, 'landuse-shares', 'en');
    expect(chart?.kind).toBe('pie');
    const names = chart?.kind === 'pie' ? chart.slices.map((s) => s.name) : [];
    expect(names).toEqual(['Industrial land', 'Paddy field']);
    expect(names.filter((n) => CJK.test(n))).toEqual([]);
  });
});
