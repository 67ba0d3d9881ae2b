// The map view in the URL hash, `#zoom/lat/lon[/bearing[/pitch]]` as MapLibre's `hash` option
// writes it (contract section 8). Written here rather than taken from MapLibre's Hash because that
// one drops a bad hash without a word and knows nothing of the project's extent; we need to say
// why a link was not followed. Free of maplibre-gl so it runs in the unit tests.

export interface ViewState {
  zoom: number;
  lat: number;
  lon: number;
  bearing: number;
  pitch: number;
}

export interface ViewLimits {
  minZoom: number;
  maxZoom: number;
  minPitch: number;
  maxPitch: number;
}

export type Extent = [number, number, number, number];

export type HashRead =
  { kind: 'none' } | { kind: 'view'; view: ViewState; text: string } | { kind: 'malformed'; text: string };

/** The view part of a hash: before the first `&` (MapLibre keeps other hash parameters after it). */
export function viewPart(hash: string): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const amp = body.indexOf('&');
  return amp < 0 ? body : body.slice(0, amp);
}

// A plain decimal number: no empty parts (Number('') is 0), no hex, no Infinity.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Reads the view from a location hash; `none` when the hash names no view at all. */
export function readViewHash(hash: string, limits: ViewLimits): HashRead {
  let text = viewPart(hash);
  try {
    text = decodeURIComponent(text);
  } catch {
    return { kind: 'malformed', text };
  }
  if (text.trim() === '') return { kind: 'none' };
  const parts = text.split('/');
  if (parts.length < 3 || parts.length > 5 || !parts.every((p) => NUMBER.test(p.trim())))
    return { kind: 'malformed', text };
  const [zoom, lat, lon, bearing = 0, pitch = 0] = parts.map((p) => Number(p));
  const view = { zoom: zoom!, lat: lat!, lon: lon!, bearing, pitch };
  const ok =
    view.zoom >= limits.minZoom &&
    view.zoom <= limits.maxZoom &&
    Math.abs(view.lat) <= 90 &&
    Math.abs(view.lon) <= 180 &&
    Math.abs(view.bearing) <= 180 &&
    view.pitch >= limits.minPitch &&
    view.pitch <= limits.maxPitch;
  return ok ? { kind: 'view', view, text } : { kind: 'malformed', text };
}

/**
 * Decimal places that keep the centre within half a pixel at this zoom: a 512 px world spans
 * 360° of longitude, and a degree of latitude is 1/cos(lat) times longer on a Mercator map.
 */
export function coordinateDecimals(zoom: number, lat: number): number {
  const pxPerDegree = (512 * 2 ** zoom) / 360 / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  return Math.max(0, Math.ceil(Math.log10(2 * pxPerDegree)));
}

const round = (v: number, decimals: number) => {
  const m = 10 ** decimals;
  // + 0 turns -0 into 0
  return Math.round(v * m) / m + 0;
};

/** `zoom/lat/lon`, then bearing when it or pitch is set, then pitch when set (MapLibre's order). */
export function formatView(view: ViewState): string {
  const zoom = round(view.zoom, 2);
  const d = coordinateDecimals(zoom, view.lat);
  let text = `${zoom}/${round(view.lat, d)}/${round(view.lon, d)}`;
  const bearing = round(view.bearing, 1);
  const pitch = round(view.pitch, 0);
  if (bearing || pitch) text += `/${bearing}`;
  if (pitch) text += `/${pitch}`;
  return text;
}

/** The hash with its view part replaced, keeping any `&name=value` parameters after it. */
export function hashWithView(hash: string, view: ViewState): string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const amp = body.indexOf('&');
  return `#${formatView(view)}${amp < 0 ? '' : body.slice(amp)}`;
}

/**
 * Whether a view's centre lies near the project: inside its extent widened on every side by the
 * extent's own larger side, and by at least 0.05° (≈ 5 km), so neighbouring villages and roads
 * can be linked but another county cannot.
 */
export function nearExtent(view: Pick<ViewState, 'lat' | 'lon'>, extent: Extent): boolean {
  const [minX, minY, maxX, maxY] = extent;
  const margin = Math.max(maxX - minX, maxY - minY, 0.05);
  return (
    view.lon >= minX - margin &&
    view.lon <= maxX + margin &&
    view.lat >= minY - margin &&
    view.lat <= maxY + margin
  );
}
