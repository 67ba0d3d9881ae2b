// The one catalogue of the words for the data's own vocabulary (layer roles and kinds, zone
// categories, road classes and statuses, relocation and enterprise statuses) in Chinese and
// English. The command line, the page and the exports all read it, so a word is written once.
import type { ZoneCategory } from './types.ts';

export type Lang = 'zh' | 'en';

interface Words {
  zh: string;
  en: string;
}

const w = (zh: string, en: string): Words => ({ zh, en });

export const LABELS = {
  'role.zone': w('规划范围', 'Zone boundary'),
  'role.park': w('园区', 'Parks'),
  'role.road': w('道路', 'Roads'),
  'role.village': w('涉及村庄', 'Affected villages'),
  'role.admin': w('行政区', 'Administrative units'),
  'role.landuse': w('土地利用现状', 'Current land use'),
  'role.constraint': w('管控约束', 'Constraints'),
  'role.plan': w('规划', 'Plan'),
  'role.enterprise': w('企业用地', 'Enterprise plots'),
  'kind.basic-farmland': w('永久基本农田', 'Permanent basic farmland'),
  'kind.ecological-redline': w('生态保护红线', 'Ecological red line'),
  'kind.urban-boundary': w('城镇开发边界', 'Urban development boundary'),
  'kind.industry-plan': w('产业集聚区规划', 'Zone industry plan'),
  'kind.land-use-plan': w('土地利用总体规划', 'Land-use master plan'),
  'kind.urban-plan': w('城市总体规划', 'Urban master plan'),
  'kind.county': w('县界', 'County boundary'),
  'kind.township': w('乡镇（街道）', 'Townships'),
  'kind.village': w('行政村', 'Administrative villages'),
  'category.planned': w('规划区', 'Planned area'),
  'category.built': w('建成区', 'Built area'),
  'category.development': w('发展区', 'Development area'),
  'category.control': w('控制区', 'Control area'),
  'category.unknown': w('未知类别', 'Unknown category'),
  'relocation.none': w('不搬迁', 'Not relocated'),
  'relocation.planned': w('规划搬迁', 'Relocation planned'),
  'relocation.done': w('已搬迁', 'Relocated'),
  'status.built': w('已建', 'Built'),
  'status.building': w('在建', 'Under construction'),
  'status.planned': w('规划', 'Planned'),
  'status.unknown': w('未填', 'Not given'),
  'road.主干路': w('主干路', 'Arterial'),
  'road.次干路': w('次干路', 'Secondary'),
  'road.支路': w('支路', 'Local'),
  'ent.producing': w('已投产', 'Producing'),
  'ent.building': w('在建', 'Under construction'),
  'ent.planned': w('拟建', 'Planned'),
  'ent.unknown': w('未填', 'Not given'),
  'ent.below': w('投资强度低于门槛', 'Below the intensity threshold'),
} satisfies Record<string, Words>;

export type LabelKey = keyof typeof LABELS;

/** The catalogue's word for `key` ("kind.basic-farmland"), or undefined when it has none. */
export function catalogueLabel(key: string, lang: Lang): string | undefined {
  return Object.prototype.hasOwnProperty.call(LABELS, key) ? LABELS[key as LabelKey][lang] : undefined;
}

const or = (key: string, raw: string, lang: Lang) => catalogueLabel(key, lang) ?? raw;

export const categoryLabel = (c: ZoneCategory | 'unknown' | string, lang: Lang): string =>
  or(`category.${c}`, c, lang);
export const kindLabel = (kind: string, lang: Lang): string => or(`kind.${kind}`, kind, lang);
export const relocationLabel = (r: string, lang: Lang): string => or(`relocation.${r}`, r, lang);
/** A road's class: the usual Chinese grades are translated, any other text is the data's own. */
export const roadClassLabel = (c: string, lang: Lang): string => or(`road.${c}`, c, lang);
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
