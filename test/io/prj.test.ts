// .prj → CRS for projections beyond the Chinese Gauss-Kruger families, checked against PROJ.
// prj-cases.json comes from test/fixtures/io/prj/make-prj-fixtures.py (pyproj): the ESRI WKT that
// GDAL writes into a .prj, the OGC WKT 1, and points projected by PROJ in the CRS's own unit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsTransforms, resolveCrs } from '../../src/core/crs.ts';
import { crsFromPrj } from '../../src/io/shapefile/prj.ts';

interface Case {
  code: string;
  name: string;
  unit: string;
  unitToMetre: number;
  esri: string;
  ogc: string;
  points: { lon: number; lat: number; x: number; y: number }[];
}
const cases = JSON.parse(
  readFileSync(new URL('../fixtures/io/prj/prj-cases.json', import.meta.url), 'utf8'),
) as Case[];

// proj4js 2.22 has no cylindrical equal-area under ESRI's or OGC's name: refused, never guessed.
const UNSUPPORTED = new Set(['EPSG:6933']);

describe('.prj of any projection proj4 implements, in its own linear unit', () => {
  const rows = cases
    .filter((c) => !UNSUPPORTED.has(c.code))
    .flatMap((c) => (['esri', 'ogc'] as const).map((flavour) => [c.code, flavour, c] as const));
  it.each(rows)('%s (%s WKT) agrees with PROJ to 1 mm', (_code, flavour, c) => {
    const res = crsFromPrj(c[flavour]);
    expect(res.reason).toBeUndefined();
    const info = resolveCrs(res.crs!);
    expect(info?.geographic).toBe(false);
    const t = crsTransforms(res.crs!);
    const mm = 0.001 / c.unitToMetre;
    for (const p of c.points) {
      const [x, y] = t.fromLonLat([p.lon, p.lat]);
      expect(Math.abs(x! - p.x)).toBeLessThan(mm);
      expect(Math.abs(y! - p.y)).toBeLessThan(mm);
      const [lon, lat] = t.toLonLat([p.x, p.y]);
      expect(Math.abs(lon! - p.lon)).toBeLessThan(1e-8);
      expect(Math.abs(lat! - p.lat)).toBeLessThan(1e-8);
    }
  });

  it('reads a State Plane .prj in US survey feet as feet (it was read as metres)', () => {
    const c = cases.find((x) => x.code === 'EPSG:2263')!;
    expect(c.unit).toBe('US survey foot');
    const t = crsTransforms(crsFromPrj(c.esri).crs!);
    // 1000 ft east of a point is 304.8006 m east: the inverse must scale by the foot.
    const p = c.points[0]!;
    const [lon1] = t.toLonLat([p.x, p.y]);
    const [lon2] = t.toLonLat([p.x + 1000, p.y]);
    const metresPerDegree = (Math.PI / 180) * 6378137 * Math.cos((p.lat * Math.PI) / 180);
    expect(((lon2! - lon1!) * metresPerDegree) / 304.8006).toBeCloseTo(1, 2);
  });

  it.each([...UNSUPPORTED])('%s: a projection proj4 lacks is refused with the reason', (code) => {
    const c = cases.find((x) => x.code === code)!;
    const res = crsFromPrj(c.esri);
    expect(res.crs).toBeUndefined();
    expect(res.reason).toMatch(/proj4/);
  });

  it('refuses a projected WKT without a linear unit instead of assuming metres', () => {
    const c = cases.find((x) => x.code === 'EPSG:2263')!;
    const noUnit = c.esri.replace(/,UNIT\["US survey foot",[\d.]+\]\]$/, ']');
    expect(noUnit).not.toBe(c.esri);
    const res = crsFromPrj(noUnit);
    expect(res.crs).toBeUndefined();
    expect(res.reason).toMatch(/linear unit/);
  });

  it('refuses angles in grads, which proj4js would read as degrees', () => {
    const c = cases.find((x) => x.code === 'EPSG:2154')!;
    const grads = c.esri.replace('UNIT["Degree",0.0174532925199433]', 'UNIT["Grad",0.015707963267949]');
    expect(grads).not.toBe(c.esri);
    expect(crsFromPrj(grads).reason).toMatch(/angular unit/);
  });

  it('refuses text that is not WKT', () => {
    expect(crsFromPrj('hello').crs).toBeUndefined();
  });
});
