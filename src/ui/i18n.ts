// UI words in zh-CN (default) and English. Every visible string goes through `t`. The data's own
// vocabulary (roles, kinds, categories, statuses, road classes) is core's catalogue (core/labels.ts).
// The catalogue's halves, not core/labels.ts: the first page carries its Chinese words only, the
// English half comes with the page's English words (english-words.ts).
import type { LabelKey, Lang } from '../core/labels.ts';
import { LABELS_ZH } from '../core/labels-zh.ts';
import { englishWords } from './english.ts';
import type { dataWords } from './words-data.ts';
import type { figureWords } from './words-figures.ts';
import type { editWords } from './words-edit.ts';
import type { linkWords } from './words-link.ts';
import type { printWords } from './words-print.ts';
import type { reviewWords } from './words-review.ts';

export type { Lang };

// UI words that are the catalogue's (core/labels.ts): one word for the page, the CLI and the exports.
const CATALOGUE_WORDS = {
  planned: 'category.planned',
  built: 'category.built',
  development: 'category.development',
  control: 'category.control',
  colTownship: 'col.township',
  villages: 'role.village',
  admin: 'table.admin',
  roads: 'table.roads',
  layer: 'col.layer',
  'field.name': 'col.name',
  'field.category': 'col.category',
  'field.industry': 'brief.industry',
  'field.status': 'col.status',
  'field.relocation': 'col.relocation',
  'field.population': 'col.population',
  'field.households': 'col.households',
  'field.code': 'col.code',
  'field.investment': 'col.investment',
  'field.output': 'col.output',
  'field.tax': 'col.tax',
  'field.employees': 'col.employees',
  planReview: 'table.plans',
  colName: 'col.name',
  colVillage: 'col.villageName',
  colStatus: 'col.status',
  colPark: 'col.park',
  colMu: 'col.mu',
  colM2: 'col.m2',
  colRelocation: 'brief.relocation',
  colPopulation: 'col.population',
  colInvestment: 'col.investment',
  colCode: 'col.useCode',
  colClassName: 'col.useName',
  colShare: 'brief.shareOfZone',
} as const satisfies Record<string, LabelKey>;

export const catalogueWords = (
  words: Record<(typeof CATALOGUE_WORDS)[keyof typeof CATALOGUE_WORDS], string>,
) =>
  Object.fromEntries(Object.entries(CATALOGUE_WORDS).map(([k, key]) => [k, words[key]])) as Record<
    keyof typeof CATALOGUE_WORDS,
    string
  >;

const zh = {
  ...catalogueWords(LABELS_ZH),
  appTitle: '产业集聚区一张图',
  layers: '图层',
  inspector: '要素属性',
  opacity: '透明度',
  removeLayer: '移除图层（Ctrl+Z 撤销）',
  renameLayer: '图层名称（留空则用原名）',
  legend: '图例',
  language: 'English',
  areaMethod: '面积算法',
  ellipsoidal: '椭球面积 (CGCS2000)',
  plane: '高斯平面面积 (3度带)',
  outside: '规划区外',
  noSelection: '点击地图上的要素查看属性',
  // the three-plan review (审查)
  review: '审查',
  reviewHint: '三规合一审查：冲突、面积与处理意见',
  loading: '正在加载项目…',
  loadFailed: '项目加载失败',
  problems: '数据问题',
  close: '关闭',
  investment: '总投资',
  field: '字段',
  value: '值',
  fitZone: '缩放至规划区',
  basemap: '底图',
  noBasemap: '无底图',
  copyViewLink: '复制当前视图的链接',
  linkHashMalformed: '链接中的视图“#{text}”无法识别（应为 #缩放/纬度/经度[/方位角[/倾角]]）。',
  linkHashOutside: '链接中的视图（纬度 {lat}，经度 {lon}）远在项目范围之外。',
  linkKeepsView: '地图保持原来的视图。',
  editBoundary: '编辑边界',
  editDone: '完成编辑',
  editNoZone: '项目中没有规划区图层，无法编辑边界。',
  count: '数量',
  importFile: '导入数据',
  confirmReset: '重新打开示例项目会丢弃当前项目中的导入和修改（可先用「导出」保存项目包）。确定吗？',
  openFolder: '打开项目文件夹',
  employees: '就业',
  export: '导出',
  resetSample: '恢复示例项目',
  samples: '示例项目',
  samplesNote: '示例数据，非官方',
  dropHint: '拖放 GeoJSON、Shapefile（.zip）、KML/KMZ、CSV 文件到地图上导入',
  role: '图层类型',
  'field.class': '等级/地类编码',
  print: '出图',
  northUp: '指北针（点击转回正北）',
};

// The first page's zh-CN words are above; those of dialogs and panels closed at start are in
// words-*.ts, which load with them and add themselves here (issue 13, item 5).
export type MessageKey =
  | keyof typeof zh
  | keyof typeof dataWords
  | keyof typeof editWords
  | keyof typeof figureWords
  | keyof typeof linkWords
  | keyof typeof printWords
  | keyof typeof reviewWords;

const zhLater: Partial<Record<MessageKey, string>> = {};

/** Called by each words-*.ts when it loads. */
export function addZhWords(words: Partial<Record<MessageKey, string>>): void {
  Object.assign(zhLater, words);
}

// a key's own word only: 'toString' is nobody's key
const own = (words: object, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(words, key) ? (words as Record<string, string>)[key] : undefined;

const zhWord = (key: string): string | undefined => own(zh, key) ?? own(zhLater, key);

export function translate(lang: Lang, key: MessageKey): string {
  const text = lang === 'zh' ? zhWord(key) : englishWords().ui[key];
  // a panel using a key of a words-*.ts it does not import (test/repo/words-split.test.ts guards it)
  if (text === undefined) throw new Error(`the words of "${key}" were used before they loaded (words-*.ts)`);
  return text;
}

/** Fills `{name}` placeholders of a message. */
export function fillMessage(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

/** For keys built at run time (role/kind names, from core's catalogue); falls back to the raw text. */
export function translateDynamic(lang: Lang, key: string, fallback: string): string {
  // English is loaded apart (i18n-en.ts, through english.ts)
  const word = lang === 'zh' ? zhWord(key) : own(englishWords().ui, key);
  if (word !== undefined) return word;
  // the catalogue's words of the first page's half (labels-zh.ts), in either language; the review's
  // (labels-zh-review.ts) are read through labels.ts by the modules that show them
  if (own(LABELS_ZH, key) === undefined) return fallback;
  return (lang === 'zh' ? own(LABELS_ZH, key) : own(englishWords().catalogue, key)) ?? fallback;
}
