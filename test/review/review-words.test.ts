// The review's words: the rule that made a conflict, and the constraint side "outside the urban
// boundary", from core's one catalogue in the page's language.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/compatibility.ts';
import { conflictWords, planName, ruleLine } from '../../src/ui/ReviewPanel.tsx';
import { loadEnglish } from '../../src/ui/english.ts';

// the page loads its English words before it shows English (src/ui/english.ts)
beforeAll(() => loadEnglish());

const CJK = /[\u4e00-\u9fff]/;

describe('the review’s words', () => {
  it('words the rule that made a conflict in either language', () => {
    expect(ruleLine('construction-on-basic-farmland', 'zh')).toBe('判定：建设用地占永久基本农田');
    expect(ruleLine('construction-on-basic-farmland', 'en')).toBe(
      'Rule: Construction land on basic farmland',
    );
    // a rule of the project's own (settings.compatibility) keeps its id
    expect(ruleLine('my-own-rule', 'en')).toBe('Rule: my-own-rule');
  });

  it('has words for every default rule, Chinese and English', () => {
    for (const r of DEFAULT_RULES) {
      const zh = ruleLine(r.id, 'zh');
      const en = ruleLine(r.id, 'en');
      expect(zh, r.id).not.toContain(r.id);
      expect(zh, r.id).toMatch(CJK);
      expect(en, r.id).not.toContain(r.id);
      expect(en, r.id).not.toMatch(CJK);
    }
  });

  it('names the urban boundary’s outside once, as the catalogue does', () => {
    expect(planName(null, 'outside-urban-boundary', 'zh')).toBe('城镇开发边界外');
    expect(planName(null, 'outside-urban-boundary', 'en')).toBe('Outside the urban boundary');
    const c = {
      planA: 'industry-plan',
      classA: '1001',
      nameA: '工业用地',
      planB: 'outside-urban-boundary',
      classB: 'outside-urban-boundary',
    };
    expect(conflictWords(c, (p) => planName(null, p, 'en'))).toBe(
      'Zone industry plan 1001 工业用地 ↔ Outside the urban boundary',
    );
  });
});
