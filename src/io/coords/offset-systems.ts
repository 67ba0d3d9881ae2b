// GCJ-02 (AMap, Tencent) and BD-09 (Baidu) are deliberately offset coordinates; gcoord undoes the
// offset to WGS84. Only geometry changes; properties are shared with the input features.
import type { Feature, Position } from 'geojson';
import gcoord from 'gcoord';
import { reprojectGeometry } from '../reproject.ts';

export type OffsetSystem = 'GCJ02' | 'BD09';

export function offsetToWgs84(p: Position, from: OffsetSystem): Position {
  const crs = from === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09;
  const out = gcoord.transform([p[0]!, p[1]!], crs, gcoord.WGS84);
  return p.length > 2 ? [out[0], out[1], ...p.slice(2)] : [out[0], out[1]];
}

export function featuresOffsetToWgs84(features: readonly Feature[], from: OffsetSystem): Feature[] {
  return features.map((f) => ({
    ...f,
    geometry: reprojectGeometry(f.geometry, (p) => offsetToWgs84(p, from))!,
  }));
}

/** Swaps the first two axes of every position (data written northing/latitude first). */
export function swapAxes(features: readonly Feature[]): Feature[] {
  return features.map((f) => ({
    ...f,
    geometry: reprojectGeometry(f.geometry, (p) => [p[1]!, p[0]!, ...p.slice(2)])!,
  }));
}
