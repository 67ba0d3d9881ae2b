// The chunked GeoJSON reader's fast paths (io/geojson-chunks.ts): features built straight from
// their bytes (FeatureParser), whole geometries parsed flat, non-ASCII sent to JSON.parse as \u
// escapes, the nesting counted by the scan. Each must give exactly what JSON.parse of the whole
// text gives (readGeoJsonText): the same members in the same order, the same strings, the same
// doubles bit for bit (-0 included), the same prototypes; and hostile input either the same answer
// or the whole-text path (undefined), never another answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatOf } from '../../src/core/flat-coords.ts';
import { readFeatureCollectionChunked, readFeatureCollectionStream } from '../../src/io/geojson-chunks.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { readGeoJsonText } from '../../src/io/read-geojson.ts';
import type { ByteSource, RawLayer } from '../../src/io/read-types.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const layerOf = (r: ReturnType<typeof readFeatureCollectionChunked>): RawLayer => {
  if (r === undefined || r === 'aborted') throw new Error(`expected a layer, got ${String(r)}`);
  return r;
};
const sourceOf = (bytes: Uint8Array): ByteSource => ({
  size: bytes.length,
  read(into, position) {
    const n = Math.max(0, Math.min(into.length, bytes.length - position));
    into.set(bytes.subarray(position, position + n));
    return n;
  },
  readAll: () => bytes.slice(),
  close() {},
});

/**
 * Where a and b differ (a path), or undefined: own keys in order (so "__proto__" and member
 * order count), prototypes, and numbers by Object.is. A flat geometry (a) compares by its GeoJSON,
 * whose members it always writes "type" first (as it did before these fast paths).
 */
