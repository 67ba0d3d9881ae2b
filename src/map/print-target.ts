// The map the print export renders: MapPane registers the page's map here, the print dialog (a
// lazily loaded module) takes it from here.
import type { MapView } from './map-view.ts';
import type { PrintTarget } from './print.ts';

let target: PrintTarget | null = null;

/** The page's map view (its MapLibre map stays in src/map) with what the print needs of the page. */
export function setPrintTarget(t: (Omit<PrintTarget, 'map'> & { view: MapView }) | null): void {
  if (!t) {
    target = null;
    return;
  }
  const { view, ...rest } = t;
  target = { ...rest, map: view.modeContext().map };
}

export function printTarget(): PrintTarget | null {
  return target;
}
