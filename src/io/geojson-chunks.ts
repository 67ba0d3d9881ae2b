// Large GeoJSON without holding the whole text: the bytes are scanned once, the numbers of every
// feature's Polygon/MultiPolygon coordinates parsed straight into flat typed arrays as they are
// met (core/flat-coords.ts). A feature of the plain form most files have (scalar members, flat
// scalar properties, a null or {"type", "coordinates"} polygon geometry) is built from its bytes
// there and then (FeatureParser); any other has the rest of it (properties, type, …) copied into
// a small text that JSON.parse reads a batch at a time. So there is no array per vertex and no text
// of the coordinates; progress and cancellation work between batches. Anything unusual (another
// shape, broken JSON, a number JSON would refuse) returns undefined and the caller takes the
// whole-text path, which gives the exact error position; coordinates of another form (a Z value,
// an empty ring, a string) are simply left in the text for JSON.parse.
//
// Reading 300 000 parcels (104 MB, bench/read-large.ts) took ≈ 0.6 of the time and CPU it took
// before these fast paths (medians of alternated runs on the 2-core bench machine, 2026-12-02).
// What the time had gone to, and what replaced it: JSON.parse of the batch text, its decoding
// and copying the bytes into it (FeatureParser builds the same objects in a third of the time);
// a heap number allocated for every coordinate returned from a call (numbers are stored into their
// array); an object parsed for each geometry and thrown away; a walk of every feature for values
// nested too deep (the scan counts the depth: nestingDepth).
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
const TYPE_KEY = new TextEncoder().encode('"type"');
const POLYGON = new TextEncoder().encode('"Polygon"');
const MULTI_POLYGON = new TextEncoder().encode('"MultiPolygon"');

function sameBytes(bytes: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (bytes[start + i] !== key[i]) return false;
  return true;
}

/** Whether `key` stands at i (and fits before the end). */
function bytesAt(bytes: Uint8Array, i: number, key: Uint8Array): boolean {
  if (i + key.length > bytes.length) return false;
  for (let k = 0; k < key.length; k++) if (bytes[i + k] !== key[k]) return false;
  return true;
}

/**
 * Growable storage handed out in blocks, so views taken earlier stay valid: positions (Float64)
 * and ring/polygon ends (Uint32) each have a class of their own, so that every store in the hot
 * loop sees one kind of array (one class for both made them polymorphic: ≈ 7 ns a number).
 */
class XyBlocks {
  block: Float64Array;
  used = 0;
  /** where the item being written started in `block` */
  start = 0;
  constructor(private readonly size: number) {
    this.block = new Float64Array(size);
  }
  /** room for two more numbers */
  reserve2(): void {
    if (this.used + 2 > this.block.length) this.renew();
  }
  /** a new block, carrying over the item being written */
  private renew(): void {
    const carried = this.used - this.start;
    const next = new Float64Array(Math.max(this.size, carried * 2 + 2));
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
  take(): Float64Array {
    // A view made by the constructor: subarray's species lookup took twice as long, 300 000 times.
    const b = this.block;
    return new Float64Array(b.buffer, b.byteOffset + 8 * this.start, this.used - this.start);
  }
}

class EndBlocks {
  block: Uint32Array;
  used = 0;
  start = 0;
  constructor(private readonly size: number) {
    this.block = new Uint32Array(size);
  }
  push(v: number): void {
    if (this.used === this.block.length) this.renew();
    this.block[this.used++] = v;
  }
  private renew(): void {
    const carried = this.used - this.start;
    const next = new Uint32Array(Math.max(this.size, carried * 2));
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
  take(): Uint32Array {
    const b = this.block;
    return new Uint32Array(b.buffer, b.byteOffset + 4 * this.start, this.used - this.start);
  }
  /** how many numbers the item being written has so far */
  get count(): number {
    return this.used - this.start;
  }
}

// How a feature's coordinates stand in its batch text (see readChunked): not parsed flat (the text
// holds them); a 0 in the geometry's "coordinates" member; the whole geometry {"type",
// "coordinates"} a 0 in the text, written "type" first or "coordinates" first.
const HELD_NONE = 0;
const HELD_COORDINATES = 1;
const HELD_TYPE_FIRST = 2;
const HELD_COORDINATES_FIRST = 3;
type Held = 0 | 1 | 2 | 3;

class CoordParser {
  xy = new XyBlocks(1 << 18);
  ends = new EndBlocks(1 << 15);
  parts = new EndBlocks(1 << 12);
  /** index just past the coordinates array (or geometry object) after a successful parse */
  end = 0;
  /** what the last successful parse gave */
  flat: FlatCoords | undefined;

  constructor(public bytes: Uint8Array) {}

  private skipSpace(i: number): number {
    const b = this.bytes;
    while (i < b.length && isSpace(b[i]!)) i++;
    return i;
  }

