// The zh-CN words of the notices about the page's link (a ?select= or ?mode= that cannot be
// followed, a copied link): shown only when that happens, so link-view.ts and copy-link.ts load
// this file before they show one, and the first page does not carry it (issue 13, item 5). The
// words of a hash that cannot be followed stay in i18n.ts: the hash may change at any moment and
// its notice shows at once. Their
// English is in i18n-en.ts with the rest.
import { addZhWords } from './i18n.ts';

export const linkWords = {
  linkCopied: '链接已复制到剪贴板',
  linkCopyByHand: '剪贴板不可用：链接已在下面选中，请按 Ctrl+C 复制。',
  linkShowsProject: '已显示整个项目范围。',
  linkShowsFeature: '已显示链接中的要素。',
  linkSelectMalformed: '链接中的 select=“{text}” 应为 图层ID/要素编号（如 villages/0）。',
  linkNoLayer: '链接中的图层“{layer}”不在本项目中。',
  linkNoFeature: '图层“{layer}”中没有要素“{feature}”（该图层共 {n} 个要素，编号从 0 开始）。',
  modeUnavailable: '“{mode}”模式尚未推出，已以浏览模式打开。',
  modeUnknown: '未知的模式“{mode}”（可用：{modes}），已以浏览模式打开。',
};

addZhWords(linkWords);
