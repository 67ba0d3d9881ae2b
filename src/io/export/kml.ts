// KML export: each property as typed SchemaData so numbers and booleans come back as such; a
// null value is left out of the placemark (the reader restores it as null from the schema).
import type { Feature, Geometry, Position } from 'geojson';
import { rewindRfc7946 } from '../repair/rewind.ts';
import { escapeXml } from './xml.ts';

const coords = (ps: Position[]): string => ps.map((p) => p.map(String).join(',')).join(' ');

function geometryXml(g: Geometry | null): string {
  if (!g) return '';
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${coords([g.coordinates])}</coordinates></Point>`;
    case 'LineString':
      return `<LineString><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
    case 'Polygon':
      return (
        '<Polygon>' +
        g.coordinates
          .map(
            (r, i) =>
              `<${i === 0 ? 'outer' : 'inner'}BoundaryIs><LinearRing><coordinates>${coords(r)}</coordinates></LinearRing></${i === 0 ? 'outer' : 'inner'}BoundaryIs>`,
          )
          .join('') +
        '</Polygon>'
      );
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map((c) => geometryXml({ type: 'Point', coordinates: c })).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((c) => geometryXml({ type: 'LineString', coordinates: c })).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map((c) => geometryXml({ type: 'Polygon', coordinates: c })).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${g.geometries.map(geometryXml).join('')}</MultiGeometry>`;
  }
}

type KmlType = 'string' | 'double' | 'bool';

function schemaOf(features: readonly Feature[]): Map<string, KmlType> {
  const values = new Map<string, unknown[]>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (!values.has(k)) values.set(k, []);
      if (v !== null && v !== undefined) values.get(k)!.push(v);
    }
  }
  const types = new Map<string, KmlType>();
  for (const [k, vs] of values) {
    const t: KmlType =
      vs.length > 0 && vs.every((v) => typeof v === 'number')
        ? 'double'
        : vs.length > 0 && vs.every((v) => typeof v === 'boolean')
          ? 'bool'
          : 'string';
    types.set(k, t);
  }
  return types;
}

const valueText = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);

export function toKmlText(features: readonly Feature[], opts: { name?: string } = {}): string {
  const schema = schemaOf(features);
  const fields = [...schema].map(([k, t]) => `<SimpleField name="${escapeXml(k)}" type="${t}"/>`).join('');
  const placemarks = features.map((f) => {
    const props = f.properties ?? {};
    const name = typeof props.name === 'string' ? `<name>${escapeXml(props.name)}</name>` : '';
    const data = Object.entries(props)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `<SimpleData name="${escapeXml(k)}">${escapeXml(valueText(v))}</SimpleData>`)
      .join('');
    const geometry = geometryXml(rewindRfc7946(f.geometry).geometry);
    return `<Placemark>${name}<ExtendedData><SchemaData schemaUrl="#zonemap">${data}</SchemaData></ExtendedData>${geometry}</Placemark>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>' +
    (opts.name ? `<name>${escapeXml(opts.name)}</name>` : '') +
    `<Schema name="zonemap" id="zonemap">${fields}</Schema>\n` +
    placemarks.join('\n') +
    '\n</Document></kml>\n'
  );
}

export function writeKml(features: readonly Feature[], opts: { name?: string } = {}): Uint8Array {
  return new TextEncoder().encode(toKmlText(features, opts));
}
