// What is wrong with a saved project, one line per damaged record, in both languages: only safe
// mode (SafeMode.tsx, loaded when needed) shows it, so it stays out of the first page.
import type { Lang } from './i18n.ts';
import type { SavedIssue } from '../state/validate-saved.ts';

// validate-saved.ts says what is wrong with a feature in English; these are its Chinese words.
const WHY_ZH: [string, string][] = [
  ['a position is not [lon, lat]', '坐标不是 [经度, 纬度]'],
  ['a coordinate is not a finite number', '坐标不是有限数值'],
  ['a coordinate is outside ±180/±90', '坐标超出 ±180/±90'],
  ['coordinates are not nested arrays', '坐标的嵌套结构不对'],
  ['the geometry is not an object', '几何不是对象'],
  ['a geometry collection is malformed', '几何集合格式不对'],
  ['unknown geometry type', '未知的几何类型'],
  ['the feature is not an object', '要素不是对象'],
  ['the properties are not an object', '属性不是对象'],
  ['the feature has no geometry member', '要素没有 geometry'],
];
const whyZh = (why: string): string => {
  const hit = WHY_ZH.find(([en]) => why.startsWith(en));
  return hit ? hit[1] + why.slice(hit[0].length) : why;
};

/** One line per damaged record, naming the layer and what is wrong. */
export function issueText(issue: SavedIssue, lang: Lang): string {
  const zhText = (): string => {
    switch (issue.code) {
      case 'not-a-project':
        return `保存的记录不是项目（${issue.detail}），无法恢复。`;
      case 'layer-not-object':
        return `第 ${issue.index + 1} 个图层的记录已损坏，已略过。`;
      case 'layer-no-id':
        return `第 ${issue.index + 1} 个图层没有编号，已略过。`;
      case 'layer-bad-role':
        return `图层「${issue.layer}」的类型「${issue.role}」无法识别，已略过。`;
      case 'layer-missing':
        return `图层「${issue.layer}」的数据不在存储中（可能保存时中断），已略过。`;
      case 'features-missing':
        return `图层「${issue.layer}」的要素列表缺失或损坏，已略过。`;
      case 'bad-features':
        return `图层「${issue.layer}」有 ${issue.count} 个要素损坏（首个为第 ${issue.first} 个：${whyZh(issue.why)}），已略去，其余要素保留。`;
      case 'layer-too-large':
        return `图层「${issue.layer}」有 ${issue.features} 个要素，超过本页面能绘制的上限，打开可能使页面卡死。`;
      case 'scenario-damaged':
        return `方案「${issue.scenario}」的记录已损坏（${issue.why}），已略过。`;
      case 'slide-damaged':
        return issue.slide === '—'
          ? `演示文稿的记录已损坏（${issue.why}），幻灯片未能恢复。`
          : `第 ${issue.slide} 张幻灯片的记录已损坏（${issue.why}），已略过，其余幻灯片保留。`;
      case 'marks-damaged':
        return `${issue.count} 条冲突处理标记已损坏（首条：${issue.first}），已略过，其余标记保留。`;
    }
  };
  const enText = (): string => {
    switch (issue.code) {
      case 'not-a-project':
        return `The saved record is not a project (${issue.detail}); nothing can be recovered.`;
      case 'layer-not-object':
        return `Layer ${issue.index + 1}: its record is damaged; left out.`;
      case 'layer-no-id':
        return `Layer ${issue.index + 1} has no id; left out.`;
      case 'layer-bad-role':
        return `Layer "${issue.layer}": unknown role "${issue.role}"; left out.`;
      case 'layer-missing':
        return `Layer "${issue.layer}": its data is missing from storage (a save was interrupted); left out.`;
      case 'features-missing':
        return `Layer "${issue.layer}": the feature list is missing or damaged; left out.`;
      case 'bad-features':
        return `Layer "${issue.layer}": ${issue.count} damaged features left out (first #${issue.first}: ${issue.why}); the others are kept.`;
      case 'layer-too-large':
        return `Layer "${issue.layer}" has ${issue.features} features, more than this page can draw; opening it may hang the page.`;
      case 'scenario-damaged':
        return `Scenario "${issue.scenario}": its record is damaged (${issue.why}); left out.`;
      case 'slide-damaged':
        return issue.slide === '—'
          ? `The presentation's record is damaged (${issue.why}); its slides could not be recovered.`
          : `Slide ${issue.slide}: its record is damaged (${issue.why}); left out, the other slides are kept.`;
      case 'marks-damaged':
        return `${issue.count} conflict decision marks are damaged (first: ${issue.first}); left out, the others are kept.`;
    }
  };
  return lang === 'zh' ? zhText() : enText();
}