  /**
   * The JSON number at i stored at out[slot]; where it ends, or -1 when the
   * bytes there are not one. It returns an index, not the number: a double returned from a call
   * that is not inlined is a heap number allocated (≈ 50 ns and garbage for every coordinate).
   */
  number(i: number, out: Float64Array, slot: number): number {
    const b = this.bytes;
    const n = b.length;
    const start = i;
    let neg = false;
    if (i < n && b[i] === MINUS) {
      neg = true;
      i++;
    }
    let m = 0;
    let digits = 0;
    let scale = 0;
    // c is the digit's value, or out of 0…9 for any other byte (and at the end)
    let c = i < n ? b[i]! - ZERO : -1;
    if (c === 0) {
      i++;
    } else if (c > 0 && c <= 9) {
      m = c;
      digits = 1;
      i++;
      while (i < n && (c = b[i]! - ZERO) >= 0 && c <= 9) {
        m = m * 10 + c;
        digits++;
        i++;
      }
    } else return -1;
    if (i < n && b[i] === DOT) {
      i++;
      const first = i;
      while (i < n && (c = b[i]! - ZERO) >= 0 && c <= 9) {
        m = m * 10 + c;
        i++;
      }
      if (i === first) return -1;
      scale = i - first;
      digits += scale;
    }
    let exp = 0;
    if (i < n && (b[i] === LOWER_E || b[i] === UPPER_E)) {
      i++;
      let eneg = false;
      if (i < n && (b[i] === MINUS || b[i] === PLUS)) {
        eneg = b[i] === MINUS;
        i++;
      }
      const first = i;
      while (i < n && (c = b[i]! - ZERO) >= 0 && c <= 9) {
        exp = exp * 10 + c;
        i++;
        if (exp > 1e6) exp = 1e6;
      }
      if (i === first) return -1;
      if (eneg) exp = -exp;
    }
    const e10 = exp - scale;
    let v: number;
    // digits counts leading zeros of a fraction too, so m < 10^15 < 2^53 here: m is exact.
    if (digits <= 15 && e10 >= -22 && e10 <= 22) {
      v = e10 < 0 ? m / POW10[-e10]! : m * POW10[e10]!;
      if (neg) v = -v;
    } else {
      let text = '';
      for (let k = start; k < i; k++) text += String.fromCharCode(b[k]!);
      v = Number(text);
    }
    out[slot] = v;
    return i;
  }

