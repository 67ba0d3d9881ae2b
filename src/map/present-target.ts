// The map presentations drive: MapPane registers the page's map view here at start; the presenter
// (present.ts, loaded with the presentation or the slide editor) takes it from here.
import type { MapView } from './map-view.ts';

let current: MapView | null = null;

/** Makes `view` the map presentations drive; returns the undo (MapPane calls it with its view). */
export function attachPresenter(view: MapView): () => void {
  current = view;
  return () => {
    if (current === view) current = null;
  };
}

/** The page's map view, or null before the map exists. */
export function presentedView(): MapView | null {
  return current;
}
