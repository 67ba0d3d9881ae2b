// The words of scenarios (方案), their comparison and the import's same-role question (zh-CN first,
// English beside it). Kept apart from i18n.ts so this part merges without touching the dictionary.
import { useCallback } from 'react';
import type { ComparePiece } from '../core/compare.ts';
import { formatMu } from '../core/units.ts';
import { useAppState } from '../state/store.ts';
import type { Lang } from './i18n.ts';

const zh = {
  scenarios: '方案',
  scenarioHint: '地图和统计显示“当前”方案，编辑也改它；另存为新方案后，原方案保持不变。',
  current: '当前',
  base: '基础方案',
  saveAs: '另存为方案',
  scenarioName: '方案名称',
  scenarioNote: '说明',
  save: '保存',
  cancel: '取消',
  switchTo: '切换',
  duplicate: '复制',
  delete: '删除',
  confirmDelete: '删除方案「{name}」？（Ctrl+Z 可撤销）',
  cannotDeleteCurrent: '当前方案不能删除，请先切换到其他方案',
  compare: '方案对比',
  compareFrom: '从',
  compareTo: '到',
  compareRun: '对比',
  compareTitle: '方案对比',
  compareRunning: '正在计算对比…',
  compareFailed: '对比失败',
  figure: '指标',
  delta: '变化',
  added: '新增用地',
  removed: '减少用地',
  pieces: '增减地块',
  change: '增减',
  township: '乡镇',
  village: '村',
  admin: '行政区',
  villages: '村庄',
  constraints: '三区三线',
  none: '无',
  mu: '亩',
  km2: '平方公里',
  legendAdded: '新增（绿色）',
  legendRemoved: '减少（红色）',
  sameRole: '项目中已有同类图层「{layer}」。这个文件要：',
  sameReplace: '替换该图层的数据',
  sameAdd: '作为新图层添加（两层都计入统计）',
  sameScenario: '作为新方案（替换该图层，用于对比，不改当前数据）',
  scenarioFrom: '方案名称',
  chooseFirst: '请先选择如何处理同类图层',
  exportScenario: '方案',
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  scenarios: 'Scenarios',
  scenarioHint:
    'The map and figures show the current scenario, and edits change it; after "save as", the previous one stays as it was.',
  current: 'current',
  base: 'Base project',
  saveAs: 'Save as scenario',
  scenarioName: 'Scenario name',
  scenarioNote: 'Note',
  save: 'Save',
  cancel: 'Cancel',
  switchTo: 'Switch',
  duplicate: 'Duplicate',
  delete: 'Delete',
  confirmDelete: 'Delete the scenario "{name}"? (Ctrl+Z undoes it)',
  cannotDeleteCurrent: 'The current scenario cannot be deleted: switch to another first',
  compare: 'Compare scenarios',
  compareFrom: 'from',
  compareTo: 'to',
  compareRun: 'Compare',
  compareTitle: 'Scenario comparison',
  compareRunning: 'Comparing…',
  compareFailed: 'The comparison failed',
  figure: 'Figure',
  delta: 'Change',
  added: 'Land added',
  removed: 'Land removed',
  pieces: 'Pieces gained and lost',
  change: 'Change',
  township: 'Township',
  village: 'Village',
  admin: 'Admin units',
  villages: 'Villages',
  constraints: 'Constraints',
  none: 'none',
  mu: 'mu',
  km2: 'km²',
  legendAdded: 'added (green)',
  legendRemoved: 'removed (red)',
  sameRole: 'The project has a layer of this role already ("{layer}"). This file should:',
  sameReplace: "replace that layer's data",
  sameAdd: 'be added as a new layer (both count in the figures)',
  sameScenario: 'become a new scenario (standing for that layer, for comparison; the current data stay)',
  scenarioFrom: 'Scenario name',
  chooseFirst: 'Choose first what to do with the layer of the same role',
  exportScenario: 'Scenario',
};

export function scenarioWord(lang: Lang, key: Key, params: Record<string, string> = {}): string {
  const text = (lang === 'zh' ? zh : en)[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

export function useScenarioWords() {
  const lang = useAppState((s) => s.lang);
  return {
    sw: useCallback((key: Key, params?: Record<string, string>) => scenarioWord(lang, key, params), [lang]),
    lang,
  };
}

/** A piece's label on the comparison map: its 亩 (core's figure, whole) and where it lies. */
export function pieceLabel(p: ComparePiece, lang: Lang): string {
  const mu = `${p.change === 'added' ? '+' : '−'}${formatMu(p.area_m2)} ${lang === 'zh' ? '亩' : 'mu'}`;
  const where = [p.townships.join('、'), p.villages.join('、')].filter(Boolean).join(' · ');
  return where ? `${mu}\n${where}` : mu;
}
