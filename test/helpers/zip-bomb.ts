// Zip bombs for tests, made in milliseconds rather than by compressing gigabytes: a fresh fflate
// Deflate never refers back before its own start, so one sync-flushed compressed megabyte of a byte
// value can be repeated as often as wanted and still be a valid deflate stream.
import { Deflate } from 'fflate';

const MB = 1024 * 1024;

function deflatePiece(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  d.push(data, false);
  d.flush(true);
  return concat(parts);
}

/** Bytes as non-final stored deflate blocks (byte-aligned, so anything may follow). */
function storedBlocks(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += 0xffff) {
    const piece = data.subarray(at, Math.min(at + 0xffff, data.length));
    const h = new Uint8Array(5);
    h[1] = piece.length & 0xff;
    h[2] = piece.length >>> 8;
    h[3] = ~piece.length & 0xff;
    h[4] = (~piece.length >>> 8) & 0xff;
    parts.push(h, piece);
  }
  return concat(parts);
}

const megabytes = new Map<number, Uint8Array>();
function compressedMegabyte(fill: number): Uint8Array {
  let piece = megabytes.get(fill);
  if (!piece) megabytes.set(fill, (piece = deflatePiece(new Uint8Array(MB).fill(fill))));
  return piece;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let crcTable: Int32Array | undefined;
function table(): Int32Array {
  if (crcTable) return crcTable;
  crcTable = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c;
  }
  return crcTable;
}

/**
 * CRC-32 (ISO 3309) of `head` followed by `mb` megabytes of `fill`. The register's change over one
 * megabyte of a fixed byte is affine over GF(2), so it is worked out once (33 runs) and then applied
 * per megabyte: a 960 MB entry costs milliseconds, not a billion table steps.
 */
const megabyteSteps = new Map<number, { f0: number; cols: number[] }>();
function megabyteStep(fill: number): { f0: number; cols: number[] } {
  const known = megabyteSteps.get(fill);
  if (known) return known;
  const t = table();
  const run = (start: number): number => {
    let c = start;
    for (let i = 0; i < MB; i++) c = t[(c ^ fill) & 0xff]! ^ (c >>> 8);
    return c;
  };
  const f0 = run(0);
  const step = { f0, cols: Array.from({ length: 32 }, (_, i) => run(1 << i) ^ f0) };
  megabyteSteps.set(fill, step);
  return step;
}

function crc32(head: Uint8Array, fill: number, mb: number): number {
  const t = table();
  const { f0, cols } = megabyteStep(fill);
  let c = -1;
  for (const b of head) c = t[(c ^ b) & 0xff]! ^ (c >>> 8);
  for (let k = 0; k < mb; k++) {
    let next = f0;
    for (let i = 0; i < 32; i++) if ((c >>> i) & 1) next ^= cols[i]!;
    c = next;
  }
  return (c ^ -1) >>> 0;
}

export interface BombEntry {
  name: string;
  /** bytes at the start of the entry */
  head?: Uint8Array;
  /** byte value repeated after the head */
  fill?: number;
  /** whole megabytes of fill (the entry is head + fillMB × 1 MB) */
  fillMB: number;
  /** the uncompressed size written in the headers (default: the true size); a lie makes a sneakier bomb */
  claimedSize?: number;
}

/** A zip (deflate, no zip64) of the entries; sizes must stay below 4 GiB each. */
export function zipBomb(entries: readonly BombEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const head = e.head ?? new Uint8Array(0);
    const fill = e.fill ?? 0;
    const pieces: Uint8Array[] = [storedBlocks(head)];
    const mb = compressedMegabyte(fill);
    for (let i = 0; i < e.fillMB; i++) pieces.push(mb);
    pieces.push(new Uint8Array([0x03, 0x00])); // final fixed-Huffman block holding only end-of-block
    const data = concat(pieces);
    const size = head.length + e.fillMB * MB;
    const crc = crc32(head, fill, e.fillMB);
    const name = enc.encode(e.name);
    const claimed = e.claimedSize ?? size;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, claimed, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, claimed, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    locals.push(local, data);
    central.push(cd);
    offset += local.length + data.length;
  }
  const cdBytes = concat(central);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdBytes.length, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, cdBytes, end]);
}
