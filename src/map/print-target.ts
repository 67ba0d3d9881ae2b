// The map the print export renders: MapPane registers the page's map here, the print dialog (a
// lazily loaded module) takes it from here.
import type { PrintTarget } from './print.ts';

let target: PrintTarget | null = null;

export function setPrintTarget(t: PrintTarget | null): void {
  target = t;
}

export function printTarget(): PrintTarget | null {
  return target;
}
