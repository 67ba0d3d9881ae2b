// Shapefiles written by GDAL (ogr2ogr) in the test itself, read back by zonemap: a .prj in US survey
// feet, Latin-1 / Windows-1252 and Big5 attribute text, with the code page given by a .cpg, by the
// DBF's language driver byte, or by neither (then judged from the content, with a warning).
// Needs /usr/bin/ogr2ogr (Debian gdal-bin; .ci/run installs it). Outside CI the test is skipped
// with a message when it is missing; with CI set it fails instead.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Feature, Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { geometryArea } from '../../src/core/area.ts';
import { readLayerFile } from '../../src/io/read.ts';

const OGR2OGR = '/usr/bin/ogr2ogr';
const haveOgr = existsSync(OGR2OGR);
if (!haveOgr && !process.env['CI']) {
  console.warn(`gdal-roundtrip.test.ts skipped: ${OGR2OGR} is missing (install Debian gdal-bin)`);
}

describe.runIf(!haveOgr && process.env['CI'])('GDAL round trip in CI', () => {
  it('has ogr2ogr, which these tests need (.ci/run installs gdal-bin)', () => {
    expect(existsSync(OGR2OGR), `${OGR2OGR} missing in CI`).toBe(true);
  });
});

const work = haveOgr ? mkdtempSync(join(tmpdir(), 'zonemap-gdal-')) : '';
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A 0.01° × 0.01° lon/lat square with its south-west corner at (lon, lat). */
function square(lon: number, lat: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 0.01, lat],
        [lon + 0.01, lat + 0.01],
        [lon, lat + 0.01],
        [lon, lat],
      ],
    ],
  };
}

// GeographicLib (Python geographiclib 2, Geodesic(6378137, 1/298.257222101).Polygon) areas of
// the squares above, in m²: the ellipsoidal area zonemap must give after the round trip.
const NYC = { lon: -74.0, lat: 40.7, area: 938459.4059066772 };
const TAIPEI = { lon: 121.56, lat: 25.03, area: 1117941.5571260452 };
const MUENSTER = { lon: 7.62, lat: 51.96, area: 764753.3442211151 };

let run = 0;
interface Written {
  files: Map<string, Uint8Array>;
}

/** Writes features (lon/lat) with ogr2ogr to a Shapefile in `srs` with `-lco ENCODING=...`. */
function ogrShapefile(features: Feature[], srs: string, encoding: string): Written {
  const dir = join(work, `run${run++}`);
  const src = `${dir}.geojson`;
  writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features }), 'utf8');
  execFileSync(
    OGR2OGR,
    [
      '-f',
      'ESRI Shapefile',
      '-s_srs',
      'EPSG:4326',
      '-t_srs',
      srs,
      '-lco',
      `ENCODING=${encoding}`,
      '-nln',
      'layer',
      dir,
      src,
    ],
    {
      stdio: 'pipe',
    },
  );
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir)) files.set(name, new Uint8Array(readFileSync(join(dir, name))));
  return { files };
}

function zip(files: Map<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(files));
}

function withoutCpg(w: Written, languageDriver?: number): Map<string, Uint8Array> {
  const out = new Map([...w.files].filter(([n]) => !n.endsWith('.cpg')));
  if (languageDriver !== undefined) {
    const dbf = new Uint8Array(out.get('layer.dbf')!);
    dbf[29] = languageDriver;
    out.set('layer.dbf', dbf);
  }
  return out;
}

const feature = (props: Record<string, unknown>, geometry: Polygon): Feature => ({
  type: 'Feature',
  properties: props,
  geometry,
});

function expectSameVertices(got: Polygon, want: Polygon): void {
  const a = got.coordinates[0]!;
  const b = want.coordinates[0]!;
  expect(a).toHaveLength(b.length);
  // The vertices come back where they were; the winding may differ (GDAL writes clockwise).
  for (const p of b) {
    expect(a.some((q) => Math.abs(q[0]! - p[0]!) < 1e-8 && Math.abs(q[1]! - p[1]!) < 1e-8)).toBe(true);
  }
}

