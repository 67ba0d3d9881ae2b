// The words of saving, safe mode and the crash screen in zh-CN (English: durable-words-en.ts, loaded
// apart; a damaged record's lines: saved-issue-words.ts). Kept apart from i18n.ts so this part of
// the app merges without touching the shared dictionary.
import { useCallback } from 'react';
import { useAppState } from '../state/store.ts';
import type { Lang } from './i18n.ts';
import { englishWords } from './english.ts';
import type { laterWords } from './durable-words-later.ts';

const zh = {
  saving: '正在保存…',
  saved: '已保存',
  saveFailed: '保存失败',
  readOnly: '只读',
  reload: '重新加载',
  crashTitle: '页面出错了',
  crashHint: '已保存的修改仍在。重新加载后项目会以安全模式打开。',
  exportSaved: '导出已保存的项目',
};

export type DurableKey = keyof typeof zh | keyof typeof laterWords;

const zhLater: Partial<Record<DurableKey, string>> = {};

/** Called by durable-words-later.ts when it loads. */
export function addZhDurableWords(more: Partial<Record<DurableKey, string>>): void {
  Object.assign(zhLater, more);
}
type Key = DurableKey;

export function words(lang: Lang, key: Key): string {
  // English is loaded apart (durable-words-en.ts, through english.ts); safe mode's and the long
  // texts' zh-CN words come with them (durable-words-later.ts)
  const text =
    lang === 'zh' ? ((zh as Record<string, string>)[key] ?? zhLater[key]) : englishWords().durable[key];
  if (text === undefined)
    throw new Error(`the words of "${key}" were used before they loaded (durable-words-later.ts)`);
  return text;
}

export function useWords() {
  const lang = useAppState((s) => s.lang);
  return { w: useCallback((key: Key) => words(lang, key), [lang]), lang };
}
