// What browser tests read from the map, on window.__zonemapTest: the labels MapLibre placed, and
// screen positions of coordinates. Kept in src/map, the only place that touches MapLibre.
import type { MapView } from './map-view.ts';

export interface MapTestHook {
  labels(): ReturnType<MapView['renderedLabels']>;
  /** the scenario comparison's labels placed on screen */
  compareLabels(): ReturnType<MapView['compareLabels']>;
  project(lonLat: [number, number]): { x: number; y: number };
}

export function installTestHook(view: MapView): () => void {
  const hook: MapTestHook = {
    labels: () => view.renderedLabels(),
    compareLabels: () => view.compareLabels(),
    project: (lonLat) => {
      const p = view.map.project(lonLat);
      return { x: p.x, y: p.y };
    },
  };
  const w = globalThis as unknown as { __zonemapTest?: MapTestHook };
  w.__zonemapTest = hook;
  return () => {
    if (w.__zonemapTest === hook) delete w.__zonemapTest;
  };
}
