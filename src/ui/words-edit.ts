// The zh-CN words of the boundary editing tools (EditTools.tsx, loaded when editing starts): apart
// from i18n.ts, so the first page does not carry them (issue 13, item 5). Each module that uses one
// of these keys imports this file, so the words arrive with it (test/repo/words-split.test.ts
// checks that). Their English is in i18n-en.ts with the rest.
import { addZhWords } from './i18n.ts';

export const editWords = {
  editToolbar: '边界编辑工具',
  editSelect: '选择/改顶点',
  editDrawPart: '新建分区',
  editCutHole: '挖洞',
  editSplit: '分割',
  editMerge: '合并',
  editReshape: '重塑',
  editDelete: '删除',
  editUndo: '撤销',
  editRedo: '重做',
  editSnapping: '吸附',
  editSnapOff: '按住 Alt 暂停吸附',
};

addZhWords(editWords);
