// The zh-CN words of the three-plan review's panel (ReviewPanel.tsx, loaded when the review opens): apart from i18n.ts, so the first page does not carry them (issue 13,
// item 5). Each module that uses one of these keys imports this file, so the words arrive with it
// (test/repo/words-split.test.ts checks that). Their English is in i18n-en.ts with the rest.
import { addZhWords } from './i18n.ts';

export const reviewWords = {
  reviewTitle: '三规合一审查',
  reviewClose: '退出审查',
  reviewWaiting: '正在分析各规划的冲突…',
  reviewNone: '各规划之间未发现冲突',
  reviewNoPlans: '项目中没有规划图层（role 为 plan）：请导入产业集聚区规划、土地利用总体规划或城市总体规划',
  reviewTotal: '冲突 {n} 处，合计 {mu} 亩',
  reviewDecided: '已处理 {k} / {n} 处',
  reviewLargest: '面积最大的三处',
  reviewByTownship: '按乡镇',
  reviewSlivers: '另有碎片 {n} 处，合计 {mu} 亩（小于容差，单列）',
  reviewNoTownship: '（未落入乡镇）',
  reviewTable: '冲突清单（按面积排序，点击定位）',
  reviewSliverTable: '碎片清单',
  colConflict: '冲突',
  colDecision: '处理意见',
  reviewFocus: '当前冲突',
  reviewRule: '判定',
  reviewNote: '备注',
  reviewDate: '日期',
  reviewSave: '保存处理意见',
  reviewUnmark: '撤销标记',
  reviewUndoHint: '保存后随项目存储，Ctrl+Z 可撤销',
  reviewStale: '已失效的标记（规划调整后该位置不再冲突）',
  reviewDropStale: '清除全部已失效标记',
  reviewSwipe: '卷帘对比',
  reviewSwipeLeft: '左侧',
  reviewSwipeRight: '右侧',
  reviewSwipeStart: '开始卷帘',
  reviewSwipeStop: '结束卷帘',
  reviewSwipeSame: '请选择两个不同的图层',
  reviewExport: '导出统计与处理意见',
};

addZhWords(reviewWords);
