// Large GeoJSON without holding the whole text: the bytes are scanned once, the numbers of every
// feature's Polygon/MultiPolygon coordinates parsed straight into flat typed arrays as they are
// met (core/flat-coords.ts), and the rest of each feature (properties, type, …) copied into a small
// text that JSON.parse reads a batch at a time. So there is no array per vertex and no text of the
// coordinates; progress and cancellation work between batches. Anything unusual (another shape,
// broken JSON, a number JSON would refuse) returns undefined and the caller takes the whole-text
// path, which gives the exact error position; coordinates of another form (a Z value, an empty ring,
// a string) are simply left in the text for JSON.parse.
import { flatGeometry, nestedCoordinates, type FlatCoords } from '../core/flat-coords.ts';
import { featuresFromGeoJson } from './read-geojson.ts';
import { errorOf } from './problem.ts';
import type { ByteSource, RawLayer } from './read-types.ts';

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
  /**
   * Polygon and MultiPolygon geometries as FlatGeometry (core/flat-coords.ts), their coordinates
   * built only when read: for callers that keep the features to themselves (the CLI, the import
   * worker). Otherwise every geometry is plain GeoJSON.
   */
  flat?: boolean;
}

const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const COLON = 0x3a;
const MAX_SCAN_DEPTH = 256;
const NO_PARTS = new Uint32Array(0);
// `ends` of one-ring geometries by vertex count, shared: ends are never written after parsing.
const ONE_RING_ENDS: (Uint32Array | undefined)[] = new Array(256);
// Exact powers of ten: m · 10^±k with m < 2^53 and k ≤ 22 is one correctly rounded operation,
// the same double JSON.parse gives (Clinger's fast path); anything else goes through Number().
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const COORDINATES_KEY = new TextEncoder().encode('"coordinates"');
const GEOMETRY_KEY = new TextEncoder().encode('"geometry"');

function sameBytes(bytes: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (bytes[start + i] !== key[i]) return false;
  return true;
}

/** Growable typed storage handed out in blocks, so views taken earlier stay valid. */
class Blocks<T extends Float64Array | Uint32Array> {
  block: T;
  used = 0;
  /** where the item being written started in `block` */
  start = 0;
  constructor(
    private readonly make: (n: number) => T,
    private readonly size: number,
  ) {
    this.block = make(size);
  }
  push(v: number): void {
    if (this.used === this.block.length) this.renew();
    this.block[this.used++] = v;
  }
  /** a new block, carrying over the item being written */
  private renew(): void {
    const carried = this.used - this.start;
    const next = this.make(Math.max(this.size, carried * 2));
    next.set(this.block.subarray(this.start, this.used));
    this.block = next;
    this.start = 0;
    this.used = carried;
  }
  begin(): void {
    this.start = this.used;
  }
  rollback(): void {
    this.used = this.start;
  }
  take(): T {
    // A view made by the constructor: subarray's species lookup took twice as long, 300 000 times.
    const b = this.block;
    const n = this.used - this.start;
    return (
      b instanceof Float64Array
        ? new Float64Array(b.buffer, b.byteOffset + 8 * this.start, n)
        : new Uint32Array(b.buffer, b.byteOffset + 4 * this.start, n)
    ) as T;
  }
  /** how many numbers the item being written has so far */
  get count(): number {
    return this.used - this.start;
  }
}

class CoordParser {
  xy = new Blocks((n) => new Float64Array(n), 1 << 18);
  ends = new Blocks((n) => new Uint32Array(n), 1 << 15);
  parts = new Blocks((n) => new Uint32Array(n), 1 << 12);
  /** index just past the coordinates array after a successful parse */
  end = 0;
  private numEnd = 0;

  constructor(public bytes: Uint8Array) {}

  private skipSpace(i: number): number {
    const b = this.bytes;
    while (i < b.length && isSpace(b[i]!)) i++;
    return i;
  }

