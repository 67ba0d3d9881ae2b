// The presentation's own UI words (kept beside it rather than in i18n.ts so that the shared
// catalogue stays as it is); figure and chart names are core's (presentation-cards/-charts.ts).
import type { Lang } from '../../core/labels.ts';
import { englishWords } from '../english.ts';

const zh = {
  present: '汇报演示',
  presentHint: '全屏放映汇报幻灯片（方向键、PageUp/PageDown 翻页，Esc 退出）',
  slides: '幻灯片',
  slidesHint: '编辑汇报幻灯片',
  noSlides: '本项目还没有汇报幻灯片：打开“幻灯片”，把当前视图添加为第一页。',
  exit: '退出演示',
  prev: '上一页',
  next: '下一页',
  counter: '第 {i} / {n} 页',
  computing: '正在计算统计数据…',
  editorTitle: '汇报幻灯片',
  presentationTitle: '汇报标题',
  capture: '添加当前视图为新幻灯片',
  recapture: '用当前视图更新',
  goTo: '查看',
  presentFrom: '从此页放映',
  remove: '删除',
  moveUp: '上移',
  moveDown: '下移',
  slideTitle: '标题',
  caption: '说明',
  cards: '数据卡片',
  chart: '图表',
  noChart: '无图表',
  close: '关闭',
  newSlide: '第 {n} 页',
  dragHint: '拖动以调整顺序',
  charts: '图表',
  layersShown: '显示图层：{n} 个',
  panels: '面板',
  layersPanel: '图层',
  statsPanel: '统计',
};

export type PresentWord = keyof typeof zh;

export function word(lang: Lang, key: PresentWord, params: Record<string, string | number> = {}): string {
  let text = (lang === 'zh' ? zh : englishWords().present)[key];
  for (const [k, v] of Object.entries(params)) text = text.replace(`{${k}}`, String(v));
  return text;
}
