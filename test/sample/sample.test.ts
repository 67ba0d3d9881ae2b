import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import geographiclib from 'geographiclib-geodesic';
import { main } from '../../scripts/gen-sample.ts';

// Independent checks of the committed sample project data/luoshan/ (built by scripts/samples/luoshan.ts).

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/luoshan');
const geod = new geographiclib.Geodesic.Geodesic(6378137, 1 / 298.257222101);

type Ring = [number, number][];
interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function read(file: string): Feature[] {
  return (JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as { features: Feature[] }).features;
}

function ellipsoidalArea(geometry: Feature['geometry']): number {
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
  let total = 0;
  for (const poly of polys) {
    for (const ring of poly) {
      const p = geod.Polygon(false);
      for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat, lon);
      total += p.Compute(false, true).area ?? 0; // counter-clockwise shells +, clockwise holes −
    }
  }
  return total;
}

describe('sample project data/luoshan', () => {
  it('has a manifest naming every layer file', () => {
    const m = JSON.parse(fs.readFileSync(path.join(DIR, 'zonemap.json'), 'utf8')) as {
      name: string;
      crs: string;
      areaMethod: string;
      layers: { id: string; role: string; file: string }[];
    };
    expect(m.name).toBe('罗山县产业集聚区（示例数据，非官方）');
    expect(m.crs).toBe('EPSG:4326');
    expect(m.areaMethod).toBe('ellipsoidal');
    expect(m.layers.map((l) => l.id)).toEqual([
      'zones',
      'parks',
      'roads',
      'villages',
      'towns',
      'county',
      'landuse',
      'farmland',
      'redline',
      'ubound',
      'plan-industry',
      'plan-landuse',
      'plan-urban',
      'enterprises',
    ]);
    for (const l of m.layers) expect(fs.existsSync(path.join(DIR, l.file))).toBe(true);
  });

  it("the synthetic sample's zone parts reproduce the seed report's figures on the CGCS2000 ellipsoid (±0.5 m²)", () => {
    const target: Record<string, number> = {
      规划区: 8513300,
      建成区: 3700000,
      发展区: 1813300,
      控制区: 3000000,
    };
    const zones = read('zones.geojson');
    expect(zones).toHaveLength(4);
    for (const z of zones) {
      const cat = z.properties['类别'] as string;
      expect(Math.abs(ellipsoidalArea(z.geometry) - target[cat]!)).toBeLessThan(0.5);
    }
  });

  it('has 57 enterprises: 40 producing, 17 building, 63.2 亿元 invested', () => {
    const e = read('enterprises.geojson');
    expect(e).toHaveLength(57);
    expect(e.filter((f) => f.properties['状态'] === '已投产')).toHaveLength(40);
    expect(e.filter((f) => f.properties['状态'] === '在建')).toHaveLength(17);
    expect(e.reduce((s, f) => s + (f.properties['投资'] as number), 0)).toBe(632000);
    expect(e.reduce((s, f) => s + (f.properties['就业'] as number), 0)).toBe(41360);
  });

  it('has at least 2000 land-use parcels whose TBMJ is their ellipsoidal area', () => {
    const lu = read('landuse.geojson');
    expect(lu.length).toBeGreaterThanOrEqual(2000);
    for (const f of lu.slice(0, 200)) {
      expect(Math.abs(ellipsoidalArea(f.geometry) - (f.properties['TBMJ'] as number))).toBeLessThan(0.01);
    }
  });

  it('is reproduced byte for byte by the generator', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshan-'));
    try {
      main(tmp, () => {}, ['luoshan']);
      const committed = fs.readdirSync(DIR).sort();
      expect(fs.readdirSync(path.join(tmp, 'luoshan')).sort()).toEqual(committed);
      for (const f of committed) {
        expect(
          fs.readFileSync(path.join(tmp, 'luoshan', f)).equals(fs.readFileSync(path.join(DIR, f))),
          f,
        ).toBe(true);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 120000);
});
