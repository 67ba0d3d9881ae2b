// The "split self-intersection" repair: the feature's polygons replaced by the valid polygons the
// validity engine measures (core/validity: GEOS MakeValid's faces, overlapping parts merged), so
// that what the user keeps is what the area already counted.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { validatePolygonal } from '../../core/validity/index.ts';
import { withoutRepeats } from '../validate.ts';

export interface MakeValidResult {
  geometry: Polygon | MultiPolygon;
  /** how many polygons the repaired geometry has */
  parts: number;
  changed: boolean;
}

const flat = (ring: readonly Position[]): Float64Array =>
  Float64Array.from(ring.flatMap((p) => [p[0]!, p[1]!]));

const positions = (r: Float64Array): Position[] => {
  const out: Position[] = [];
  for (let i = 0; i + 1 < r.length; i += 2) out.push([r[i]!, r[i + 1]!]);
  return out;
};

export function makeValidPolygonal(
  g: Polygon | MultiPolygon,
  grid: readonly number[] = [1e-10, 1e-8],
): MakeValidResult {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const parts = polygons.map((rings) => rings.map((r) => flat(withoutRepeats(r))));
  const v = validatePolygonal(parts, grid);
  const repeats = polygons.some((rings) => rings.some((r) => withoutRepeats(r).length !== r.length));
  if (v.issues.length === 0 && !repeats) return { geometry: g, parts: polygons.length, changed: false };
  const out = v.polys.map((p) => p.map(positions));
  const geometry: Polygon | MultiPolygon =
    out.length === 1 ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
  return { geometry, parts: out.length, changed: true };
}
