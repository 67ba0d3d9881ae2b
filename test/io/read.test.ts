import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readLayerFile } from '../../src/io/read.ts';

const fixture = async (name: string): Promise<Uint8Array> =>
  new Uint8Array(await readFile(new URL(`../fixtures/io/${name}`, import.meta.url)));
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('readLayerFile: shapefiles written by GDAL', () => {
  it.each([
    ['zones-4547-gbk.zip', 'EPSG:4547'],
    ['zones-4526-utf8.zip', 'EPSG:4526'],
    ['zones-2362-gbk-nocpg.zip', 'EPSG:2362'],
    ['zones-2414-gbk.zip', 'EPSG:2414'],
  ])('%s: .prj → %s, Chinese text intact, back in lon/lat', async (name, crs) => {
    const r = await readLayerFile(name, await fixture(name));
    expect(r.crs).toBe(crs);
    expect(r.format).toBe('shapefile');
    expect(r.features.map((f) => f.properties?.['名称'])).toEqual(['罗山县产业集聚区', '建成区']);
    const outer = (r.features[0]!.geometry as GeoJSON.Polygon).coordinates[0]!;
    expect(outer[0]![0]).toBeCloseTo(114.5, 6);
    expect(outer[0]![1]).toBeCloseTo(32.15, 6);
    expect((r.features[0]!.geometry as GeoJSON.Polygon).coordinates).toHaveLength(2);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('says when it guessed GBK because there was no .cpg', async () => {
    const r = await readLayerFile('x.zip', await fixture('zones-2362-gbk-nocpg.zip'));
    expect(r.problems.map((p) => p.code)).toContain('encoding-guessed');
  });

  it('reads lines and points with their geographic .prj', async () => {
    const roads = await readLayerFile('roads.zip', await fixture('roads-4490.zip'));
    expect(roads.crs).toBe('EPSG:4490');
    expect(roads.features[0]!.geometry.type).toBe('LineString');
    const villages = await readLayerFile('v.zip', await fixture('villages-4326.zip'));
    expect(villages.features[0]!.properties).toEqual({ 名称: '大王庄', 类别: '村庄', 面积: 0.1, 代码: 'V1' });
  });
});

describe('readLayerFile: GeoJSON', () => {
  it('passes a BOM, null geometry and __proto__ with every property unchanged', async () => {
    const text =
      '\uFEFF{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"__proto__":{"x":1},"constructor":"c","名称":"<b>a</b>"}}]}';
    const r = await readLayerFile('a.geojson', enc(text));
    expect(r.problems).toEqual([]);
    const props = r.features[0]!.properties!;
    expect(Object.keys(props)).toEqual(['__proto__', 'constructor', '名称']);
    expect(Object.getOwnPropertyDescriptor(props, '__proto__')?.value).toEqual({ x: 1 });
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(r.features[0]!.geometry).toBeNull();
  });

  it('honours the legacy crs member', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } },
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [500000, 3560000] } },
      ],
    });
    const r = await readLayerFile('a.geojson', enc(text));
    expect(r.crs).toBe('EPSG:4547');
    const [lon, lat] = (r.features[0]!.geometry as GeoJSON.Point).coordinates;
    expect(lon).toBeCloseTo(114, 9);
    expect(lat).toBeGreaterThan(32);
  });

  it('an explicit crs beats the file and says so', async () => {
    const text = JSON.stringify({
      type: 'Feature',
      crs: { type: 'name', properties: { name: 'EPSG:4547' } },
      properties: {},
      geometry: { type: 'Point', coordinates: [38500000, 3560000] },
    });
    const r = await readLayerFile('a.json', enc(text), { crs: 'EPSG:4526' });
    expect(r.crs).toBe('EPSG:4526');
    expect(r.problems.map((p) => p.code)).toEqual(['crs-conflict']);
  });

  it('reports where invalid JSON breaks, and a cut-off file as truncated', async () => {
    const r = await readLayerFile(
      'a.geojson',
      enc('{\n  "type": "FeatureCollection",\n  "features": [,]\n}'),
    );
    expect(r.problems[0]).toMatchObject({ code: 'invalid-json', severity: 'error' });
    expect(r.problems[0]!.message).toContain('第 3 行第 16 列');
    const t = await readLayerFile('a.geojson', enc('{"type":"FeatureCollection","features":[{"type":"Fea'));
    expect(t.problems[0]!.message).toContain('意外结束');
  });

  it('flags metre coordinates read as lon/lat and names the zone', async () => {
    const text = JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [38500123.4, 3560000.5] },
    });
    const r = await readLayerFile('a.geojson', enc(text));
    const p = r.problems.find((x) => x.code === 'projected-without-crs');
    expect(p?.message).toContain('EPSG:4526');
  });
});

describe('readLayerFile: KML and CSV', () => {
  it('reads KML placemarks with extended data', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>东园</name><ExtendedData><Data name="产业"><value>铝</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>114.5,32.1 114.6,32.1 114.6,32.2 114.5,32.1</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
    </Document></kml>`;
    const r = await readLayerFile('a.kml', enc(kml));
    expect(r.problems).toEqual([]);
    expect(r.features[0]!.properties).toEqual({ 产业: '铝', name: '东园' });
    expect(r.features[0]!.geometry.type).toBe('Polygon');
  });

  it('reads a GBK CSV with 经度/纬度 columns', async () => {
    const { default: iconv } = await import('iconv-lite');
    const bytes = new Uint8Array(iconv.encode('名称,经度,纬度,人口\n大王庄,114.53,32.19,1200\n', 'gbk'));
    const r = await readLayerFile('v.csv', bytes);
    expect(r.features[0]!.properties).toEqual({ 名称: '大王庄', 人口: 1200 });
    expect(r.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [114.53, 32.19] });
  });
});

describe('readLayerFile: refusals', () => {
  it('refuses unknown content with a code', async () => {
    const r = await readLayerFile('a.bin', new Uint8Array([1, 2, 3]));
    expect(r.problems[0]!.code).toBe('unknown-format');
  });
  it('reports an empty collection', async () => {
    const r = await readLayerFile('a.geojson', enc('{"type":"FeatureCollection","features":[]}'));
    expect(r.problems.map((p) => p.code)).toEqual(['empty']);
  });
});

describe('readLayerFile: large files and cancellation', () => {
  it('refuses a file over the size limit with a clear problem', async () => {
    const r = await readLayerFile('big.geojson', enc('{"type":"FeatureCollection","features":[]}'), {
      maxBytes: 10,
    });
    expect(r.problems.map((p) => p.code)).toEqual(['file-too-large']);
    expect(r.problems[0]!.message).toContain('超过上限');
  });

  it('stops when the signal is aborted and reports progress up to 1', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const aborted = await readLayerFile('a.geojson', enc('{"type":"Point","coordinates":[114,32]}'), {
      signal: ctrl.signal,
    });
    expect(aborted.problems.map((p) => p.code)).toEqual(['aborted']);
    const seen: number[] = [];
    await readLayerFile('a.zip', await fixture('zones-4547-gbk.zip'), { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
