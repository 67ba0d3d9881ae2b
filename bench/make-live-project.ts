// A project for the live-figures benchmark, built in memory: 100 000 basic-farmland parcels (the
// jittered grid of make-project.ts: ≈ 100 m cells sharing their vertices), 400 villages and 9
// townships tiling the same square, a planned zone (an irregular 64-gon of ≈ 250 km²) with a built
// part inside it, a red line and an urban development boundary.
import { withFeatureIds } from '../src/core/feature-ids.ts';
import type { Feature, Project, ProjectLayer } from '../src/core/types.ts';
import { mulberry32 } from '../scripts/samples/kit/prng.ts';

const r7 = (v: number) => Math.round(v * 1e7) / 1e7;

function cellGrid(
  side: number,
  x0: number,
  y0: number,
  d: number,
  jitter: number,
  rnd: () => number,
): (i: number, j: number) => number[][] {
  const n = side + 1;
  const vx = new Float64Array(n * n);
  const vy = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const inner = i > 0 && j > 0 && i < side && j < side;
      vx[i * n + j] = x0 + i * d + (inner ? (rnd() - 0.5) * d * jitter : 0);
      vy[i * n + j] = y0 + j * d + (inner ? (rnd() - 0.5) * d * jitter : 0);
    }
  return (i, j) =>
    [i * n + j, (i + 1) * n + j, (i + 1) * n + j + 1, i * n + j + 1, i * n + j].map((q) => [
      r7(vx[q]!),
      r7(vy[q]!),
    ]);
}

const polygon = (ring: number[][], properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: [ring] },
});

function ngon(cx: number, cy: number, r: () => number, k: number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < k; i++) {
    const t = (2 * Math.PI * i) / k;
    const rr = r();
    ring.push([r7(cx + (rr * Math.cos(t)) / Math.cos((cy * Math.PI) / 180)), r7(cy + rr * Math.sin(t))]);
  }
  ring.push(ring[0]!);
  return ring;
}

const layer = (id: string, role: ProjectLayer['role'], features: Feature[], kind?: string): ProjectLayer => ({
  id,
  role,
  ...(kind ? { kind } : {}),
  file: `${id}.geojson`,
  crs: 'EPSG:4326',
  fields: { name: '名称', category: '类别' },
  features: withFeatureIds(features),
});

export function makeLiveProject(side = 317): Project {
  const rnd = mulberry32(42);
  const x0 = 114.35;
  const y0 = 32.05;
  const d = 0.001;
  const parcel = cellGrid(side, x0, y0, d, 0.4, rnd);
  const farmland: Feature[] = [];
  for (let i = 0; i < side; i++)
    for (let j = 0; j < side; j++) farmland.push(polygon(parcel(i, j), { 名称: `田${i}-${j}` }));
  const span = side * d;
  const village = cellGrid(20, x0, y0, span / 20, 0.3, rnd);
  const villages: Feature[] = [];
  for (let i = 0; i < 20; i++)
    for (let j = 0; j < 20; j++) villages.push(polygon(village(i, j), { 名称: `村${i * 20 + j + 1}` }));
  const town = cellGrid(3, x0, y0, span / 3, 0.2, rnd);
  const towns: Feature[] = [];
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) towns.push(polygon(town(i, j), { 名称: `镇${i * 3 + j + 1}` }));
  const cx = x0 + span / 2;
  const cy = y0 + span / 2;
  const planned = ngon(cx, cy, () => 0.085 + 0.02 * rnd(), 64);
  const built = ngon(cx, cy, () => 0.04 + 0.01 * rnd(), 48);
  const redline = ngon(cx + 0.09, cy + 0.05, () => 0.02 + 0.005 * rnd(), 40);
  const ubound = ngon(cx, cy, () => 0.095 + 0.004 * rnd(), 96);
  return {
    name: '实时指标基准 (100 000 图斑)',
    crs: 'EPSG:4326',
    areaMethod: 'ellipsoidal',
    settings: { intensityThreshold_wan_per_mu: 120 },
    layers: [
      layer('zones', 'zone', [
        polygon(planned, { 名称: '基准规划区', 类别: '规划区' }),
        polygon(built, { 名称: '基准建成区', 类别: '建成区' }),
      ]),
      layer('towns', 'admin', towns, 'township'),
      layer('villages', 'village', villages),
      layer('farmland', 'constraint', farmland, 'basic-farmland'),
      layer('redline', 'constraint', [polygon(redline, { 名称: '红线' })], 'ecological-redline'),
      layer('ubound', 'constraint', [polygon(ubound, { 名称: '城镇开发边界' })], 'urban-boundary'),
    ],
  };
}