  /** A position [x, y] at i (i at '['), stored after the last; false when it is anything else. */
  private position(i: number): boolean {
    const b = this.bytes;
    const xy = this.xy;
    xy.reserve2();
    const block = xy.block;
    const slot = xy.used;
    i++;
    if (i < b.length && isSpace(b[i]!)) i = this.skipSpace(i);
    i = this.number(i, block, slot);
    if (i < 0) return false;
    if (i < b.length && isSpace(b[i]!)) i = this.skipSpace(i);
    if (b[i] !== COMMA) return false;
    i++;
    if (i < b.length && isSpace(b[i]!)) i = this.skipSpace(i);
    i = this.number(i, block, slot + 1);
    if (i < 0) return false;
    if (i < b.length && isSpace(b[i]!)) i = this.skipSpace(i);
    if (b[i] !== CLOSE_ARR) return false;
    xy.used = slot + 2;
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
      i = this.end;
      if (i < b.length && isSpace(b[i]!)) i = this.skipSpace(i);
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
   * Polygon or MultiPolygon coordinates at i ('['), judged by their nesting (which must be `want`
   * when it is not 0); undefined (nothing kept) when they are not plain 2D positions three or four
   * lists deep.
   */
  parse(i: number, want: 0 | 3 | 4 = 0): FlatCoords | undefined {
    const b = this.bytes;
    // Depth from the first position: '[' '[' '[' number → 3.
    let depth = 0;
    let k = i;
    while (b[k] === OPEN_ARR) {
      depth++;
      k = this.skipSpace(k + 1);
    }
    if (depth !== 3 && depth !== 4) return undefined;
    if (want !== 0 && depth !== want) return undefined;
    const level = depth - 1; // lists above the positions' own brackets
    this.xy.begin();
    this.ends.begin();
    this.parts.begin();
    if (!this.list(i, level)) {
      this.discard();
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

  /** Forgets what the last parse stored (its views are not used). */
  discard(): void {
    this.xy.rollback();
    this.ends.rollback();
    this.parts.rollback();
  }

  /** 3 for "Polygon" at i, 4 for "MultiPolygon", else 0. */
  private typeAt(i: number): 0 | 3 | 4 {
    return bytesAt(this.bytes, i, POLYGON) ? 3 : bytesAt(this.bytes, i, MULTI_POLYGON) ? 4 : 0;
  }

  /**
   * A geometry object at i ('{') that is exactly {"type": "Polygon" | "MultiPolygon",
   * "coordinates": [...]} in either order, its coordinates plain 2D positions nested as the type
   * says: which order it had (this.flat and this.end set), or HELD_NONE (nothing kept) for any
   * other object, which the caller then scans as usual.
   */
  wholeGeometry(i: number): Held {
    const b = this.bytes;
    let j = this.skipSpace(i + 1);
    let held: Held;
    let flat: FlatCoords | undefined;
    if (bytesAt(b, j, TYPE_KEY)) {
      j = this.skipSpace(j + TYPE_KEY.length);
      if (b[j] !== COLON) return HELD_NONE;
      j = this.skipSpace(j + 1);
      const depth = this.typeAt(j);
      if (depth === 0) return HELD_NONE;
      j = this.skipSpace(j + (depth === 3 ? POLYGON.length : MULTI_POLYGON.length));
      if (b[j] !== COMMA) return HELD_NONE;
      j = this.skipSpace(j + 1);
      if (!bytesAt(b, j, COORDINATES_KEY)) return HELD_NONE;
      j = this.skipSpace(j + COORDINATES_KEY.length);
      if (b[j] !== COLON) return HELD_NONE;
      j = this.skipSpace(j + 1);
      if (b[j] !== OPEN_ARR) return HELD_NONE;
      flat = this.parse(j, depth);
      if (!flat) return HELD_NONE;
      j = this.skipSpace(this.end);
      held = HELD_TYPE_FIRST;
    } else if (bytesAt(b, j, COORDINATES_KEY)) {
      j = this.skipSpace(j + COORDINATES_KEY.length);
      if (b[j] !== COLON) return HELD_NONE;
      j = this.skipSpace(j + 1);
      if (b[j] !== OPEN_ARR) return HELD_NONE;
      flat = this.parse(j);
      if (!flat) return HELD_NONE;
      j = this.skipSpace(this.end);
      let ok = b[j] === COMMA;
      if (ok) {
        j = this.skipSpace(j + 1);
        ok = bytesAt(b, j, TYPE_KEY);
      }
      if (ok) {
        j = this.skipSpace(j + TYPE_KEY.length);
        ok = b[j] === COLON;
      }
      if (ok) {
        j = this.skipSpace(j + 1);
        const depth = this.typeAt(j);
        ok = depth !== 0 && depth === flat.depth;
        if (ok) j = this.skipSpace(j + (depth === 3 ? POLYGON.length : MULTI_POLYGON.length));
      }
      if (!ok) {
        this.discard();
        return HELD_NONE;
      }
      held = HELD_COORDINATES_FIRST;
    } else return HELD_NONE;
    if (b[j] !== CLOSE_OBJ) {
      this.discard();
      return HELD_NONE;
    }
    this.flat = flat;
    this.end = j + 1;
    return held;
  }
}

// The string cache of FeatureParser: direct-mapped by a hash of the bytes, for strings of up to
// CACHED_BYTES bytes (keys, codes, names: what repeats from feature to feature).
const CACHE_SLOTS = 4096;
const CACHED_BYTES = 32;
/** one array of char codes per string length, for String.fromCharCode.apply */
const CODES: number[][] = Array.from({ length: 65 }, (_, n) => new Array<number>(n).fill(0));
/** members of a properties object built here at most (more go to JSON.parse) */
const MAX_MEMBERS = 512;
/** templates of properties objects kept (key sequences met) */
const MAX_TEMPLATES = 8;
const TRUE = new TextEncoder().encode('true');
const FALSE = new TextEncoder().encode('false');
const NULL = new TextEncoder().encode('null');

/**
 * Builds a feature straight from its bytes, without JSON.parse, when it has the plain form most
 * files have: members whose values are strings without escapes, numbers, true, false or null,
 * "properties" an object of such values (or null), "geometry" null or a Polygon/MultiPolygon that
 * is exactly {"type", "coordinates"} (CoordParser.wholeGeometry). Anything else (an escape, a
 * nested property, another geometry, "__proto__", a member given twice…) answers undefined with
 * nothing kept, and the caller copies the feature to the batch text for JSON.parse as before. What
 * it builds is what JSON.parse builds: the same members in the same order, the same strings (UTF-8
 * decoded as TextDecoder does), the same doubles (CoordParser.number), so the tests compare the two
 * on random input.
 *
 * Why: JSON.parse of the batch text, its decoding, and copying and escaping the bytes into it were
 * ≈ 0.5 s of reading 300 000 parcels; building the same objects here takes a third of that.
 */
class FeatureParser {
  /** index just past the feature after a successful parse */
  end = 0;
  /** the flat coordinates of the last feature parsed, and how its geometry was written */
  flat: FlatCoords | undefined;
  held: Held = HELD_NONE;
  private readonly num = new Float64Array(1);
  private readonly cacheStr: string[] = new Array<string>(CACHE_SLOTS).fill('');
  private readonly cacheLen = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cacheBytes = new Uint8Array(CACHE_SLOTS * CACHED_BYTES);
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** the members of the properties object being read */
  private readonly keys: string[] = [];
  private readonly values: unknown[] = [];
  private readonly templates: { keys: string[]; object: Record<string, unknown> }[] = [];
  private hits = 0;
  private misses = 0;

  constructor(private readonly coords: CoordParser) {}

  private skipSpace(b: Uint8Array, i: number): number {
    while (i < b.length && isSpace(b[i]!)) i++;
    return i;
  }

  /** The string whose opening quote is at i (end set past it); undefined for one with an escape or a control character. */
  private string(b: Uint8Array, i: number): string | undefined {
    const n = b.length;
    const from = i + 1;
    let j = from;
    let h = 0x811c9dc5 | 0;
    let ascii = true;
    for (;;) {
      if (j >= n) return undefined;
      const c = b[j]!;
      if (c === QUOTE) break;
      if (c === BACKSLASH || c < 0x20) return undefined;
      if (c >= 0x80) ascii = false;
      h = Math.imul(h ^ c, 0x01000193);
      j++;
    }
    this.end = j + 1;
    const len = j - from;
    if (len > CACHED_BYTES) return this.make(b, from, len, ascii);
    const slot = (h ^ (h >>> 13)) & (CACHE_SLOTS - 1);
    const at = slot * CACHED_BYTES;
    const cached = this.cacheBytes;
    if (this.cacheLen[slot] === len) {
      let k = 0;
      while (k < len && cached[at + k] === b[from + k]) k++;
      if (k === len) return this.cacheStr[slot];
    }
    const s = this.make(b, from, len, ascii);
    for (let k = 0; k < len; k++) cached[at + k] = b[from + k]!;
    this.cacheLen[slot] = len;
    this.cacheStr[slot] = s;
    return s;
  }

  /** The string of bytes [from, from + len) (no quote, no escape among them). */
  private make(b: Uint8Array, from: number, len: number, ascii: boolean): string {
    if (ascii && len < CODES.length) {
      const codes = CODES[len]!;
      for (let k = 0; k < len; k++) codes[k] = b[from + k]!;
      return String.fromCharCode.apply(null, codes);
    }
    return this.decoder.decode(b.subarray(from, from + len));
  }

  /** A string, number, true, false or null at i (end set past it); undefined for anything else. */
  private scalar(b: Uint8Array, i: number): unknown {
    const c = b[i];
    if (c === QUOTE) return this.string(b, i);
    if (c === MINUS || (c !== undefined && c >= ZERO && c <= ZERO + 9)) {
      const end = this.coords.number(i, this.num, 0);
      if (end < 0) return undefined;
      this.end = end;
      return this.num[0];
    }
    if (c === 0x74 && bytesAt(b, i, TRUE)) {
      this.end = i + 4;
      return true;
    }
    if (c === 0x66 && bytesAt(b, i, FALSE)) {
      this.end = i + 5;
      return false;
    }
    if (c === 0x6e && bytesAt(b, i, NULL)) {
      this.end = i + 4;
      return null;
    }
    return undefined;
  }

  /**
   * An object of scalar members at i ('{'); undefined for any other. Its members are read into
   * `keys` and `values` first, and the object is made as a copy of a template of the same keys
   * (made once by JSON.parse, see template), then filled: an object given 27 members one by one
   * went to dictionary mode in V8 (≈ 1.7 KB each, and slow), a copy of a JSON.parse object has
   * its compact layout.
   */
  private properties(b: Uint8Array, i: number): Record<string, unknown> | undefined {
    const keys = this.keys;
    const values = this.values;
    let count = 0;
    let j = this.skipSpace(b, i + 1);
    if (b[j] === CLOSE_OBJ) {
      this.end = j + 1;
      return {};
    }
    for (;;) {
      if (b[j] !== QUOTE) return undefined;
      const key = this.string(b, j);
      // "__proto__" as a key sets the prototype where JSON.parse makes an own property
      if (key === undefined || key === '__proto__') return undefined;
      j = this.skipSpace(b, this.end);
      if (b[j] !== COLON) return undefined;
      j = this.skipSpace(b, j + 1);
      const v = this.scalar(b, j);
      if (v === undefined) return undefined;
      if (count === MAX_MEMBERS) return undefined;
      keys[count] = key;
      values[count] = v;
      count++;
      j = this.skipSpace(b, this.end);
      if (b[j] === COMMA) {
        j = this.skipSpace(b, j + 1);
        continue;
      }
      if (b[j] !== CLOSE_OBJ) return undefined;
      this.end = j + 1;
      break;
    }
    let template = this.find(count);
    if (!template) {
      // Keys that differ from feature to feature: a template each would cost more than it saves.
      // Up to 16 members are given one by one (V8 keeps an object given 4 + 12 members by key in
      // its compact layout), more are left to JSON.parse.
      if (++this.misses > 16 + (this.hits >> 2)) {
        if (count > 16) return undefined;
        const o: Record<string, unknown> = {};
        for (let k = 0; k < count; k++) o[keys[k]!] = values[k];
        return o;
      }
      template = this.template(count);
    } else this.hits++;
    const o = { ...template };
    // In the file's order: a key given twice ends with its last value, as in JSON.parse.
    for (let k = 0; k < count; k++) o[keys[k]!] = values[k];
    return o;
  }

  /** The template for the first `count` of `keys`, if one was made (see template). */
  private find(count: number): Record<string, unknown> | undefined {
    const keys = this.keys;
    const templates = this.templates;
    for (let t = 0; t < templates.length; t++) {
      const cand = templates[t]!;
      if (cand.keys.length !== count) continue;
      let k = 0;
      while (k < count && cand.keys[k] === keys[k]) k++;
      if (k === count) {
        if (t > 0) {
          // the one found first next time
          templates[t] = templates[0]!;
          templates[0] = cand;
        }
        return cand.object;
      }
    }
    return undefined;
  }

  /**
   * A new object with the first `count` of `keys` as its members, in the order JSON.parse gives
   * them (a repeated key once, at its first place; index-like keys first), kept in a small cache by
   * key sequence. Made by JSON.parse as the second of two objects whose members hold a number in the
   * first and a string in the second, so that their layout already takes values of any kind.
   */
  private template(count: number): Record<string, unknown> {
    const keys = this.keys;
    const templates = this.templates;
    const own = keys.slice(0, count);
    const members = (value: string) => own.map((k) => `${JSON.stringify(k)}:${value}`).join(',');
    const object = (JSON.parse(`[{${members('0')}},{${members('""')}}]`) as Record<string, unknown>[])[1]!;
    if (templates.length === MAX_TEMPLATES) templates.pop();
    templates.unshift({ keys: own, object });
    return object;
  }

  /**
   * The feature at i ('{'), its geometry a 0 when it was parsed flat (this.flat and this.held say
   * how: see attach); undefined, with nothing kept, when it is not of the plain form.
   */
  feature(b: Uint8Array, i: number): Record<string, unknown> | undefined {
    this.flat = undefined;
    this.held = HELD_NONE;
    const v = this.members(b, i);
    if (v === undefined && this.flat) this.coords.discard();
    return v;
  }

  private members(b: Uint8Array, i: number): Record<string, unknown> | undefined {
    let type: unknown;
    let properties: unknown;
    let geometry: unknown;
    // 1, 2, 3 for type, properties, geometry, in the order met while it is that one: the usual
    // form is built as one literal; any other goes member by member into `other`.
    let order = 0;
    let other: Record<string, unknown> | undefined;
    let seenGeometry = false;
    let j = this.skipSpace(b, i + 1);
    if (b[j] === CLOSE_OBJ) {
      this.end = j + 1;
      return {};
    }
    for (;;) {
      if (b[j] !== QUOTE) return undefined;
      const key = this.string(b, j);
      if (key === undefined || key === '__proto__') return undefined;
      j = this.skipSpace(b, this.end);
      if (b[j] !== COLON) return undefined;
      j = this.skipSpace(b, j + 1);
      let v: unknown;
      if (key === 'geometry') {
        if (seenGeometry) return undefined; // JSON.parse keeps the last
        seenGeometry = true;
        if (b[j] === OPEN_OBJ) {
          const held = this.coords.wholeGeometry(j);
          if (held === HELD_NONE) return undefined;
          this.flat = this.coords.flat;
          this.held = held;
          this.end = this.coords.end;
          v = 0;
        } else {
          v = this.scalar(b, j);
          if (v !== null) return undefined;
        }
      } else if (key === 'properties' && b[j] === OPEN_OBJ) {
        v = this.properties(b, j);
      } else v = this.scalar(b, j);
      if (v === undefined) return undefined;
      if (other) other[key] = v;
      else if (key === 'type' && order === 0) {
        type = v;
        order = 1;
      } else if (key === 'properties' && order === 1) {
        properties = v;
        order = 2;
      } else if (key === 'geometry' && order === 2) {
        geometry = v;
        order = 3;
      } else {
        other = {};
        if (order >= 1) other.type = type;
        if (order >= 2) other.properties = properties;
        if (order >= 3) other.geometry = geometry;
        other[key] = v;
      }
      j = this.skipSpace(b, this.end);
      if (b[j] === COMMA) {
        j = this.skipSpace(b, j + 1);
        continue;
      }
      if (b[j] !== CLOSE_OBJ) return undefined;
      this.end = j + 1;
      if (other) return other;
      if (order === 3) return { type, properties, geometry };
      const o: Record<string, unknown> = {};
      if (order >= 1) o.type = type;
      if (order >= 2) o.properties = properties;
      return o;
    }
  }
}

// Hexadecimal digits for \u escapes.
const HEX = new TextEncoder().encode('0123456789abcdef');

/**
 * The text of a batch of features as bytes, ASCII where the input is valid: non-ASCII characters
 * inside strings are written as \u escapes (escape), so that the decoded text is a one-byte string.
 * TextDecoder then copies instead of transcoding (3.5× faster on 三调 attributes) and JSON.parse
 * scans one-byte text (≈ 15 % faster); JSON.parse gives the same strings from the escapes.
 * Byte 0 is always '[': the batch is parsed as one array without a string concatenation.
 */
class BatchText {
  buf: Uint8Array;
  len = 1;
  private readonly fallback = new TextDecoder('utf-8', { ignoreBOM: true });
  constructor(size: number) {
    this.buf = new Uint8Array(size);
    this.buf[0] = OPEN_ARR;
  }
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n + 64));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  get empty(): boolean {
    return this.len === 1;
  }
  clear(): void {
    this.len = 1;
  }
  append(bytes: Uint8Array, from: number, to: number): void {
    const n = to - from;
    this.room(n + 1);
    const buf = this.buf;
    let at = this.len;
    // Short runs byte by byte: a subarray and a set cost more than copying 40 bytes.
    if (n < 48) for (let k = from; k < to; k++) buf[at++] = bytes[k]!;
    else {
      buf.set(bytes.subarray(from, to), at);
      at += n;
    }
    this.len = at;
  }
  put(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }
  /**
   * Writes the run of non-ASCII bytes at i (inside a string) as \u escapes of the UTF-16 code units
   * that TextDecoder would give for them; returns where the run ends. A well-formed run is decoded
   * here; any other goes through TextDecoder itself, so replacement characters come out the same.
   */
  escape(bytes: Uint8Array, i: number): number {
    const n = bytes.length;
    let end = i;
    while (end < n && bytes[end]! >= 0x80) end++;
    const mark = this.len;
    // up to 12 bytes of escapes (a surrogate pair) for every 4 bytes of input
    this.room(3 * (end - i) + 1);
    let k = i;
    while (k < end) {
      const b0 = bytes[k]!;
      let cp = -1;
      const left = end - k;
      if (b0 >= 0xc2 && b0 <= 0xdf) {
        if (left >= 2) {
          const b1 = bytes[k + 1]!;
          if ((b1 & 0xc0) === 0x80) {
            cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
            k += 2;
          }
        }
      } else if (b0 >= 0xe0 && b0 <= 0xef) {
        if (left >= 3) {
          const b1 = bytes[k + 1]!;
          const b2 = bytes[k + 2]!;
          const lo = b0 === 0xe0 ? 0xa0 : 0x80;
          const hi = b0 === 0xed ? 0x9f : 0xbf;
          if (b1 >= lo && b1 <= hi && (b2 & 0xc0) === 0x80) {
            cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
            k += 3;
          }
        }
      } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        if (left >= 4) {
          const b1 = bytes[k + 1]!;
          const b2 = bytes[k + 2]!;
          const b3 = bytes[k + 3]!;
          const lo = b0 === 0xf0 ? 0x90 : 0x80;
          const hi = b0 === 0xf4 ? 0x8f : 0xbf;
          if (b1 >= lo && b1 <= hi && (b2 & 0xc0) === 0x80 && (b3 & 0xc0) === 0x80) {
            cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
            k += 4;
          }
        }
      }
      if (cp < 0) {
        // Not well formed: the whole run as TextDecoder reads it (it stands between ASCII bytes,
        // which no sequence includes, so decoding it alone gives what decoding it in place gives).
        this.len = mark;
        const s = this.fallback.decode(bytes.subarray(i, end));
        this.room(6 * s.length);
        for (let u = 0; u < s.length; u++) this.unit(s.charCodeAt(u));
        return end;
      }
      if (cp >= 0x10000) {
        this.unit(0xd800 + ((cp - 0x10000) >> 10));
        this.unit(0xdc00 + ((cp - 0x10000) & 0x3ff));
      } else this.unit(cp);
    }
    return end;
  }
  /** \uXXXX for one UTF-16 code unit (room made by the caller) */
  private unit(u: number): void {
    const buf = this.buf;
    let at = this.len;
    buf[at++] = BACKSLASH;
    buf[at++] = 0x75; // u
    buf[at++] = HEX[(u >> 12) & 15]!;
    buf[at++] = HEX[(u >> 8) & 15]!;
    buf[at++] = HEX[(u >> 4) & 15]!;
    buf[at++] = HEX[u & 15]!;
    this.len = at;
  }
}

/** What one read keeps from piece to piece of a file: the coordinate store and the batch text. */
class ChunkState {
  coords: CoordParser;
  features: FeatureParser;
  text: BatchText;
  /** the deepest nesting the scans met (1 inside the collection, 3 inside a feature) */
  maxDepth = 0;
  constructor(bytes: Uint8Array, textBytes: number) {
    this.coords = new CoordParser(bytes);
    this.features = new FeatureParser(this.coords);
    this.text = new BatchText(textBytes);
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
  const state = new ChunkState(bytes, Math.min(bytes.length, opts.batchBytes ?? DEFAULT_BATCH) + 64);
  const layer = readChunked(bytes, opts, state);
  if (layer && layer !== 'aborted') nestingOf.set(layer, state.maxDepth - 3);
  return layer;
}

const DEFAULT_BATCH = 4 * 1024 * 1024;
/** Layers read here, by how many levels their features' values are nested at most. */
const nestingOf = new WeakMap<RawLayer, number>();

/**
 * How many levels below a feature its values reach at most (a feature's own members are level 1),
 * for a layer read by this module; undefined for any other. The byte scan counts them anyway, so
 * the walk of every feature for values nested too deep (io/nesting.ts) is only needed when this
 * is over its limit.
 */
export function nestingDepth(layer: RawLayer): number | undefined {
  return nestingOf.get(layer);
}

// Byte classes for the scan of the features array.
const OTHER = 0;
const STRING = 1;
const OPENS = 2;
const CLOSES = 3;
const KEY_END = 4;
const ITEM_END = 5;
const SPACE = 6;
const CLASS = new Uint8Array(256);
CLASS[QUOTE] = STRING;
CLASS[OPEN_OBJ] = CLASS[OPEN_ARR] = OPENS;
CLASS[CLOSE_OBJ] = CLASS[CLOSE_ARR] = CLOSES;
CLASS[COLON] = KEY_END;
CLASS[COMMA] = ITEM_END;
CLASS[0x20] = CLASS[0x0a] = CLASS[0x0d] = CLASS[0x09] = SPACE;

/**
 * readFeatureCollectionChunked, with the coordinate store and text buffer of earlier pieces carried
 * on. Each item's bytes are copied to the batch text except its coordinates, parsed flat where
 * they are plain Polygon/MultiPolygon positions: a geometry that is exactly {"type", "coordinates"}
 * is replaced whole by a 0 (JSON.parse then makes no object for it), any other by a 0 in its
 * "coordinates" member. A feature with two "geometry" members, or a geometry with two
 * "coordinates", goes to the whole-text path: JSON.parse keeps the last, which may not be the one
 * parsed flat.
 */
function readChunked(
  bytes: Uint8Array,
  opts: ChunkOptions,
  st: ChunkState,
): RawLayer | 'aborted' | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const batchBytes = opts.batchBytes ?? DEFAULT_BATCH;
  const decoder = new TextDecoder('utf-8');
  const coords = st.coords;
  coords.bytes = bytes;
  const fast = st.features;
  const keepFlat = opts.flat === true;
  const text = st.text;
  text.clear();
  const n = bytes.length;
  // Per depth: whether the container is an array, and the last string closed in it (its key).
  const isArray = new Uint8Array(MAX_SCAN_DEPTH);
  const keyStart = new Int32Array(MAX_SCAN_DEPTH);
  const keyEnd = new Int32Array(MAX_SCAN_DEPTH);
  const values: unknown[] = [];
  // Per item of the batch text: its flat coordinates, if any, and how the text holds them.
  let batchFlat: (FlatCoords | undefined)[] = [];
  let batchHeld: Held[] = [];
  /** items in the batch text */
  let textItems = 0;
  let item = -1; // index of the current item of the features array in the batch text
  /** whether the current item was built by FeatureParser (it has no text) */
  let itemFast = false;
  /** where cancellation and progress were last looked at */
  let lastCheck = 0;
  let arrayStart = -1;
  let arrayEnd = -1;
  let depth = 0;
  let maxDepth = 0;
  let itemOpen = false;
  let afterComma = false;
  /** start of the item bytes not yet copied to the batch text */
  let pending = -1;
  let failed = false;
  // the current item's "geometry" members, and its geometry's "coordinates" members
  let geometryKeys = 0;
  let coordinatesKeys = 0;

