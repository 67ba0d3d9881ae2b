import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { orderPicks, type PickCandidate } from '../../src/core/pick-order.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const c = (layerId: string, geometry: Geometry, drawOrder = 0): PickCandidate => ({
  layerId,
  featureIndex: 0,
  geometry,
  drawOrder,
});
const order = (cs: PickCandidate[], x = 0.5, y = 0.5) => orderPicks(cs, x, y).map((p) => p.layerId);

describe('the most specific feature under the pointer comes first', () => {
  it('an enterprise plot inside a park inside a township: plot, park, township, whatever the draw order', () => {
    const town = c('town', box(-5, -5, 5, 5), 3);
    const park = c('park', box(-1, -1, 1, 1), 2);
    const plot = c('plot', box(0, 0, 1, 1), 1);
    expect(order([town, park, plot])).toEqual(['plot', 'park', 'town']);
    expect(order([plot, town, park])).toEqual(['plot', 'park', 'town']);
  });

  it('a point before a line before a polygon', () => {
    const pt = c('well', { type: 'Point', coordinates: [0.5, 0.5] });
    const road = c('road', {
      type: 'LineString',
      coordinates: [
        [0, 0.5],
        [1, 0.5],
      ],
    });
    const plot = c('plot', box(0, 0, 1, 1), 9);
    expect(order([plot, road, pt])).toEqual(['well', 'road', 'plot']);
  });

  it('a polygon only touched at its edge comes after those containing the point, even when smaller', () => {
    const beside = c('beside', box(0.51, 0, 0.6, 1)); // its outline lies within the pick box
    const big = c('big', box(-10, -10, 10, 10));
    expect(order([beside, big])).toEqual(['big', 'beside']);
  });

  it('a hole does not contain the point', () => {
    const donut = c('donut', {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
        [
          [0.4, 0.4],
          [0.4, 0.6],
          [0.6, 0.6],
          [0.6, 0.4],
          [0.4, 0.4],
        ],
      ],
    });
    const big = c('big', box(-10, -10, 10, 10));
    expect(order([donut, big])).toEqual(['big', 'donut']);
  });

  it('the same shape in two layers: the one drawn on top first', () => {
    expect(order([c('landuse', box(0, 0, 1, 1), 1), c('plot', box(0, 0, 1, 1), 5)])).toEqual([
      'plot',
      'landuse',
    ]);
  });
});
