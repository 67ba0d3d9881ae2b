// Well-known text geometry, for CSV files with a WKT column (what Excel users and GDAL exchange).
import type { Geometry, Position } from 'geojson';

export class WktError extends Error {}

type Token = string;

function tokenize(text: string): Token[] {
  return text.match(/[A-Za-z]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[(),]|\S/g) ?? [];
}

export function parseWkt(text: string): Geometry | null {
  const tokens = tokenize(text.trim());
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const next = (): Token => {
    const t = tokens[i++];
    if (t === undefined) throw new WktError('unexpected end');
    return t;
  };
  const expect = (t: Token): void => {
    const got = next();
    if (got !== t) throw new WktError(`expected "${t}", got "${got}"`);
  };
  const position = (): Position => {
    const out: number[] = [];
    while (peek() !== undefined && peek() !== ',' && peek() !== ')') {
      const n = Number(next());
      if (!Number.isFinite(n)) throw new WktError('bad number');
      out.push(n);
    }
    if (out.length < 2) throw new WktError('a position needs two numbers');
    return out;
  };
  const list = <T>(item: () => T): T[] => {
    expect('(');
    const out = [item()];
    while (peek() === ',') {
      i++;
      out.push(item());
    }
    expect(')');
    return out;
  };
  // MULTIPOINT allows both "(1 2, 3 4)" and "((1 2), (3 4))".
  const multiPointItem = (): Position => {
    if (peek() !== '(') return position();
    i++;
    const p = position();
    expect(')');
    return p;
  };
  const geometry = (): Geometry | null => {
    const type = next().toUpperCase();
    // Dimension words (Z, M, ZM) are accepted and ignored; the numbers carry the values.
    while (/^(Z|M|ZM)$/i.test(peek() ?? '')) i++;
    if (peek()?.toUpperCase() === 'EMPTY') {
      i++;
      return null;
    }
    switch (type) {
      case 'POINT': {
        expect('(');
        const p = position();
        expect(')');
        return { type: 'Point', coordinates: p };
      }
      case 'LINESTRING':
        return { type: 'LineString', coordinates: list(position) };
      case 'POLYGON':
        return { type: 'Polygon', coordinates: list(() => list(position)) };
      case 'MULTIPOINT':
        return { type: 'MultiPoint', coordinates: list(multiPointItem) };
      case 'MULTILINESTRING':
        return { type: 'MultiLineString', coordinates: list(() => list(position)) };
      case 'MULTIPOLYGON':
        return { type: 'MultiPolygon', coordinates: list(() => list(() => list(position))) };
      case 'GEOMETRYCOLLECTION':
        return {
          type: 'GeometryCollection',
          geometries: list(geometry).filter((g): g is Geometry => g !== null),
        };
      default:
        throw new WktError(`unknown geometry type "${type}"`);
    }
  };
  if (tokens.length === 0) return null;
  const g = geometry();
  if (i !== tokens.length) throw new WktError('unexpected text after the geometry');
  return g;
}

const pos = (p: Position): string => p.map((n) => String(n)).join(' ');
const seq = (ps: Position[]): string => `(${ps.map(pos).join(', ')})`;
const rings = (rs: Position[][]): string => `(${rs.map(seq).join(', ')})`;

/** Numbers are written with JavaScript's shortest round-trip form, so parsing gives them back exactly. */
export function toWkt(g: Geometry | null): string {
  if (!g) return 'GEOMETRYCOLLECTION EMPTY';
  switch (g.type) {
    case 'Point':
      return `POINT (${pos(g.coordinates)})`;
    case 'LineString':
      return `LINESTRING ${seq(g.coordinates)}`;
    case 'Polygon':
      return `POLYGON ${rings(g.coordinates)}`;
    case 'MultiPoint':
      return `MULTIPOINT ${seq(g.coordinates)}`;
    case 'MultiLineString':
      return `MULTILINESTRING ${rings(g.coordinates)}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${g.coordinates.map(rings).join(', ')})`;
    case 'GeometryCollection':
      return `GEOMETRYCOLLECTION (${g.geometries.map(toWkt).join(', ')})`;
  }
}
