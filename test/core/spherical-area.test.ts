// The sphere area the map's picking orders polygons by (core/spherical-area.ts, written in place of
// @turf/area to keep the first page small), against hand calculations and GeographicLib.
import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { sphericalArea } from '../../src/core/spherical-area.ts';

const R = 6_371_008.8;
const RAD = Math.PI / 180;
const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
// the zone between two parallels and two meridians: R² Δλ (sin φ1 − sin φ0), by hand
const rectArea = (x0: number, y0: number, x1: number, y1: number) =>
  R * R * (x1 - x0) * RAD * (Math.sin(y1 * RAD) - Math.sin(y0 * RAD));

describe('sphere area (R = 6 371 008.8 m)', () => {
  it('a rectangle of meridians and parallels in Henan is R²·Δλ·(sin φ1 − sin φ0)', () => {
    const g: Geometry = { type: 'Polygon', coordinates: [rect(114.3, 35.1, 114.5, 35.3)] };
    expect(rectArea(114.3, 35.1, 114.5, 35.3)).toBeCloseTo(404_138_280.7, 0); // python3, same formula
    expect(sphericalArea(g) / rectArea(114.3, 35.1, 114.5, 35.3)).toBeCloseTo(1, 12);
  });

  it('either winding, holes taken away, parts of a MultiPolygon and a collection added', () => {
    const outer = rect(114, 35, 115, 36);
    const hole = rect(114.2, 35.2, 114.4, 35.4).reverse();
    const poly: Geometry = { type: 'Polygon', coordinates: [outer.slice().reverse(), hole] };
    const expected = rectArea(114, 35, 115, 36) - rectArea(114.2, 35.2, 114.4, 35.4);
    expect(sphericalArea(poly) / expected).toBeCloseTo(1, 12);
    const multi: Geometry = {
      type: 'MultiPolygon',
      coordinates: [[outer, hole], [rect(116, 30, 116.1, 30.1)]],
    };
    const withSecond = expected + rectArea(116, 30, 116.1, 30.1);
    expect(sphericalArea(multi) / withSecond).toBeCloseTo(1, 12);
    const collection: Geometry = {
      type: 'GeometryCollection',
      geometries: [multi, { type: 'Point', coordinates: [114, 35] }],
    };
    expect(sphericalArea(collection) / withSecond).toBeCloseTo(1, 12);
  });

  it('an irregular pentagon near Changyuan: GeographicLib on the sphere gives 209 664 581.2 m²', () => {
    // /usr/bin/python3: Geodesic(6371008.8, 0).Polygon() over these points (geodesic edges; this
    // formula's edges differ from geodesics by far less than 1e-4 of the area at this size)
    const ring: Position[] = [
      [114.3, 35.1],
      [114.42, 35.13],
      [114.47, 35.22],
      [114.39, 35.29],
      [114.31, 35.24],
      [114.3, 35.1],
    ];
    const a = sphericalArea({ type: 'Polygon', coordinates: [ring] });
    expect(Math.abs(a / 209_664_581.2 - 1)).toBeLessThan(1e-4);
  });

  it('nothing, points, lines and degenerate rings have no area', () => {
    expect(sphericalArea(null)).toBe(0);
    expect(sphericalArea({ type: 'LineString', coordinates: rect(0, 0, 1, 1) })).toBe(0);
    expect(
      sphericalArea({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toBe(0);
  });
});
