// The problem list saved with the project, read back (src/state/saved-problems.ts): sound entries
// come back as they were, damaged ones are left out and counted, and a list that is no list is
// said to be lost; nothing throws.
import { describe, expect, it } from 'vitest';
import { checkSavedProblems, savedProblemsNotice } from '../../src/state/saved-problems.ts';

const bowtie = {
  code: 'self-intersection',
  severity: 'warning',
  message: '图层 bowtie 第 0 个要素（自相交地块）的边界自相交',
  file: 'bowtie.geojson',
  layer: 'bowtie',
  feature: 0,
  name: '自相交地块',
  at: [114.524, 32.178],
};

describe('the saved problem list', () => {
  it('comes back whole when sound, with only a problem’s fields', () => {
    const fileLevel = { code: 'no-crs', severity: 'warning', message: 'no CRS', file: 'a.geojson' };
    const r = checkSavedProblems([{ ...bowtie, stray: '<script>' }, fileLevel], ['zones', 'bowtie']);
    expect(r).toEqual({ problems: [bowtie, fileLevel], dropped: 0, lost: false });
    expect(savedProblemsNotice(r)).toBeNull();
  });

  it('is empty and silent in a record saved before problems were kept', () => {
    expect(checkSavedProblems(undefined, ['bowtie'])).toEqual({ problems: [], dropped: 0, lost: false });
  });

  it('leaves out damaged entries and those of a layer no longer there, and counts them', () => {
    const r = checkSavedProblems(
      [
        null,
        'text',
        { ...bowtie, severity: 'fatal' },
        { ...bowtie, feature: -1 },
        { ...bowtie, feature: 1.5 },
        { ...bowtie, at: [1, 'x'] },
        { ...bowtie, code: 7 },
        { ...bowtie, layer: 'gone' },
        bowtie,
      ],
      ['bowtie'],
    );
    expect(r.problems).toEqual([bowtie]);
    expect(r.dropped).toBe(8);
    expect(savedProblemsNotice(r)).toContain('8 条无法读取');
  });

  it('says so when the saved list is not a list', () => {
    for (const raw of ['x', 3, null, { 0: bowtie }]) {
      const r = checkSavedProblems(raw, ['bowtie']);
      expect(r).toEqual({ problems: [], dropped: 0, lost: true });
      expect(savedProblemsNotice(r)).toContain('问题列表无法读取');
    }
  });
});
