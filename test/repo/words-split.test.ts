// The zh-CN words of dialogs and panels closed at start live in src/ui/words-*.ts, apart from the
// first page's (i18n.ts), and load with the modules that use them, imported by them or, for
// notices shown now and then, loaded before they show one (issue 13, item 5). A module that
// used such a key without importing its words file would throw when it drew (i18n.ts translate);
// this reads the sources so that it cannot happen.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataWords } from '../../src/ui/words-data.ts';
import { editWords } from '../../src/ui/words-edit.ts';
import { figureWords } from '../../src/ui/words-figures.ts';
import { linkWords } from '../../src/ui/words-link.ts';
import { printWords } from '../../src/ui/words-print.ts';
import { reviewWords } from '../../src/ui/words-review.ts';
import { translate, translateDynamic, type MessageKey } from '../../src/ui/i18n.ts';
import { loadEnglish } from '../../src/ui/english.ts';
import { LABELS } from '../../src/core/labels.ts';
import { showWords } from '../../src/ui/present/words-show.ts';
import { laterWords } from '../../src/ui/durable-words-later.ts';
import { words } from '../../src/ui/durable-words.ts';
import { word } from '../../src/ui/present/words.ts';
import { LABELS_EN } from '../../src/core/labels-en.ts';
import { LABELS_ZH } from '../../src/core/labels-zh.ts';
import { LABELS_ZH_REVIEW } from '../../src/core/labels-zh-review.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');
const GROUPS: Record<string, Record<string, string>> = {
  data: dataWords,
  edit: editWords,
  figures: figureWords,
  link: linkWords,
  print: printWords,
  review: reviewWords,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe('the zh-CN words of closed dialogs and panels', () => {
  it('every module that translates one of their keys imports their words file', () => {
    const missing: string[] = [];
    for (const file of sources(SRC)) {
      const name = path.basename(file);
      if (/^(i18n|i18n-en|words-\w+)\.ts$/.test(name)) continue;
      const text = readFileSync(file, 'utf8');
      // modules that translate: the hook, translate(), or what i18n.ts exports for it
      if (!/i18n-context\.ts'|\btranslate(Dynamic)?\(/.test(text)) continue;
      for (const [group, words] of Object.entries(GROUPS)) {
        const used = Object.keys(words).filter((k) =>
          new RegExp(`['"\`]${k.replace('.', '\\.')}['"\`]`).test(text),
        );
        if (used.length && !new RegExp(`import(\\(| )'(\\./|\\.\\./)+words-${group}\\.ts'`).test(text))
          missing.push(`${path.relative(SRC, file)} uses ${used.join(', ')} without words-${group}.ts`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no key is in two places (one would hide the other)', () => {
    const i18n = readFileSync(path.join(SRC, 'ui/i18n.ts'), 'utf8');
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [group, words] of Object.entries(GROUPS))
      for (const k of Object.keys(words)) {
        if (seen.has(k)) twice.push(`${k} in ${seen.get(k)} and ${group}`);
        seen.set(k, group);
        if (new RegExp(`^\\s+'?${k.replace('.', '\\.')}'?:`, 'm').test(i18n))
          twice.push(`${k} in i18n.ts and ${group}`);
      }
    expect(twice).toEqual([]);
    expect(seen.size).toBeGreaterThan(80);
  });

  it('once loaded, each file’s words are what translate gives', () => {
    for (const words of Object.values(GROUPS))
      for (const [k, zh] of Object.entries(words)) expect(translate('zh', k as MessageKey)).toBe(zh);
    expect(translate('zh', 'reviewSave')).toBe('保存处理意见');
    expect(translate('zh', 'appTitle')).toBe('产业集聚区一张图'); // the first page's own
  });
});

describe('core’s catalogue in parts (labels-zh.ts on the first page; labels-zh-review.ts, labels-en.ts later)', () => {
  it('the page finds the catalogue’s words in either language once English is loaded', async () => {
    expect(translateDynamic('zh', 'kind.basic-farmland', 'x')).toBe('永久基本农田');
    await loadEnglish();
    expect(translateDynamic('en', 'kind.basic-farmland', 'x')).toBe('Permanent basic farmland');
    expect(translateDynamic('en', 'role.zone', 'x')).toBe(LABELS['role.zone'].en);
    // the review's half is read through labels.ts, in both languages alike
    expect(translateDynamic('zh', 'rule.same-use', 'x')).toBe('x');
    expect(translateDynamic('en', 'rule.same-use', 'x')).toBe('x');
    expect(LABELS['rule.same-use']).toEqual({ zh: '用途相同', en: 'Same use' });
    expect(translateDynamic('en', 'no.such.key', 'fallback')).toBe('fallback');
    expect(translateDynamic('zh', 'toString', 'fallback')).toBe('fallback'); // own keys only
    expect(translateDynamic('en', 'toString', 'fallback')).toBe('fallback');
  });

  it('the two halves have the same keys, and labels.ts pairs them', () => {
    const zh = [...Object.keys(LABELS_ZH), ...Object.keys(LABELS_ZH_REVIEW)];
    expect(new Set(zh).size).toBe(zh.length);
    expect(Object.keys(LABELS_EN).sort()).toEqual(zh.sort());
    expect(Object.keys(LABELS).sort()).toEqual(zh.sort());
    expect(LABELS['role.zone']).toEqual({ zh: '规划范围', en: 'Zone boundary' });
  });
});

describe('the presenter’s zh-CN words (present/words-show.ts)', () => {
  it('every module that says one of them imports the file', () => {
    const missing: string[] = [];
    for (const file of sources(SRC)) {
      if (/present[\\/]words(-show|-en)?\.ts$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      if (!/present\/words\.ts'|'\.\/words\.ts'/.test(text)) continue;
      const used = Object.keys(showWords).filter((k) => new RegExp(`word\\([^,()]+, '${k}'`).test(text));
      if (used.length && !/import '\.\/words-show\.ts';|import '\.\/present\/words-show\.ts';/.test(text))
        missing.push(`${path.relative(SRC, file)} uses ${used.join(', ')} without words-show.ts`);
    }
    expect(missing).toEqual([]);
    expect(word('zh', 'exit')).toBe('退出演示');
    expect(word('zh', 'present')).toBe('汇报演示');
  });
});

describe('the zh-CN words of safe mode and long texts (durable-words-later.ts)', () => {
  it('every module that says one of them imports the file', () => {
    const missing: string[] = [];
    for (const file of sources(SRC)) {
      if (/durable-words(-later|-en)?\.ts$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      if (!/durable-words\.ts'/.test(text)) continue;
      const used = Object.keys(laterWords).filter((k) => new RegExp(`['"\`]${k}['"\`]`).test(text));
      if (used.length && !/import '\.\/durable-words-later\.ts';/.test(text))
        missing.push(`${path.relative(SRC, file)} uses ${used.join(', ')} without durable-words-later.ts`);
    }
    expect(missing).toEqual([]);
    expect(words('zh', 'safeTitle')).toBe('安全模式：项目未绘制');
    expect(words('zh', 'saving')).toBe('正在保存…');
  });
});
