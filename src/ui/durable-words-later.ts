// The zh-CN words of safe mode (SafeMode.tsx), of long texts folded in the feature details
// (LongText.tsx) and of the failed-save and read-only banners (SaveTrouble.tsx), loaded when first
// shown or, the banners, when the page is idle: apart from durable-words.ts, whose words the first
// page shows (saving, the crash screen), so the first page does not carry them (issue 13, item 5).
// English: durable-words-en.ts.
import { addZhDurableWords } from './durable-words.ts';

export const laterWords = {
  saveFailedHint: '修改只在本页中，关闭或刷新会丢失。请导出项目包保存到本机。',
  exportProject: '导出项目包',
  readOnlyHint: '此项目已在另一个标签页中打开，本页的修改不会保存。请在那个标签页中编辑。',
  readOnlyFree: '另一个标签页已关闭，重新加载后即可在本页编辑。',
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
  showAll: '显示全部',
  showLess: '收起',
  chars: '字符',
  nothingRecovered: '没有可恢复的数据。',
};

addZhDurableWords(laterWords);
