// .prj → CRS for projections beyond the Chinese Gauss-Kruger families, checked against PROJ.
// prj-cases.json comes from test/fixtures/io/prj/make-prj-fixtures.py (pyproj): the ESRI WKT that
// GDAL writes into a .prj, the OGC WKT 1, and points projected by PROJ in the CRS's own unit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsTransforms, resolveCrs } from '../../src/core/crs.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { crsFromPrj } from '../../src/io/shapefile/prj.ts';
import { unzip } from '../../src/io/zip.ts';
import { zipSync } from 'fflate';

interface Case {
  code: string;
  name: string;
  unit: string;
  unitToMetre: number;
  esri: string;
  ogc: string;
  wkt2: string;
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

  // proj4js reads WKT 2 wrongly at times (measured with 2.22: EPSG:2868 in feet 3.8 m off, the
  // oblique Mercators 100 km and more): zonemap refuses WKT 2 (save the .prj as WKT 1, as ArcGIS, QGIS
  // and GDAL do), except where its own metre transverse Mercator reading applies. Either way, never a wrong position.
  it.each(cases.map((c) => [c.code, c] as const))('%s as WKT 2: right to 1 mm, or refused', (_code, c) => {
    const res = crsFromPrj(c.wkt2);
    if (res.reason !== undefined) {
      expect(res.crs).toBeUndefined();
      expect(res.reason).toMatch(/WKT ?2|proj4/);
      return;
    }
    const t = crsTransforms(res.crs!);
    for (const p of c.points) {
      const [x, y] = t.fromLonLat([p.lon, p.lat]);
      expect(Math.abs(x! - p.x)).toBeLessThan(0.001 / c.unitToMetre);
      expect(Math.abs(y! - p.y)).toBeLessThan(0.001 / c.unitToMetre);
    }
  });

  it('keeps reading the Chinese Gauss-Kruger CRSs as their EPSG codes, in ESRI and OGC WKT 1', () => {
    for (const code of ['EPSG:4547', 'EPSG:2383']) {
      const c = cases.find((x) => x.code === code)!;
      expect([crsFromPrj(c.esri).crs, crsFromPrj(c.ogc).crs]).toEqual([code, code]);
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

describe('a .prj that cannot be read, in a Shapefile', () => {
  async function withPrj(prj: string): Promise<Uint8Array> {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/io/zones-4547-gbk.zip', import.meta.url)));
    const files = (await unzip(bytes)).files;
    const out: Record<string, Uint8Array> = {};
    for (const [name, data] of files)
      out[name] = name.endsWith('.prj') ? new TextEncoder().encode(prj) : data;
    return zipSync(out);
  }
  const cea = cases.find((x) => x.code === 'EPSG:6933')!.esri;

  it('is an error naming the file and the CRS, with the reason, never a guess', async () => {
    const r = await readLayerFile('zones.zip', await withPrj(cea));
    const p = r.problems.find((x) => x.code === 'prj-not-understood');
    expect(p).toMatchObject({ severity: 'error', file: 'zones.zip' });
    expect(p!.message).toContain('WGS_1984_EASE-Grid_2.0_Global');
    expect(p!.message).toContain('proj4 cannot read it');
  });

  it('is only a warning when the CRS is named by the caller', async () => {
    const r = await readLayerFile('zones.zip', await withPrj(cea), { crs: 'EPSG:4547' });
    expect(r.problems.map((x) => [x.code, x.severity])).toEqual([['prj-not-understood', 'warning']]);
    expect(r.crs).toBe('EPSG:4547');
  });
});
