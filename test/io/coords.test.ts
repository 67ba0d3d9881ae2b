import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsTransforms } from '../../src/core/crs.ts';
import { searchCrs } from '../../src/io/coords/crs-catalog.ts';
import { classifyCoordinates, proposeProjectedCrs } from '../../src/io/coords/detect.ts';
import { offsetToWgs84, swapAxes } from '../../src/io/coords/offset-systems.ts';
import { crsFromPrj } from '../../src/io/shapefile/prj.ts';

const proj = JSON.parse(
  readFileSync(new URL('../fixtures/io/proj-gauss-kruger.json', import.meta.url), 'utf8'),
) as {
  points: { code: string; lon: number; lat: number; x: number; y: number }[];
};

describe('Gauss-Kruger coordinates agree with PROJ to 1 mm', () => {
  it.each(proj.points.map((p) => [p.code, p.lon, p.lat, p] as const))(
    '%s at %f, %f',
    (code, _lon, _lat, p) => {
      const t = crsTransforms(code);
      const [x, y] = t.fromLonLat([p.lon, p.lat]);
      expect(Math.abs(x! - p.x)).toBeLessThan(0.001);
      expect(Math.abs(y! - p.y)).toBeLessThan(0.001);
      const [lon, lat] = t.toLonLat([p.x, p.y]);
      // 1e-8 degrees is about 1 mm.
      expect(Math.abs(lon! - p.lon)).toBeLessThan(1e-8);
      expect(Math.abs(lat! - p.lat)).toBeLessThan(1e-8);
    },
  );
});

describe('CRS proposals', () => {
  it('reads the zone from an 8-digit easting for all three datums', () => {
    expect(proposeProjectedCrs(38512345).map((p) => p.code)).toEqual(['EPSG:4526', 'EPSG:2362', 'EPSG:2414']);
    expect(proposeProjectedCrs(19512345).map((p) => p.code)).toEqual([
      'EPSG:4497',
      'EPSG:2333',
      'EPSG:21419',
    ]);
  });
  it('guesses the zone of a 6-digit easting from the project longitude', () => {
    expect(proposeProjectedCrs(512345, 117.4)[0]!.code).toBe('EPSG:4548');
  });
  it('detects swapped projected axes', () => {
    const v = classifyCoordinates([
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [3560000, 38500000] } },
    ]);
    expect(v).toMatchObject({ kind: 'projected', swapped: true });
  });
  it('finds zones by EPSG code and by name', () => {
    expect(searchCrs('4547')[0]!.code).toBe('EPSG:4547');
    expect(searchCrs('西安80 3度 38带').map((c) => c.code)).toEqual(['EPSG:2362', 'EPSG:2383']);
    expect(searchCrs('北京54 6度 111').map((c) => c.code)).toContain('EPSG:21419');
    expect(searchCrs('cgcs2000 114 无带号').map((c) => c.code)).toEqual(['EPSG:4547']);
  });
  it('maps .prj WKT of every family to its EPSG code', () => {
    const wkt = (name: string, sph: string, fe: number, cm: number): string =>
      `PROJCS["${name}",GEOGCS["g",DATUM["d",SPHEROID[${sph}]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${fe}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
    expect(
      crsFromPrj(wkt('CGCS2000_3_Degree_GK_Zone_38', '"CGCS2000",6378137.0,298.257222101', 38500000, 114))
        .crs,
    ).toBe('EPSG:4526');
    expect(crsFromPrj(wkt('Xian_1980_GK_CM_111E', '"Xian_1980",6378140.0,298.257', 500000, 111)).crs).toBe(
      'EPSG:2382',
    );
    expect(
      crsFromPrj(wkt('Beijing_1954_GK_Zone_19', '"Krasovsky_1940",6378245.0,298.3', 19500000, 111)).crs,
    ).toBe('EPSG:21419');
    expect(
      crsFromPrj(wkt('Xian_1980_6_Degree_GK_CM_111E', '"Xian_1980",6378140.0,298.257', 500000, 111)).crs,
    ).toBe('EPSG:2344');
  });
});

describe('offset systems and axes', () => {
  it('undoes the GCJ-02 offset (about 500 m in Henan) and BD-09', () => {
    const [lon, lat] = offsetToWgs84([114.5358, 32.1577], 'GCJ02');
    expect(Math.abs(lon! - 114.5358)).toBeGreaterThan(0.003);
    expect(Math.abs(lon! - 114.5358)).toBeLessThan(0.01);
    expect(Math.abs(lat! - 32.1577)).toBeLessThan(0.01);
    const [blon] = offsetToWgs84([114.5423, 32.1637], 'BD09');
    expect(Math.abs(blon! - 114.5423)).toBeGreaterThan(0.005);
  });
  it('swaps axes without touching properties', () => {
    const props = { 名称: 'a' };
    const [f] = swapAxes([
      { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [32, 114, 5] } },
    ]);
    expect(f!.geometry).toEqual({ type: 'Point', coordinates: [114, 32, 5] });
    expect(f!.properties).toBe(props);
  });
});
