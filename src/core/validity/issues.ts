// The validity problems of polygonal geometry (GEOS IsValidOp's classes), their severity and the
// words shown for them: what is wrong and what to do. One list for validate, area, report and import.

export type ValidityCode =
  | 'self-intersection'
  | 'self-touching-ring'
  | 'spike'
  | 'rings-cross'
  | 'hole-outside-shell'
  | 'nested-holes'
  | 'duplicate-hole'
  | 'disconnected-interior'
  | 'nested-shells'
  | 'overlapping-parts'
  | 'parts-share-edge';

export interface ValidityIssue {
  code: ValidityCode;
  severity: 'error' | 'warning';
  /** where, in the coordinates the rings were given in */
  x: number;
  y: number;
  /** how many places show the problem */
  count: number;
}

/** Warnings leave the area as it is; errors are measured as repaired (see the README). */
export const VALIDITY_SEVERITY: Record<ValidityCode, 'error' | 'warning'> = {
  'self-intersection': 'error',
  'self-touching-ring': 'warning',
  spike: 'error',
  'rings-cross': 'error',
  'hole-outside-shell': 'error',
  'nested-holes': 'error',
  'duplicate-hole': 'error',
  'disconnected-interior': 'error',
  'nested-shells': 'error',
  'overlapping-parts': 'error',
  'parts-share-edge': 'error',
};

export const VALIDITY_CODES = Object.keys(VALIDITY_SEVERITY) as ValidityCode[];

export const isValidityCode = (code: string): code is ValidityCode => code in VALIDITY_SEVERITY;

const FIX = { zh: '请在 GIS 软件中修改边界', en: 'fix the boundary in a GIS program' };

/** What each problem is and what to do, with the place and count filled in. */
export const VALIDITY_TEXT: Record<
  ValidityCode,
  { zh: (at: string, n: number) => string; en: (at: string, n: number) => string }
> = {
  'self-intersection': {
    zh: (at, n) =>
      `多边形的边界自相交（${n} 处，在 ${at} 附近，含在重复节点处交叉）。面积按 GEOS MakeValid 修复后的图形计算（每一瓣都计正面积）；可用“拆分自相交”修复，或${FIX.zh}。`,
    en: (at, n) =>
      `The polygon boundary crosses itself (${n} place(s), near ${at}, crossings at a repeated vertex included). Areas are those of the shape GEOS MakeValid makes (every lobe counts positive); repair with "split self-intersection" or ${FIX.en}.`,
  },
  'self-touching-ring': {
    zh: (at) =>
      `环在 ${at} 处与自身相接但不交叉。面积不受影响，但 PostGIS、ArcGIS 会拒绝这种图形；可用“拆分自相交”拆成合规的多边形。`,
    en: (at) =>
      `A ring touches itself at ${at} without crossing. Areas are unaffected, but PostGIS and ArcGIS reject such shapes; "split self-intersection" makes it a valid polygon.`,
  },
  spike: {
    zh: (at, n) =>
      `边界有 ${n} 处零宽度的尖刺（沿原路折返，在 ${at} 附近）。尖刺不围成面积，已按去掉尖刺后的图形计算；可用“拆分自相交”修复，或删除尖刺上的节点。`,
    en: (at, n) =>
      `The boundary has ${n} zero-width spike(s) (it goes back along itself near ${at}). A spike encloses no area and is measured as removed; repair with "split self-intersection" or delete the spike's vertices.`,
  },
  'rings-cross': {
    zh: (at) =>
      `多边形的两个环（外环与内环，或两个内环）在 ${at} 附近相交或共用一段边。面积按 GEOS MakeValid 修复后的图形计算；${FIX.zh}，使内环位于外环之内且互不相交。`,
    en: (at) =>
      `Two rings of the polygon (shell and hole, or two holes) cross or share a stretch of edge near ${at}. Areas are those of the shape GEOS MakeValid makes; ${FIX.en} so that holes lie inside the shell without crossing.`,
  },
  'hole-outside-shell': {
    zh: (at) =>
      `内环（洞）位于外环之外（在 ${at} 附近）。按 GEOS MakeValid，它作为单独的一块计入面积，而不是扣除；若它本应是洞，${FIX.zh}。`,
    en: (at) =>
      `A hole lies outside its shell (near ${at}). As GEOS MakeValid does, it counts as a separate piece rather than being subtracted; if it is meant as a hole, ${FIX.en}.`,
  },
  'nested-holes': {
    zh: (at) =>
      `一个内环（洞）位于另一个内环之内（在 ${at} 附近）。按 GEOS MakeValid，内层的洞算作洞中的岛计入面积，不会扣除两次；${FIX.zh}，或把它作为单独的要素。`,
    en: (at) =>
      `A hole lies inside another hole (near ${at}). As GEOS MakeValid does, the inner one counts as an island in the hole and is not subtracted twice; ${FIX.en} or make it a feature of its own.`,
  },
  'duplicate-hole': {
    zh: (at, n) => `有 ${n} 个重复的内环（洞，在 ${at} 附近）。洞只扣除一次；请删除重复的内环。`,
    en: (at, n) =>
      `${n} hole(s) repeated (near ${at}). The hole is subtracted once; delete the repeated ring.`,
  },
  'disconnected-interior': {
    zh: (at) =>
      `内环与外环或其他内环在多处相接，把多边形内部分成了互不相连的几块（在 ${at} 附近）。面积不受影响；请把它拆成多个多边形（多部件）。`,
    en: (at) =>
      `Holes touch the shell or each other at several points and cut the interior into disconnected pieces (near ${at}). Areas are unaffected; split it into several polygons (a multipolygon).`,
  },
  'nested-shells': {
    zh: (at) =>
      `多部件中一个部件位于另一个部件之内（在 ${at} 附近）。面积按各部件的并集计算（重叠部分只计一次）；若内部的应是洞，请改为内环，否则删除该部件。`,
    en: (at) =>
      `One part of the multipolygon lies inside another (near ${at}). Areas count the union of the parts (the overlap once); make it a hole if it is meant as one, or delete the part.`,
  },
  'overlapping-parts': {
    zh: (at) =>
      `多部件之间相互重叠（在 ${at} 附近）。面积按各部件的并集计算，重叠部分只计一次；请合并或裁剪这些部件。`,
    en: (at) =>
      `Parts of the multipolygon overlap (near ${at}). Areas count the union of the parts, the overlap once; merge or clip the parts.`,
  },
  'parts-share-edge': {
    zh: (at) =>
      `多部件之间共用一段边（在 ${at} 附近）。面积不受影响，但 GEOS、PostGIS 认为这不是合规的多部件；请把相邻的部件合并为一个多边形。`,
    en: (at) =>
      `Parts of the multipolygon share a stretch of edge (near ${at}). Areas are unaffected, but GEOS and PostGIS reject such multipolygons; merge the adjacent parts into one polygon.`,
  },
};

export function validityMessage(
  code: ValidityCode,
  at: readonly number[],
  count: number,
  lang: 'zh' | 'en',
): string {
  const where = `${+at[0]!.toFixed(7)}, ${+at[1]!.toFixed(7)}`;
  return VALIDITY_TEXT[code][lang](where, count);
}
