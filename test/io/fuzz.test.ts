import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsvFeatures } from '../../src/io/export/csv.ts';
import { writeKml } from '../../src/io/export/kml.ts';
import { writeShapefileZip } from '../../src/io/export/shapefile.ts';
import { MESSAGES } from '../../src/io/messages.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { validateFeatures } from '../../src/io/validate.ts';
import { importFile, openBundle } from '../../src/worker/import-api.ts';

const NAMES = ['a.geojson', 'a.json', 'a.zip', 'a.kml', 'a.kmz', 'a.csv', 'noext'];

async function readsSafely(name: string, bytes: Uint8Array): Promise<void> {
  const r = await readLayerFile(name, bytes);
  expect(Array.isArray(r.features)).toBe(true);
  for (const p of r.problems) {
    expect(p.code in MESSAGES).toBe(true);
    expect(typeof p.message).toBe('string');
  }
  // Whatever was read must also validate without throwing.
  for (const p of validateFeatures(r.features)) expect(p.code in MESSAGES).toBe(true);
}

const seeds = async (): Promise<[string, Uint8Array][]> => {
  const poly = {
    type: 'Feature' as const,
    properties: { 名称: '区', n: 1 },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [114.5, 32.1],
          [114.6, 32.1],
          [114.6, 32.2],
          [114.5, 32.1],
        ],
      ],
    },
  };
  return [
    ['a.geojson', new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [poly] }))],
    ['a.zip', (await writeShapefileZip([poly], { crs: 'EPSG:4547', encoding: 'gbk' })).bytes],
    ['a.kml', writeKml([poly])],
    ['a.csv', new TextEncoder().encode('名称,经度,纬度\n"a",114.5,32.1\n')],
    ['b.zip', new Uint8Array(readFileSync(new URL('../fixtures/io/zones-4547-gbk.zip', import.meta.url)))],
  ];
};

describe('readers never throw and report every problem with a code', () => {
  it('random bytes under every file name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 600 }), async (name, bytes) => {
        await readsSafely(name, bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON values as GeoJSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await readsSafely('a.geojson', new TextEncoder().encode(JSON.stringify(value) ?? 'null'));
      }),
      { numRuns: 300 },
    );
  });

  it('valid files with bytes changed, cut or inserted', async () => {
    const files = await seeds();
    const mutation = fc.record({
      file: fc.nat(files.length - 1),
      edits: fc.array(
        fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'insert')),
        {
          minLength: 1,
          maxLength: 6,
        },
      ),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ file, edits }) => {
        const [name, original] = files[file]!;
        let bytes = Array.from(original);
        for (const [pos, value, kind] of edits) {
          const at = pos % Math.max(bytes.length, 1);
          if (kind === 'set') bytes[at] = value;
          else if (kind === 'cut') bytes = bytes.slice(0, at);
          else bytes.splice(at, 0, value);
        }
        await readsSafely(name, Uint8Array.from(bytes));
      }),
      { numRuns: 400 },
    );
  });
});

// ── Every reader on real files, mutated, in Node and through the import worker's API (issue 8) ──
// A fixed seed makes a failure reproducible; a time budget keeps CI short (FUZZ_MS=60000 for a
// longer run). Each read must also end within PER_READ_MS: a reader that hangs on some input fails.
const SEED = 20261201;
const BUDGET_MS = Number(process.env.FUZZ_MS ?? 6000);
const PER_READ_MS = 10_000;