function diff(a: unknown, b: unknown, path = '$'): string | undefined {
  if (flatOf(a)) {
    a = (a as { toJSON(): unknown }).toJSON();
    if (b && typeof b === 'object') {
      const wb = b as Record<string, unknown>;
      const ka = Object.keys(a as object);
      if (ka.length === Object.keys(wb).length && ka.every((k) => Object.hasOwn(wb, k)))
        b = Object.fromEntries(ka.map((k) => [k, wb[k]]));
    }
  }
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b) ? undefined : path;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return a === b ? undefined : path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path} (prototype)`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path} keys ${ka.join(',')} / ${kb.join(',')}`;
  for (const k of ka) {
    const d = diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/** The chunked reading of `bytes` (plain and flat), each against JSON.parse of the whole text. */
function expectSame(bytes: Uint8Array, batchBytes?: number): void {
  const want = readGeoJsonText(new TextDecoder().decode(bytes), 'f.geojson');
  for (const flat of [false, true]) {
    const got = layerOf(readFeatureCollectionChunked(bytes, { batchBytes, flat, file: 'f.geojson' }));
    expect(diff(got.features, want.features)).toBeUndefined();
    expect(got.problems).toEqual(want.problems);
    expect(got.fileCrs).toEqual(want.fileCrs);
  }
}

const collection = (features: string[]) =>
  `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}`;
const ring = '[[[114.1,32.1],[114.2,32.1],[114.2,32.2],[114.1,32.1]]]';
const feature = (props: string, geometry = `{"type":"Polygon","coordinates":${ring}}`) =>
  `{"type":"Feature","properties":${props},"geometry":${geometry}}`;

describe('features built from their bytes', () => {
  it('reads numbers as JSON.parse does: -0, exponents either case, huge and tiny, long digits', () => {
    const numbers = [
      '-0',
      '0',
      '-0.0',
      '0e5',
      '-0E-3',
      '1e-7',
      '1E+2',
      '1e+308',
      '1e309',
      '-1e400',
      '1e-400',
      '2.5e-3',
      '4.9e-324',
      '1.7976931348623157e308',
      '123456789012345678',
      '9007199254740993',
      '0.1000000000000000055511151231257827',
      '114.300000001',
      '1200.5',
      '1e22',
      '1e23',
      '123456789012345e-22',
      '1' + '0'.repeat(400),
      '0.' + '0'.repeat(400) + '1',
      '1e' + '9'.repeat(30),
    ];
    const props = `{${numbers.map((v, k) => `"n${k}":${v}`).join(',')}}`;
    const positions = numbers.map((v) => `[${v},${v}]`).join(',');
    const text = collection([
      feature(props),
      feature('{}', `{"type":"Polygon","coordinates":[[${positions}]]}`),
      feature('{}', `{"coordinates":[[[${positions}]]],"type":"MultiPolygon"}`),
    ]);
    expectSame(enc(text));
    const got = layerOf(readFeatureCollectionChunked(enc(text)));
    expect(Object.is(got.features[0]!.properties!.n0, -0)).toBe(true);
    expect(got.features[0]!.properties!.n8).toBe(Infinity);
  });

  it('sends numbers JSON refuses to the whole-text path', () => {
    for (const v of ['01', '1.', '.5', '+1', '1e', '1e+', '-', '--1', '0x10', 'NaN', 'Infinity', '1_000']) {
      const text = collection([feature(`{"a":${v}}`)]);
      expect(readFeatureCollectionChunked(enc(text)), v).toBeUndefined();
    }
  });

  it('reads strings as TextDecoder and JSON.parse do: CJK, emoji, escapes, long, empty', () => {
    const values = [
      '',
      '罗山县产业集聚区',
      '城镇住宅用地',
      '😀 4-byte',
      'a"b',
      'back\\slash',
      'tab\there',
      '\u2028\u2029',
      '\uFEFFstarts with a BOM',
      '\u00e9\u00ff\u0100',
      'x'.repeat(31),
      'x'.repeat(32),
      'x'.repeat(33),
      'y'.repeat(64),
      'y'.repeat(65),
      '长'.repeat(40),
      '\u0000',
      '\u007f',
      'ends with a backslash \\',
    ];
    const props = JSON.stringify(Object.fromEntries(values.map((v, k) => [`s${k}`, v])));
    // The same values as keys, raw and as \u escapes JSON.stringify does not write.
    const keys = JSON.stringify(Object.fromEntries(values.map((v, k) => [v || `empty${k}`, k])));
    const escaped = '{"\\u6c34\\u7530":"\\u6c34\\u7530","\\/":"\\/","a\\u0000b":1}';
    expectSame(enc(collection([feature(props), feature(keys), feature(escaped)])));
  });

  it('decodes bytes that are not UTF-8 as TextDecoder does (replacement characters)', () => {
    const bad = [
      [0xff],
      [0xe6, 0xb0], // truncated
      [0xe6, 0xb0, 0x41], // truncated before ASCII
      [0xc0, 0xaf], // overlong
      [0xe0, 0x80, 0xaf], // overlong
      [0xed, 0xa0, 0x80], // a surrogate
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xf0, 0x9f, 0x98], // truncated emoji
      [0x80, 0x80],
      [0xe6, 0xb0, 0xb4, 0xff, 0xe7, 0x94, 0xb0], // 水 bad 田
      [0xef, 0xbb, 0xbf], // a BOM inside a string
    ];
    const parts: number[] = [...enc('{"type":"FeatureCollection","features":[')];
    bad.forEach((seq, k) => {
      if (k > 0) parts.push(0x2c);
      parts.push(...enc(`{"type":"Feature","properties":{"v":"a`), ...seq, ...enc('b","k'), ...seq);
      parts.push(...enc(`":1},"geometry":{"type":"Polygon","coordinates":${ring}}}`));
      // the same in a feature the fast path leaves to JSON.parse (a nested property)
      parts.push(
        ...enc(`,{"type":"Feature","properties":{"n":[1],"v":"`),
        ...seq,
        ...enc('"},"geometry":null}'),
      );
    });
    parts.push(...enc(']}'));
    expectSame(new Uint8Array(parts));
  });

  it('keeps members in the file order, the last of a repeated key at the place of its first', () => {
    const text = collection([
      '{"geometry":null,"properties":{"b":1,"a":2},"type":"Feature"}',
      `{"properties":{"a":1},"type":"Feature","id":7,"geometry":{"type":"Polygon","coordinates":${ring}}}`,
      '{"type":"Feature","id":"x","properties":{"a":1,"b":2,"a":3},"geometry":null}',
      '{"type":"Feature","type":"Feature","properties":null,"geometry":null}',
      '{"type":"Feature","properties":{"2":"two","1":"one","x":0,"0":"zero"},"geometry":null}',
      '{"type":"Feature","properties":{"constructor":1,"toString":"s","hasOwnProperty":null},"geometry":null}',
      '{"type":"Feature","properties":{}}',
      '{"type":"Feature","geometry":null}',
      '{"type":"Feature"}',
      '{}',
      '{"type":"Other","properties":{"a":1},"geometry":null}',
      '{"type":"Feature","properties":"text","geometry":null}',
      '{"type":"Feature","properties":{"t":true,"f":false,"n":null},"geometry":null}',
      ` { "type" : "Feature" , "properties" : { "a" : 1 , "b" : "x" } , "geometry" : { "type" : "Polygon" , "coordinates" : ${ring} } } `,
    ]);
    expectSame(enc(text));
    expectSame(enc(text), 1);
  });

  it('keeps "__proto__" as an own member, in properties and in the feature', () => {
    const text = collection([
      '{"type":"Feature","properties":{"__proto__":1,"a":2},"geometry":null}',
      '{"type":"Feature","properties":{"__proto__":{"polluted":true}},"geometry":null}',
      '{"__proto__":null,"type":"Feature","properties":{},"geometry":null}',
    ]);
    expectSame(enc(text));
    const got = layerOf(readFeatureCollectionChunked(enc(text)));
    expect(Object.hasOwn(got.features[0]!.properties!, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives geometries in either member order, and other forms, as JSON.parse does', () => {
    const multi = `[${ring},${ring}]`;
    const text = collection([
      feature('{}', `{"coordinates":${ring},"type":"Polygon"}`),
      feature('{}', `{"type":"MultiPolygon","coordinates":${multi}}`),
      feature('{}', `{"coordinates":${multi},"type":"MultiPolygon"}`),
      // a type that does not match the nesting, another member, a Z value, empty rings, a Point
      feature('{}', `{"type":"MultiPolygon","coordinates":${ring}}`),
      feature('{}', `{"coordinates":${ring},"type":"MultiPolygon"}`),
      feature('{}', `{"type":"Polygon","coordinates":${ring},"bbox":[1,2,3,4]}`),
      feature('{}', `{"bbox":[1,2,3,4],"type":"Polygon","coordinates":${ring}}`),
      feature('{}', '{"type":"Polygon","coordinates":[[[1,2,3],[4,5,6],[7,8,9],[1,2,3]]]}'),
      feature('{}', '{"type":"Polygon","coordinates":[[]]}'),
      feature('{}', '{"type":"Polygon","coordinates":[]}'),
      feature('{}', '{"type":"Point","coordinates":[114,32]}'),
      feature('{}', '{"type":"Polygon"}'),
      feature('{}', '{"type":"Polygon","coordinates":null}'),
      feature('{}', '{"type":"Polygon ","coordinates":[[[1,2],[3,4],[1,2]]]}'),
      feature('{}', '[1,2]'),
      feature('{}', '7'),
    ]);
    expectSame(enc(text));
    const flat = layerOf(readFeatureCollectionChunked(enc(text), { flat: true }));
    expect(flatOf(flat.features[0]!.geometry)).toBeDefined();
    expect(flatOf(flat.features[2]!.geometry)?.depth).toBe(4);
  });

  it('sends a feature with two geometries, or a geometry with two coordinates, to the whole-text path', () => {
    const poly = `{"type":"Polygon","coordinates":${ring}}`;
    for (const f of [
      `{"type":"Feature","properties":{},"geometry":${poly},"geometry":null}`,
      `{"type":"Feature","properties":{},"geometry":null,"geometry":${poly}}`,
      `{"type":"Feature","properties":{},"geometry":${poly},"geometry":${poly}}`,
      `{"type":"Feature","properties":{"n":[1]},"geometry":${poly},"geometry":0}`,
      `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${ring},"coordinates":0}}`,
      `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":0,"coordinates":${ring}}}`,
    ]) {
      const text = collection([f]);
      expect(readFeatureCollectionChunked(enc(text)), f).toBeUndefined();
    }
  });

  it('reads a geometry given twice as JSON.parse does when the whole file is read', async () => {
    // JSON.parse keeps the last "coordinates": 0 here, not a polygon.
    const text = collection([
      `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${ring},"coordinates":0}}`,
      ...Array.from({ length: 20_000 }, () => feature('{"pad":"x"}')),
    ]);
    const bytes = enc(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const r = await readLayerFile('two.geojson', bytes, { flat: true });
    expect(r.features[0]!.geometry).toBeNull();
    expect(r.problems.some((p) => p.code === 'invalid-geometry' && p.feature === 0)).toBe(true);
  });

  it('leaves nested properties, escapes and hostile nesting to JSON.parse, with the same answer', () => {
    let deep = '1';
    for (let k = 0; k < 200; k++) deep = `[${deep}]`;
    const text = collection([
      feature('{"list":[1,2,{"a":"b"}],"obj":{"x":{"y":null}}}'),
      feature(`{"deep":${deep}}`),
      feature('{"a":"line\\nbreak","b":"\\ud83d\\ude00","c":"\\ud800"}'),
      feature('{"a":1}', '{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]}]}'),
      '7',
      '"a string"',
      'null',
      '[1,{"type":"Feature"}]',
    ]);
    expectSame(enc(text));
    expectSame(enc(text), 1);
  });

  it('sends truncated or broken features to the whole-text path', () => {
    const good = feature('{"a":"b","n":1,"t":true}');
    for (let cut = 1; cut < good.length; cut++) {
      const text = `{"type":"FeatureCollection","features":[${good.slice(0, cut)}`;
      expect(readFeatureCollectionChunked(enc(text)), text).toBeUndefined();
    }
    for (const f of [
      '{"type":"Feature","properties":{"a":tru},"geometry":null}',
      '{"type":"Feature","properties":{"a":truex},"geometry":null}',
      '{"type":"Feature","properties":{"a":nul},"geometry":null}',
      '{"type":"Feature","properties":{"a":1,},"geometry":null}',
      '{"type":"Feature","properties":{"a" 1},"geometry":null}',
      '{"type":"Feature","properties":{a:1},"geometry":null}',
      '{"type":"Feature","properties":{"a":"x\ny"},"geometry":null}',
      '{"type":"Feature","properties":{"a":"\\x"},"geometry":null}',
      '{"type":"Feature","properties":{},"geometry":null,}',
      '{"type":"Feature","properties":{},"geometry":null',
      '{"type":"Feature","properties":{},"geometry":null}}',
      "{'type':'Feature'}",
    ]) {
      expect(readFeatureCollectionChunked(enc(collection([f]))), f).toBeUndefined();
    }
  });

  it('builds wide properties, one schema or a new one in every feature, as JSON.parse does', () => {
    const wide = (k: number) =>
      `{${Array.from({ length: 27 }, (_, m) => `"F${m}":${m % 3 ? `"v${k % 7}"` : k + m / 10}`).join(',')}}`;
    // the same keys with a repeat and index-like keys, in a template of their own
    const odd = (k: number) => `{"b":1,"2":"two","a":${k},"b":"again","0":null}`;
    const own = (k: number, n: number) =>
      `{${Array.from({ length: n }, (_, m) => `"k${k}_${m}":${m}`).join(',')}}`;
    const features = Array.from({ length: 600 }, (_, k) =>
      feature(k % 5 === 0 ? odd(k) : k < 300 ? wide(k) : own(k, k % 2 ? 5 : 20)),
    );
    expectSame(enc(collection(features)));
  });

  it('caches repeated strings without mixing up different ones', () => {
    // 30 000 distinct short strings share the cache's 4 096 slots many times over.
    const features = Array.from({ length: 30_000 }, (_, k) =>
      feature(`{"k${k % 977}":"v${(k * 7919) % 30_011}","c":"${'码'.repeat(k % 11)}"}`, 'null'),
    );
    expectSame(enc(collection(features)));
    // A string that begins with the one at the same place in the feature before is not that one.
    const prefixes = ['a', 'ab', 'abc', 'ab', '', 'a', '水', '水田', '水田x', 'abc'].map((v) =>
      feature(`{${JSON.stringify(v)}:${JSON.stringify(v)},"k":${JSON.stringify(v + v)}}`, 'null'),
    );
    expectSame(enc(collection(prefixes)));
  });

  it('checks cancellation and reports progress while every feature is built from its bytes', () => {
    const text = collection(Array.from({ length: 2000 }, () => feature('{"a":"b"}')));
    const seen: number[] = [];
    layerOf(readFeatureCollectionChunked(enc(text), { batchBytes: 4096, onProgress: (f) => seen.push(f) }));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const controller = new AbortController();
    let calls = 0;
    const r = readFeatureCollectionChunked(enc(text), {
      batchBytes: 4096,
      signal: controller.signal,
      onProgress: () => {
        if (++calls === 3) controller.abort();
      },
    });
    expect(r).toBe('aborted');
  });
});

describe('the nesting counted by the scan', () => {
  it('refuses a property nested past the limit in a large file as in a small one', async () => {
    const pad = Array.from({ length: 12_000 }, () => feature('{"pad":"x"}'));
    for (const levels of [60, 62, 63, 64, 65, 66, 70]) {
      let v = '1';
      for (let k = 0; k < levels - 2; k++) v = `[${v}]`;
      // properties is level 1, "deep" level 2 and each bracket one more
      const f = feature(`{"deep":${v}}`);
      const small = await readLayerFile('small.geojson', enc(collection([f])));
      const bigBytes = enc(collection([...pad, f]));
      expect(bigBytes.length).toBeGreaterThan(1024 * 1024);
      const big = await readLayerFile('big.geojson', bigBytes, { flat: true });
      const streamed = await readLayerFile('big.geojson', { bytes: undefined, source: sourceOf(bigBytes) });
      const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);
      expect(codes(big), `${levels}`).toEqual(codes(small));
      expect(codes(streamed), `${levels}`).toEqual(codes(small));
      expect(big.features.length).toBe(small.features.length === 0 ? 0 : pad.length + 1);
    }
  });
});

// Random valid GeoJSON, from the plain form the fast path takes to forms it leaves to JSON.parse.
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('罗山县', '水田', '"', '\\', '\n', '\u2028', '},{', '\uFEFF', '__proto__', 'geometry'),
);
const scalar = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.constantFrom(-0, 1e-7, 1e21, 5e-324, true, false, null),
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(text, scalar, { maxKeys: 2 }) },
);
const coordinate = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 100, max: 120, noNaN: true }),
  fc.integer({ min: -180, max: 180 }),
  fc.constantFrom(-0, 0, 1e-7, 114.300000001),
);
const position = fc.tuple(coordinate, coordinate);
const ringOf = fc.array(position, { minLength: 1, maxLength: 6 });
const geometry = fc.oneof(
  fc.constant(null),
  fc.array(ringOf, { minLength: 1, maxLength: 3 }).map((c) => ({ type: 'Polygon', coordinates: c })),
  fc
    .array(fc.array(ringOf, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
    .map((c) => ({ type: 'MultiPolygon', coordinates: c })),
  fc.array(ringOf, { minLength: 1, maxLength: 2 }).map((c) => ({ coordinates: c, type: 'Polygon' })),
  position.map((c) => ({ type: 'Point', coordinates: c })),
);
const randomFeature = fc
  .record(
    {
      type: fc.constantFrom('Feature', 'Feature', 'Feature', 'feature'),
      id: fc.oneof(fc.integer(), text),
      properties: fc.oneof(fc.constant(null), fc.dictionary(text, value, { maxKeys: 6 })),
      geometry,
    },
    { requiredKeys: ['type'] },
  )
  .chain((f) =>
    // members in a random order
    fc
      .shuffledSubarray(Object.keys(f), { minLength: Object.keys(f).length })
      .map((keys) => Object.fromEntries(keys.map((k) => [k, (f as Record<string, unknown>)[k]]))),
  );

/** JSON.stringify, with -0 written as -0 (JSON.stringify writes 0), numbers respelt at random. */
function spell(v: unknown, exp: boolean): string {
  if (typeof v === 'number') {
    if (Object.is(v, -0)) return '-0';
    return exp && Number.isFinite(v) && v !== 0 ? v.toExponential().replace('e', 'E') : JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map((x) => spell(x, exp)).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${spell(x, exp)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

describe('random GeoJSON', () => {
  it('gives exactly what JSON.parse of the whole text gives, whole or a window at a time', () => {
    fc.assert(
      fc.property(
        fc.array(randomFeature, { maxLength: 15 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.boolean(),
        fc.constantFrom('', ' ', '\n  '),
        (features, size, exp, gap) => {
          const body = features.map((f) => spell(f, exp)).join(`,${gap}`);
          const t = `{"type":"FeatureCollection",${gap}"features":[${gap}${body}${gap}]}`;
          const bytes = enc(t);
          expectSame(bytes, size);
          const want = readGeoJsonText(t);
          const streamed = readFeatureCollectionStream(sourceOf(bytes), { windowBytes: size, flat: true });
          // (a '},{' inside a string may send the windows to the whole-file path: undefined)
          if (streamed !== undefined && streamed !== 'aborted') {
            expect(diff(streamed.features, want.features)).toBeUndefined();
            expect(streamed.problems).toEqual(want.problems);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
