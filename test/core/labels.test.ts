// One catalogue of words (src/core/labels.ts) and the report's warnings worded from code + params in
// either language (src/core/warning-text.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  categoryLabel,
  enterpriseStatusLabel,
  kindLabel,
  planLabel,
  relocationLabel,
  roadStatusLabel,
} from '../../src/core/labels.ts';
import { buildReport } from '../../src/core/report.ts';
import type { Project } from '../../src/core/types.ts';
import { hasWarningText, warningText } from '../../src/core/warning-text.ts';
import { loadProjectFromPath } from '../../src/io/node-project.ts';

const CJK = /[\u4e00-\u9fff]/;

describe('the label catalogue', () => {
  it('words the data’s vocabulary in both languages', () => {
    expect(relocationLabel('planned', 'zh')).toBe('规划搬迁');
    expect(relocationLabel('planned', 'en')).toBe('Relocation planned');
    expect(kindLabel('basic-farmland', 'zh')).toBe('永久基本农田');
    expect(categoryLabel('development', 'en')).toBe('Development area');
    expect(roadStatusLabel('building', 'zh')).toBe('在建');
    expect(roadStatusLabel('施工中', 'en')).toBe('施工中'); // the data's own words stay
  });

  it('translates the enterprise statuses the data writes in Chinese', () => {
    expect(enterpriseStatusLabel('已投产', 'en')).toBe('Producing');
    expect(enterpriseStatusLabel('在建', 'en')).toBe('Under construction');
    expect(enterpriseStatusLabel('在建', 'zh')).toBe('在建');
    expect(enterpriseStatusLabel('', 'zh')).toBe('未填');
  });

  it('names a plan by its kind, not by its layer id', () => {
    expect(planLabel({ layer: 'plan-industry', kind: 'industry-plan' }, 'zh')).toBe('产业集聚区规划');
    expect(planLabel({ layer: 'p2', kind: 'industry-plan' }, 'zh', true)).toBe('产业集聚区规划（图层 p2）');
  });
});

describe('report warnings', () => {
  it('carry a code and parameters, worded in Chinese as `message` and in English on demand', async () => {
    const { project } = await loadProjectFromPath(path.join(import.meta.dirname, '../fixtures/report/basic'));
    const r = buildReport(project as Project);
    expect(r.warnings.length).toBeGreaterThan(0);
    for (const w of r.warnings) {
      expect(hasWarningText(w.code)).toBe(true);
      expect(warningText(w, 'zh')).toBe(w.message);
      const en = warningText(w, 'en');
      // English apart from the data's own names
      const withoutNames = [w.name, w.params?.name, w.params?.park]
        .filter((s): s is string => typeof s === 'string')
        .reduce((t, s) => t.split(s).join(''), en);
      expect(withoutNames).not.toMatch(CJK);
    }
    const self = r.warnings.find((w) => w.code === 'self-intersection')!;
    expect(self.params?.count).toBeGreaterThan(0);
    expect(warningText(self, 'en')).toMatch(/^layer landuse, feature \d+.*crosses itself \(\d+ place/);
  });

  it('words a warning about the whole zone without a feature', () => {
    const w = { code: 'quota-park-missing', params: { park: '电子园' } };
    expect(warningText(w, 'en')).toContain(
      '“电子园” of the construction-land quota is not in the park layer',
    );
    expect(warningText(w, 'zh')).toContain('建设用地指标中的园区「电子园」');
  });
});

describe('the report’s own words where the data gives none', () => {
  it('translates an unclassified parcel and an ungraded road, keeps the data’s words', async () => {
    const { landUseNameLabel, roadClassLabel } = await import('../../src/core/labels.ts');
    expect(landUseNameLabel('未分类', 'en')).toBe('Unclassified');
    expect(landUseNameLabel('未分类', 'zh')).toBe('未分类');
    // a class name the catalogue has is translated (landuse-english.test.ts); the data's own words stay
    expect(landUseNameLabel('自定义地类', 'en')).toBe('自定义地类');
    expect(roadClassLabel('未分级', 'en')).toBe('Ungraded');
  });
});
