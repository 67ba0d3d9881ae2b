// Regression: overlap_m2 was built + development + control − union, which counts a place covered
// by all three parts twice. Expected values: GEOS (shapely 1.8) on the vertices projected by PROJ to
// EPSG:4547, the plane the `plane` method uses here: union(B∩D, B∩C, D∩C).area.
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { zoneComposition } from '../../src/core/report.ts';
import type { Project } from '../../src/core/types.ts';

// 0.01° cells from 114°E 32°N; a part covers cells [i0, i1) × [j0, j1).
const part = (category: string, i0: number, j0: number, i1: number, j1: number): Feature => {
  const [x0, y0, x1, y1] = [114 + i0 * 0.01, 32 + j0 * 0.01, 114 + i1 * 0.01, 32 + j1 * 0.01];
  return {
    type: 'Feature',
    properties: { 类别: category },
    geometry: {
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
    },
  };
};

const project = (features: Feature[]): Project => ({
  name: 't',
  crs: 'EPSG:4326',
  areaMethod: 'ellipsoidal',
  settings: { intensityThreshold_wan_per_mu: 120 },
  layers: [
    {
      id: 'zones',
      role: 'zone',
      file: 'zones.geojson',
      crs: 'EPSG:4326',
      fields: { category: '类别' },
      features,
    },
  ],
});

describe('the overlap of zone parts', () => {
  it('counts a place covered by three parts once', () => {
    // built [0,2]², development [1,3]², control [1,3]×[0,2]: cells covered twice or more are
    // (1,0), (1,1) and (2,1); GEOS: 3 143 020.8013335364 m².
    const c = zoneComposition(
      project([
        part('规划区', 0, 0, 3, 3),
        part('建成区', 0, 0, 2, 2),
        part('发展区', 1, 1, 3, 3),
        part('控制区', 1, 0, 3, 2),
      ]),
      'plane',
    ).composition;
    expect(c.overlap_m2).toBeCloseTo(3143020.8013335364, 1);
  });

  it('counts two features of one category that overlap', () => {
    // two built parts [0,2]×[0,1] and [1,3]×[0,1] share cell (1,0): GeographicLib 1 047 748.2614374161 m²
    const c = zoneComposition(
      project([part('规划区', 0, 0, 3, 3), part('建成区', 0, 0, 2, 1), part('建成区', 1, 0, 3, 1)]),
      'ellipsoidal',
    ).composition;
    expect(c.overlap_m2).toBeCloseTo(1047748.2614374161, 0);
  });

  it('is zero for parts that only share edges', () => {
    const c = zoneComposition(
      project([
        part('规划区', 0, 0, 3, 3),
        part('建成区', 0, 0, 1, 3),
        part('发展区', 1, 0, 2, 3),
        part('控制区', 2, 0, 3, 3),
      ]),
      'ellipsoidal',
    ).composition;
    expect(c.overlap_m2).toBeLessThan(1e-3);
    expect(c.unassigned_m2).toBeLessThan(1e-3);
  });
});
