import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { labelPoint } from '../../src/core/label-point.ts';
import { pointInPolygons } from '../../src/core/point-in-ring.ts';
import { labelCollection } from '../../src/map/label-collection.ts';
import type { ProjectLayer } from '../../src/core/types.ts';

const square = (x: number, y: number, s: number): number[][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

describe('one label point per feature', () => {
  it('a square at the equator is labelled at its centre, with room of half its side', () => {
    const p = labelPoint({ type: 'Polygon', coordinates: [square(0, 0, 0.01)] })!;
    expect(p.lon).toBeCloseTo(0.005, 5);
    expect(p.lat).toBeCloseTo(0.005, 5);
    // half of 0.01° of a meridian degree (≈ 111.32 km), to the 1/1000 precision asked of polylabel
    expect(p.room).toBeGreaterThan(556.6 * 0.99);
    expect(p.room).toBeLessThan(556.6 * 1.01);
  });

  it('a ring with a large hole is labelled on the ring, not in the hole', () => {
    const g: Geometry = { type: 'Polygon', coordinates: [square(0, 0, 1), square(0.1, 0.1, 0.8).reverse()] };
    const p = labelPoint(g)!;
    expect(pointInPolygons(p.lon, p.lat, [g.coordinates])).toBe(true);
  });

  it('a multipolygon is labelled once, in its largest part', () => {
    const p = labelPoint({
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 0.001)], [square(1, 1, 0.01)]],
    })!;
    expect(p.lon).toBeCloseTo(1.005, 5);
    expect(p.lat).toBeCloseTo(1.005, 5);
  });

  it('an L-shaped polygon is labelled inside it, where its centroid is not', () => {
    // arms 0.2 wide and 1 long: the centroid (0.29, 0.29) lies in the notch
    const L = [
      [0, 0],
      [1, 0],
      [1, 0.2],
      [0.2, 0.2],
      [0.2, 1],
      [0, 1],
      [0, 0],
    ];
    const p = labelPoint({ type: 'Polygon', coordinates: [L] })!;
    expect(pointInPolygons(p.lon, p.lat, [[L]])).toBe(true);
    expect(pointInPolygons(0.3, 0.3, [[L]])).toBe(false); // near the centroid: outside
  });

  it('a line is labelled at half its length and turned along it', () => {
    const flat = labelPoint({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 0],
        [3, 0],
      ],
    })!;
    expect([flat.lon, flat.lat, flat.angle]).toEqual([1.5, 0, -0]);
    // on screen (Web Mercator) (0,60)→(2,61) rises by ln tan 75.5° − ln tan 75° = 0.035447 over
    // 2° = 0.034907 rad: atan(0.035447 / 0.034907) = 45.440°; text turns anticlockwise, which is
    // −45.440° in MapLibre's clockwise text-rotate
    const up = labelPoint({
      type: 'LineString',
      coordinates: [
        [0, 60],
        [2, 61],
      ],
    })!;
    expect(up.angle).toBeCloseTo(-45.44, 2);
    expect(up.lon).toBeCloseTo(1, 6);
    expect(up.lat).toBeCloseTo(60.5, 6);
    // drawn the other way, the text still reads left to right
    const down = labelPoint({
      type: 'LineString',
      coordinates: [
        [2, 61],
        [0, 60],
      ],
    })!;
    expect(down.angle).toBeCloseTo(-45.44, 2);
  });

  it('nothing to label gives null', () => {
    expect(labelPoint(null)).toBeNull();
    expect(labelPoint({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});

describe('the label source', () => {
  const layer = (role: ProjectLayer['role'], features: ProjectLayer['features']): ProjectLayer => ({
    id: 'l',
    role,
    file: 'l.geojson',
    crs: 'EPSG:4326',
    fields: { name: '名称' },
    features,
  });
  const line = (name: string, coords: number[][]) => ({
    type: 'Feature' as const,
    properties: { 名称: name },
    geometry: { type: 'LineString' as const, coordinates: coords },
  });

  it('names a road drawn as several segments once, on its longest segment', () => {
    const fc = labelCollection(
      layer('road', [
        line('人民路', [
          [0, 0],
          [0.001, 0],
        ]),
        line('人民路', [
          [0.001, 0],
          [0.005, 0],
        ]),
        line('兴业路', [
          [0, 1],
          [0, 1.001],
        ]),
      ]),
    );
    expect(fc.features.map((f) => [f.id, f.properties?.zm_name])).toEqual([
      [1, '人民路'],
      [2, '兴业路'],
    ]);
  });

  it('gives each named village one point and skips unnamed ones', () => {
    const poly = (name: string, x: number) => ({
      type: 'Feature' as const,
      properties: { 名称: name },
      geometry: { type: 'Polygon' as const, coordinates: [square(x, 0, 0.01)] },
    });
    const fc = labelCollection(layer('village', [poly('陈店村', 0), poly('', 1), poly('朱堰村', 2)]));
    expect(fc.features.map((f) => [f.id, f.properties?.zm_name, f.geometry.type])).toEqual([
      [0, '陈店村', 'Point'],
      [2, '朱堰村', 'Point'],
    ]);
  });
});