const fixture = (p: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../${p}`, import.meta.url)));

async function realSeeds(): Promise<[string, Uint8Array][]> {
  const kml = fixture('test/fixtures/browser/parcels.kml');
  const zones = JSON.parse(new TextDecoder().decode(fixture('data/luoshan/zones.geojson')));
  return [
    ['zones.geojson', fixture('data/luoshan/zones.geojson')],
    ['villages.geojson', fixture('data/luoshan/villages.geojson')],
    ['roads.geojson', fixture('data/luoshan/roads.geojson')],
    ['hostile.geojson', fixture('test/fixtures/browser/hostile.geojson')],
    ['zones-4547-gbk.zip', fixture('test/fixtures/io/zones-4547-gbk.zip')],
    ['roads-4490.zip', fixture('test/fixtures/io/roads-4490.zip')],
    ['villages-4326.zip', fixture('test/fixtures/io/villages-4326.zip')],
    ['parcels.kml', kml],
    ['parcels.kmz', zipSync({ 'doc.kml': kml })],
    ['zones.csv', writeCsvFeatures(zones.features, { encoding: 'gbk' })],
    ['points.csv', new TextEncoder().encode('名称,经度,纬度\n"=a",114.5,32.1\n李店村,114.52,32.15\n')],
  ];
}

// Text that has broken readers before, spliced into text formats.
const SNIPPETS = [
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":',
  '1e999',
  '-0',
  '"__proto__":{"x":1},',
  '{"type":"GeometryCollection","geometries":[',
  'null,',
  '<Folder><Folder><Folder>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
  '"\u001b]0;x\u0007",',
  '\r\n"',
];

type Edit = [number, number, 'set' | 'cut' | 'insert' | 'snippet' | 'repeat'];

function mutate(original: Uint8Array, edits: readonly Edit[]): Uint8Array {
  let bytes = Array.from(original);
  for (const [pos, value, kind] of edits) {
    const at = pos % Math.max(bytes.length, 1);
    if (kind === 'set') bytes[at] = value & 0xff;
    else if (kind === 'cut') bytes = bytes.slice(0, at);
    else if (kind === 'insert') bytes.splice(at, 0, value & 0xff);
    else if (kind === 'snippet')
      bytes.splice(at, 0, ...new TextEncoder().encode(SNIPPETS[value % SNIPPETS.length]!));
    else bytes.splice(at, 0, ...bytes.slice(at, at + 1 + (value % 64)));
  }
  return Uint8Array.from(bytes);
}

/** Mutates a zip inside: one entry's bytes (the .shp, .dbf, .prj, .kml ...) rather than the deflate stream. */
function mutateZip(original: Uint8Array, entry: number, edits: readonly Edit[]): Uint8Array {
  const files = unzipSync(original);
  const names = Object.keys(files);
  const name = names[entry % names.length]!;
  files[name] = mutate(files[name]!, edits) as Uint8Array<ArrayBuffer>;
  return zipSync(files);
}

// Values put into a parsed GeoJSON feature: what byte edits almost never produce, valid JSON that
// is hostile in its structure. DEEP stands for an array nested `depth` levels, written as text
// (JSON.stringify itself overflows on it).
const DEEP = '@@deep@@';
const HOSTILE_VALUES: unknown[] = [
  DEEP,
  JSON.parse('{"__proto__":{"polluted":true}}'),
  'x'.repeat(300_000),
  { type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [DEEP] }] },
  [DEEP],
  -0,
  '=HYPERLINK("http://x")',
  '\u001b]0;t\u0007',
];

function mutateGeoJson(
  original: Uint8Array,
  feature: number,
  where: number,
  value: number,
  depth: number,
): Uint8Array {
  const fcv = JSON.parse(new TextDecoder().decode(original)) as { features: Record<string, unknown>[] };
  const f = fcv.features[feature % fcv.features.length]!;
  const v = HOSTILE_VALUES[value % HOSTILE_VALUES.length];
  const target = ['properties', 'geometry', 'coordinates', 'extra'][where % 4]!;
  if (target === 'properties') Object.defineProperty(f.properties, 'k', { value: v, enumerable: true });
  else if (target === 'coordinates' && f.geometry) (f.geometry as Record<string, unknown>).coordinates = v;
  else f[target] = v;
  const text = JSON.stringify(fcv).replaceAll(`"${DEEP}"`, '['.repeat(depth) + ']'.repeat(depth));
  return new TextEncoder().encode(text);
}

const editArb = fc.array(
  fc.tuple(
    fc.nat(),
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom('set' as const, 'cut' as const, 'insert' as const, 'snippet' as const, 'repeat' as const),
  ),
  { minLength: 1, maxLength: 5 },
);

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await run();
  expect(performance.now() - t0, `${what} took too long`).toBeLessThan(PER_READ_MS);
  return out;
}

describe('every reader on mutated real files (fixed seed, time budget)', () => {
  const cases = async () => {
    const files = await realSeeds();
    return fc
      .record({
        file: fc.nat(files.length - 1),
        inside: fc.boolean(),
        entry: fc.nat(),
        edits: editArb,
        hostile: fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 20_000 })),
      })
      .map(({ file, inside, entry, edits, hostile }): [string, Uint8Array] => {
        const [name, out] = pick();
        // a short line in a failure report instead of every byte (the seed and path reproduce it)
        return Object.assign([name, out] as [string, Uint8Array], {
          [fc.toStringMethod]: () => `${name}: ${out.length} bytes`,
        });
        function pick(): [string, Uint8Array] {
          const [name, bytes] = files[file]!;
          if (/\.(zip|kmz)$/.test(name) && inside) return [name, mutateZip(bytes, entry, edits)];
          // GeoJSON: half the cases get a hostile value in a feature instead of byte edits
          if (name.endsWith('.geojson') && inside) return [name, mutateGeoJson(bytes, entry, ...hostile)];
          return [name, mutate(bytes, edits)];
        }
      });
  };

  it(
    'in Node: readLayerFile and validation never throw, every problem has a message',
    async () => {
      await fc.assert(
        fc.asyncProperty(await cases(), async ([name, bytes]) => {
          await timed(name, () => readsSafely(name, bytes));
        }),
        { seed: SEED, numRuns: 100_000, interruptAfterTimeLimit: BUDGET_MS },
      );
    },
    BUDGET_MS + PER_READ_MS + 20_000,
  );

  it(
    'through the import worker API: no throw, and the answer survives structured clone',
    async () => {
      await fc.assert(
        fc.asyncProperty(await cases(), async ([name, bytes]) => {
          const blob = Object.assign(new Blob([bytes as BlobPart]), { name });
          const batches: unknown[] = [];
          const r = await timed(name, () =>
            importFile(blob, {}, undefined, (b) => {
              // what postMessage does to every batch on its way to the page
              batches.push(structuredClone(b));
            }),
          );
          expect(() => structuredClone(r)).not.toThrow();
          for (const p of r.problems) expect(typeof p.message).toBe('string');
          if (/\.zip$/.test(name)) {
            const bundle = await timed(name, () => openBundle(blob));
            expect(() => structuredClone(bundle)).not.toThrow();
          }
        }),
        { seed: SEED + 1, numRuns: 100_000, interruptAfterTimeLimit: BUDGET_MS },
      );
    },
    BUDGET_MS + PER_READ_MS + 20_000,
  );
});
