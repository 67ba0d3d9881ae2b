// KML/KMZ → features. Own Placemark walker on @xmldom/xmldom (Workers have no DOMParser) rather
// than togeojson, which stores a "__proto__" field through plain assignment (losing it) and mixes
// style values into the properties, so an export → import round trip would not give the same data.
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry, Position } from 'geojson';
import { setOwn } from '../shapefile/dbf.ts';
import { describeError, errorOf, warningOf, type IoProblem } from '../problem.ts';
import { makeFeature, type RawLayer } from '../read-types.ts';
import { decodeText } from '../text-encoding.ts';
import { extensionOf, unzipSync, zipProblemParams } from '../zip.ts';

interface El {
  nodeType: number;
  tagName: string;
  localName?: string | null;
  childNodes: ArrayLike<unknown>;
  getAttribute(name: string): string | null;
  textContent: string | null;
}

const isElement = (n: unknown): n is El =>
  typeof n === 'object' && n !== null && (n as { nodeType?: number }).nodeType === 1;
const localName = (e: El): string => e.localName ?? e.tagName.replace(/^.*:/, '');

function children(e: El, name?: string): El[] {
  const out: El[] = [];
  for (let i = 0; i < e.childNodes.length; i++) {
    const c = e.childNodes[i];
    if (isElement(c) && (name === undefined || localName(c) === name)) out.push(c);
  }
  return out;
}

const child = (e: El | undefined, name: string): El | undefined => (e ? children(e, name)[0] : undefined);

/** The elements called `name` below e, in document order, not looking inside a match. Iterative:
 * Folders nested 10 000 deep are valid XML and must not overflow the stack. */
function descendants(e: El, name: string): El[] {
  const out: El[] = [];
  const stack = children(e).reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (localName(c) === name) out.push(c);
    else stack.push(...children(c).reverse());
  }
  return out;
}

function coordinates(e: El | undefined): Position[] {
  const text = e?.textContent?.trim() ?? '';
  if (text === '') return [];
  return text.split(/\s+/).map((tuple) => tuple.split(',').map(Number));
}

function geometryOf(e: El): Geometry | null {
  switch (localName(e)) {
    case 'Point': {
      const c = coordinates(child(e, 'coordinates'))[0];
      return c ? { type: 'Point', coordinates: c } : null;
    }
    case 'LineString':
    case 'LinearRing':
      return { type: 'LineString', coordinates: coordinates(child(e, 'coordinates')) };
    case 'Polygon': {
      const ring = (b: El): Position[] => coordinates(child(child(b, 'LinearRing') ?? b, 'coordinates'));
      const outer = child(e, 'outerBoundaryIs');
      const rings = [...(outer ? [ring(outer)] : []), ...children(e, 'innerBoundaryIs').map(ring)];
      return { type: 'Polygon', coordinates: rings };
    }
    // MultiPolygon, MultiLineString and MultiPoint are not in the KML schema, but GDAL reads them
    // as MultiGeometry: the parts are the geometries inside.
    case 'MultiGeometry':
    case 'MultiPolygon':
    case 'MultiLineString':
    case 'MultiPoint':
      return combine(
        children(e)
          .map(geometryOf)
          .filter((g): g is Geometry => g !== null),
      );
    default:
      return null;
  }
}

/** A MultiGeometry of one kind becomes the matching Multi* type; mixed kinds a GeometryCollection. */
function combine(parts: Geometry[]): Geometry | null {
  if (parts.length === 0) return null;
  const kinds = new Set(parts.map((p) => p.type));
  if (kinds.size === 1) {
    const polys = parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : []));
    if (polys.length === parts.length) return { type: 'MultiPolygon', coordinates: polys };
    const lines = parts.flatMap((p) => (p.type === 'LineString' ? [p.coordinates] : []));
    if (lines.length === parts.length) return { type: 'MultiLineString', coordinates: lines };
    const points = parts.flatMap((p) => (p.type === 'Point' ? [p.coordinates] : []));
    if (points.length === parts.length) return { type: 'MultiPoint', coordinates: points };
  }
  return { type: 'GeometryCollection', geometries: parts };
}

const GEOMETRY_NAMES = new Set([
  'Point',
  'LineString',
  'LinearRing',
  'Polygon',
  'MultiGeometry',
  'MultiPolygon',
  'MultiLineString',
  'MultiPoint',
]);
// Placemark geometries zonemap does not read (3D models, GPS tracks): said, never dropped in silence.
const UNREAD_GEOMETRIES = new Set(['Model', 'Track', 'MultiTrack']);

