// A Gauss-Kruger file (EPSG:4547 metres) with a spike folded back along an edge: validate, area and
// area --area plane all judge it in the file's own plane and name the same problem. GEOS (Shapely
// 1.8) on these coordinates: "Self-intersection[500700 3561000]" (GEOS has no separate spike class).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ring = [
  [500000, 3560000],
  [501000, 3560000],
  [501000, 3561000],
  [500400, 3561000],
  [500700, 3561000],
  [500000, 3561000],
  [500000, 3560000],
];

const zonemap = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/zonemap.js', ...args], { encoding: 'utf8' });

describe('validate and area on a Gauss-Kruger file', () => {
  it('name the same problem, judged in the file’s plane', { timeout: 60_000 }, () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zonemap-gk-')), 'spike.geojson');
    const geometry = { type: 'Polygon', coordinates: [ring] };
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry }],
      }),
    );
    const v = zonemap('validate', file, '--crs', 'EPSG:4547', '--json');
    expect(v.status).toBe(1);
    expect(JSON.parse(v.stdout).errors.map((e: { code: string }) => e.code)).toEqual(['spike']);
    for (const method of ['plane', 'ellipsoidal']) {
      const a = zonemap('area', file, '--crs', 'EPSG:4547', '--area', method, '--json');
      const out = JSON.parse(a.stdout);
      expect(out.warnings.map((w: { code: string }) => w.code)).toEqual(['spike']);
      // The spike encloses nothing: 1 000 000 m² in the plane; GeographicLib on the four corners
      // (pyproj EPSG:4547 → EPSG:4490) 999 999.993836893 m² on the ellipsoid.
      expect(out.features[0].area_m2).toBeCloseTo(method === 'plane' ? 1e6 : 999999.993836893, 2);
    }
  });
});
