import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { messageText } from '../../src/io/messages.ts';
import { validateLayerFile } from '../../src/io/validate-file.ts';
import { validateFeatures } from '../../src/io/validate.ts';
import { repairFeature } from '../../src/io/repair/index.ts';
import { ringSignedArea2 } from '../../src/io/shapefile/shp.ts';

const root = fileURLToPath(new URL('../fixtures/io/validate/', import.meta.url));
const cases = readdirSync(root);

describe('validation fixtures (one per code)', () => {
  it.each(cases)('%s', async (name) => {
    const bytes = new Uint8Array(readFileSync(`${root}${name}/in.geojson`));
    const expected = JSON.parse(readFileSync(`${root}${name}/expected.json`, 'utf8')) as { codes: string[] };
    const r = await validateLayerFile('in.geojson', bytes);
    const codes = [...new Set([...r.errors, ...r.warnings].map((p) => p.code))].sort();
    expect(codes).toEqual([...expected.codes].sort());
    for (const p of [...r.errors, ...r.warnings]) {
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(messageText(p.code)).toBeDefined();
    }
  });

  it('self-intersection gives the crossing point, the feature index and its name', async () => {
    const r = await validateLayerFile('in.geojson', readFileSync(`${root}self-intersection/in.geojson`));
    const p = r.errors[0]!;
    expect(p).toMatchObject({ code: 'self-intersection', feature: 0, name: '蝴蝶形' });
    expect(p.at![0]).toBeCloseTo(114.55, 9);
    expect(p.at![1]).toBeCloseTo(32.15, 9);
  });

  it('names the CRS of an 8-digit easting from its zone number, and guesses one for 6 digits', async () => {
    const r8 = await validateLayerFile(
      'a.geojson',
      readFileSync(`${root}projected-without-crs-8digit/in.geojson`),
    );
    expect(r8.errors[0]!.message).toContain('EPSG:4526');
    const r6 = await validateLayerFile(
      'a.geojson',
      readFileSync(`${root}projected-without-crs-6digit/in.geojson`),
    );
    expect(r6.errors[0]!.message).toContain('EPSG:4547');
    const hinted = await validateLayerFile(
      'a.geojson',
      readFileSync(`${root}projected-without-crs-6digit/in.geojson`),
      {
        hintLon: 111.2,
      },
    );
    expect(hinted.errors[0]!.message).toContain('EPSG:4546');
  });

  it('says when the axes look swapped', async () => {
    const r = await validateLayerFile(
      'a.geojson',
      readFileSync(`${root}coordinate-out-of-range-swapped/in.geojson`),
    );
    expect(r.errors[0]!.message).toContain('颠倒');
  });

  it('invalid JSON says the line and column', async () => {
    const r = await validateLayerFile('a.geojson', readFileSync(`${root}invalid-json/in.geojson`));
    expect(r.errors[0]!.message).toContain('第 3 行');
  });
});

const area = (rings: Position[][]): number =>
  rings.reduce((s, r, i) => s + ((i === 0 ? 1 : -1) * Math.abs(ringSignedArea2(r))) / 2, 0);

describe('repairs', () => {
  const geos = JSON.parse(
    readFileSync(new URL('../fixtures/io/make-valid-geos.json', import.meta.url), 'utf8'),
  ) as Record<string, { in: Polygon; geos_area: number; geos_parts: number }>;

  it.each(Object.keys(geos))('split self-intersection %s as GEOS MakeValid does', (name) => {
    const c = geos[name]!;
    const feature: Feature = { type: 'Feature', properties: { 名称: name }, geometry: c.in };
    const r = repairFeature(feature, 'split-self-intersections');
    expect(r.changed).toBe(true);
    const g = r.feature.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    expect(polys.length).toBe(c.geos_parts);
    expect(polys.reduce((s, p) => s + area(p), 0)).toBeCloseTo(c.geos_area, 9);
    expect(
      validateFeatures([r.feature], { geographic: false }).filter((p) => p.severity === 'error'),
    ).toEqual([]);
    expect(r.feature.properties).toBe(feature.properties);
  });

  it('closes rings, drops duplicate vertices and rewinds, saying what changed', () => {
    const f: Feature = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [0, 1],
            [0, 1],
            [1, 1],
            [1, 0],
          ],
        ],
      },
    };
    const closed = repairFeature(f, 'close-rings');
    expect(closed.summary.zh).toBe('闭合了 1 个环');
    const deduped = repairFeature(closed.feature, 'drop-duplicate-vertices');
    expect(deduped.summary.en).toBe('dropped 1 duplicate vertex(es)');
    const rewound = repairFeature(deduped.feature, 'rewind');
    expect(rewound.changed).toBe(true);
    expect(rewound.feature.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    expect(validateFeatures([rewound.feature])).toEqual([]);
    expect((f.geometry as Polygon).coordinates[0]).toHaveLength(5);
  });
});
