// Stable feature ids go out with a GeoJSON export, come back with its import, and survive the
// saved project's check on reload (IndexedDB); an edit keeps them.
import { describe, expect, it } from 'vitest';
import type { Feature, ProjectLayer } from '../../src/core/types.ts';
import { toGeoJsonText } from '../../src/io/export/geojson.ts';
import { readGeoJsonText } from '../../src/io/read-geojson.ts';
import { run, type Doc } from '../../src/state/commands.ts';
import { checkSavedProject } from '../../src/state/validate-saved.ts';

const square = (x: number, id?: string | number): Feature => ({
  type: 'Feature',
  ...(id !== undefined ? { id } : {}),
  properties: { 名称: `地块${x}` },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [114 + x / 100, 32],
        [114.005 + x / 100, 32],
        [114.005 + x / 100, 32.005],
        [114 + x / 100, 32],
      ],
    ],
  },
});

const imported: ProjectLayer = {
  id: 'parcels',
  role: 'landuse',
  file: 'parcels.geojson',
  crs: 'EPSG:4326',
  fields: {},
  features: [square(0), square(1, 'DK-2'), square(2), square(3, 'DK-2'), square(4, 17)],
};

const empty: Doc = {
  project: {
    name: 't',
    crs: 'EPSG:4326',
    areaMethod: 'ellipsoidal',
    settings: { intensityThreshold_wan_per_mu: 300 },
    layers: [],
  },
  problems: [],
  visibility: {},
  opacity: {},
};

describe('stable feature ids', () => {
  const added = run(empty, { kind: 'add-layer', layer: imported }).doc;
  const layer = added.project.layers[0]!;
  const ids = layer.features.map((f) => f.id);

  it('are assigned on import: a unique file id kept, a shared or missing one its index', () => {
    expect(ids).toEqual([0, 1, 2, 3, 17]);
  });

  it('go out as the GeoJSON id member and come back on import unchanged', () => {
    const back = readGeoJsonText(toGeoJsonText(layer.features), 'parcels.geojson');
    expect(back.features.map((f) => f.id)).toEqual(ids);
    const again = run(empty, { kind: 'add-layer', layer: { ...imported, features: back.features } }).doc;
    expect(again.project.layers[0]!.features.map((f) => f.id)).toEqual(ids);
  });

  it('survive the check of the saved project on reload, with the layer name', () => {
    const renamed = run(added, { kind: 'rename-layer', layerId: 'parcels', name: '三调地块' }).doc;
    const saved = structuredClone(renamed.project.layers);
    const { layers: _layers, ...meta } = renamed.project;
    const r = checkSavedProject(meta, ['parcels'], saved);
    expect(r.issues).toEqual([]);
    expect(r.project!.layers[0]!.name).toBe('三调地块');
    expect(r.project!.layers[0]!.features.map((f) => f.id)).toEqual(ids);
  });

  it('are kept by an edit of the feature', () => {
    const edited = run(added, {
      kind: 'replace-feature',
      layerId: 'parcels',
      featureId: 2,
      feature: square(9),
    });
    const f = edited.doc.project.layers[0]!.features[2]!;
    expect(f.id).toBe(2);
    expect(f.properties).toEqual({ 名称: '地块9' });
  });
});