describe.runIf(haveOgr)('Shapefiles written by ogr2ogr', () => {
  it.each([
    ['EPSG:2263', 'NAD83 / New York Long Island (ftUS), Lambert conformal conic'],
    ['EPSG:2260', 'NAD83 / New York East (ftUS), transverse Mercator'],
  ])('%s (%s): areas as GeographicLib gives, not 10.76× too large', async (srs) => {
    const geom = square(NYC.lon, NYC.lat);
    const w = ogrShapefile([feature({ name: 'Battery Park' }, geom)], srs, 'UTF-8');
    expect(new TextDecoder().decode(w.files.get('layer.prj'))).toMatch(/Foot_US|US survey foot/i);
    const r = await readLayerFile('ny.zip', zip(w.files));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.features).toHaveLength(1);
    const got = r.features[0]!.geometry as Polygon;
    expectSameVertices(got, geom);
    const area = geometryArea(got, 'ellipsoidal');
    expect(Math.abs(area / NYC.area - 1)).toBeLessThan(1e-7);
    expect(r.features[0]!.properties).toEqual({ name: 'Battery Park' });
  });

  const latinNames = ['Café Münster', 'Zoë Ørsted', 'Straße à côté', 'Œuvre 5 €'];
  const latin = (i: number): Feature =>
    feature({ name: latinNames[i]!, n: i }, square(MUENSTER.lon + i * 0.02, MUENSTER.lat));

  it.each([
    ['ISO-8859-1', latinNames.slice(0, 3)],
    ['CP1252', latinNames],
  ])('Latin text written as %s with its .cpg comes back exactly', async (encoding, names) => {
    const w = ogrShapefile(
      names.map((_, i) => latin(i)),
      'EPSG:25832',
      encoding,
    );
    expect(new TextDecoder().decode(w.files.get('layer.cpg'))).toBe(encoding);
    const r = await readLayerFile('ms.zip', zip(w.files));
    expect(r.problems).toEqual([]);
    expect(r.features.map((f) => f.properties?.['name'])).toEqual(names);
    const area = geometryArea(r.features[0]!.geometry, 'ellipsoidal');
    expect(Math.abs(area / MUENSTER.area - 1)).toBeLessThan(1e-7);
  });

  it('Windows-1252 text without .cpg or language byte is judged Latin, with a warning', async () => {
    const w = ogrShapefile(
      latinNames.map((_, i) => latin(i)),
      'EPSG:4326',
      'CP1252',
    );
    const r = await readLayerFile('ms.zip', zip(withoutCpg(w, 0)));
    expect(r.features.map((f) => f.properties?.['name'])).toEqual(latinNames);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['encoding-guessed', 'warning']]);
    expect(r.problems[0]!.message).toContain('Windows-1252');
  });

  it('Windows-1252 named by the language driver byte 0x03 (DOS/Windows dBase) needs no guess', async () => {
    const w = ogrShapefile(
      latinNames.map((_, i) => latin(i)),
      'EPSG:4326',
      'CP1252',
    );
    const r = await readLayerFile('ms.zip', zip(withoutCpg(w, 0x03)));
    expect(r.features.map((f) => f.properties?.['name'])).toEqual(latinNames);
    expect(r.problems).toEqual([]);
  });

  const big5Names = ['臺北市', '信義區', '臺灣大學'];
  const big5 = (): Feature[] =>
    big5Names.map((name, i) =>
      feature({ 名稱: name, 代碼: `T${i}` }, square(TAIPEI.lon + i * 0.02, TAIPEI.lat)),
    );

  it('Big5 (CP950) with its .cpg: names exact, areas as GeographicLib gives', async () => {
    const w = ogrShapefile(big5(), 'EPSG:3826', 'CP950');
    expect(new TextDecoder().decode(w.files.get('layer.cpg'))).toBe('CP950');
    const r = await readLayerFile('tp.zip', zip(w.files));
    expect(r.problems).toEqual([]);
    expect(r.features.map((f) => f.properties?.['名稱'])).toEqual(big5Names);
    expect(Object.keys(r.features[0]!.properties!)).toEqual(['名稱', '代碼']);
    const area = geometryArea(r.features[0]!.geometry, 'ellipsoidal');
    expect(Math.abs(area / TAIPEI.area - 1)).toBeLessThan(1e-7);
  });

  it('Big5 named only by the language driver byte 0x78 is read as Big5 without a guess', async () => {
    const w = ogrShapefile(big5(), 'EPSG:4326', 'CP950');
    const r = await readLayerFile('tp.zip', zip(withoutCpg(w, 0x78)));
    expect(r.problems).toEqual([]);
    expect(r.features.map((f) => f.properties?.['名稱'])).toEqual(big5Names);
  });

  it('Big5 with neither .cpg nor language byte is judged Big5 (not GBK), with a warning', async () => {
    const w = ogrShapefile(big5(), 'EPSG:4326', 'CP950');
    const r = await readLayerFile('tp.zip', zip(withoutCpg(w, 0)));
    expect(r.features.map((f) => f.properties?.['名稱'])).toEqual(big5Names);
    expect(r.problems.map((p) => p.code)).toEqual(['encoding-guessed']);
    expect(r.problems[0]!.message).toContain('Big5');
  });

  it('a .cpg naming an unknown code page is said, and the text judged from its content', async () => {
    const w = ogrShapefile(big5(), 'EPSG:4326', 'CP950');
    const files = withoutCpg(w, 0);
    files.set('layer.cpg', new TextEncoder().encode('KLINGON-1'));
    const r = await readLayerFile('tp.zip', zip(files));
    expect(r.problems.map((p) => p.code)).toEqual(['cpg-not-understood', 'encoding-guessed']);
    expect(r.features.map((f) => f.properties?.['名稱'])).toEqual(big5Names);
  });
});
