// When the live-figures session begins and ends (state/live.ts): a command that edits a zone layer
// begins it with the project before as baseline; other commands do not; undo keeps it; a new
// project ends it.
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon, Project } from '../../src/core/types.ts';
import { applyCommand, setLayerVisible, undo } from '../../src/state/edit.ts';
import { emptyHistory } from '../../src/state/history.ts';
import { endLiveSession, liveBaseline, startLiveSession, watchZoneEdits } from '../../src/state/live.ts';
import { setState, store } from '../../src/state/store.ts';

const square = (id: string, x: number, props: object): Feature => ({
  type: 'Feature',
  id,
  properties: { ...props },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 32],
        [x + 0.01, 32],
        [x + 0.01, 32.01],
        [x, 32.01],
        [x, 32],
      ],
    ],
  },
});

const project = (): Project => ({
  name: 'live session',
  crs: 'EPSG:4326',
  areaMethod: 'ellipsoidal',
  settings: { intensityThreshold_wan_per_mu: 120 },
  layers: [
    {
      id: 'zones',
      role: 'zone',
      file: 'z',
      crs: 'EPSG:4326',
      fields: { category: 'c' },
      features: [square('p', 114, { c: '规划区' })],
    },
    {
      id: 'towns',
      role: 'admin',
      file: 't',
      crs: 'EPSG:4326',
      fields: {},
      features: [square('t', 113.99, {})],
    },
  ],
});

function open(p: Project): void {
  setState({
    status: 'ready',
    project: p,
    problems: [],
    visibility: {},
    opacity: {},
    history: emptyHistory(),
  });
}

function editZone(): void {
  const f = store.get().project!.layers[0]!.features[0]!;
  const ring = (f.geometry as Polygon).coordinates[0]!.map((q) => [...q]);
  ring[2] = [ring[2]![0]! + 0.001, ring[2]![1]!];
  applyCommand({
    kind: 'replace-feature',
    layerId: 'zones',
    featureId: 'p',
    feature: { ...f, geometry: { type: 'Polygon', coordinates: [ring] } },
  });
}

describe('live figures session', () => {
  it('begins with a zone edit, holding the project before it; undo keeps it; a new project ends it', () => {
    const first = project();
    open(first);
    watchZoneEdits();
    endLiveSession();
    setLayerVisible('towns', false);
    expect(liveBaseline()).toBeNull();
    // A change of another layer's data is no zone edit either.
    const towns = store.get().project!.layers[1]!;
    applyCommand({ kind: 'replace-layer', layer: { ...towns, features: [...towns.features] } });
    expect(liveBaseline()).toBeNull();
    const before = store.get().project;
    editZone();
    expect(liveBaseline()).toBe(before);
    editZone();
    expect(liveBaseline()).toBe(before);
    undo();
    undo();
    expect(liveBaseline()).toBe(before);
    open(project());
    expect(liveBaseline()).toBeNull();
  });

  it('starts again from the current project when asked', () => {
    open(project());
    watchZoneEdits();
    editZone();
    const edited = store.get().project;
    startLiveSession();
    expect(liveBaseline()).toBe(edited);
    endLiveSession();
    expect(liveBaseline()).toBeNull();
  });
});