  /** A JSON number at i (NaN when the bytes are not one); numEnd is set past it. */
  private number(i: number): number {
    const b = this.bytes;
    const start = i;
    let neg = false;
    if (b[i] === MINUS) {
      neg = true;
      i++;
    }
    let m = 0;
    let digits = 0;
    let scale = 0;
    let c = b[i];
    if (c === ZERO) {
      i++;
    } else if (c !== undefined && c > ZERO && c <= NINE) {
      while (i < b.length && (c = b[i]!) >= ZERO && c <= NINE) {
        m = m * 10 + (c - ZERO);
        digits++;
        i++;
      }
    } else return NaN;
    if (b[i] === DOT) {
      i++;
      const first = i;
      while (i < b.length && (c = b[i]!) >= ZERO && c <= NINE) {
        m = m * 10 + (c - ZERO);
        digits++;
        scale++;
        i++;
      }
      if (i === first) return NaN;
    }
    let exp = 0;
    c = b[i];
    if (c === LOWER_E || c === UPPER_E) {
      i++;
      let eneg = false;
      if (b[i] === MINUS || b[i] === PLUS) {
        eneg = b[i] === MINUS;
        i++;
      }
      const first = i;
      while (i < b.length && (c = b[i]!) >= ZERO && c <= NINE) {
        exp = exp * 10 + (c - ZERO);
        i++;
        if (exp > 1e6) exp = 1e6;
      }
      if (i === first) return NaN;
      if (eneg) exp = -exp;
    }
    this.numEnd = i;
    const e10 = exp - scale;
    let v: number;
    if (digits <= 15 && e10 >= -22 && e10 <= 22) v = e10 < 0 ? m / POW10[-e10]! : m * POW10[e10]!;
    else {
      let text = '';
      for (let k = start; k < i; k++) text += String.fromCharCode(b[k]!);
      return Number(text);
    }
    return neg ? -v : v;
  }

  /** A position [x, y] at i (i at '['); false when it is anything else. */
  private position(i: number): boolean {
    const b = this.bytes;
    i = this.skipSpace(i + 1);
    const x = this.number(i);
    if (Number.isNaN(x)) return false;
    i = this.skipSpace(this.numEnd);
    if (b[i] !== COMMA) return false;
    i = this.skipSpace(i + 1);
    const y = this.number(i);
    if (Number.isNaN(y)) return false;
    i = this.skipSpace(this.numEnd);
    if (b[i] !== CLOSE_ARR) return false;
    this.xy.push(x);
    this.xy.push(y);
    this.end = i + 1;
    return true;
  }

  /** A list of `level`-deep lists at i ('['): 1 = positions (a ring), 2 = rings, 3 = polygons. */
  private list(i: number, level: number): boolean {
    const b = this.bytes;
    i = this.skipSpace(i + 1);
    if (b[i] === CLOSE_ARR) return false; // an empty list: left to JSON.parse and validation
    for (;;) {
      if (b[i] !== OPEN_ARR) return false;
      if (!(level === 1 ? this.position(i) : this.list(i, level - 1))) return false;
      i = this.skipSpace(this.end);
      if (b[i] === COMMA) {
        i = this.skipSpace(i + 1);
        continue;
      }
      if (b[i] !== CLOSE_ARR) return false;
      break;
    }
    if (level === 1) this.ends.push(this.xy.used - this.xy.start);
    else if (level === 2) this.parts.push(this.ends.used - this.ends.start);
    this.end = i + 1;
    return true;
  }

