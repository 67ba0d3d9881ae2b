// The legend of a layer (map/legend.ts layerLegend): the land-use classes counted over its
// features, worked out once per layer object; a zone's legend reads no feature at all.
import type { Feature } from 'geojson';
import { expect, it } from 'vitest';
import type { ProjectLayer } from '../../src/core/types.ts';
import { layerLegend } from '../../src/map/legend.ts';

const parcel = (props: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates: [114, 32] },
});

const layer = (role: ProjectLayer['role'], features: Feature[]): ProjectLayer => ({
  id: role,
  role,
  file: `${role}.geojson`,
  crs: 'EPSG:4326',
  fields: { class: 'DLBM', name: 'DLMC' },
  features,
});

it('counts a land-use layer’s classes, once per layer object', () => {
  const l = layer('landuse', [
    parcel({ DLBM: '0101', DLMC: '水田' }),
    parcel({ DLBM: '0101', DLMC: '水田' }),
    parcel({ DLBM: '0601', DLMC: '工业用地' }),
  ]);
  const items = layerLegend(l);
  expect(items.map((i) => [i.label, i.count])).toEqual([
    ['0101 水田', 2],
    ['0601 工业用地', 1],
  ]);
  expect(layerLegend(l)).toBe(items);
  // a new layer object (after an edit) is counted again
  const edited = { ...l, features: l.features.slice(0, 1) };
  expect(layerLegend(edited).map((i) => i.count)).toEqual([1]);
});

it('gives a zone its four categories without reading its features', () => {
  const features = new Proxy([] as Feature[], {
    get(target, key) {
      if (key === 'map' || key === 'forEach' || key === Symbol.iterator) throw new Error('read');
      return Reflect.get(target, key);
    },
  });
  expect(layerLegend(layer('zone', features)).map((i) => i.label)).toEqual([
    'planned',
    'built',
    'development',
    'control',
  ]);
});

it('counts by class and name as one count per parcel would, also when two pairs read the same', () => {
  const props = [
    { DLBM: '0101', DLMC: '水田' },
    { DLBM: '0103', DLMC: '旱地' },
    { DLBM: '01 03', DLMC: '旱地' },
    { DLBM: '01', DLMC: '03 旱地' },
    { DLBM: '0601' },
    {},
  ];
  const features = Array.from({ length: 600 }, (_, i) => parcel(props[(i * 7) % props.length]!));
  const items = layerLegend(layer('plan', features));
  // by hand: 600 parcels over six property sets, 100 each; "01 03 旱地" is read by two of them
  expect(items.map((i) => [i.label, i.count])).toEqual([
    ['', 100],
    ['01 03 旱地', 200],
    ['0101 水田', 100],
    ['0103 旱地', 100],
    ['0601', 100],
  ]);
  expect(items.reduce((a, i) => a + (i.count ?? 0), 0)).toBe(600);
});
