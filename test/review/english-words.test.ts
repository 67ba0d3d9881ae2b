// The English words load apart from the first page (src/ui/english.ts): reading them before they
// loaded is an error, never a silent zh-CN fallback; once loaded, every word of the first page's
// dictionaries has its English (some are empty on purpose: '57 家' is '57' in English).
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/ui/i18n.ts';
import { words } from '../../src/ui/durable-words.ts';
import { word } from '../../src/ui/present/words.ts';
import { englishWords, loadEnglish } from '../../src/ui/english.ts';

const CJK = /[\u4e00-\u9fff]/;

describe('the English words', () => {
  it('are not there before they are loaded, and zh-CN needs no loading', () => {
    expect(translate('zh', 'layers')).toBe('图层');
    expect(() => translate('en', 'layers')).toThrow(/before they loaded/);
  });

  it('load once and word every key of the first page in English', async () => {
    const first = loadEnglish();
    expect(loadEnglish()).toBe(first);
    await first;
    expect(translate('en', 'layers')).toBe('Layers');
    expect(words('en', 'saved')).toBe('Saved');
    expect(word('en', 'present')).toBe('Present');
    const { ui, durable, present } = englishWords();
    for (const dict of [ui, durable, present])
      for (const [key, text] of Object.entries(dict)) {
        expect(typeof text, key).toBe('string');
        // the language switch names the other language in its own words
        if (key !== 'language') expect(CJK.test(text), `${key}: ${text}`).toBe(false);
      }
  });
});
