// The byte scanner that parses Polygon/MultiPolygon coordinates straight into typed arrays must give
// exactly what JSON.parse of the whole text gives, number for number, whatever the spelling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatOf } from '../../src/core/flat-coords.ts';
import { readFeatureCollectionChunked } from '../../src/io/geojson-chunks.ts';
import { readGeoJsonText } from '../../src/io/read-geojson.ts';
import type { RawLayer } from '../../src/io/read-types.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const layerOf = (r: ReturnType<typeof readFeatureCollectionChunked>): RawLayer => {
  if (r === undefined || r === 'aborted') throw new Error(`expected a layer, got ${r}`);
  return r;
};

// Numbers as files spell them: integers, short decimals, 17-digit reprs, exponents, -0.
const spelled = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => JSON.stringify(v)),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc
    .tuple(fc.integer({ min: -180, max: 3_600_000 }), fc.integer({ min: 0, max: 999_999_999 }), fc.nat(9))
    .map(
      ([a, b, d]) =>
        `${a}.${String(b)
          .padStart(9, '0')
          .slice(0, d + 1)}`,
    ),
  fc.constantFrom(
    '-0',
    '0',
    '-0.0',
    '1e5',
    '1E+5',
    '2.5e-3',
    '123456789012345678',
    '0.1000000000000000055511151231257827',
    '1e400',
    '-1e-400',
    '9007199254740993',
  ),
);
const numbers = (c: unknown): unknown[] => (Array.isArray(c) ? c.flatMap(numbers) : [c]);
const space = fc.constantFrom('', ' ', '\n', '\t ');
const position = fc.tuple(spelled, spelled, space).map(([x, y, s]) => `[${s}${x}${s},${y}]`);
const ring = fc.array(position, { minLength: 1, maxLength: 6 }).map((ps) => `[${ps.join(',')}]`);
const rings = fc.array(ring, { minLength: 1, maxLength: 3 }).map((rs) => `[${rs.join(', ')}]`);
const polys = fc.array(rings, { minLength: 1, maxLength: 3 }).map((ps) => `[${ps.join(',')}]`);
const geometry = fc.oneof(
  rings.map((c) => `{"type":"Polygon","coordinates":${c}}`),
  polys.map((c) => `{"coordinates": ${c} ,"type":"MultiPolygon","bbox":[1,2,3,4]}`),
  // forms left to JSON.parse: a type that does not match the nesting, Z values, empty rings, strings
  rings.map((c) => `{"type":"MultiLineString","coordinates":${c}}`),
  polys.map((c) => `{"type":"Polygon","coordinates":${c}}`),
  fc.constantFrom(
    '{"type":"Polygon","coordinates":[[[1,2,3],[4,5,6]]]}',
    '{"type":"Polygon","coordinates":[[]]}',
    '{"type":"Polygon","coordinates":[]}',
    '{"type":"Polygon","coordinates":[[["1",2]]]}',
    '{"type":"Point","coordinates":[1,2]}',
    'null',
  ),
);
const feature = fc
  .tuple(geometry, fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.double())))
  .map(([g, p]) => `{"type":"Feature","properties":${JSON.stringify(p)},"geometry":${g}}`);

describe('GeoJSON coordinates parsed into typed arrays as the bytes are scanned', () => {
  it('gives exactly what parsing the whole text gives', () => {
    fc.assert(
      fc.property(
        fc.array(feature, { maxLength: 12 }),
        fc.integer({ min: 1, max: 300 }),
        (fs, batchBytes) => {
          const text = `{"type":"FeatureCollection","features":[\n${fs.join(',\n')}\n]}`;
          const got = layerOf(readFeatureCollectionChunked(enc(text), { batchBytes, flat: true }));
          const want = readGeoJsonText(text);
          expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(JSON.stringify(want)));
          // number for number, -0 included (JSON.stringify writes -0 as 0)
          got.features.forEach((f, i) => {
            const a = numbers((f.geometry as { coordinates?: unknown } | null)?.coordinates);
            const b = numbers((want.features[i]!.geometry as { coordinates?: unknown } | null)?.coordinates);
            expect(a.length).toBe(b.length);
            a.forEach((v, k) => expect(Object.is(v, b[k])).toBe(true));
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps polygon coordinates flat until something asks for them', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}';
    const g = layerOf(readFeatureCollectionChunked(enc(text), { flat: true })).features[0]!.geometry;
    const flat = flatOf(g)!;
    expect(Array.from(flat.xy)).toEqual([0, 0, 1, 0, 1, 1, 0, 0]);
    expect(Array.from(flat.ends)).toEqual([4]);
    expect(readFeatureCollectionChunked(enc(text))).toEqual(readGeoJsonText(text));
    expect(JSON.parse(JSON.stringify(g))).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    });
  });

  it('hands numbers JSON refuses, and broken coordinates, to the whole-text path', () => {
    for (const c of [
      '[[[01,2],[3,4]]]',
      '[[[1.,2]]]',
      '[[[.5,2]]]',
      '[[[1,2],]]',
      '[[[1 2]]]',
      '[[[+1,2]]]',
      '[[[1,2]]',
      '[[[1e,2]]]',
    ]) {
      const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${c}}}]}`;
      expect(readFeatureCollectionChunked(enc(text)), c).toBeUndefined();
    }
    const trailing =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},]}';
    expect(readFeatureCollectionChunked(enc(trailing))).toBeUndefined();
    const spaced =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1 2},"geometry":null}]}';
    expect(readFeatureCollectionChunked(enc(spaced))).toBeUndefined();
  });
});
