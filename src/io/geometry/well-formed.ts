// Whether a geometry's nesting is what its type says (arrays all the way down to positions), so the
// rest of zonemap can walk it. Position contents are not judged here: a missing or non-finite number
// is left for validation to name (non-finite-coordinate).
import type { Feature, Geometry } from 'geojson';
import { fieldText, resolveFieldMapping } from '../../core/fields.ts';
import { flatOf } from '../../core/flat-coords.ts';
import { errorOf, type IoProblem } from '../problem.ts';

const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function nested(c: unknown, depth: number): boolean {
  if (!Array.isArray(c)) return false;
  if (depth === 0) return c.length === 0 || !c.some(Array.isArray);
  return c.every((x) => nested(x, depth - 1));
}

/** Undefined when well formed, else why not. */
export function malformation(g: unknown): string | undefined {
  if (g === null) return undefined;
  if (flatOf(g)) return undefined; // nested as its type says by construction
  if (typeof g !== 'object' || Array.isArray(g)) return 'geometry is not an object';
  const { type } = g as { type?: unknown };
  if (type === 'GeometryCollection') {
    const parts = (g as { geometries?: unknown }).geometries;
    if (!Array.isArray(parts)) return 'GeometryCollection without a "geometries" array';
    for (const p of parts) {
      if (p === null) return 'null member of a GeometryCollection';
      const why = malformation(p);
      if (why) return why;
    }
    return undefined;
  }
  if (typeof type !== 'string' || !(type in DEPTH))
    return `unknown geometry type ${JSON.stringify(type)?.slice(0, 40)}`;
  const coords = (g as { coordinates?: unknown }).coordinates;
  if (coords === undefined) return `${type} without "coordinates"`;
  return nested(coords, DEPTH[type]!)
    ? undefined
    : `${type} "coordinates" are not nested as the type requires`;
}

/**
 * Sets each malformed geometry to null (the feature and its properties stay) and reports it as
 * invalid-geometry, naming the feature. Returns the same array when nothing was malformed.
 */
export function nullMalformedGeometries(
  features: Feature[],
  file?: string,
): { features: Feature[]; problems: IoProblem[] } {
  const problems: IoProblem[] = [];
  let out: Feature[] | undefined;
  let fields: Record<string, string> | undefined;
  features.forEach((f, i) => {
    const why = malformation(f.geometry as Geometry | null);
    if (!why) return;
    fields ??= resolveFieldMapping('zone', features.slice(0, 1000));
    const name = fieldText({ fields, role: 'zone' }, f, 'name');
    problems.push(
      errorOf('invalid-geometry', { detail: why }, { file, feature: i, ...(name ? { name } : {}) }),
    );
    out ??= features.slice();
    out[i] = { ...f, geometry: null as unknown as Geometry };
  });
  return { features: out ?? features, problems };
}
