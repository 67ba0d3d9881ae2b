// Zipped Shapefile export. Own writer rather than @mapbox/shp-write: that one offers no .cpg choice,
// cannot encode GBK, and assigns field names through plain objects (a "__proto__" field is lost).
// Coordinates go to the chosen CRS (a CGCS2000 Gauss-Kruger zone by default for planners).
import type { Feature, Geometry, Position } from 'geojson';
import { crsTransforms, resolveCrs } from '../../core/crs.ts';
import { reprojectGeometry } from '../reproject.ts';
import { ringSignedArea2 } from '../shapefile/shp.ts';
import { decoderFor, encodeText } from '../text-encoding.ts';
import { zipFiles } from '../zip.ts';
import { prjFor } from './prj-wkt.ts';
import { propertyKeys } from './property-keys.ts';

export interface ShapefileExportOptions {
  /** layer name used for the files inside the zip */
  name?: string;
  /** target CRS: EPSG code of a geographic or Gauss-Kruger CRS; default EPSG:4490 */
  crs?: string;
  /** text encoding of the .dbf, written to the .cpg; default UTF-8 */
  encoding?: 'utf-8' | 'gbk';
}

export interface ShapefileExport {
  bytes: Uint8Array;
  /** notes for the user: renamed fields, shortened text, dropped geometry kinds */
  notes: { zh: string; en: string }[];
}

type ShapeKind = 'point' | 'multipoint' | 'line' | 'polygon';
const SHAPE_TYPE: Record<ShapeKind, number> = { point: 1, line: 3, polygon: 5, multipoint: 8 };

function kindOf(g: Geometry | null): ShapeKind | undefined {
  switch (g?.type) {
    case 'Point':
      return 'point';
    case 'MultiPoint':
      return 'multipoint';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'polygon';
    default:
      return undefined;
  }
}

/** Parts of a record in shapefile order: outer rings clockwise, holes counter-clockwise. */
function partsOf(g: Geometry): Position[][] {
  const orient = (ring: Position[], clockwise: boolean): Position[] =>
    ringSignedArea2(ring) < 0 === clockwise ? ring : ring.slice().reverse();
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates.map((r, i) => orient(r, i === 0));
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => p.map((r, i) => orient(r, i === 0)));
    case 'MultiPoint':
      return [g.coordinates];
    default:
      return [];
  }
}

function bbox(points: Position[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x0 = Math.min(x0, p[0]!);
    y0 = Math.min(y0, p[1]!);
    x1 = Math.max(x1, p[0]!);
    y1 = Math.max(y1, p[1]!);
  }
  return points.length ? [x0, y0, x1, y1] : [0, 0, 0, 0];
}

/** Record content (without the 8-byte record header) for one geometry. */
function recordContent(g: Geometry | null, kind: ShapeKind): Uint8Array {
  if (!g || kindOf(g) !== kind) return new Uint8Array([0, 0, 0, 0]);
  if (kind === 'point') {
    const p = (g as { coordinates: Position }).coordinates;
    const buf = new DataView(new ArrayBuffer(20));
    buf.setInt32(0, 1, true);
    buf.setFloat64(4, p[0]!, true);
    buf.setFloat64(12, p[1]!, true);
    return new Uint8Array(buf.buffer);
  }
  const parts = partsOf(g);
  const points = parts.flat();
  const [x0, y0, x1, y1] = bbox(points);
  if (kind === 'multipoint') {
    const buf = new DataView(new ArrayBuffer(40 + 16 * points.length));
    buf.setInt32(0, 8, true);
    [x0, y0, x1, y1].forEach((v, i) => buf.setFloat64(4 + i * 8, v, true));
    buf.setInt32(36, points.length, true);
    points.forEach((p, i) => {
      buf.setFloat64(40 + i * 16, p[0]!, true);
      buf.setFloat64(48 + i * 16, p[1]!, true);
    });
    return new Uint8Array(buf.buffer);
  }
  const size = 44 + 4 * parts.length + 16 * points.length;
  const buf = new DataView(new ArrayBuffer(size));
  buf.setInt32(0, SHAPE_TYPE[kind], true);
  [x0, y0, x1, y1].forEach((v, i) => buf.setFloat64(4 + i * 8, v, true));
  buf.setInt32(36, parts.length, true);
  buf.setInt32(40, points.length, true);
  let start = 0;
  parts.forEach((part, i) => {
    buf.setInt32(44 + i * 4, start, true);
    start += part.length;
  });
  const at = 44 + 4 * parts.length;
  points.forEach((p, i) => {
    buf.setFloat64(at + i * 16, p[0]!, true);
    buf.setFloat64(at + i * 16 + 8, p[1]!, true);
  });
  return new Uint8Array(buf.buffer);
}

