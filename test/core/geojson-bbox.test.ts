import { describe, expect, it } from 'vitest';
import { featuresExtent, geometryExtent } from '../../src/core/geojson-bbox.ts';

describe('the box of GeoJSON geometries', () => {
  it('covers every position of every kind, by hand', () => {
    expect(geometryExtent({ type: 'Point', coordinates: [114.1, 33.2] })).toEqual([114.1, 33.2, 114.1, 33.2]);
    expect(
      geometryExtent({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [114, 33],
              [114.5, 33],
              [114.5, 33.4],
              [114, 33],
            ],
          ],
          [
            [
              [113.2, 32.9],
              [113.3, 32.9],
              [113.3, 34.1],
              [113.2, 32.9],
            ],
          ],
        ],
      }),
    ).toEqual([113.2, 32.9, 114.5, 34.1]);
    expect(
      geometryExtent({
        type: 'GeometryCollection',
        geometries: [
          {
            type: 'LineString',
            coordinates: [
              [-1, 2, 50],
              [3, -4, 60],
            ],
          },
          { type: 'MultiPoint', coordinates: [[10, 0]] },
        ],
      }),
    ).toEqual([-1, -4, 10, 2]);
  });

  it('passes over features without geometry and ignores a bbox member the file wrote', () => {
    const lying = {
      type: 'Polygon' as const,
      bbox: [0, 0, 1, 1] as [number, number, number, number],
      coordinates: [
        [
          [120, 30],
          [121, 30],
          [121, 31],
          [120, 30],
        ],
      ],
    };
    expect(featuresExtent([{ geometry: null }, { geometry: lying }])).toEqual([120, 30, 121, 31]);
  });

  it('has an empty box when nothing has a position', () => {
    expect(featuresExtent([])).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
    expect(geometryExtent({ type: 'Polygon', coordinates: [] })).toEqual([
      Infinity,
      Infinity,
      -Infinity,
      -Infinity,
    ]);
    expect(geometryExtent(null)).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });
});
