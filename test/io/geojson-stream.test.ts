// Large GeoJSON read a window at a time (readFeatureCollectionStream, and readLayerFile given a
// source): the same features, problems and CRS as parsing the whole text, whatever the window size,
// without the file ever being read whole; and the whole-file path where the windows cannot say the
// same (checked against readGeoJsonText, which parses the whole text with JSON.parse).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFeatureCollectionStream } from '../../src/io/geojson-chunks.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { readGeoJsonText } from '../../src/io/read-geojson.ts';
import type { ByteSource } from '../../src/io/read-types.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** A source over bytes that records the largest read and whether it was read whole. */
function sourceOf(bytes: Uint8Array): ByteSource & { largest: number; whole: boolean; closed: boolean } {
  const s = {
    size: bytes.length,
    largest: 0,
    whole: false,
    closed: false,
    read(into: Uint8Array, position: number): number {
      const n = Math.max(0, Math.min(into.length, bytes.length - position));
      into.set(bytes.subarray(position, position + n));
      s.largest = Math.max(s.largest, n);
      return n;
    },
    readAll(): Uint8Array {
      s.whole = true;
      return bytes.slice();
    },
    close(): void {
      s.closed = true;
    },
  };
  return s;
}

const tricky = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'a"b',
    'a\\"]}',
    '[{,}]',
    '罗山县产业集聚区',
    '\\',
    '"features":[',
    ',',
    '\u2028',
    '},{',
    '} , {',
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.dictionary(fc.constantFrom('features', 'x', '__proto__'), fc.string(), { maxKeys: 2 }),
);

const ring = fc
  .tuple(
    fc.double({ min: 100, max: 120, noNaN: true }),
    fc.double({ min: 20, max: 40, noNaN: true }),
    fc.double({ min: 1e-4, max: 0.01, noNaN: true }),
  )
  .map(([x, y, d]) => [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y],
  ]);

const item = fc.oneof(
  fc.record({
    type: fc.constant('Feature'),
    properties: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tricky, { maxKeys: 3 }),
    geometry: fc.oneof(
      fc.constant(null),
      ring.map((r) => ({ type: 'Polygon', coordinates: [r] })),
      fc.array(ring, { minLength: 1, maxLength: 2 }).map((rs) => ({
        type: 'MultiPolygon',
        coordinates: rs.map((r) => [r]),
      })),
    ),
  }),
  // Not features: kept at their index with a problem naming it.
  fc.constantFrom(7, 'x', null, [1, 2]),
);

const crs = { type: 'name', properties: { name: 'EPSG:4547' } };

