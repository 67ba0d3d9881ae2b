// The one catalogue of the words for the data's own vocabulary (layer roles and kinds, zone
// categories, road classes and statuses, relocation and enterprise statuses) in Chinese and
// English. The command line, the page and the exports all read it, so a word is written once.
import { LANDUSE_NAMES_EN } from './landuse-codes.ts';
import type { ZoneCategory } from './types.ts';
import { LABELS_EN } from './labels-en.ts';
import { LABELS_ZH, type LabelKey } from './labels-zh.ts';
import { LABELS_ZH_REVIEW } from './labels-zh-review.ts';

export type Lang = 'zh' | 'en';

interface Words {
  zh: string;
  en: string;
}

const ZH: Record<LabelKey, string> = { ...LABELS_ZH, ...LABELS_ZH_REVIEW };

export const LABELS = Object.fromEntries(
  (Object.keys(ZH) as LabelKey[]).map((k) => [k, { zh: ZH[k], en: LABELS_EN[k] }]),
) as Record<LabelKey, Words>;

export type { LabelKey };

/** The catalogue's word for `key` ("kind.basic-farmland"), or undefined when it has none. */
export function catalogueLabel(key: string, lang: Lang): string | undefined {
  if (Object.prototype.hasOwnProperty.call(LABELS, key)) return LABELS[key as LabelKey][lang];
  // "landuse.工业用地": a land-use class by its Chinese name (the legend builds these keys)
  if (key.startsWith('landuse.')) {
    const name = key.slice('landuse.'.length);
    if (Object.prototype.hasOwnProperty.call(LANDUSE_NAMES_EN, name))
      return lang === 'en' ? LANDUSE_NAMES_EN[name] : name;
  }
  return undefined;
}

const or = (key: string, raw: string, lang: Lang) => catalogueLabel(key, lang) ?? raw;

export const categoryLabel = (c: ZoneCategory | 'unknown' | string, lang: Lang): string =>
  or(`category.${c}`, c, lang);
export const kindLabel = (kind: string, lang: Lang): string => or(`kind.${kind}`, kind, lang);
export const relocationLabel = (r: string, lang: Lang): string => or(`relocation.${r}`, r, lang);
/** A road's class: the usual Chinese grades are translated, any other text is the data's own. */
export const roadClassLabel = (c: string, lang: Lang): string => or(`road.${c}`, c, lang);
/**
 * A land-use class's name in the page's language: the catalogue's classes (landuse-codes.ts) and the
 * report's 未分类 (no class, no name) translated; a name the catalogue lacks is the data's own.
 */
export const landUseNameLabel = (name: string, lang: Lang): string => or(`landuse.${name}`, name, lang);
/** A road's status as the report holds it (built/building/planned, or the data's own text). */
export const roadStatusLabel = (s: string, lang: Lang): string => or(`status.${s || 'unknown'}`, s, lang);

const ENTERPRISE_WORDS: Record<string, 'producing' | 'building' | 'planned'> = {
  已投产: 'producing',
  投产: 'producing',
  已建成: 'producing',
  生产: 'producing',
  producing: 'producing',
  在建: 'building',
  建设中: 'building',
  building: 'building',
  拟建: 'planned',
  规划: 'planned',
  planned: 'planned',
};

/** The kind of an enterprise's status word (已投产 → producing), or undefined for other text. */
export function enterpriseStatusKind(status: string): 'producing' | 'building' | 'planned' | undefined {
  const s = status.trim();
  return ENTERPRISE_WORDS[s] ?? ENTERPRISE_WORDS[s.toLowerCase()];
}

/** An enterprise's status word: the known ones (已投产, 在建, 拟建, 未填) translated, other text kept. */
export function enterpriseStatusLabel(status: string, lang: Lang): string {
  const s = status.trim();
  if (s === '' || s === '未填') return LABELS['ent.unknown'][lang];
  const k = ENTERPRISE_WORDS[s] ?? ENTERPRISE_WORDS[s.toLowerCase()];
  return k ? LABELS[`ent.${k}`][lang] : s;
}

/** The words of a plan layer in a heading: its kind's name, with the layer id only when needed. */
export function planLabel(plan: { layer: string; kind: string }, lang: Lang, ambiguous = false): string {
  const name = kindLabel(plan.kind, lang);
  if (!ambiguous && name !== plan.kind) return name;
  return lang === 'zh' ? `${name}（图层 ${plan.layer}）` : `${name} (layer ${plan.layer})`;
}

/** The words of a conflict's rule: the catalogue's for a default rule, the project's own id else. */
export const ruleLabel = (rule: string, lang: Lang): string => or(`rule.${rule}`, rule, lang);

/** A conflict side's class in words: the constraint's name, or "code name". */
export function conflictClassLabel(plan: string, code: string, name: string, lang: Lang): string {
  if (code === plan) return kindLabel(plan, lang);
  return name && name !== code ? `${code} ${landUseNameLabel(name, lang)}` : code;
}
