// The words of saving, safe mode and the crash screen in zh-CN (English: durable-words-en.ts, loaded
// apart; a damaged record's lines: saved-issue-words.ts). Kept apart from i18n.ts so this part of
// the app merges without touching the shared dictionary.
import { useCallback } from 'react';
import { useAppState } from '../state/store.ts';
import type { Lang } from './i18n.ts';
import { englishWords } from './english.ts';

const zh = {
  saving: '正在保存…',
  saved: '已保存',
  saveFailed: '保存失败',
  saveFailedHint: '修改只在本页中，关闭或刷新会丢失。请导出项目包保存到本机。',
  exportProject: '导出项目包',
  readOnly: '只读',
  readOnlyHint: '此项目已在另一个标签页中打开，本页的修改不会保存。请在那个标签页中编辑。',
  readOnlyFree: '另一个标签页已关闭，重新加载后即可在本页编辑。',
  reload: '重新加载',
  safeTitle: '安全模式：项目未绘制',
  safeCrashed:
    '上次打开此项目时页面没有完成绘制（崩溃、卡死或被关闭）。为避免再次卡死，图层先只列出，不绘制。',
  safeDamaged: '保存的项目有损坏的记录。能恢复的部分已列出；损坏的部分不会打开。',
  safeUnreadable: '无法读取保存的项目',
  safeLayers: '保存的图层',
  features: '个要素',
  openAnyway: '打开项目',
  openRecovered: '打开可恢复的部分',
  exportRecovered: '导出可恢复的部分',
  discard: '丢弃并打开示例项目',
  confirmDiscard: '丢弃保存的项目？此操作不能撤销（可先导出）。',
  crashTitle: '页面出错了',
  crashHint: '已保存的修改仍在。重新加载后项目会以安全模式打开。',
  exportSaved: '导出已保存的项目',
  showAll: '显示全部',
  showLess: '收起',
  chars: '字符',
  nothingRecovered: '没有可恢复的数据。',
};

export type DurableKey = keyof typeof zh;
type Key = DurableKey;

// English is loaded apart (durable-words-en.ts, through english.ts)
const dict = (lang: Lang): Record<Key, string> => (lang === 'zh' ? zh : englishWords().durable);

export function words(lang: Lang, key: Key): string {
  return dict(lang)[key];
}

export function useWords() {
  const lang = useAppState((s) => s.lang);
  return { w: useCallback((key: Key) => words(lang, key), [lang]), lang };
}
