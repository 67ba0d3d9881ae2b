// Regression: a polygon across the 180° meridian measured 0 m² without a word, and validate passed
// it silently. Reference: GeographicLib (Python) PolygonArea on CGCS2000 for the square
// 179.995°E…179.995°W × 10°N…10.01°N: 1 212 678.323838 m².
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryAreaWithProblems } from '../../src/core/area.ts';
import { overlayShapeOf } from '../../src/core/pole.ts';
import { workspaceFor } from '../../src/core/workspace.ts';
import { validateFeatures } from '../../src/io/validate.ts';

const GEOGRAPHICLIB_M2 = 1212678.323838234;

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [179.995, 10],
      [-179.995, 10],
      [-179.995, 10.01],
      [179.995, 10.01],
      [179.995, 10],
    ],
  ],
};

// The same square drawn as a bow tie: its two western corners swapped, crossing at 180°, 10.005°N.
const bowTie: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [179.995, 10],
      [-179.995, 10.01],
      [-179.995, 10],
      [179.995, 10.01],
      [179.995, 10],
    ],
  ],
};

const feature = (geometry: Polygon): Feature => ({ type: 'Feature', properties: { name: 'x' }, geometry });

describe('a polygon across the 180° meridian', () => {
  it('measures as GeographicLib does, with a crosses-antimeridian warning', () => {
    const { area, problems } = geometryAreaWithProblems(square, 'ellipsoidal');
    expect(area).toBeCloseTo(GEOGRAPHICLIB_M2, 3);
    expect(problems.map((p) => [p.code, p.error ?? false])).toEqual([['crosses-antimeridian', false]]);
  });

  it('is refused by the plane method, never a silent 0', () => {
    const { area, problems } = geometryAreaWithProblems(square, 'plane', { planeCrs: 'EPSG:4547' });
    expect(area).toBe(0);
    expect(problems.map((p) => [p.code, p.error])).toEqual([['crosses-antimeridian', true]]);
  });

  it('is left out of overlays', () => {
    expect(overlayShapeOf(square, workspaceFor('ellipsoidal'))).toBeUndefined();
  });

  it('validate warns crosses-antimeridian and judges validity on continuous longitudes', () => {
    expect(validateFeatures([feature(square)]).map((p) => p.code)).toEqual(['crosses-antimeridian']);
    const crossed = validateFeatures([feature(bowTie)]);
    expect(crossed.map((p) => p.code).sort()).toEqual(['crosses-antimeridian', 'self-intersection']);
    const at = crossed.find((p) => p.code === 'self-intersection')!.at!;
    expect(Math.abs(at[0])).toBeCloseTo(180, 9);
    expect(at[1]).toBeCloseTo(10.005, 9);
    // The area warns the same codes (each lobe measured as MakeValid makes it).
    const r = geometryAreaWithProblems(bowTie, 'ellipsoidal');
    expect(r.problems.map((p) => p.code).sort()).toEqual(['crosses-antimeridian', 'self-intersection']);
    expect(r.area).toBeGreaterThan(0);
    expect(r.area).toBeLessThan(GEOGRAPHICLIB_M2);
  });

  it(
    'zonemap validate reports it and zonemap area prints the GeographicLib figure',
    { timeout: 30_000 },
    () => {
      const file = join(mkdtempSync(join(tmpdir(), 'zonemap-am-')), 'am.geojson');
      writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [feature(square)] }));
      const v = spawnSync(process.execPath, ['bin/zonemap.js', 'validate', file, '--json'], {
        encoding: 'utf8',
      });
      expect(JSON.parse(v.stdout).warnings.map((w: { code: string }) => w.code)).toEqual([
        'crosses-antimeridian',
      ]);
      const a = spawnSync(process.execPath, ['bin/zonemap.js', 'area', file, '--json'], { encoding: 'utf8' });
      expect(a.status).toBe(0);
      const out = JSON.parse(a.stdout);
      expect(out.features[0].area_m2).toBeCloseTo(GEOGRAPHICLIB_M2, 3);
      expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['crosses-antimeridian']);
    },
  );
});