type Converter = (text: string) => unknown;
const asString: Converter = (t) => t;
const asNumber: Converter = (t) => (t.trim() === '' ? null : Number(t));
const CONVERTERS: Record<string, Converter> = {
  int: asNumber,
  uint: asNumber,
  short: asNumber,
  ushort: asNumber,
  float: asNumber,
  double: asNumber,
  bool: (t) => t === '1' || t.toLowerCase() === 'true',
  string: asString,
};

function schemas(doc: El): Map<string, Map<string, Converter>> {
  const out = new Map<string, Map<string, Converter>>();
  for (const schema of descendants(doc, 'Schema')) {
    const fields = new Map<string, Converter>();
    for (const f of children(schema, 'SimpleField')) {
      fields.set(f.getAttribute('name') ?? '', CONVERTERS[f.getAttribute('type') ?? 'string'] ?? asString);
    }
    out.set(schema.getAttribute('id') ?? schema.getAttribute('name') ?? '', fields);
  }
  return out;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function placemarkProperties(
  pm: El,
  schemaMap: Map<string, Map<string, Converter>>,
): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const ext = child(pm, 'ExtendedData');
  if (ext) {
    for (const data of children(ext, 'Data')) {
      setOwn(props, data.getAttribute('name') ?? '', child(data, 'value')?.textContent ?? '');
    }
    for (const sd of children(ext, 'SchemaData')) {
      const schema = schemaMap.get((sd.getAttribute('schemaUrl') ?? '').replace(/^#/, '')) ?? new Map();
      // Schema fields a placemark leaves out are null: that is how the writer stores null.
      for (const field of schema.keys()) setOwn(props, field, null);
      for (const d of children(sd, 'SimpleData')) {
        const field = d.getAttribute('name') ?? '';
        setOwn(props, field, (schema.get(field) ?? asString)(d.textContent ?? ''));
      }
    }
  }
  // <name> and <description> fill in only where the extended data has no field of that name.
  for (const tag of ['name', 'description']) {
    const el = child(pm, tag);
    if (el && !hasOwn(props, tag)) setOwn(props, tag, el.textContent ?? '');
  }
  return props;
}

const KML_CRS = 'EPSG:4326';

function failure(code: string, detail: string, file?: string): RawLayer {
  return { features: [], fixedCrs: KML_CRS, problems: [errorOf(code, { detail }, { file })] };
}

export function readKmlText(text: string, file?: string): RawLayer {
  const problems: IoProblem[] = [];
  let doc: El | undefined;
  try {
    const fatal: string[] = [];
    const parser = new DOMParser({
      onError: (level, msg) => {
        if (level === 'fatalError' || level === 'error') fatal.push(msg);
      },
    });
    const root: unknown = parser.parseFromString(text, 'text/xml').documentElement;
    if (fatal.length > 0) return failure('bad-kml', fatal[0]!.slice(0, 160), file);
    doc = isElement(root) ? root : undefined;
  } catch (e) {
    return failure('bad-kml', describeError(e), file);
  }
  if (!doc) return failure('bad-kml', 'no root element', file);
  if (localName(doc) !== 'kml' && descendants(doc, 'Placemark').length === 0) {
    return failure('bad-kml', `root <${doc.tagName}>`, file);
  }
  const schemaMap = schemas(doc);
  const features: Feature[] = descendants(doc, 'Placemark').map((pm, index) => {
    const g = children(pm).find((c) => GEOMETRY_NAMES.has(localName(c)));
    const unread = children(pm).find((c) => UNREAD_GEOMETRIES.has(localName(c)));
    if (!g && unread) {
      problems.push(warningOf('kml-geometry-unread', { element: unread.tagName }, { file, feature: index }));
    }
    return makeFeature(g ? geometryOf(g) : null, placemarkProperties(pm, schemaMap));
  });
  return { features, fixedCrs: KML_CRS, problems };
}

export async function readKmz(bytes: Uint8Array, file?: string): Promise<RawLayer> {
  let files: Map<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { wanted: (n) => extensionOf(n) === 'kml' }).files;
  } catch (e) {
    const { code, params } = zipProblemParams(e);
    return { features: [], fixedCrs: KML_CRS, problems: [errorOf(code, params, { file })] };
  }
  const names = [...files.keys()].filter((n) => extensionOf(n) === 'kml');
  // Google Earth names the main document doc.kml; otherwise the .kml nearest the top.
  const main =
    names.find((n) => n.toLowerCase() === 'doc.kml') ??
    names.sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (!main) return failure('bad-kml', 'KMZ 中没有 .kml / no .kml in the KMZ', file);
  return readKmlText(decodeText(files.get(main)!).text, file);
}
