import { describe, expect, it } from 'vitest';
import { featureMeasure } from '../../src/core/feature-measure.ts';
import { crsTransforms } from '../../src/core/crs.ts';
import type { Feature, Project, ProjectLayer } from '../../src/core/types.ts';

// A 2000 m × 1500 m rectangle in CGCS2000 GK CM 114° (EPSG:4547) metres, held as lon/lat like every
// loaded layer: its plane area by hand is 3 000 000 m², its perimeter 7 000 m.
const { toLonLat } = crsTransforms('EPSG:4547');
const corners = [
  [500000, 3560000],
  [502000, 3560000],
  [502000, 3561500],
  [500000, 3561500],
  [500000, 3560000],
].map(toLonLat);
const polygon: Feature = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [corners] },
};
const line: Feature = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'LineString', coordinates: corners },
};
const layer = (features: Feature[]): ProjectLayer => ({
  id: 'l',
  role: 'park',
  file: 'l.geojson',
  crs: 'EPSG:4547',
  fields: {},
  features,
});
const project = (l: ProjectLayer): Project => ({
  name: 't',
  crs: 'EPSG:4326',
  areaMethod: 'ellipsoidal',
  settings: { intensityThreshold_wan_per_mu: 120 },
  layers: [l],
});

describe('the measure of one feature', () => {
  it('gives a polygon its plane area in its layer’s Gauss-Kruger zone', () => {
    const l = layer([polygon]);
    const m = featureMeasure(project(l), l, polygon, 'plane');
    expect(m.planeCrs).toBe('EPSG:4547');
    expect(m.area_m2).toBeCloseTo(3_000_000, 2);
    expect(m.length_m).toBeUndefined();
  });

  it('gives a line its length in the plane', () => {
    const l = layer([line]);
    expect(featureMeasure(project(l), l, line, 'plane').length_m).toBeCloseTo(7000, 4);
  });

  it('gives a point nothing to measure', () => {
    const pt: Feature = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [114.5, 32.2] },
    };
    const l = layer([pt]);
    expect(featureMeasure(project(l), l, pt, 'ellipsoidal')).toEqual({ method: 'ellipsoidal' });
  });
});
