// The presentation's own UI words (kept beside it rather than in i18n.ts so that the shared
// catalogue stays as it is); figure and chart names are core's (presentation-cards/-charts.ts).
import type { Lang } from '../../core/labels.ts';
import { englishWords } from '../english.ts';
import type { showWords } from './words-show.ts';

const zh = {
  present: '汇报演示',
  presentHint: '全屏放映汇报幻灯片（方向键、PageUp/PageDown 翻页，Esc 退出）',
  slides: '幻灯片',
  slidesHint: '编辑汇报幻灯片',
  layersPanel: '图层',
  statsPanel: '统计',
};

export type PresentWord = keyof typeof zh | keyof typeof showWords;

const zhLater: Partial<Record<PresentWord, string>> = {};

/** Called by words-show.ts when it loads. */
export function addZhPresentWords(words: Partial<Record<PresentWord, string>>): void {
  Object.assign(zhLater, words);
}

export function word(lang: Lang, key: PresentWord, params: Record<string, string | number> = {}): string {
  // the presenter's and the slide editor's words come with them (words-show.ts)
  let text =
    lang === 'zh' ? ((zh as Record<string, string>)[key] ?? zhLater[key]) : englishWords().present[key];
  if (text === undefined)
    throw new Error(`the words of "${key}" were used before they loaded (words-show.ts)`);
  for (const [k, v] of Object.entries(params)) text = text.replace(`{${k}}`, String(v));
  return text;
}
