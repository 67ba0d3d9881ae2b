// area --area plane on data far from the Chinese zone it falls back to says so (plane-zone-far).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function zonemap(...args: string[]) {
  const r = spawnSync('node', ['bin/zonemap.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(ring: number[][]): string {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'zonemap-plane-')), 'zones.geojson');
  writeFileSync(
    f,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '甲' }, geometry: { type: 'Polygon', coordinates: [ring] } },
      ],
    }),
  );
  return f;
}

// Central Park, New York, in EPSG:4326.
const NEW_YORK = [
  [-73.981, 40.768],
  [-73.958, 40.8],
  [-73.949, 40.797],
  [-73.973, 40.764],
  [-73.981, 40.768],
];
// pyproj (EPSG:4326 → EPSG:4534, shapely area) and GeographicLib on CGCS2000 (pyproj.Geod):
const NY_PLANE_4534 = 3966623.7257732814;
const NY_ELLIPSOIDAL = 3360457.093585491; // the plane figure is +18.0 %

describe('plane-zone-far', () => {
  it('warns for New York measured in the 75°E zone, naming the zone, in --json and on stderr', () => {
    const f = file(NEW_YORK);
    const r = zonemap('area', f, '--area', 'plane', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.planeCrs).toBe('EPSG:4534');
    expect(Math.abs(j.features[0].area_m2 - NY_PLANE_4534) / NY_PLANE_4534).toBeLessThan(1e-6);
    expect(NY_PLANE_4534 / NY_ELLIPSOIDAL).toBeGreaterThan(1.17);
    const w = j.warnings.find((x: { code: string }) => x.code === 'plane-zone-far');
    expect(w.message).toContain('EPSG:4534');
    expect(w.message).toContain('中央经线 75°');
    expect(w.message).toContain('149°');
    const text = zonemap('area', f, '--area', 'plane');
    expect(text.err).toMatch(/EPSG:4534.*中央经线 75°.*\[plane-zone-far\]/);
    // The ellipsoidal method has no zone to warn of.
    const e = JSON.parse(zonemap('area', f, '--json').out);
    expect(e.warnings.map((x: { code: string }) => x.code)).not.toContain('plane-zone-far');
  });

  it('is silent for data in Henan, within 3° of their zone', () => {
    const henan = file([
      [114.5, 32.1],
      [114.6, 32.1],
      [114.6, 32.2],
      [114.5, 32.1],
    ]);
    const j = JSON.parse(zonemap('area', henan, '--area', 'plane', '--json').out);
    expect(j.planeCrs).toBe('EPSG:4547');
    expect(j.warnings).toEqual([]);
    const own = zonemap('area', 'test/fixtures/cli/loose-shp/zones.shp', '--area', 'plane', '--json');
    expect(JSON.parse(own.out).warnings).toEqual([]);
  });

  it('warns for data 4.2°–4.3° east of the central meridian of the layer’s own zone', () => {
    // EPSG:4547 (CM 114°) coordinates of 118.2°E–118.3°E, 32.1°N–32.2°N (pyproj).
    const ring = [
      [896595.5, 3560674.1],
      [906045.9, 3561047.3],
      [905601.7, 3572149.9],
      [896595.5, 3560674.1],
    ];
    const j = JSON.parse(zonemap('area', file(ring), '--crs', 'EPSG:4547', '--area', 'plane', '--json').out);
    expect(j.planeCrs).toBe('EPSG:4547');
    const w = j.warnings.find((x: { code: string }) => x.code === 'plane-zone-far');
    expect(w.message).toContain('中央经线 114°');
    expect(w.message).toMatch(/最远 4\.3°/);
  });
});
