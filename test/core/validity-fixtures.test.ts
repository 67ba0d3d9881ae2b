// One fixture per validity class (test/fixtures/validity, written by make-expected.py from GEOS /
// shapely 1.8 and GeographicLib): validate names the class, area measures GEOS MakeValid's shape
// and warns with the same code, and the repair a user can apply gives that area and a valid shape.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { geometryArea, geometryAreaWithProblems } from '../../src/core/area.ts';
import { layerPlaneCrs } from '../../src/core/plane.ts';
import { isValidityCode } from '../../src/core/validity/index.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { repairFeature } from '../../src/io/repair/index.ts';
import { validateFeatures } from '../../src/io/validate.ts';

const ROOT = path.join(import.meta.dirname, '../fixtures/validity');

interface Expected {
  codes: string[];
  geos_valid: boolean;
  files: Record<string, { ellipsoidal_m2: number; plane_m2: number; plane_codes?: string[] }>;
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.each(readdirSync(ROOT))('validity fixture %s', (name) => {
  const dir = path.join(ROOT, name);
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;

  describe.each(Object.keys(expected.files))('%s', (file) => {
    const load = async () => {
      const r = await readLayerFile(file, new Uint8Array(readFileSync(path.join(dir, file))));
      expect(r.features).toHaveLength(1);
      return { feature: r.features[0]!, planeCrs: layerPlaneCrs(r.crs, 'EPSG:4547') };
    };
    const want = expected.files[file]!;

    it('validate names the class (and is silent where GEOS finds it valid)', async () => {
      const { feature } = await load();
      const problems = validateFeatures([feature]);
      const codes = [...new Set(problems.map((p) => p.code).filter(isValidityCode))].sort();
      expect(codes).toEqual([...expected.codes].sort());
      expect(codes.length === 0).toBe(expected.geos_valid);
      for (const p of problems.filter((q) => isValidityCode(q.code))) {
        expect(p.at).toHaveLength(2);
        expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('the ellipsoidal area is GEOS MakeValid’s by GeographicLib to 1e-7, with the same warnings', async () => {
      const { feature } = await load();
      const r = geometryAreaWithProblems(feature.geometry, 'ellipsoidal');
      expect(rel(r.area, want.ellipsoidal_m2)).toBeLessThan(1e-7);
      expect([...new Set(r.problems.map((p) => p.code))].sort()).toEqual([...expected.codes].sort());
    });

    it('the plane area is GEOS MakeValid’s in EPSG:4547 to 1e-7, with the same warnings', async () => {
      const { feature, planeCrs } = await load();
      const r = geometryAreaWithProblems(feature.geometry, 'plane', { planeCrs });
      expect(rel(r.area, want.plane_m2)).toBeLessThan(1e-7);
      // A touch at an edge's interior in lon/lat is no touch in the plane (see make-expected.py).
      const codes = want.plane_codes ?? expected.codes;
      expect([...new Set(r.problems.map((p) => p.code))].sort()).toEqual([...codes].sort());
    });

    it('the repair keeps that area and leaves no error', async () => {
      const { feature } = await load();
      const fixed = repairFeature(feature, 'split-self-intersections');
      expect(fixed.changed).toBe(expected.codes.length > 0);
      expect(rel(geometryArea(fixed.feature.geometry, 'ellipsoidal'), want.ellipsoidal_m2)).toBeLessThan(
        1e-7,
      );
      const left = validateFeatures([fixed.feature]).filter((p) => p.severity === 'error');
      expect(left).toEqual([]);
    });
  });
});