function writeShpShx(geoms: (Geometry | null)[], kind: ShapeKind): { shp: Uint8Array; shx: Uint8Array } {
  const contents = geoms.map((g) => recordContent(g, kind));
  const shpLength = 100 + contents.reduce((a, c) => a + 8 + c.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * contents.length);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  const all = geoms.flatMap((g) =>
    g && kindOf(g) === kind ? (g.type === 'Point' ? [g.coordinates] : partsOf(g).flat()) : [],
  );
  const box = bbox(all);
  for (const [view, length] of [
    [sv, shpLength],
    [xv, shx.length],
  ] as const) {
    view.setInt32(0, 9994, false);
    view.setInt32(24, length / 2, false);
    view.setInt32(28, 1000, true);
    view.setInt32(32, SHAPE_TYPE[kind], true);
    box.forEach((v, i) => view.setFloat64(36 + i * 8, v, true));
  }
  let off = 100;
  contents.forEach((c, i) => {
    xv.setInt32(100 + i * 8, off / 2, false);
    xv.setInt32(104 + i * 8, c.length / 2, false);
    sv.setInt32(off, i + 1, false);
    sv.setInt32(off + 4, c.length / 2, false);
    shp.set(c, off + 8);
    off += 8 + c.length;
  });
  return { shp, shx };
}

interface Column {
  key: string;
  name: string;
  type: 'C' | 'N' | 'L';
  length: number;
  decimals: number;
}

/** Cuts text to at most `max` bytes without splitting a character. */
function fitBytes(text: string, max: number, encoding: 'utf-8' | 'gbk'): Uint8Array {
  let t = text;
  let b = encodeText(t, encoding);
  while (b.length > max) {
    t = [...t].slice(0, -1).join('');
    b = encodeText(t, encoding);
  }
  return b;
}

const numberText = (n: number): string => String(n);