  /** Parses the batch text so far; false when JSON.parse refuses it. */
  const flush = (): boolean => {
    if (text.empty) return true;
    text.put(CLOSE_ARR);
    let batch: unknown;
    try {
      batch = JSON.parse(decoder.decode(text.buf.subarray(0, text.len)));
    } catch {
      return false;
    }
    if (!Array.isArray(batch) || batch.length !== textItems) return false;
    for (let k = 0; k < batch.length; k++) {
      const v = batch[k] as unknown;
      const flat = batchFlat[k];
      if (flat) attach(v, flat, batchHeld[k]!, keepFlat);
      values.push(v);
    }
    batchFlat = [];
    batchHeld = [];
    textItems = 0;
    item = -1;
    text.clear();
    return true;
  };

  let i = bom;
  while (i < n && isSpace(bytes[i]!)) i++;
  if (bytes[i] !== OPEN_OBJ) return undefined;
  let inFeatures = false;
  for (; i < n; i++) {
    const b = bytes[i]!;
    const t = CLASS[b]!;
    if (t === SPACE || (t === OTHER && depth > 2)) continue;
    if (inFeatures && depth === 2 && !itemOpen && b !== COMMA && b !== CLOSE_ARR) {
      itemOpen = true;
      afterComma = false;
      if (b === OPEN_OBJ) {
        const v = fast.feature(bytes, i);
        if (v !== undefined) {
          // Built whole: the items of the batch text before it go first.
          if (!flush()) return undefined;
          if (fast.flat) attach(v, fast.flat, fast.held, keepFlat);
          values.push(v);
          itemFast = true;
          if (maxDepth < 8) maxDepth = 8; // a MultiPolygon's positions: 8 deep in the scan's count
          i = fast.end - 1;
          continue;
        }
      }
      itemFast = false;
      if (textItems > 0) text.put(COMMA);
      textItems++;
      item = textItems - 1;
      pending = i;
      geometryKeys = 0;
    }
    if (t === STRING) {
      // to the closing quote; a backslash escapes the byte after it
      let j = i + 1;
      for (;;) {
        if (j >= n) return undefined; // truncated
        const c = bytes[j]!;
        if (c === QUOTE) break;
        if (c === BACKSLASH) j += 2;
        else if (c < 0x80 || pending < 0) j++;
        else {
          text.append(bytes, pending, j);
          j = text.escape(bytes, j);
          pending = j;
        }
      }
      keyStart[depth] = i;
      keyEnd[depth] = j + 1;
      i = j;
      continue;
    }
    if (t === OPENS) {
      if (
        inFeatures &&
        depth === 3 &&
        b === OPEN_OBJ &&
        !isArray[3] &&
        sameBytes(bytes, keyStart[3]!, keyEnd[3]!, GEOMETRY_KEY)
      ) {
        const held = coords.wholeGeometry(i);
        if (held !== HELD_NONE) {
          const flat = coords.flat!;
          batchFlat[item] = flat;
          batchHeld[item] = held;
          text.append(bytes, pending, i);
          text.put(ZERO);
          pending = coords.end;
          i = coords.end - 1;
          if (maxDepth < 4 + flat.depth) maxDepth = 4 + flat.depth;
          continue;
        }
      }
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
          batchFlat[item] = flat;
          batchHeld[item] = HELD_COORDINATES;
          text.append(bytes, pending, i);
          text.put(ZERO);
          pending = coords.end;
          i = coords.end - 1;
          if (maxDepth < 4 + flat.depth) maxDepth = 4 + flat.depth;
          continue;
        }
        // Another form: left in the text for JSON.parse; an earlier geometry member no longer counts.
        batchFlat[item] = undefined;
      }
      if (depth === 1 && b === OPEN_ARR && arrayStart < 0 && keyIsFeatures(bytes, keyStart[1]!, keyEnd[1]!)) {
        arrayStart = i;
        inFeatures = true;
      }
      if (depth === 3 && inFeatures) coordinatesKeys = 0; // a new member value of the item
      depth++;
      if (depth >= MAX_SCAN_DEPTH) return undefined;
      if (depth > maxDepth) maxDepth = depth;
      isArray[depth] = b === OPEN_ARR ? 1 : 0;
      keyStart[depth] = -1;
      keyEnd[depth] = -1;
    } else if (t === CLOSES) {
      if (depth === 2 && inFeatures && b === CLOSE_ARR) {
        if (afterComma) return undefined; // a trailing comma
        if (itemOpen && !itemFast) text.append(bytes, pending, i);
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
        for (let k = i + 1; k < n; k++) if (!isSpace(bytes[k]!)) return undefined;
        failed = !(arrayStart >= 0 && arrayEnd > arrayStart);
        break;
      }
    } else if (t === ITEM_END) {
      if (depth !== 2 || !inFeatures) continue;
      if (!itemOpen) return undefined;
      if (!itemFast) text.append(bytes, pending, i);
      itemOpen = false;
      afterComma = true;
      pending = -1;
      if (text.len >= batchBytes || i - lastCheck >= batchBytes) {
        lastCheck = i;
        if (opts.signal?.aborted) return 'aborted';
        if (!flush()) return undefined;
        opts.onProgress?.(i / n);
      }
    } else if (t === KEY_END && inFeatures) {
      if (depth === 2) return undefined;
      // A second "geometry" member of a feature, or "coordinates" of its geometry: JSON.parse
      // keeps the last, which may not be the one parsed flat (nor a 0 written for it).
      if (depth === 3 && !isArray[3] && sameBytes(bytes, keyStart[3]!, keyEnd[3]!, GEOMETRY_KEY)) {
        if (++geometryKeys > 1) return undefined;
      } else if (
        depth === 4 &&
        !isArray[4] &&
        !isArray[3] &&
        sameBytes(bytes, keyStart[4]!, keyEnd[4]!, COORDINATES_KEY) &&
        sameBytes(bytes, keyStart[3]!, keyEnd[3]!, GEOMETRY_KEY)
      ) {
        if (++coordinatesKeys > 1) return undefined;
      }
    }
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
  if (maxDepth > st.maxDepth) st.maxDepth = maxDepth;
  return featuresFromGeoJson(shell, opts.file);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Puts flat coordinates back where the placeholder stands: as a FlatGeometry for a Polygon or
 * MultiPolygon of the matching depth when the caller wants them flat, else as the nested arrays
 * (in a geometry object whose members stand in the file's order) JSON.parse would have given.
 */
function attach(feature: unknown, flat: FlatCoords, held: Held, keepFlat: boolean): void {
  if (!isObject(feature)) return;
  if (held === HELD_TYPE_FIRST || held === HELD_COORDINATES_FIRST) {
    if (feature.geometry !== 0) return;
    const type = flat.depth === 3 ? 'Polygon' : 'MultiPolygon';
    if (keepFlat) feature.geometry = flatGeometry(flat);
    else if (held === HELD_TYPE_FIRST) feature.geometry = { type, coordinates: nestedCoordinates(flat) };
    else feature.geometry = { coordinates: nestedCoordinates(flat), type };
    return;
  }
  if (!isObject(feature.geometry)) return;
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
  const state = new ChunkState(win, windowBytes + PIECE_PREFIX.length + PIECE_SUFFIX.length + 64);
  // One buffer for every piece: readChunked keeps nothing of the bytes it reads.
  let pieceBuf = new Uint8Array(0);
  const features: RawLayer['features'] = [];
  const problems: RawLayer['problems'] = [];
  let fileCrs: string | undefined;
  let pieces = 0;
  const file = opts.file;

  const readPiece = (bytes: Uint8Array, last: boolean): boolean | 'aborted' => {
    if (opts.signal?.aborted) return 'aborted';
    const res = readChunked(bytes, { file, flat: opts.flat, batchBytes: opts.batchBytes }, state);
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
    const size = (first ? 0 : PIECE_PREFIX.length) + body.length + (closed ? 0 : PIECE_SUFFIX.length);
    if (pieceBuf.length < size) pieceBuf = new Uint8Array(Math.max(size, pieceBuf.length * 2));
    const out = pieceBuf.subarray(0, size);
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
  const layer = { features, fileCrs, problems };
  nestingOf.set(layer, state.maxDepth - 3);
  return layer;
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