  /**
   * Polygon or MultiPolygon coordinates at i ('['), judged by their nesting; undefined (nothing
   * kept) when they are not plain 2D positions three or four lists deep.
   */
  parse(i: number): FlatCoords | undefined {
    const b = this.bytes;
    // Depth from the first position: '[' '[' '[' number → 3.
    let depth = 0;
    let k = i;
    while (b[k] === OPEN_ARR) {
      depth++;
      k = this.skipSpace(k + 1);
    }
    if (depth !== 3 && depth !== 4) return undefined;
    const level = depth - 1; // lists above the positions' own brackets
    this.xy.begin();
    this.ends.begin();
    this.parts.begin();
    if (!this.list(i, level)) {
      this.xy.rollback();
      this.ends.rollback();
      this.parts.rollback();
      return undefined;
    }
    // Ring ends as vertex counts from the geometry's start; the parts list counted rings the same.
    const xy = this.xy.take();
    const parts = level === 3 ? this.parts.take() : NO_PARTS;
    if (level === 2) this.parts.rollback();
    const n = xy.length / 2;
    if (this.ends.count === 1 && n < ONE_RING_ENDS.length) {
      // One ring (most parcels): a shared array per vertex count, not a view per geometry.
      this.ends.rollback();
      return { depth, xy, ends: (ONE_RING_ENDS[n] ??= Uint32Array.of(n)), parts };
    }
    const ends = this.ends.take();
    for (let r = 0; r < ends.length; r++) ends[r] = ends[r]! / 2;
    return { depth, xy, ends, parts };
  }
}

