// CRS names the io layer accepts beyond the Chinese families in src/core/crs.ts: Web Mercator and
// WGS 84 / UTM, which downloaded data sometimes carries. They become proj4 strings core resolves.
import { epsgNumber, resolveCrs, type CrsInfo } from '../../core/crs.ts';

const WEB_MERCATOR =
  '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs';

/** The CRS text to hand to core: unchanged when core knows it, else a proj4 equivalent. */
export function normaliseCrs(text: string): string {
  const n = epsgNumber(text);
  if (n === 3857 || n === 900913 || n === 102100) return WEB_MERCATOR;
  if (n !== undefined && n >= 32601 && n <= 32660)
    return `+proj=utm +zone=${n - 32600} +datum=WGS84 +units=m +no_defs`;
  if (n !== undefined && n >= 32701 && n <= 32760)
    return `+proj=utm +zone=${n - 32700} +south +datum=WGS84 +units=m +no_defs`;
  return text.trim();
}

/** Core's view of a CRS the io layer accepts; its `code` is what every later step should use. */
export function resolveIoCrs(text: string): CrsInfo | undefined {
  return resolveCrs(normaliseCrs(text));
}
