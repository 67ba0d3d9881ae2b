// Feature areas of single files against GeographicLib (ellipsoidal), PROJ + GEOS (plane) and a hand
// calculation (a 2000 m × 1500 m Gauss-Kruger rectangle), written by test/fixtures/make-expected.py.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { geometryArea, geometryAreaWithProblems, sphericalArea } from '../../src/core/area.ts';
import { layerPlaneCrs, nearestGk3Crs } from '../../src/core/plane.ts';
import { readLayerFile } from '../../src/io/read.ts';

const ROOT = path.join(import.meta.dirname, '../fixtures/area');

interface ExpectedFeature {
  feature: number;
  name: string;
  ellipsoidal_m2: number;
  plane_m2: number;
  self_intersection: boolean;
}

describe.each(readdirSync(ROOT))('area fixture %s', (name) => {
  const dir = path.join(ROOT, name);
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
    crs: string;
    features: ExpectedFeature[];
  };
  const load = async () => {
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'in.geojson')));
    return readLayerFile('in.geojson', bytes);
  };

  it('ellipsoidal areas agree with GeographicLib to 1e-7', async () => {
    const { features } = await load();
    for (const e of expected.features) {
      const got = geometryArea(features[e.feature]!.geometry, 'ellipsoidal');
      expect(Math.abs(got - e.ellipsoidal_m2) / e.ellipsoidal_m2).toBeLessThan(1e-7);
    }
  });

  it('plane areas agree with PROJ + GEOS in the Gauss-Kruger plane to 1e-7 (proj4js vs PROJ)', async () => {
    const { features, crs } = await load();
    const planeCrs = layerPlaneCrs(crs, nearestGk3Crs(114.5));
    for (const e of expected.features) {
      const got = geometryArea(features[e.feature]!.geometry, 'plane', { planeCrs });
      expect(Math.abs(got - e.plane_m2) / e.plane_m2).toBeLessThan(1e-7);
    }
  });

  it('warns exactly where a ring crosses itself', async () => {
    const { features } = await load();
    for (const e of expected.features) {
      const { problems } = geometryAreaWithProblems(features[e.feature]!.geometry, 'ellipsoidal');
      expect(problems.some((p) => p.code === 'self-intersection')).toBe(e.self_intersection);
    }
  });
});

describe('spherical area', () => {
  it('is Turf’s, about +0.07% in Henan, and only for comparison', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(ROOT, 'rect-lonlat/in.geojson')));
    const { features } = await readLayerFile('in.geojson', bytes);
    const g = features[0]!.geometry;
    const ratio = sphericalArea(g) / geometryArea(g, 'ellipsoidal');
    expect(ratio).toBeGreaterThan(1.0004);
    expect(ratio).toBeLessThan(1.001);
  });
});

describe('hand calculation', () => {
  it('a 2 km × 1.5 km rectangle in EPSG:4547 is 3 000 000 m² in its plane', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(ROOT, 'rect-gk/in.geojson')));
    const { features, crs } = await readLayerFile('in.geojson', bytes);
    expect(crs).toBe('EPSG:4547');
    expect(geometryArea(features[0]!.geometry, 'plane', { planeCrs: crs })).toBeCloseTo(3_000_000, 3);
  });
});
