// The zh-CN words of the print dialog (PrintDialog.tsx, loaded when it opens): apart from i18n.ts, so the first page does not carry them (issue 13,
// item 5). Each module that uses one of these keys imports this file, so the words arrive with it
// (test/repo/words-split.test.ts checks that). Their English is in i18n-en.ts with the rest.
import { addZhWords } from './i18n.ts';

export const printWords = {
  printTitle: '出图：地图导出',
  printFormat: '格式',
  printPdf: 'PDF 图纸',
  printPng2: 'PNG 图片（2 倍像素）',
  printPng4: 'PNG 图片（4 倍像素）',
  printPages: '出图范围',
  printPagesView: '当前视图',
  printPagesSlides: '全部幻灯片（{count} 页，每页一图）',
  printPaper: '图幅',
  printOrientation: '方向',
  printLandscape: '横向',
  printPortrait: '纵向',
  printSheetTitle: '图名',
  printSource: '数据来源',
  printRun: '导出',
  printBusy: '正在出图…',
  printFailed: '出图失败：',
  printDefaultTitle: '{name}规划图',
  printSourceDefault: '{name}项目数据（{count} 个图层）',
  sheetScale: '比例尺',
  sheetDate: '出图日期',
  sheetAreaMethod: '面积算法',
  sheetCrs: '坐标系',
};

addZhWords(printWords);
