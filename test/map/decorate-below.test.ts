// The map's flag for enterprise plots below the project's investment-intensity threshold.
import geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import type { Feature, ProjectLayer } from '../../src/core/types.ts';
import { decorate, displayCollection } from '../../src/map/decorate.ts';

// A 0.01° square near 柘城; its area on CGCS2000 from GeographicLib, not from zonemap.
const RING = [
  [115.3, 34.1],
  [115.31, 34.1],
  [115.31, 34.11],
  [115.3, 34.11],
  [115.3, 34.1],
];
const geod = new geographiclib.Geodesic.Geodesic(6378137, 1 / 298.257222101);
const poly = geod.Polygon(false);
for (const [lon, lat] of RING.slice(0, -1)) poly.AddPoint(lat!, lon!);
const MU = (poly.Compute(false, true).area ?? 0) / (2000 / 3);

function layerWith(investments: number[]): ProjectLayer {
  return {
    id: 'ent',
    role: 'enterprise',
    file: 'ent.geojson',
    crs: 'EPSG:4326',
    fields: { name: '名称', investment: '投资' },
    features: investments.map((v, i): Feature => ({
      type: 'Feature',
      properties: { 名称: `企业${i}`, 投资: v },
      geometry: { type: 'Polygon', coordinates: [RING] },
    })),
  };
}

describe('zm_below on enterprise plots', () => {
  it('is 1 just below the threshold and 0 just above it (120 万元/亩 by default)', () => {
    const layer = layerWith([MU * 119.9, MU * 120.1]);
    expect(layer.features.map((f) => decorate(layer, f).zm_below)).toEqual([1, 0]);
  });
  it("follows the project's threshold (280 万元/亩) in the collection the map draws", () => {
    const layer = layerWith([MU * 200, MU * 280.1]);
    expect(displayCollection(layer, 280).features.map((f) => f.properties!['zm_below'])).toEqual([1, 0]);
    expect(displayCollection(layer).features.map((f) => f.properties!['zm_below'])).toEqual([0, 0]);
  });
  it('is 0 for a plot without investment', () => {
    const layer = layerWith([]);
    layer.features.push({
      type: 'Feature',
      properties: { 名称: '空地' },
      geometry: { type: 'Polygon', coordinates: [RING] },
    });
    expect(decorate(layer, layer.features[0]!).zm_below).toBe(0);
  });
});
