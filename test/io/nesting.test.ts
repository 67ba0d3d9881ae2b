import { describe, expect, it } from 'vitest';
import { readLayerFile } from '../../src/io/read.ts';
import { MAX_NESTING, tooDeepPath } from '../../src/io/nesting.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('nesting limits in the readers', () => {
  it('finds the path to a value nested past the limit, and nothing in ordinary features', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(tooDeepPath({ properties: { a: 1, 深: deep } })).toEqual(['properties', '深']);
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    };
    expect(
      tooDeepPath({ type: 'Feature', properties: { list: [[1, 2], { a: [1] }] }, geometry: polygon }),
    ).toBe(undefined);
  });

  it('refuses a GeometryCollection nested 10 000 deep by the same limit, naming the member', async () => {
    const d = 10_000;
    const text =
      '{"type":"Feature","properties":{},"geometry":' +
      '{"type":"GeometryCollection","geometries":['.repeat(d) +
      '{"type":"Point","coordinates":[114,32]}' +
      ']}'.repeat(d) +
      '}';
    const r = await readLayerFile('gc.geojson', enc(text));
    expect(r.features).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'property-too-deep', file: 'gc.geojson', feature: 0 });
    expect(r.problems[0]!.message).toContain(`"geometry" 嵌套超过 ${MAX_NESTING} 层`);
  });

  it('reads a placemark inside KML folders nested 10 000 deep (the walk is iterative)', async () => {
    const d = 10_000;
    const kml =
      '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>' +
      '<Folder>'.repeat(d) +
      '<Placemark><name>深处</name><Point><coordinates>114.5,32.2</coordinates></Point></Placemark>' +
      '</Folder>'.repeat(d) +
      '</Document></kml>';
    const r = await readLayerFile('deep.kml', enc(kml));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.features).toHaveLength(1);
    expect(r.features[0]!.properties?.['name']).toBe('深处');
  });
});
