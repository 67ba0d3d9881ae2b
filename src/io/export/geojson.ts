// GeoJSON export per RFC 7946: lon/lat (WGS84 ≈ CGCS2000), no crs member, outer rings
// counter-clockwise. Coordinates keep full precision so a re-import gives the same numbers.
import type { Feature, FeatureCollection } from 'geojson';
import { rewindRfc7946 } from '../repair/rewind.ts';

export function toGeoJsonText(
  features: readonly Feature[],
  opts: { name?: string; indent?: number } = {},
): string {
  const fc: FeatureCollection & { name?: string } = {
    type: 'FeatureCollection',
    ...(opts.name ? { name: opts.name } : {}),
    features: features.map((f) => ({ ...f, geometry: rewindRfc7946(f.geometry).geometry! })),
  };
  return JSON.stringify(fc, null, opts.indent);
}

export function writeGeoJson(
  features: readonly Feature[],
  opts: { name?: string; indent?: number } = {},
): Uint8Array {
  return new TextEncoder().encode(toGeoJsonText(features, opts));
}
