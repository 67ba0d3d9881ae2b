// Large GeoJSON without holding the whole text: the bytes are scanned once for the top-level
// "features" array, then its items are decoded and parsed a batch at a time. Peak memory is the
// bytes plus the parsed features plus one batch of text, and progress and cancellation work between
// batches. Anything unusual (another shape, broken JSON) returns undefined and the caller takes the
// whole-text path, which gives the exact error position.
import { featuresFromGeoJson } from './read-geojson.ts';
import type { RawLayer } from './read-types.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const COMMA = 0x2c;

interface Layout {
  /** byte ranges [start, end) of the items of the top-level "features" array */
  items: Int32Array;
  count: number;
  /** the byte range of the array itself, brackets included */
  arrayStart: number;
  arrayEnd: number;
}

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const FEATURES_KEY = new TextEncoder().encode('"features"');

function keyIsFeatures(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== FEATURES_KEY.length) return false;
  for (let i = 0; i < FEATURES_KEY.length; i++) if (bytes[start + i] !== FEATURES_KEY[i]) return false;
  return true;
}

/** One pass over the bytes: where the top-level "features" array and each of its items lie. */
export function scanFeatureCollection(bytes: Uint8Array, from: number): Layout | undefined {
  let depth = 0;
  let inString = false;
  let stringStart = -1;
  let lastKeyStart = -1;
  let lastKeyEnd = -1;
  let arrayStart = -1;
  let arrayEnd = -1;
  let itemStart = -1;
  let items: Int32Array = new Int32Array(1024);
  let count = 0;
  let i = from;
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  if (bytes[i] !== OPEN_OBJ) return undefined;
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) {
        inString = false;
        if (depth === 1) {
          lastKeyStart = stringStart;
          lastKeyEnd = i + 1;
        }
      }
      continue;
    }
    if (b === QUOTE) {
      inString = true;
      stringStart = i;
      if (depth === 2 && arrayStart >= 0 && arrayEnd < 0 && itemStart < 0) itemStart = i;
      continue;
    }
    if (isSpace(b)) continue;
    if (depth === 2 && arrayStart >= 0 && arrayEnd < 0 && itemStart < 0 && b !== COMMA && b !== CLOSE_ARR)
      itemStart = i;
    if (b === OPEN_OBJ || b === OPEN_ARR) {
      if (
        depth === 1 &&
        b === OPEN_ARR &&
        arrayStart < 0 &&
        lastKeyEnd > 0 &&
        keyIsFeatures(bytes, lastKeyStart, lastKeyEnd)
      )
        arrayStart = i;
      depth++;
    } else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
      if (depth === 2 && arrayStart >= 0 && arrayEnd < 0 && b === CLOSE_ARR) {
        if (itemStart >= 0) {
          if (count * 2 + 2 > items.length) items = grow(items);
          items[count * 2] = itemStart;
          items[count * 2 + 1] = i;
          count++;
          itemStart = -1;
        }
        arrayEnd = i + 1;
      }
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) {
        // only white space may follow the top-level object
        for (let k = i + 1; k < bytes.length; k++) if (!isSpace(bytes[k]!)) return undefined;
        return arrayStart >= 0 && arrayEnd > arrayStart ? { items, count, arrayStart, arrayEnd } : undefined;
      }
    } else if (b === COMMA && depth === 2 && arrayStart >= 0 && arrayEnd < 0) {
      if (itemStart < 0) return undefined;
      if (count * 2 + 2 > items.length) items = grow(items);
      items[count * 2] = itemStart;
      items[count * 2 + 1] = i;
      count++;
      itemStart = -1;
    }
  }
  return undefined; // truncated: the whole-text path reports where
}

function grow(a: Int32Array): Int32Array {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}

export interface ChunkOptions {
  file?: string;
  /** bytes of feature text parsed at once */
  batchBytes?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * Reads a FeatureCollection batch by batch; undefined when the bytes need the whole-text path, and
 * 'aborted' when the signal stopped it (the caller must not start the whole-text path then).
 */
export function readFeatureCollectionChunked(
  bytes: Uint8Array,
  opts: ChunkOptions = {},
): RawLayer | 'aborted' | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const layout = scanFeatureCollection(bytes, bom);
  if (!layout) return undefined;
  const decoder = new TextDecoder('utf-8');
  // The collection without its features: type, crs, name, … parsed on their own.
  const shellText =
    decoder.decode(bytes.subarray(bom, layout.arrayStart)) +
    '[]' +
    decoder.decode(bytes.subarray(layout.arrayEnd));
  let shell: unknown;
  try {
    shell = JSON.parse(shellText);
  } catch {
    return undefined;
  }
  const batchBytes = opts.batchBytes ?? 4 * 1024 * 1024;
  const values: unknown[] = new Array(layout.count);
  let i = 0;
  while (i < layout.count) {
    if (opts.signal?.aborted) return 'aborted';
    const first = i;
    const start = layout.items[i * 2]!;
    while (i < layout.count && layout.items[i * 2 + 1]! - start < batchBytes) i++;
    if (i === first) i++;
    const end = layout.items[(i - 1) * 2 + 1]!;
    let batch: unknown;
    try {
      batch = JSON.parse('[' + decoder.decode(bytes.subarray(start, end)) + ']');
    } catch {
      return undefined;
    }
    if (!Array.isArray(batch) || batch.length !== i - first) return undefined;
    for (let k = 0; k < batch.length; k++) values[first + k] = batch[k];
    opts.onProgress?.(end / bytes.length);
  }
  (shell as { features?: unknown[] }).features = values;
  return featuresFromGeoJson(shell, opts.file);
}