/** Index of the quote closing the string whose opening quote is at `open`; -1 when none. */
function stringEnd(bytes: Uint8Array, open: number): number {
  let j = open;
  for (;;) {
    j = bytes.indexOf(QUOTE, j + 1);
    if (j < 0) return -1;
    let slashes = 0;
    while (bytes[j - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return j;
  }
}

/**
 * Reads a FeatureCollection batch by batch; undefined when the bytes need the whole-text path, and
 * 'aborted' when the signal stopped it (the caller must not start the whole-text path then).
 */
export function readFeatureCollectionChunked(
  bytes: Uint8Array,
  opts: ChunkOptions = {},
): RawLayer | 'aborted' | undefined {
  return readChunked(bytes, opts);
}

/** readFeatureCollectionChunked, with the coordinate storage of earlier pieces carried on. */
function readChunked(
  bytes: Uint8Array,
  opts: ChunkOptions,
  parser?: CoordParser,
): RawLayer | 'aborted' | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const batchBytes = opts.batchBytes ?? 4 * 1024 * 1024;
  const decoder = new TextDecoder('utf-8');
  const coords = parser ?? new CoordParser(bytes);
  coords.bytes = bytes;
  // Per depth: whether the container is an array, and the last string closed in it (its key).
  const isArray = new Uint8Array(MAX_SCAN_DEPTH);
  const keyStart = new Int32Array(MAX_SCAN_DEPTH);
  const keyEnd = new Int32Array(MAX_SCAN_DEPTH);
  // The text of the current batch of features: their bytes without the flat-parsed coordinates,
  // copied a run at a time; one buffer reused from batch to batch.
  let text = new Uint8Array(Math.min(bytes.length, batchBytes) + 64);
  let textLen = 0;
  const append = (from: number, to: number) => {
    const n = to - from;
    if (textLen + n + 1 > text.length) {
      const next = new Uint8Array(Math.max(text.length * 2, textLen + n + 64));
      next.set(text.subarray(0, textLen));
      text = next;
    }
    text.set(bytes.subarray(from, to), textLen);
    textLen += n;
  };
  const putByte = (b: number) => {
    if (textLen + 1 > text.length) {
      const next = new Uint8Array(text.length * 2 + 64);
      next.set(text.subarray(0, textLen));
      text = next;
    }
    text[textLen++] = b;
  };
  const values: unknown[] = [];
  // Per item of the batch: its flat coordinates, if any.
  let batchFlat: (FlatCoords | undefined)[] = [];
  let batchFirst = 0;
  let item = -1; // index of the current item of the features array
  let arrayStart = -1;
  let arrayEnd = -1;
  let depth = 0;
  let itemOpen = false;
  let afterComma = false;
  /** start of the item bytes not yet copied to the batch text */
  let pending = -1;
  let failed = false;

  /** Parses the batch text so far; false when JSON.parse refuses it. */
  const flush = (): boolean => {
    if (textLen === 0) return true;
    let batch: unknown;
    try {
      batch = JSON.parse('[' + decoder.decode(text.subarray(0, textLen)) + ']');
    } catch {
      return false;
    }
    if (!Array.isArray(batch) || batch.length !== item + 1 - batchFirst) return false;
    for (let k = 0; k < batch.length; k++) {
      const v = batch[k] as unknown;
      const flat = batchFlat[k];
      if (flat) attach(v, flat, opts.flat === true);
      values.push(v);
    }
    batchFlat = [];
    batchFirst = item + 1;
    textLen = 0;
    return true;
  };

  let i = bom;
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  if (bytes[i] !== OPEN_OBJ) return undefined;
  let inFeatures = false;
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (isSpace(b)) continue;
    if (inFeatures && depth === 2 && !itemOpen && b !== COMMA && b !== CLOSE_ARR) {
      itemOpen = true;
      afterComma = false;
      item++;
      pending = i;
    }
    if (b === QUOTE) {
      const j = stringEnd(bytes, i);
      if (j < 0) return undefined; // truncated
      keyStart[depth] = i;
      keyEnd[depth] = j + 1;
      i = j;
      continue;
    }
    if (b === OPEN_OBJ || b === OPEN_ARR) {
      if (
        b === OPEN_ARR &&
        depth === 4 &&
        inFeatures &&
        !isArray[4] &&
        !isArray[3] &&
        sameBytes(bytes, keyStart[4]!, keyEnd[4]!, COORDINATES_KEY) &&
        sameBytes(bytes, keyStart[3]!, keyEnd[3]!, GEOMETRY_KEY)
      ) {
        const flat = coords.parse(i);
        if (flat) {
          batchFlat[item - batchFirst] = flat;
          append(pending, i);
          putByte(ZERO);
          pending = coords.end;
          i = coords.end - 1;
          continue;
        }
        // Another form: left in the text for JSON.parse; an earlier geometry member no longer counts.
        batchFlat[item - batchFirst] = undefined;
      }
      if (depth === 1 && b === OPEN_ARR && arrayStart < 0 && keyIsFeatures(bytes, keyStart[1]!, keyEnd[1]!)) {
        arrayStart = i;
        inFeatures = true;
      }
      depth++;
      if (depth >= MAX_SCAN_DEPTH) return undefined;
      isArray[depth] = b === OPEN_ARR ? 1 : 0;
      keyStart[depth] = -1;
      keyEnd[depth] = -1;
    } else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
      if (depth === 2 && inFeatures && b === CLOSE_ARR) {
        if (afterComma) return undefined; // a trailing comma
        if (itemOpen) append(pending, i);
        itemOpen = false;
        pending = -1;
        arrayEnd = i + 1;
        inFeatures = false;
        if (!flush()) return undefined;
      }
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) {
        // only white space may follow the top-level object
        for (let k = i + 1; k < bytes.length; k++) if (!isSpace(bytes[k]!)) return undefined;
        failed = !(arrayStart >= 0 && arrayEnd > arrayStart);
        break;
      }
    } else if (b === COMMA && depth === 2 && inFeatures) {
      if (!itemOpen) return undefined;
      append(pending, i);
      itemOpen = false;
      afterComma = true;
      pending = -1;
      if (textLen >= batchBytes) {
        if (opts.signal?.aborted) return 'aborted';
        if (!flush()) return undefined;
        opts.onProgress?.(i / bytes.length);
      } else putByte(COMMA);
    } else if (b === COLON && depth === 2 && inFeatures) return undefined;
  }
  if (depth !== 0 || failed) return undefined; // truncated: the whole-text path reports where
  if (opts.signal?.aborted) return 'aborted';
  // The collection without its features: type, crs, name, … parsed on their own.
  const shellText =
    decoder.decode(bytes.subarray(bom, arrayStart)) + '[]' + decoder.decode(bytes.subarray(arrayEnd));
  let shell: unknown;
  try {
    shell = JSON.parse(shellText);
  } catch {
    return undefined;
  }
  opts.onProgress?.(1);
  (shell as { features?: unknown[] }).features = values;
  return featuresFromGeoJson(shell, opts.file);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Puts flat coordinates back where the placeholder stands: as a FlatGeometry for a Polygon or
 * MultiPolygon of the matching depth when the caller wants them flat, else as the nested arrays
 * JSON.parse would have given.
 */
