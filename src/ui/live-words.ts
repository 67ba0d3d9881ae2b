// The words of the live-figures panel (zh-CN first, English beside it). Kept apart from i18n.ts so
// this part of the app merges without touching the shared dictionary.
import { useCallback } from 'react';
import { useAppState } from '../state/store.ts';
import type { Lang } from './i18n.ts';

const zh = {
  title: '实时指标',
  since: '与编辑开始时相比',
  parts: '编辑的部件',
  part: '部件',
  now: '现在',
  change: '变化',
  removedPart: '已删除',
  check: '构成检查',
  units: '乡镇、村庄增减',
  noUnits: '没有乡镇或村庄的用地变化',
  constraints: '三区三线',
  overlapWith: '占用',
  outsideOf: '超出',
  newParcels: '新增冲突图斑',
  fromHere: '以当前为基准',
  close: '关闭',
  computed: '计算用时',
  roundTrip: '往返',
  computing: '计算中…',
  failed: '实时指标计算失败',
};
type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Live figures',
  since: 'Change since editing began',
  parts: 'Edited parts',
  part: 'Part',
  now: 'Now',
  change: 'Change',
  removedPart: 'deleted',
  check: 'Composition check',
  units: 'Townships and villages gaining or losing land',
  noUnits: 'No township or village gains or loses land',
  constraints: 'Planning constraints',
  overlapWith: 'in',
  outsideOf: 'outside',
  newParcels: 'newly touched parcels',
  fromHere: 'Start from here',
  close: 'Close',
  computed: 'computed in',
  roundTrip: 'round trip',
  computing: 'Computing…',
  failed: 'Live figures failed',
};

const DICTS: Record<Lang, Record<Key, string>> = { zh, en };

export function useLiveWords() {
  const lang = useAppState((s) => s.lang);
  const w = useCallback((key: Key) => DICTS[lang][key], [lang]);
  return { w, lang };
}