/** Every string in a value, keys included. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return [];
}

describe('reading a FeatureCollection a window at a time', () => {
  it('gives exactly what parsing the whole text gives, whatever the window size and spacing', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 25 }),
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom(undefined, 1, '\t'),
        fc.constantFrom('before', 'after', 'none'),
        fc.boolean(),
        (features, windowBytes, indent, where, bom) => {
          const value =
            where === 'before'
              ? { type: 'FeatureCollection', crs, name: 'a,b', features }
              : where === 'after'
                ? { type: 'FeatureCollection', features, crs, bbox: [1, 2, 3, 4] }
                : { type: 'FeatureCollection', features };
          const text = JSON.stringify(value, null, indent);
          const source = sourceOf(enc((bom ? '\uFEFF' : '') + text));
          const streamed = readFeatureCollectionStream(source, { windowBytes, file: 'f.geojson' });
          // A '},{' in a string may be taken for a break between items: that piece's parse fails
          // and the caller reads the file whole (never a different answer).
          if (!strings(features).some((t) => /\}\s*,\s*\{/.test(t))) expect(streamed).toBeDefined();
          if (streamed !== undefined) expect(streamed).toEqual(readGeoJsonText(text, 'f.geojson'));
          expect(source.whole).toBe(false);
          expect(source.largest).toBeLessThanOrEqual(windowBytes);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('hands what the pieces cannot say as the whole file would to the whole-file path', () => {
    const f = '{"type":"Feature","properties":{},"geometry":null}';
    const many = Array.from({ length: 20 }, () => f).join(',');
    for (const text of [
      // "type" after the features: the first piece has none
      `{"features":[${many}],"type":"FeatureCollection"}`,
      // a Feature with a "features" member is one feature
      `{"type":"Feature","features":[${many}],"properties":{},"geometry":null}`,
      // a second "type" after the features wins in JSON.parse
      `{"type":"FeatureCollection","features":[${many}],"type":"Feature","properties":{},"geometry":null}`,
      // broken JSON
      `{"type":"FeatureCollection","features":[${many},,${f}]}`,
      `{"type":"FeatureCollection","features":[${many}`,
      '[1,2]',
    ]) {
      expect(readFeatureCollectionStream(sourceOf(enc(text)), { windowBytes: 64 })).toBeUndefined();
    }
  });

  it('readLayerFile reads a large file from a source without holding it whole, as from its bytes', async () => {
    const features = Array.from({ length: 6000 }, (_, i) => ({
      type: 'Feature',
      properties: { BSM: `0-${i}`, DLBM: i % 3 ? '0101' : '1006' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [533054.73 + i, 3547450.372],
            [533149.173 + i, 3547450.679],
            [533152.639 + i, 3547559.286],
            [533054.73 + i, 3547450.372],
          ],
        ],
      },
    }));
    const bytes = enc(JSON.stringify({ type: 'FeatureCollection', crs, features }));
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const source = sourceOf(bytes);
    const streamed = await readLayerFile('l.geojson', { bytes: undefined, source }, { flat: true });
    const whole = await readLayerFile('l.geojson', bytes, { flat: true });
    expect(source.whole).toBe(false);
    expect(source.closed).toBe(true);
    expect(source.largest).toBeLessThanOrEqual(1024 * 1024);
    expect(streamed.crs).toBe('EPSG:4547');
    expect(streamed.problems).toEqual(whole.problems);
    expect(JSON.stringify(streamed.features)).toBe(JSON.stringify(whole.features));
  });

  it("gives the whole file's answer when strings hold what looks like a break between items", async () => {
    const features = Array.from({ length: 12000 }, (_, i) => ({
      type: 'Feature',
      properties: { note: `a},{b ${i}`, more: '} ,\n{' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [114, 32],
            [114.001, 32],
            [114, 32.001],
            [114, 32],
          ],
        ],
      },
    }));
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    const bytes = enc(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    for (const windowBytes of [4096, 65536, 1024 * 1024]) {
      const streamed = readFeatureCollectionStream(sourceOf(bytes), { windowBytes });
      if (streamed !== undefined) expect(streamed).toEqual(readGeoJsonText(text));
    }
    const viaSource = await readLayerFile('n.geojson', { bytes: undefined, source: sourceOf(bytes) });
    expect(viaSource).toEqual(await readLayerFile('n.geojson', bytes));
  });

  it('readLayerFile reads a small file, or one the windows cannot read, whole from its source', async () => {
    const small = enc(JSON.stringify({ type: 'FeatureCollection', features: [] }));
    const s1 = sourceOf(small);
    const r1 = await readLayerFile('s.geojson', { bytes: undefined, source: s1 });
    expect(r1.problems.map((p) => p.code)).toEqual(['empty']);
    expect(s1.closed).toBe(true);
    const pad = ' '.repeat(1024 * 1024);
    const broken = enc(`{"type":"FeatureCollection","features":[${pad}{"type":"Feature",,}]}`);
    const s2 = sourceOf(broken);
    const r2 = await readLayerFile('b.geojson', { bytes: undefined, source: s2 });
    expect(s2.whole).toBe(true);
    expect(r2.problems).toEqual((await readLayerFile('b.geojson', broken)).problems);
    expect(r2.problems[0]!.code).toBe('invalid-json');
  });
});
