// Planning-map colours for land-use codes: 三调 DLBM (GB/T 21010 based), 用地用海 codes and
// GB 50137 urban land classes. Keyed by the most specific prefix present.
const SANDIAO: Record<string, string> = {
  '01': '#f5f07a', // 耕地
  '0101': '#eef27a',
  '0102': '#f7e27a',
  '0103': '#f6f0a8',
  '02': '#e7c46e', // 园地
  '03': '#5aa75a', // 林地
  '04': '#a9d67f', // 草地
  '05': '#e86a6a', // 商服
  '0508': '#a58ccf', // 物流仓储
  '06': '#b48c78', // 工矿
  '0601': '#b4876e',
  '0602': '#9a6e5a',
  '07': '#f4a574', // 住宅
  '0702': '#e6b99b',
  '08': '#f28cc4', // 公共管理与公共服务
  '0810': '#6cc07a', // 公园与绿地
  '09': '#9e9e8e', // 特殊
  '10': '#b9b9b9', // 交通
  '1006': '#cfcbbf',
  '11': '#8ccaf0', // 水域
  '1101': '#78bfea',
  '1104': '#9ed3f2',
  '12': '#d9d6b5', // 其他
  '1203': '#e0dcae',
};

const YONGDI: Record<string, string> = {
  '01': '#f5f07a',
  '02': '#e7c46e',
  '03': '#5aa75a',
  '04': '#a9d67f',
  '05': '#7fc9c9',
  '06': '#d8d8a0',
  '07': '#ffd966',
  '08': '#f28cc4',
  '09': '#e8504f',
  '10': '#b8864b',
  '100101': '#c9a06a',
  '100102': '#b07c40',
  '100103': '#8c5a26',
  '11': '#a58ccf',
  '12': '#b9b9b9',
  '13': '#5f9fd0',
  '14': '#3cb371',
  '15': '#808060',
  '16': '#f4f4f4',
  '17': '#8ccaf0',
  '23': '#d9d9d9',
};

const URBAN: Record<string, string> = {
  R: '#ffe066',
  A: '#f28cc4',
  B: '#e8504f',
  M: '#b8864b',
  M1: '#c9a06a',
  M2: '#b07c40',
  M3: '#8c5a26',
  W: '#a58ccf',
  S: '#b9b9b9',
  U: '#5f9fd0',
  G: '#3cb371',
  H: '#d9b38c',
  E: '#cfe6a8',
};

// 土地利用总体规划 zones, named in words.
const LAND_USE_PLAN_WORDS: [RegExp, string][] = [
  [/允许建设/, '#f08c6c'],
  [/有条件建设/, '#f6c48a'],
  [/限制建设/, '#e5e3a5'],
  [/禁止建设/, '#8fbf7f'],
  [/基本农田/, '#c6e27a'],
  [/一般农地|耕地/, '#f5f07a'],
  [/林/, '#5aa75a'],
  [/水/, '#8ccaf0'],
];

function byPrefix(table: Record<string, string>, code: string): string | undefined {
  for (let len = code.length; len >= 1; len--) {
    const hit = table[code.slice(0, len)];
    if (hit) return hit;
  }
  return undefined;
}

/** Stable fallback colour for an unknown class so the same class always looks the same. */
export function hashColor(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  const hue = (h >>> 0) % 360;
  return `hsl(${hue}, 45%, 68%)`;
}

export function landUseColor(
  code: string | undefined,
  name: string | undefined,
  scheme: 'sandiao' | 'plan',
): string {
  const c = (code ?? '').trim().toUpperCase();
  if (c) {
    if (/^[A-Z]/.test(c)) {
      const u = URBAN[c.slice(0, 2)] ?? URBAN[c.slice(0, 1)];
      if (u) return u;
    } else {
      const hit = scheme === 'plan' ? byPrefix(YONGDI, c) : byPrefix(SANDIAO, c);
      if (hit) return hit;
    }
  }
  const n = name ?? '';
  for (const [re, color] of LAND_USE_PLAN_WORDS) if (re.test(n) || re.test(c)) return color;
  return hashColor(c || n || '?');
}
