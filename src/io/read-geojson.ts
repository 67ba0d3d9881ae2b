// GeoJSON text → features. Lenient about what it can still use (a bare geometry, a lone Feature),
// strict about what it cannot (not JSON, not GeoJSON), and never changes a property.
import type { Feature, Geometry } from 'geojson';
import { epsgNumber } from '../core/crs.ts';
import { locateJsonError } from './json-error.ts';
import { errorOf, type IoProblem } from './problem.ts';
import type { RawLayer } from './read-types.ts';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The legacy (2008) `crs` member: {"type":"name","properties":{"name":"EPSG:4547"}} or type "EPSG". */
export function legacyCrs(crs: unknown): string | undefined {
  if (!isObject(crs) || !isObject(crs.properties)) return undefined;
  const props = crs.properties;
  const text =
    typeof props.name === 'string' ? props.name : props.code !== undefined ? String(props.code) : undefined;
  if (text === undefined) return undefined;
  const n = epsgNumber(text);
  return n !== undefined ? `EPSG:${n}` : text;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: IoProblem };

export function parseJsonText(text: string, file?: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const loc = locateJsonError(text);
    const params = loc
      ? { line: loc.line, column: loc.column, detail: loc.detail, truncated: loc.truncated ? 1 : undefined }
      : { line: 1, column: 1, detail: e instanceof Error ? e.message.slice(0, 120) : 'JSON' };
    return { ok: false, problem: errorOf('invalid-json', params, { file }) };
  }
}

/** Turns a parsed GeoJSON value into features, reporting items that are not features. */
export function featuresFromGeoJson(value: unknown, file?: string): RawLayer {
  const problems: IoProblem[] = [];
  if (!isObject(value) || typeof value.type !== 'string') {
    const detail = Array.isArray(value) ? '顶层是数组 / top level is an array' : '缺少 "type" / no "type"';
    return { features: [], problems: [errorOf('not-geojson', { detail }, { file })] };
  }
  const fileCrs = legacyCrs(value.crs);
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) {
      return {
        features: [],
        fileCrs,
        problems: [
          errorOf('not-geojson', { detail: '"features" 不是数组 / "features" is not an array' }, { file }),
        ],
      };
    }
    const features: Feature[] = [];
    value.features.forEach((item: unknown, index: number) => {
      if (isObject(item) && item.type === 'Feature') features.push(normaliseFeature(item));
      else {
        // A placeholder keeps every later feature at its index in the file.
        problems.push(errorOf('feature-not-object', { feature: index }, { file, feature: index }));
        features.push({ type: 'Feature', geometry: null as unknown as Geometry, properties: null });
      }
    });
    return { features, fileCrs, problems };
  }
  if (value.type === 'Feature') return { features: [normaliseFeature(value)], fileCrs, problems };
  if (GEOMETRY_TYPES.has(value.type)) {
    return {
      features: [{ type: 'Feature', geometry: value as unknown as Geometry, properties: {} }],
      fileCrs,
      problems,
    };
  }
  return {
    features: [],
    problems: [errorOf('not-geojson', { detail: `"type": "${value.type.slice(0, 40)}"` }, { file })],
  };
}

function normaliseFeature(item: Record<string, unknown>): Feature {
  // The feature object is kept as parsed (JSON.parse stores "__proto__" keys as own properties);
  // only a missing geometry or properties member is filled in.
  const f = item as unknown as Feature;
  if (f.geometry === undefined) (f as { geometry: Geometry | null }).geometry = null;
  if (f.properties === undefined) (f as { properties: Feature['properties'] }).properties = null;
  return f;
}

export function readGeoJsonText(text: string, file?: string): RawLayer {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { features: [], problems: [parsed.problem] };
  return featuresFromGeoJson(parsed.value, file);
}
