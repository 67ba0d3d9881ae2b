// A map edit of a layer is one history entry: replace-feature for the changed features when none
// came or went (a vertex drag with the parts sharing it), replace-layer otherwise (split, merge,
// new part); one undo restores the layer exactly, with its feature ids.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Feature, ProjectLayer } from '../../src/core/types.ts';
import { editLayerFeatures, undo } from '../../src/state/edit.ts';
import { emptyHistory } from '../../src/state/history.ts';
import { setState, store } from '../../src/state/store.ts';

const part = (id: string, x: number): Feature => ({
  type: 'Feature',
  id,
  properties: { 类别: '建成区' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  },
});

const zones: ProjectLayer = {
  id: 'zones',
  role: 'zone',
  file: 'zones.geojson',
  crs: 'EPSG:4326',
  fields: { category: '类别' },
  features: [part('a', 0), part('b', 1), part('c', 2)],
};

beforeEach(() => {
  setState({
    status: 'ready',
    project: { name: 't', crs: 'EPSG:4326', areaMethod: 'ellipsoidal', settings: {}, layers: [zones] },
    problems: [],
    history: emptyHistory(),
  } as never);
});

const layerNow = () => store.get().project!.layers[0]!;

describe('editLayerFeatures', () => {
  it('two parts moved together: one entry of replace-feature commands; undo restores both', () => {
    const f = zones.features;
    const moved = [
      { ...f[0]!, geometry: part('x', 5).geometry },
      { ...f[1]!, geometry: part('y', 6).geometry },
      f[2]!,
    ];
    expect(editLayerFeatures('zones', moved)).toBe(true);
    const h = store.get().history;
    expect(h.past.length).toBe(1);
    expect(h.past[0]!.redo.kind).toBe('batch');
    expect(layerNow().features.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(layerNow().features[2]).toBe(f[2]);
    undo();
    expect(layerNow().features).toEqual(zones.features);
  });

  it('one part changed is one replace-feature; nothing changed adds no entry', () => {
    const f = zones.features;
    expect(editLayerFeatures('zones', [f[0]!, { ...f[1]!, geometry: part('y', 9).geometry }, f[2]!])).toBe(
      true,
    );
    expect(store.get().history.past[0]!.redo.kind).toBe('replace-feature');
    expect(editLayerFeatures('zones', [...layerNow().features])).toBe(false);
    expect(store.get().history.past.length).toBe(1);
  });

  it('a part added or removed replaces the layer in one entry; undo gives the old ids back', () => {
    const f = zones.features;
    expect(editLayerFeatures('zones', [f[0]!, f[2]!, part('e4', 7)])).toBe(true);
    expect(store.get().history.past[0]!.redo.kind).toBe('replace-layer');
    expect(layerNow().features.map((x) => x.id)).toEqual(['a', 'c', 'e4']);
    undo();
    expect(layerNow().features.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(layerNow().features).toEqual(zones.features);
  });
});
