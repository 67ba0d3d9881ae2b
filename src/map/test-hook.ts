// What browser tests read from the map, on window.__zonemapTest: the labels MapLibre placed, screen
// positions of coordinates, the view, and the geometry the map shows. Kept in src/map, the only
// place that touches MapLibre; the MapLibre map itself is not handed out.
import type { Geometry } from 'geojson';
import type { MapView } from './map-view.ts';

export interface MapTestHook {
  labels(): ReturnType<MapView['renderedLabels']>;
  /** the scenario comparison's labels placed on screen */
  compareLabels(): ReturnType<MapView['compareLabels']>;
  project(lonLat: [number, number]): { x: number; y: number };
  unproject(point: { x: number; y: number }): [number, number];
  center(): [number, number];
  jumpTo(view: { center: [number, number]; zoom?: number; bearing?: number; pitch?: number }): void;
  /** the camera now and whether it is moving */
  camera(): ReturnType<MapView['camera']>;
  /** project layer id → whether any of its style layers is drawn */
  shownLayers(): Record<string, boolean>;
  /** how many features of a project layer are drawn now */
  drawnFeatures(layerId: string): number;
  /** how a layer is drawn now: tile images (a large parcel layer below zoom 13), features, or not */
  drawnAs(layerId: string): 'image' | 'features' | 'none';
  /** display data asked of the worker and not answered yet */
  waitingData(): number;
  /** resolves when everything queued is drawn (or after 20 s of waiting for the worker) */
  idle(): Promise<void>;
  /** the highlight's outlines drawn now */
  highlightCount(): number;
  /** the geometry of a feature as the map shows it, by layer and feature id */
  geometry(layerId: string, featureId: string | number): Geometry | null;
  mode(): string;
}

export function installTestHook(view: MapView): () => void {
  const hook: MapTestHook = {
    labels: () => view.renderedLabels(),
    project: (lonLat) => view.screenPoint(lonLat),
    unproject: (point) => view.lonLatAt(point),
    center: () => view.center(),
    jumpTo: (v) => view.jumpTo(v),
    camera: () => view.camera(),
    shownLayers: () => view.shownLayers(),
    idle: () => view.whenIdle(),
    drawnFeatures: (layerId) => view.drawnFeatures(layerId),
    waitingData: () => view.waitingData,
    drawnAs: (layerId) => view.drawnAs(layerId),
    highlightCount: () => view.highlightCount(),
    geometry: (layerId, featureId) =>
      view
        .shownProject()
        ?.layers.find((l) => l.id === layerId)
        ?.features.find((f) => f.id === featureId)?.geometry ?? null,
    mode: () => view.mode,
    compareLabels: () => view.compareLabels(),
  };
  const w = globalThis as unknown as { __zonemapTest?: MapTestHook };
  w.__zonemapTest = hook;
  return () => {
    if (w.__zonemapTest === hook) delete w.__zonemapTest;
  };
}
