// Readers as tolerant as GDAL where the data is unambiguous, and clear where it is not.
import { readFile } from 'node:fs/promises';
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryArea } from '../../src/core/area.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { readShp } from '../../src/io/shapefile/shp.ts';
import { unzip } from '../../src/io/zip.ts';

const fixture = async (name: string): Promise<Uint8Array> =>
  new Uint8Array(await readFile(new URL(`../fixtures/io/${name}`, import.meta.url)));
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('Shapefile with zero padding after its last record', () => {
  // zones-4547-zero-padded.zip: make-zero-padded.py appends 1 000 zero bytes to GDAL's .shp and
  // counts them in the header; ogrinfo reads its 2 features.
  it('reads both features, as GDAL does, with no error', async () => {
    const padded = await readLayerFile('p.zip', await fixture('zones-4547-zero-padded.zip'));
    const plain = await readLayerFile('z.zip', await fixture('zones-4547-gbk.zip'));
    expect(padded.problems).toEqual(plain.problems);
    expect(padded.features).toEqual(plain.features);
    expect(padded.features.map((f) => f.properties?.['名称'])).toEqual(['罗山县产业集聚区', '建成区']);
  });

  it('still reports a record cut off or followed by anything but zeros', async () => {
    const files = (await unzip(await fixture('zones-4547-zero-padded.zip'))).files;
    const shp = new Uint8Array([...files].find(([n]) => n.endsWith('.shp'))![1]);
    shp[shp.length - 10] = 7;
    expect(readShp(shp).truncatedAt).toBe(2);
  });
});

describe('KML <MultiPolygon> (not in the schema; GDAL reads it)', () => {
  it('keeps both polygons and the hole: area as GeographicLib gives', async () => {
    // multipolygon-nonstandard.kml: two 0.01° squares, the first with a 0.002° hole. GeographicLib
    // (Geodesic(6378137, 1/298.257222101).Polygon): 1046625.8111224174 − 41865.93169414997 +
    // 1046625.8111224174 m²; ogrinfo reads the same MULTIPOLYGON.
    const r = await readLayerFile('mp.kml', await fixture('kml/multipolygon-nonstandard.kml'));
    expect(r.problems).toEqual([]);
    const g = r.features[0]!.geometry as MultiPolygon;
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates.map((p) => p.length)).toEqual([2, 1]);
    expect(Math.abs(geometryArea(g, 'ellipsoidal') / 2051385.690550685 - 1)).toBeLessThan(1e-9);
    expect(r.features[0]!.properties).toEqual({ name: '东园' });
  });

  it('says so when a placemark holds a geometry it does not read, instead of dropping it', async () => {
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>m</name>
      <Model><Location><longitude>114.5</longitude><latitude>32.1</latitude></Location></Model></Placemark></Document></kml>`;
    const r = await readLayerFile('m.kml', enc(kml));
    expect(r.problems.map((p) => [p.code, p.feature])).toContainEqual(['kml-geometry-unread', 0]);
  });
});
