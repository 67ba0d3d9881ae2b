// The zoom from which a layer's labels show (style.ts): a large layer's labels are made only when
// the map comes near it (map-view.ts), so this must be the minzoom its label style layer has.
import { expect, it } from 'vitest';
import type { ProjectLayer } from '../../src/core/types.ts';
import { labelsFrom, labelSourceId, layerStyles } from '../../src/map/style.ts';

const layer = (role: ProjectLayer['role'], n: number): ProjectLayer => ({
  id: 'l',
  role,
  file: 'l.geojson',
  crs: 'EPSG:4326',
  fields: { name: 'n' },
  features: Array.from({ length: n }, () => ({
    type: 'Feature' as const,
    properties: { n: 'a' },
    geometry: { type: 'Point' as const, coordinates: [114, 32] },
  })),
});

it("is the minzoom of the label style layer: 12 for zone parts' names, 13 for roads", () => {
  expect(labelsFrom(layer('zone', 20_001))).toBe(12);
  expect(labelsFrom(layer('road', 3))).toBe(13);
  // the label style layer is the one reading the label source
  const spec = layerStyles(layer('zone', 20_001)).find(
    (s) => s.type === 'symbol' && 'source' in s && s.source === labelSourceId('l'),
  );
  expect(spec?.minzoom).toBe(12);
});

it('is 0 for a layer whose labels show at every zoom (a park), or that has none (land use)', () => {
  expect(labelsFrom(layer('park', 3))).toBe(0);
  expect(layerStyles(layer('landuse', 3)).some((s) => s.type === 'symbol')).toBe(false);
  expect(labelsFrom(layer('landuse', 3))).toBe(0);
});
