import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeKml } from '../../src/io/export/kml.ts';
import { writeShapefileZip } from '../../src/io/export/shapefile.ts';
import { MESSAGES } from '../../src/io/messages.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { validateFeatures } from '../../src/io/validate.ts';

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
