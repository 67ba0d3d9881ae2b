// The words of the report's warnings, per language, from each warning's code and parameters. The
// JSON keeps `code` and `message` (contract §3; `message` is the Chinese text); the page words the
// same warning in the user's language.
import type { Lang } from './labels.ts';
// the catalogue alone (not validity/index.ts), so the page shows warnings without the checker
import { isValidityCode, validityMessage } from './validity/issues.ts';

export type WarningParams = Record<string, string | number>;

interface WarningLike {
  code: string;
  at?: readonly number[];
  layer?: string;
  feature?: number;
  params?: WarningParams;
}

type Text = (p: WarningParams) => string;

const TEXT: Record<string, { zh: Text; en: Text }> = {
  'self-intersection': {
    zh: (p) => `边界自相交 ${p.count ?? ''} 处，已按 GEOS MakeValid 的方式修复计算`,
    en: (p) =>
      `the ring crosses itself at ${p.count ?? 'some'} point(s); measured as GEOS MakeValid repairs it`,
  },
  'hole-outside-shell': {
    zh: () => '内环（洞）位于外环之外，已按修复后的图形计算',
    en: () => 'a hole lies outside its shell; measured as repaired',
  },
  'repair-failed': {
    zh: () => '自相交图形无法自动修复，面积按各环绝对面积相加估算',
    en: () => 'the self-crossing shape could not be repaired; its area is estimated from the loops',
  },
  'overlapping-parts': {
    zh: () => '多部件之间相互重叠，重叠部分只计一次',
    en: () => 'parts of the feature overlap; the overlap is counted once',
  },
  'overlay-fallback': {
    zh: () => '三角剖分叠加失败，已改用多边形裁剪计算',
    en: () => 'the triangulated overlay failed; polygon clipping was used instead',
  },
  'overlay-failed': {
    zh: (p) =>
      p.what === 'planned'
        ? '规划区各要素无法合并，规划面积按 0 计；请用 zonemap validate 检查分区图层'
        : p.what === 'pieces'
          ? `${p.change === 'added' ? '新增' : '减少'}地块无法切分，未列出各地块；总面积仍按叠加计算`
          : '叠加计算失败，该要素的重叠面积按 0 计',
    en: (p) =>
      p.what === 'planned'
        ? 'the planned-area features could not be merged; the planned area counts as 0. Check the zone layer with zonemap validate'
        : p.what === 'pieces'
          ? `the ${p.change === 'added' ? 'added' : 'removed'} land could not be cut into pieces, so none are listed; its total is still measured`
          : 'the overlay failed; this feature’s overlap counts as 0',
  },
  'no-planned-zone': {
    zh: (p) =>
      `没有类别为"规划区"的要素，规划范围按${p.fallback === 'unknown' ? '未标类别的要素' : '全部分区要素'}合并计算；请在分区图层的"类别"字段填写 规划区/建成区/发展区/控制区`,
    en: (p) =>
      `no feature has the category "planned"; the planned area is the union of ${p.fallback === 'unknown' ? 'the features without a category' : 'all zone features'}. Fill the zone layer's category field with planned/built/development/control`,
  },
  'zone-category-unknown': {
    zh: () => '分区类别无法识别，未计入构成；请填写 规划区/建成区/发展区/控制区',
    en: () =>
      'its zone category is not recognised, so it is left out of the composition; give planned, built, development or control',
  },
  'quota-park-missing': {
    zh: (p) => `建设用地指标中的园区「${p.park ?? ''}」在园区图层中找不到，已用面积按 0 计；请核对园区名称`,
    en: (p) =>
      `the park “${p.park ?? ''}” of the construction-land quota is not in the park layer; its used area counts as 0. Check the park's name`,
  },
  'encloses-pole': {
    zh: () => '多边形环绕极点，叠加统计无法处理，该要素未计入报告；zonemap area 可单独计算其面积',
    en: () =>
      'the polygon goes round a pole, which overlays cannot hold, so the report leaves it out; zonemap area measures it',
  },
  'crosses-antimeridian': {
    zh: () =>
      '多边形跨越 180° 经线，叠加统计无法处理，该要素未计入报告；zonemap area 可单独计算其面积，或在 180° 处把它拆成两部分',
    en: () =>
      'the polygon crosses the 180° meridian, which overlays cannot hold, so the report leaves it out; zonemap area measures it, or split it at 180°',
  },
  'layer-overlaps-itself': {
    zh: (p) => `图层 ${p.layer ?? ''} 的要素相互重叠，重叠部分只计一次`,
    en: (p) => `the features of layer ${p.layer ?? ''} overlap one another; the overlap is counted once`,
  },
  'compatibility-rule-ignored': {
    zh: (p) =>
      `zonemap.json 中 settings.compatibility 第 ${p.index ?? ''} 条规则无法使用（${RULE_REASON[String(p.reason)]?.zh ?? p.reason ?? ''}），已忽略；每条规则需要 a、b 与 verdict（agree 或 conflict），见 docs/conflicts.md`,
    en: (p) =>
      `rule ${p.index ?? ''} of settings.compatibility in zonemap.json cannot be used (${RULE_REASON[String(p.reason)]?.en ?? p.reason ?? ''}) and is ignored; each rule needs a, b and verdict (agree or conflict), see docs/conflicts.md`,
  },
  'conflict-overlay-failed': {
    zh: (p) =>
      `多规冲突分析中有 ${p.count ?? ''} 处叠加计算失败，这些地块未计入冲突；请用 zonemap validate 检查规划图层`,
    en: (p) =>
      `${p.count ?? ''} overlay(s) of the three-plan review failed and are left out of the conflicts; check the plan layers with zonemap validate`,
  },
};

const RULE_REASON: Record<string, { zh: string; en: string }> = {
  'not-a-list': { zh: '应为规则列表', en: 'it should be a list of rules' },
  'not-an-object': { zh: '不是对象', en: 'not an object' },
  'missing-a-or-b': { zh: '缺少 a 或 b', en: 'a or b is missing' },
  'bad-verdict': { zh: 'verdict 只能是 agree 或 conflict', en: 'verdict must be agree or conflict' },
};

/** Whether the catalogue words this code (tests check that every code core emits is worded). */
export const hasWarningText = (code: string): boolean =>
  isValidityCode(code) || Object.prototype.hasOwnProperty.call(TEXT, code);

/** "图层 L 第 i 个要素「name」" / "layer L, feature i (“name”)", the feature a warning is about. */
export function featureWords(layer: string, feature: number, name: string | undefined, lang: Lang): string {
  return lang === 'zh'
    ? `图层 ${layer} 第 ${feature} 个要素${name ? `「${name}」` : ''}`
    : `layer ${layer}, feature ${feature}${name ? ` (“${name}”)` : ''}`;
}

/** A warning in words: the feature it is about (where it has one), then what happened. */
export function warningText(w: WarningLike, lang: Lang, fallback = ''): string {
  const p = w.params ?? {};
  const t = TEXT[w.code];
  let body: string;
  // Validity problems are worded by the validity engine's own catalogue, with the place.
  if (isValidityCode(w.code) && w.at) body = validityMessage(w.code, w.at, Number(p.count ?? 1), lang);
  else if (t) body = t[lang](p);
  else return fallback || w.code;
  if (w.layer !== undefined && w.feature !== undefined) {
    const name = typeof p.name === 'string' ? p.name : undefined;
    return `${featureWords(w.layer, w.feature, name, lang)}${lang === 'zh' ? '：' : ': '}${body}`;
  }
  return body;
}