function attach(feature: unknown, flat: FlatCoords, keepFlat: boolean): void {
  if (!isObject(feature) || !isObject(feature.geometry)) return;
  const g = feature.geometry;
  if (g.coordinates !== 0) return;
  const wanted = g.type === 'Polygon' ? 3 : g.type === 'MultiPolygon' ? 4 : 0;
  if (keepFlat && wanted === flat.depth) feature.geometry = flatGeometry(flat, g);
  else g.coordinates = nestedCoordinates(flat);
}

// Bytes that matter inside an item for the window scan: 1 opens, 2 closes, 3 a string.
const STRUCTURAL = new Uint8Array(256);
STRUCTURAL[OPEN_ARR] = STRUCTURAL[OPEN_OBJ] = 1;
STRUCTURAL[CLOSE_ARR] = STRUCTURAL[CLOSE_OBJ] = 2;
STRUCTURAL[QUOTE] = 3;
/** the depth skipInItem ended at */
let skippedDepth = 0;

/** whether skipInItem stopped at a string not closed in what has been read */
let skippedOpenString = false;

/**
 * From k in an item (depth > 2) past brackets, strings, numbers and the rest, to just past the
 * bracket that brings the depth back to 2, or to `end` (or, for a string not closed before `end`,
 * to its opening quote, with skippedOpenString set); the depth is left in skippedDepth. A function
 * of its own, its variables its own: this second pass over every byte cost ≈ 2.7 ns a byte when
 * the window scan stepped through each bracket and string itself.
 */
function skipInItem(b: Uint8Array, k: number, end: number, depth: number): number {
  skippedOpenString = false;
  while (k < end) {
    const t = STRUCTURAL[b[k]!]!;
    if (t === 0) {
      k++;
      continue;
    }
    if (t === 3) {
      let j = k + 1;
      while (j < end) {
        const c = b[j]!;
        if (c === QUOTE) break;
        j += c === BACKSLASH ? 2 : 1;
      }
      if (j >= end) {
        skippedOpenString = true;
        break;
      }
      k = j + 1;
      continue;
    }
    k++;
    if (t === 1) depth++;
    else if (--depth <= 2) break;
  }
  skippedDepth = depth;
  return k;
}

const PIECE_PREFIX = new TextEncoder().encode('{"type":"FeatureCollection","features":[');
const PIECE_SUFFIX = new TextEncoder().encode(']}');

/**
 * Just past the last comma in bytes[from, end) that stands between a '}' and a '{' (spaces aside):
 * where one item of the features array may end and the next begin; -1 when there is none.
 */
function lastItemBreak(b: Uint8Array, from: number, end: number): number {
  for (let k = end - 1; k > from; k--) {
    if (b[k] !== COMMA) continue;
    let n = k + 1;
    while (n < end && isSpace(b[n]!)) n++;
    if (n >= end || b[n] !== OPEN_OBJ) continue;
    let q = k - 1;
    while (q > from && isSpace(b[q]!)) q--;
    if (b[q] === CLOSE_OBJ) return k + 1;
  }
  return -1;
}

