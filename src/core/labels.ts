// The one catalogue of the words for the data's own vocabulary (layer roles and kinds, zone
// categories, road classes and statuses, relocation and enterprise statuses) in Chinese and
// English. The command line, the page and the exports all read it, so a word is written once.
import { LANDUSE_NAMES_EN } from './landuse-codes.ts';
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
  // the report's own words where the data gives none (report-roads.ts, report-landuse.ts)
  'road.未分级': w('未分级', 'Ungraded'),
  'landuse.未分类': w('未分类', 'Unclassified'),
  'ent.producing': w('已投产', 'Producing'),
  'ent.building': w('在建', 'Under construction'),
  'ent.planned': w('拟建', 'Planned'),
  'ent.unknown': w('未填', 'Not given'),
  'ent.below': w('投资强度低于门槛', 'Below the intensity threshold'),
  // three-plan review (docs/conflicts.md): the constraint side, plan uses, rules and column titles
  'kind.outside-urban-boundary': w('城镇开发边界外', 'Outside the urban boundary'),
  'use.residential': w('居住', 'Residential'),
  'use.public': w('公共管理与公共服务', 'Public services'),
  'use.commercial': w('商业服务业', 'Commercial'),
  'use.industrial': w('工业', 'Industrial'),
  'use.storage': w('物流仓储', 'Logistics and storage'),
  'use.transport': w('交通运输', 'Transport'),
  'use.utility': w('公用设施', 'Utilities'),
  'use.green': w('绿地与开敞空间', 'Green space'),
  'use.special': w('特殊用地', 'Special use'),
  'use.reserve': w('留白用地', 'Reserved land'),
  'use.agricultural': w('农用地', 'Agricultural land'),
  'use.water': w('水域', 'Water'),
  'use.other-land': w('其他土地', 'Other land'),
  'use.lp-allowed': w('允许建设区', 'Construction allowed'),
  'use.lp-conditional': w('有条件建设区', 'Construction on conditions'),
  'use.lp-restricted': w('限制建设区', 'Construction restricted'),
  'use.lp-forbidden': w('禁止建设区', 'Construction forbidden'),
  'use.lp-farmland': w('基本农田', 'Basic farmland'),
  'rule.construction-on-basic-farmland': w('建设用地占永久基本农田', 'Construction land on basic farmland'),
  'rule.construction-in-red-line': w('建设用地进入生态保护红线', 'Construction land in the red line'),
  'rule.construction-outside-urban-boundary': w(
    '建设用地在城镇开发边界外',
    'Construction land outside the urban boundary',
  ),
  'rule.different-construction-use': w('建设用途不一致', 'Different construction uses'),
  'rule.construction-vs-non-construction': w('一方建设、一方非建设', 'Construction against non-construction'),
  'rule.construction-in-restricted-zone': w('建设用地位于限制建设区', 'Construction in a restricted zone'),
  'rule.construction-in-forbidden-zone': w('建设用地位于禁止建设区', 'Construction in a forbidden zone'),
  'rule.construction-on-plan-farmland': w(
    '建设用地占规划基本农田',
    'Construction on the plan’s basic farmland',
  ),
  // the default rules that find two plans agree (a project's override may name them too)
  'rule.constraint-other': w('其他用地与控制线不冲突', 'Other land and a control line agree'),
  'rule.same-use': w('用途相同', 'Same use'),
  'rule.reserve-any-construction': w('留白用地可作任一建设用途', 'Reserved land takes any construction use'),
  'rule.construction-in-allowed-zone': w('建设用地位于允许建设区', 'Construction in an allowed zone'),
  'rule.construction-in-conditional-zone': w(
    '建设用地位于有条件建设区',
    'Construction in a conditional zone',
  ),
  'rule.non-construction-in-any-zone': w('非建设用地位于任一管制分区', 'Non-construction land in any zone'),
  'rule.non-construction-both': w('双方均为非建设用地', 'Both non-construction land'),
  'col.planA': w('规划甲', 'Plan A'),
  'col.classA': w('甲用地', 'Class A'),
  'col.planB': w('规划乙 / 控制线', 'Plan B / line'),
  'col.classB': w('乙用地', 'Class B'),
  'col.m2': w('面积（平方米）', 'Area (m²)'),
  'col.mu': w('面积（亩）', 'Area (mu)'),
  'col.township': w('乡镇', 'Township'),
  'col.village': w('村', 'Village'),
  'col.layer': w('图层', 'Layer'),
  // column titles the page shows too (i18n.ts, the review's decision sheet); the others are in table-words.ts
  'col.name': w('名称', 'Name'),
  'col.category': w('类别', 'Category'),
  'col.code': w('代码', 'Code'),
  'col.villageName': w('村庄', 'Village'),
  'col.relocation': w('搬迁状态', 'Relocation'),
  'col.population': w('人口', 'Population'),
  'col.households': w('户数', 'Households'),
  'col.status': w('状态', 'Status'),
  'col.park': w('园区', 'Park'),
  'col.investment': w('投资（万元）', 'Investment (10⁴ CNY)'),
  'col.output': w('产值（万元）', 'Output (10⁴ CNY)'),
  'col.tax': w('税收（万元）', 'Tax (10⁴ CNY)'),
  'col.employees': w('就业人数', 'Employees'),
  'col.useCode': w('用地代码', 'Class code'),
  'col.useName': w('用地名称', 'Class name'),
  'table.plans': w('规划对照', 'Plan review'),
  'table.admin': w('涉及行政区', 'Administrative units'),
  'table.roads': w('道路', 'Roads'),
  'brief.shareOfZone': w('占规划区', 'Share of zone'),
  'brief.relocation': w('搬迁', 'Relocation'),
  'brief.industry': w('主导产业', 'Leading industry'),
  // the review's decisions on a conflict and the sheet that lists them (conflict-resolutions.ts)
  'decision.adjust-zone': w('调整集聚区规划', 'Adjust the zone plan'),
  'decision.adjust-other': w('调整其他规划', 'Adjust the other plan'),
  'decision.accepted': w('予以接受', 'Accepted'),
  'decision.stale': w('已失效', 'No longer found'),
  'decision.unmarked': w('未处理', 'Not marked'),
  'col.conflictId': w('冲突编号', 'Conflict id'),
  'col.decision': w('处理意见', 'Decision'),
  'col.note': w('备注', 'Note'),
  'col.date': w('日期', 'Date'),
  'table.decisions': w('冲突处理', 'Conflict decisions'),
  'word.yes': w('是', 'yes'),
  'word.no': w('否', 'no'),
} satisfies Record<string, Words>;

export type LabelKey = keyof typeof LABELS;

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
