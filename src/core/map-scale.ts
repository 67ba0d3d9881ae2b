// The scale of a Web Mercator map (MapLibre's, 512 px tiles) on the CGCS2000 ellipsoid, and the
// round length a scale bar shows. The bar runs east–west at the map's centre latitude: there the
// ground length of a pixel is the arc of the parallel, N(φ)·cos φ·Δλ, and for a bar's length the
// geodesic between its ends differs from that arc by less than one part in a million.

// CGCS2000's axes as in ellipsoid.ts, repeated: importing that module would bring GeographicLib
// into the page's first bundle (the map's scale bar needs only the two numbers).
export const SCALE_A = 6378137;
export const SCALE_F = 1 / 298.257222101;

const E2 = SCALE_F * (2 - SCALE_F);

/** MapLibre's world is 512 px wide at zoom 0. */
export const WORLD_PX_AT_ZOOM_0 = 512;

/** Ground metres along the parallel covered by one CSS pixel at `lat`° and MapLibre zoom `zoom`. */
export function metresPerPixel(lat: number, zoom: number): number {
  const phi = (lat * Math.PI) / 180;
  const s = Math.sin(phi);
  const n = SCALE_A / Math.sqrt(1 - E2 * s * s);
  const worldPx = WORLD_PX_AT_ZOOM_0 * 2 ** zoom;
  return (2 * Math.PI * n * Math.cos(phi)) / worldPx;
}

/** The largest 1, 2 or 5 × 10ⁿ metres not above `maxMetres` (0 when maxMetres is not positive). */
export function roundLength(maxMetres: number): number {
  if (!(maxMetres > 0) || !Number.isFinite(maxMetres)) return 0;
  const pow = 10 ** Math.floor(Math.log10(maxMetres));
  const lead = maxMetres / pow;
  const step = lead >= 5 ? 5 : lead >= 2 ? 2 : 1;
  return step * pow;
}

/** A length as a scale bar labels it: metres below a kilometre, else kilometres. */
export function distanceLabel(metres: number): string {
  if (metres >= 1000) return `${+(metres / 1000).toPrecision(6)} km`;
  if (metres >= 1) return `${+metres.toPrecision(6)} m`;
  return `${+(metres * 100).toPrecision(6)} cm`;
}

export interface ScaleBar {
  /** the bar's ground length, metres */
  metres: number;
  /** its length on screen or paper, in the same unit as `maxLength` */
  length: number;
  label: string;
}

/** A bar of a round length no longer than `maxLength` units, at `metresPerUnit` ground metres per unit. */
export function scaleBar(metresPerUnit: number, maxLength: number): ScaleBar {
  const metres = roundLength(metresPerUnit * maxLength);
  return { metres, length: metres / metresPerUnit, label: distanceLabel(metres) };
}

/** A representative fraction's denominator (1 : N) rounded to three significant figures. */
export function scaleDenominator(groundMetres: number, paperMetres: number): number {
  const n = groundMetres / paperMetres;
  if (!(n > 0) || !Number.isFinite(n)) return 0;
  const pow = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
  return Math.round(n / pow) * pow;
}
