import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFeatureCollectionChunked, scanFeatureCollection } from '../../src/io/geojson-chunks.ts';
import { readGeoJsonText } from '../../src/io/read-geojson.ts';
import type { RawLayer } from '../../src/io/read-types.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const layerOf = (r: ReturnType<typeof readFeatureCollectionChunked>): RawLayer => {
  if (r === undefined || r === 'aborted') throw new Error(`expected a layer, got ${r}`);
  return r;
};

// Property values that stress the byte scanner: quotes, escapes, brackets and commas inside strings,
// Chinese text, nested objects and arrays, and the key "features" where it is not the collection's.
const tricky = fc.oneof(
  fc.string(),
  fc.constantFrom('a"b', 'a\\"]}', '[{,}]', '罗山县产业集聚区', '\\', '"features":[', '\u2028'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('features', 'x', '__proto__'), fc.string(), { maxKeys: 2 }),
);

const feature = fc.record({
  type: fc.constant('Feature'),
  properties: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tricky, { maxKeys: 4 }),
  geometry: fc.oneof(
    fc.constant(null),
    fc
      .tuple(fc.double({ min: 100, max: 120, noNaN: true }), fc.double({ min: 20, max: 40, noNaN: true }))
      .map(([x, y]) => ({
        type: 'Point',
        coordinates: [x, y],
      })),
  ),
});

describe('reading a FeatureCollection a batch at a time', () => {
  it('gives exactly what parsing the whole text gives, whatever the batch size and spacing', () => {
    fc.assert(
      fc.property(
        fc.array(feature, { maxLength: 30 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(undefined, 1, '\t'),
        fc.boolean(),
        (features, batchBytes, indent, bom) => {
          const text = JSON.stringify(
            { type: 'FeatureCollection', name: 'x', features, crs: null },
            null,
            indent,
          );
          const bytes = enc((bom ? '\uFEFF' : '') + text);
          const chunked = readFeatureCollectionChunked(bytes, { batchBytes, file: 'f.geojson' });
          expect(chunked).toBeDefined();
          expect(chunked).toEqual(readGeoJsonText(text, 'f.geojson'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a "__proto__" property as an own property', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":{"a":1}},"geometry":null}]}';
    const r = layerOf(readFeatureCollectionChunked(enc(text)));
    expect(Object.prototype.hasOwnProperty.call(r.features[0]!.properties, '__proto__')).toBe(true);
  });

  it('reads the legacy crs member that follows the features', () => {
    const text =
      '{"type":"FeatureCollection","features":[],"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4547"}}}';
    expect(layerOf(readFeatureCollectionChunked(enc(text))).fileCrs).toBe('EPSG:4547');
  });

  it('hands truncated, broken or other-shaped JSON to the whole-text path', () => {
    const full =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}';
    for (const text of [
      full.slice(0, 60),
      full.replace('"properties":{}', '"properties":{,}'),
      full + ' x',
      '[1,2]',
      '{"type":"Feature","properties":{},"geometry":null}',
      '{"type":"FeatureCollection","features":[1,,2]}',
    ]) {
      expect(readFeatureCollectionChunked(enc(text))).toBeUndefined();
    }
  });

  it('finds each item of the features array by its bytes', () => {
    const text = '{ "type": "FeatureCollection", "features": [ {"a": "]"} , {"b": [1, {"c": ","}]} ] }';
    const layout = scanFeatureCollection(enc(text), 0)!;
    const items = Array.from({ length: layout.count }, (_, i) =>
      text.slice(layout.items[i * 2], layout.items[i * 2 + 1]).trim(),
    );
    expect(items).toEqual(['{"a": "]"}', '{"b": [1, {"c": ","}]}']);
  });

  it('stops when cancelled and says so, without falling back to a whole-text parse', () => {
    const controller = new AbortController();
    controller.abort();
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: null }],
    });
    expect(readFeatureCollectionChunked(enc(text), { signal: controller.signal })).toBe('aborted');
  });
});
