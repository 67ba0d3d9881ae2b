// The zh-CN words of the import and export dialogs and the problem list (loaded when they open): apart from i18n.ts, so the first page does not carry them (issue 13,
// item 5). Each module that uses one of these keys imports this file, so the words arrive with it
// (test/repo/words-split.test.ts checks that). Their English is in i18n-en.ts with the rest.
import { addZhWords } from './i18n.ts';

export const dataWords = {
  skip: '跳过',
  coordinateOptions: '坐标系与偏移',
  crsSearchHint: '输入 EPSG 代码或名称，如 4547、西安80 38带',
  useCrs: '使用',
  offsetSystem: '坐标偏移',
  offsetNone: '无（WGS84/CGCS2000）',
  swapAxes: '交换 X/Y（北坐标在前）',
  zoomTo: '定位',
  repair: '修复',
  repaired: '已修复',
  exportTitle: '导出数据',
  format: '格式',
  projectBundle: '整个项目（.zip 项目包）',
  encoding: '字符编码',
  encodingGbkHint: 'ArcGIS、CAD 常用',
  importTitle: '导入图层',
  cancel: '取消',
  featuresRead: '个要素',
  crs: '坐标系',
  fieldMapping: '字段对应',
  addLayer: '添加图层',
};

addZhWords(dataWords);