/**
 * A large FeatureCollection read from a source a window at a time, so that the file's bytes are
 * never held whole (for 100 000 parcels, 22.6 MB of the command's peak memory). The members before
 * the "features" array are scanned byte by byte (they must make it a FeatureCollection); then each
 * window is cut after its last comma between a '}' and a '{', and the whole items before it are read
 * by readFeatureCollectionChunked as a FeatureCollection of their own, the coordinates of every
 * piece going to one shared store; the rest (the last items, the array's end and the members after
 * it, which must leave it a FeatureCollection) is scanned again byte by byte.
 *
 * A cut is not checked by a scan of its own, which would be a second pass over every byte (≈ 0.2 s
 * for 100 MB): the piece's parse checks it. The piece starts where the true parse is between two
 * items of the array and ends with "]}" after the comma is dropped, so it is a JSON text only when
 * the comma was the array's own: inside a string the suffix stays in the string, inside any deeper
 * value it closes the wrong brackets or too few. Whatever the pieces cannot read as the whole file
 * would (a cut elsewhere, anything readFeatureCollectionChunked refuses) returns undefined, and the
 * caller reads the whole file as before.
 */
export function readFeatureCollectionStream(
  source: ByteSource,
  opts: ChunkOptions & { windowBytes?: number } = {},
): RawLayer | 'aborted' | undefined {
  const windowBytes = opts.windowBytes ?? 1024 * 1024;
  let win = new Uint8Array(windowBytes * 2);
  let len = 0;
  let filePos = 0;
  let ended = false;
  const fill = (): void => {
    if (len + windowBytes > win.length) {
      const next = new Uint8Array(Math.max(win.length * 2, len + windowBytes));
      next.set(win.subarray(0, len));
      win = next;
    }
    const n = source.read(win.subarray(len, len + windowBytes), filePos);
    if (n === 0) ended = true;
    len += n;
    filePos += n;
  };
  const parser = new CoordParser(win);
  const features: RawLayer['features'] = [];
  const problems: RawLayer['problems'] = [];
  let fileCrs: string | undefined;
  let pieces = 0;
  const file = opts.file;

  const readPiece = (bytes: Uint8Array, last: boolean): boolean | 'aborted' => {
    if (opts.signal?.aborted) return 'aborted';
    const res = readChunked(bytes, { file, flat: opts.flat, batchBytes: opts.batchBytes }, parser);
    if (res === 'aborted') return 'aborted';
    if (!res || res.problems.some((p) => p.code !== 'feature-not-object')) return false;
    const offset = features.length;
    for (const p of res.problems) {
      const feature = (p.feature ?? 0) + offset;
      problems.push(errorOf('feature-not-object', { feature }, { file, feature }));
    }
    for (const f of res.features) features.push(f);
    if (pieces === 0 || last) fileCrs = res.fileCrs ?? fileCrs;
    pieces++;
    opts.onProgress?.(Math.min(1, filePos / Math.max(1, source.size)));
    return true;
  };
  const piece = (body: Uint8Array, first: boolean, closed: boolean): Uint8Array => {
    const out = new Uint8Array(
      (first ? 0 : PIECE_PREFIX.length) + body.length + (closed ? 0 : PIECE_SUFFIX.length),
    );
    let at = 0;
    if (!first) {
      out.set(PIECE_PREFIX);
      at = PIECE_PREFIX.length;
    }
    out.set(body, at);
    if (!closed) out.set(PIECE_SUFFIX, at + body.length);
    return out;
  };

  // The byte scan (the members before the array, and the rest after the last cut).
  let pos = 0;
  let depth = 0;
  let inString = false;
  let keyStart = -1;
  let keyEnd = -1;
  let arrayOpen = -1; // the features array's opening bracket, while in the first window
  let arrayClose = -1; // its closing bracket, in the rest
  let cutting = false; // between the header and the rest: windows are cut, not scanned
  let needMore = false;
  for (;;) {
    if (pos >= len || needMore) {
      needMore = false;
      if (ended) break;
      if (cutting) {
        const cut = lastItemBreak(win, arrayOpen >= 0 ? arrayOpen : 0, len);
        if (cut > 0) {
          const done = readPiece(piece(win.subarray(0, cut - 1), pieces === 0, false), false);
          if (done !== true) return done === 'aborted' ? 'aborted' : undefined;
          win.copyWithin(0, cut, len);
          len -= cut;
          arrayOpen = -1;
        }
      }
      fill();
      if (cutting) {
        if (ended) {
          // The rest, from a true break between items (or, with no cut made, from the start):
          // scanned for the array's end.
          cutting = false;
          pos = 0;
          inString = false;
          depth = pieces > 0 ? 2 : 0;
          keyStart = -1;
          arrayOpen = -1;
        } else pos = len;
      }
      continue;
    }
    if (inString) {
      let k = pos;
      for (;;) {
        const q = win.indexOf(QUOTE, k);
        if (q < 0 || q >= len) {
          // Not closed in what has been read: more is read, and the backslashes at the end, which
          // may escape the next byte, are looked at again.
          k = len;
          while (k > pos && win[k - 1] === BACKSLASH) k--;
          needMore = true;
          break;
        }
        // escaped when an odd number of backslashes stand before it (within this string)
        let slashes = 0;
        while (q - 1 - slashes >= pos && win[q - 1 - slashes] === BACKSLASH) slashes++;
        k = q;
        if (slashes % 2 === 0) break;
        k = q + 1;
      }
      pos = k;
      if (needMore) continue;
      inString = false;
      if (depth === 1) keyEnd = pos + 1;
      pos++;
      continue;
    }
    if (depth > 2) {
      // Inside an item only its end matters (skipInItem).
      pos = skipInItem(win, pos, len, depth);
      depth = skippedDepth;
      if (skippedOpenString) needMore = true;
      continue;
    }
    const b = win[pos]!;
    if (b === QUOTE) {
      inString = true;
      if (depth === 1) keyStart = pos;
    } else if (b === OPEN_OBJ || b === OPEN_ARR) {
      if (depth === 1 && b === OPEN_ARR && pieces === 0 && arrayOpen < 0 && arrayClose < 0) {
        if (keyStart >= 0 && keyIsFeatures(win, keyStart, keyEnd)) {
          // The members before the array must make it a FeatureCollection, as the whole file would.
          if (!isCollection(win.subarray(0, pos), '', '[]}')) return undefined;
          arrayOpen = pos;
          if (!ended) {
            cutting = true;
            pos = len;
            continue;
          }
        }
      }
      depth++;
    } else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
      if (depth === 2 && b === CLOSE_ARR && arrayClose < 0 && (arrayOpen >= 0 || pieces > 0))
        arrayClose = pos;
      depth--;
      if (depth < 0) return undefined;
    }
    pos++;
  }
  // The members after the array must leave it a FeatureCollection (JSON.parse keeps a key's last).
  if (pieces > 0 && (arrayClose < 0 || !isCollection(win.subarray(arrayClose, len), '{"features":[', '')))
    return undefined;
  // The rest: the last items, the array's end and whatever follows it.
  const done = readPiece(piece(win.subarray(0, len), pieces === 0, true), true);
  if (done !== true) return done === 'aborted' ? 'aborted' : undefined;
  opts.onProgress?.(1);
  return { features, fileCrs, problems };
}

/** Whether before + bytes + after parses as an object that is a FeatureCollection (or says no type, with `before`). */
function isCollection(bytes: Uint8Array, before: string, after: string): boolean {
  const bom = before === '' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let v: unknown;
  try {
    v = JSON.parse(before + new TextDecoder('utf-8').decode(bytes.subarray(bom)) + after);
  } catch {
    return false;
  }
  if (!isObject(v)) return false;
  return before === ''
    ? v.type === 'FeatureCollection'
    : !Object.hasOwn(v, 'type') || v.type === 'FeatureCollection';
}
