// Writes the benchmark project: 100 000 land-use parcels (a jittered 317 × 317 grid of ≈ 100 m
// cells, neighbours sharing vertices as real 三调 parcels do) and an irregular planned zone of about
// 250 km² across them, so that the overlay has tens of thousands of parcels inside and thousands
// crossing its boundary.
// With crs 'EPSG:4547' the same parcels are written in CGCS2000 3-degree Gauss-Kruger metres
// (CM 114°E, rounded to the millimetre), as county data usually comes.
import { mulberry32 } from '../scripts/samples/kit/prng.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import proj4 from 'proj4';
import path from 'node:path';

const CLASSES = [
  '0101',
  '0102',
  '0103',
  '0201',
  '0301',
  '0601',
  '0602',
  '0701',
  '0702',
  '05H1',
  '0508',
  '1004',
  '1006',
  '1104',
  '1203',
];

const GK_4547 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

export function makeBenchProject(
  dir: string,
  side = 317,
  crs: 'EPSG:4326' | 'EPSG:4547' = 'EPSG:4326',
): { parcels: number; bytes: number } {
  const rnd = mulberry32(42);
  const x0 = 114.35;
  const y0 = 32.05;
  const d = 0.001;
  const n = side + 1;
  // Shared, jittered grid vertices; border vertices stay on the grid.
  const vx = new Float64Array(n * n);
  const vy = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const inner = i > 0 && j > 0 && i < side && j < side;
      vx[i * n + j] = x0 + i * d + (inner ? (rnd() - 0.5) * d * 0.4 : 0);
      vy[i * n + j] = y0 + j * d + (inner ? (rnd() - 0.5) * d * 0.4 : 0);
    }
  const r7 = (v: number) => Math.round(v * 1e7) / 1e7;
  const r3 = (v: number) => Math.round(v * 1e3) / 1e3;
  const toGk = proj4('+proj=longlat +ellps=GRS80 +no_defs', GK_4547);
  // A lon/lat vertex as written to the file: degrees to 1e-7, or GK metres to the millimetre.
  const out = (lon: number, lat: number): number[] => {
    if (crs === 'EPSG:4326') return [r7(lon), r7(lat)];
    const [x, y] = toGk.forward([lon, lat]);
    return [r3(x!), r3(y!)];
  };
  const features: string[] = [];
  for (let i = 0; i < side; i++)
    for (let j = 0; j < side; j++) {
      const k = [i * n + j, (i + 1) * n + j, (i + 1) * n + j + 1, i * n + j + 1, i * n + j];
      const ring = k.map((q) => out(vx[q]!, vy[q]!));
      const cls = CLASSES[Math.floor(rnd() * CLASSES.length)]!;
      features.push(
        JSON.stringify({
          type: 'Feature',
          properties: { BSM: `${i}-${j}`, DLBM: cls },
          geometry: { type: 'Polygon', coordinates: [ring] },
        }),
      );
    }
  // An irregular planned zone: a 64-gon of radius 8–10 km around the grid's centre.
  const cx = x0 + (side * d) / 2;
  const cy = y0 + (side * d) / 2;
  const zone: number[][] = [];
  for (let k = 0; k < 64; k++) {
    const t = (2 * Math.PI * k) / 64;
    const r = (0.085 + 0.02 * rnd()) * 1;
    zone.push(out(cx + (r * Math.cos(t)) / Math.cos((cy * Math.PI) / 180), cy + r * Math.sin(t)));
  }
  zone.push(zone[0]!);
  mkdirSync(dir, { recursive: true });
  const landuse = `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
  writeFileSync(path.join(dir, 'landuse.geojson'), landuse);
  writeFileSync(
    path.join(dir, 'zones.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 名称: '基准测试区', 类别: '规划区' },
          geometry: { type: 'Polygon', coordinates: [zone] },
        },
      ],
    }),
  );
  writeFileSync(
    path.join(dir, 'zonemap.json'),
    JSON.stringify(
      {
        name: '基准测试 (100 000 图斑)',
        crs,
        layers: [
          { id: 'zones', role: 'zone', file: 'zones.geojson' },
          { id: 'landuse', role: 'landuse', file: 'landuse.geojson', fields: { class: 'DLBM' } },
        ],
      },
      null,
      2,
    ),
  );
  return { parcels: side * side, bytes: Buffer.byteLength(landuse) };
}
