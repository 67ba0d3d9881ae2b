// dBase III table reader for Shapefile attributes. Written here rather than taken from parsedbf
// because that one loses a field named "__proto__", turns empty numbers into NaN and cannot tell
// GBK from UTF-8.
import { decoderFor, detectEncoding, type TextEncodingName } from '../text-encoding.ts';

export interface DbfField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}

export interface DbfTable {
  fields: DbfField[];
  records: Record<string, unknown>[];
  /** the record count the header declares (records holds at most maxRecords of them) */
  declared: number;
  encoding: TextEncodingName;
  /** true when the encoding came from the content rather than a .cpg or the header */
  guessed: boolean;
}

export class DbfError extends Error {}

// Language driver IDs meaning code page 936 (GBK), as ArcGIS writes them in header byte 29.
const LDID_GBK = new Set([0x4d, 0x7a]);

/** Sets an own data property even for names like "__proto__" that plain assignment would not store. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function readFields(view: DataView, bytes: Uint8Array, headerLength: number): DbfField[] {
  const fields: DbfField[] = [];
  const ascii = decoderFor('utf-8');
  for (let off = 32; off + 32 <= headerLength && bytes[off] !== 0x0d; off += 32) {
    let end = off;
    while (end < off + 11 && bytes[end] !== 0) end++;
    fields.push({
      // Field names are kept raw here and decoded with the table's encoding below.
      name: ascii.decode(bytes.subarray(off, end)),
      type: String.fromCharCode(view.getUint8(off + 11)),
      length: view.getUint8(off + 16),
      decimals: view.getUint8(off + 17),
    });
  }
  return fields;
}

function fieldNameBytes(bytes: Uint8Array, index: number): Uint8Array {
  const off = 32 + index * 32;
  let end = off;
  while (end < off + 11 && bytes[end] !== 0) end++;
  return bytes.subarray(off, end);
}

function textSample(
  bytes: Uint8Array,
  headerLength: number,
  fields: DbfField[],
  records: number,
): Uint8Array {
  // Field names plus the text cells of every record, concatenated for encoding detection.
  const parts: Uint8Array[] = fields.map((_, i) => fieldNameBytes(bytes, i));
  const recordLength = fields.reduce((a, f) => a + f.length, 1);
  let total = 0;
  const end = Math.min(bytes.length, headerLength + records * recordLength);
  for (let rec = headerLength; rec + recordLength <= end && total < 4_000_000; rec += recordLength) {
    let off = rec + 1;
    for (const f of fields) {
      if (f.type === 'C') {
        const cell = bytes.subarray(off, off + f.length);
        if (cell.some((b) => b >= 0x80)) {
          parts.push(cell);
          total += cell.length;
        }
      }
      off += f.length;
    }
  }
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
    out[at++] = 0x20;
  }
  return out;
}

function parseCell(text: string, field: DbfField): unknown {
  switch (field.type) {
    case 'N':
    case 'F': {
      const t = text.trim();
      if (t === '' || /^\*+$/.test(t)) return null;
      const n = Number(t);
      return Number.isFinite(n) ? n : null;
    }
    case 'L': {
      const t = text.trim().toUpperCase();
      if ('YT'.includes(t) && t !== '') return true;
      if ('NF'.includes(t) && t !== '') return false;
      return null;
    }
    case 'D': {
      const t = text.trim();
      return /^\d{8}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}` : t === '' ? null : t;
    }
    default:
      // C and anything else: dBase pads text with spaces on the right.
      return text.replace(/[\s\0]+$/, '');
  }
}

/**
 * Reads a .dbf. `encoding` comes from a .cpg when there is one; otherwise the header's language
 * driver and then the bytes themselves decide. Only the first `maxRecords` records are decoded (a
 * Shapefile needs one per shape): a header claiming 200 million records costs nothing beyond them.
 */
export function readDbf(bytes: Uint8Array, encoding?: TextEncodingName, maxRecords = Infinity): DbfTable {
  if (bytes.length < 32) throw new DbfError('header shorter than 32 bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length) throw new DbfError('header length out of range');
  const fields = readFields(view, bytes, headerLength);
  const sum = fields.reduce((a, f) => a + f.length, 1);
  if (recordLength !== sum) throw new DbfError('record length does not match the fields');

  let enc = encoding;
  let guessed = false;
  if (!enc) {
    const ldid = view.getUint8(29);
    if (LDID_GBK.has(ldid)) enc = 'gbk';
    else {
      enc = detectEncoding(textSample(bytes, headerLength, fields, Math.min(count, maxRecords)));
      guessed = enc !== 'utf-8';
    }
  }
  const decoder = decoderFor(enc);
  for (let i = 0; i < fields.length; i++) fields[i]!.name = decoder.decode(fieldNameBytes(bytes, i)).trim();

  // The count is checked against the file's size before anything is allocated for it.
  const available = Math.floor((bytes.length - headerLength) / Math.max(recordLength, 1));
  if (available < count) throw new DbfError(`${count} records declared, ${available} present`);
  const wanted = Math.min(count, maxRecords);
  const records: Record<string, unknown>[] = [];
  for (let r = 0; r < wanted; r++) {
    const rec: Record<string, unknown> = {};
    let off = headerLength + r * recordLength + 1;
    for (const f of fields) {
      setOwn(rec, f.name, parseCell(decoder.decode(bytes.subarray(off, off + f.length)), f));
      off += f.length;
    }
    records.push(rec);
  }
  return { fields, records, declared: count, encoding: enc, guessed };
}
