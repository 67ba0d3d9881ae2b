// CSV export: one column per property and the geometry as WKT (what GDAL and Excel users exchange).
// UTF-8 gets a byte-order mark so Excel shows Chinese correctly; GBK is there for older tools.
import type { Feature } from 'geojson';
import { csvLine } from '../csv/csv-text.ts';
import { propertyKeys } from './property-keys.ts';
import { encodeText } from '../text-encoding.ts';
import { toWkt } from '../wkt.ts';

/** A table (first row the header) as CSV bytes. */
export function writeCsvTable(
  rows: readonly (readonly unknown[])[],
  encoding: 'utf-8' | 'gbk' = 'utf-8',
): Uint8Array {
  const text = rows.map((r) => csvLine(r)).join('\r\n') + '\r\n';
  const body = encodeText(text, encoding);
  if (encoding === 'gbk') return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export function writeCsvFeatures(
  features: readonly Feature[],
  opts: { encoding?: 'utf-8' | 'gbk' } = {},
): Uint8Array {
  const keys = propertyKeys(features);
  let wktColumn = 'WKT';
  while (keys.includes(wktColumn)) wktColumn = `_${wktColumn}`;
  const rows: unknown[][] = [[...keys, wktColumn]];
  for (const f of features) {
    const p = f.properties ?? {};
    rows.push([
      ...keys.map((k) => Object.getOwnPropertyDescriptor(p, k)?.value ?? null),
      f.geometry ? toWkt(f.geometry) : '',
    ]);
  }
  return writeCsvTable(rows, opts.encoding);
}
