// The zh-CN words of the presenter and the slide editor (PresentationMode.tsx, SlideEditor.tsx,
// loaded when opened): apart from words.ts, whose words the first page's buttons show, so the first
// page does not carry them (issue 13, item 5). English: words-en.ts.
import { addZhPresentWords } from './words.ts';

export const showWords = {
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
};

addZhPresentWords(showWords);