function columnsFor(
  features: readonly Feature[],
  encoding: 'utf-8' | 'gbk',
  notes: ShapefileExport['notes'],
): Column[] {
  const keys = propertyKeys(features);
  const used = new Set<string>();
  return keys.map((key) => {
    const values = features.map((f) =>
      f.properties ? Object.getOwnPropertyDescriptor(f.properties, key)?.value : undefined,
    );
    const present = values.filter((v) => v !== null && v !== undefined);
    let type: Column['type'] = 'C';
    if (present.length > 0 && present.every((v) => typeof v === 'number' && Number.isFinite(v))) type = 'N';
    else if (present.length > 0 && present.every((v) => typeof v === 'boolean')) type = 'L';
    let length = 1;
    let decimals = 0;
    if (type === 'N') {
      for (const v of present as number[]) {
        const t = numberText(v);
        length = Math.max(length, t.length);
        decimals = Math.max(decimals, t.includes('.') ? t.length - t.indexOf('.') - 1 : 0);
      }
      length = Math.min(Math.max(length, decimals + 2), 32);
    } else if (type === 'C') {
      for (const v of present) length = Math.max(length, encodeText(cellText(v), encoding).length);
      if (length > 254) {
        notes.push({
          zh: `字段 ${key} 的文字超过 254 字节，已截断`,
          en: `text in field ${key} over 254 bytes was cut`,
        });
        length = 254;
      }
    }
    // dBase field names hold 10 bytes; longer names are cut and made unique, as GDAL does.
    let nameBytes = fitBytes(key, 10, encoding);
    let name = decoderFor(encoding).decode(nameBytes);
    for (let k = 1; used.has(name); k++) {
      // The suffix is kept whole and the name cut before it: cutting "名称…_1" after it looped
      // forever on Chinese names, where seven characters already pass 10 bytes.
      const suffix = `_${k}`;
      const head = decoderFor(encoding).decode(fitBytes(key, 10 - suffix.length, encoding));
      nameBytes = encodeText(`${head}${suffix}`, encoding);
      name = decoderFor(encoding).decode(nameBytes);
    }
    used.add(name);
    if (name !== key)
      notes.push({
        zh: `字段名 ${key} 超过 10 字节，改为 ${name}`,
        en: `field name ${key} exceeds 10 bytes; renamed ${name}`,
      });
    return { key, name, type, length, decimals: Math.min(decimals, 15) };
  });
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function writeDbf(features: readonly Feature[], columns: Column[], encoding: 'utf-8' | 'gbk'): Uint8Array {
  const headerLength = 32 + 32 * columns.length + 1;
  const recordLength = 1 + columns.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(headerLength + recordLength * features.length + 1);
  const view = new DataView(out.buffer);
  const now = new Date();
  out[0] = 0x03;
  out[1] = now.getFullYear() - 1900;
  out[2] = now.getMonth() + 1;
  out[3] = now.getDate();
  view.setUint32(4, features.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  // Language driver 0x4D says code page 936 to ArcGIS even when the .cpg gets lost.
  out[29] = encoding === 'gbk' ? 0x4d : 0;
  columns.forEach((c, i) => {
    const at = 32 + i * 32;
    out.set(encodeText(c.name, encoding).subarray(0, 10), at);
    out[at + 11] = c.type.charCodeAt(0);
    out[at + 16] = c.length;
    out[at + 17] = c.decimals;
  });
  out[headerLength - 1] = 0x0d;
  out.fill(0x20, headerLength, out.length - 1);
  features.forEach((f, r) => {
    let at = headerLength + r * recordLength + 1;
    for (const c of columns) {
      const v = f.properties ? Object.getOwnPropertyDescriptor(f.properties, c.key)?.value : undefined;
      let bytes: Uint8Array;
      if (c.type === 'N') {
        const t = typeof v === 'number' ? numberText(v) : '';
        bytes = new TextEncoder().encode(t.padStart(c.length, ' '));
      } else if (c.type === 'L') {
        bytes = new TextEncoder().encode(v === true ? 'T' : v === false ? 'F' : '?');
      } else bytes = fitBytes(cellText(v), c.length, encoding);
      out.set(bytes.subarray(0, c.length), at);
      at += c.length;
    }
  });
  out[out.length - 1] = 0x1a;
  return out;
}

const KIND_SUFFIX: Record<ShapeKind, string> = {
  point: 'point',
  multipoint: 'multipoint',
  line: 'line',
  polygon: 'polygon',
};

export async function writeShapefileZip(
  features: readonly Feature[],
  opts: ShapefileExportOptions = {},
): Promise<ShapefileExport> {
  const name = (opts.name ?? 'layer').replace(/[\\/:*?"<>|]/g, '_');
  const crs = opts.crs ?? 'EPSG:4490';
  const encoding = opts.encoding ?? 'utf-8';
  const notes: ShapefileExport['notes'] = [];
  const info = resolveCrs(crs);
  const prj = prjFor(crs);
  if (!info || !prj) throw new Error(`cannot write a .prj for ${crs}`);
  const toTarget = info.geographic ? undefined : crsTransforms(info.code).fromLonLat;
  const projected = features.map((f) => (toTarget ? reprojectGeometry(f.geometry, toTarget) : f.geometry));
  // One shape type per file: mixed layers become one file per kind, each with every attribute row
  // (rows of the other kinds get a null shape) so feature order and indexes are kept.
  const kinds = [...new Set(projected.map(kindOf).filter((k): k is ShapeKind => k !== undefined))];
  if (kinds.length === 0) kinds.push('polygon');
  if (projected.some((g) => g?.type === 'GeometryCollection')) {
    notes.push({
      zh: '几何集合 (GeometryCollection) 无法写入 Shapefile，已写为空图形',
      en: 'GeometryCollections cannot go in a Shapefile; written as null shapes',
    });
  }
  const columns = columnsFor(features, encoding, notes);
  const dbf = writeDbf(features, columns, encoding);
  const files: [string, Uint8Array | string][] = [];
  for (const kind of kinds) {
    const base = kinds.length === 1 ? name : `${name}_${KIND_SUFFIX[kind]}`;
    const { shp, shx } = writeShpShx(projected, kind);
    files.push([`${base}.shp`, shp], [`${base}.shx`, shx], [`${base}.dbf`, dbf], [`${base}.prj`, prj]);
    files.push([`${base}.cpg`, encoding === 'gbk' ? 'GBK' : 'UTF-8']);
  }
  if (kinds.length > 1) {
    notes.push({
      zh: `图层含多种几何类型，已分为 ${kinds.length} 个 Shapefile`,
      en: `mixed geometry kinds were split into ${kinds.length} Shapefiles`,
    });
  }
  return { bytes: await zipFiles(files), notes };
}
