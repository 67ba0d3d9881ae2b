// dBase III table reader for Shapefile attributes. Written here rather than taken from parsedbf
// because that one loses a field named "__proto__", turns empty numbers into NaN and cannot tell
// GBK from UTF-8.
import { decoderFor, detectEncoding, isKnownEncoding, type DecodingName } from '../text-encoding.ts';

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
  encoding: DecodingName;
  /** true when the encoding came from the content rather than a .cpg, the header or the caller */
  guessed: boolean;
  /** where the encoding came from */
  encodingSource: 'cpg' | 'language-driver' | 'option' | 'content';
}

export class DbfError extends Error {}

// dBase language driver IDs (header byte 29) and the code pages they name, as dBase, FoxPro and
// ArcGIS write them. 0x57 is "ANSI": the writer's Windows code page, unstated (GDAL writes it by
// default whatever the text is), so it is read like no ID at all: judged from the content.
const LANGUAGE_DRIVERS: Record<number, DecodingName> = {
  0x01: 'cp437',
  0x02: 'cp850',
  0x03: 'windows-1252',
  0x04: 'macintosh',
  0x08: 'cp865',
  0x09: 'cp437',
  0x0a: 'cp850',
  0x0b: 'cp437',
  0x0d: 'cp437',
  0x0e: 'cp850',
  0x0f: 'cp437',
  0x10: 'cp850',
  0x11: 'cp437',
  0x12: 'cp850',
  0x13: 'shift_jis',
  0x14: 'cp850',
  0x15: 'cp437',
  0x16: 'cp850',
  0x17: 'cp865',
  0x18: 'cp437',
  0x19: 'cp437',
  0x1a: 'cp850',
  0x1b: 'cp437',
  0x1c: 'cp863',
  0x1d: 'cp850',
  0x1f: 'cp852',
  0x22: 'cp852',
  0x23: 'cp852',
  0x24: 'cp860',
  0x25: 'cp850',
  0x26: 'ibm866',
  0x37: 'cp850',
  0x40: 'cp852',
  0x4d: 'gbk',
  0x4e: 'euc-kr',
  0x4f: 'big5',
  0x50: 'windows-874',
  0x58: 'windows-1252',
  0x59: 'windows-1252',
  0x64: 'cp852',
  0x65: 'ibm866',
  0x66: 'cp865',
  0x67: 'cp861',
  0x6a: 'cp737',
  0x6b: 'cp857',
  0x6c: 'cp863',
  0x78: 'big5',
  0x79: 'euc-kr',
  0x7a: 'gbk',
  0x7b: 'shift_jis',
  0x7c: 'windows-874',
  0x7d: 'windows-1255',
  0x7e: 'windows-1256',
  0x86: 'cp737',
  0x87: 'cp852',
  0x88: 'cp857',
  0x96: 'x-mac-cyrillic',
  0x97: 'maccenteuro',
  0x98: 'macgreek',
  0xc8: 'windows-1250',
  0xc9: 'windows-1251',
  0xca: 'windows-1254',
  0xcb: 'windows-1253',
  0xcc: 'windows-1257',
};

/** The encoding a DBF header's language driver ID names, if it names one. */
export function encodingFromLanguageDriver(ldid: number): DecodingName | undefined {
  const enc = LANGUAGE_DRIVERS[ldid];
  return enc && isKnownEncoding(enc) ? enc : undefined;
}

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

export interface DbfEncodingChoice {
  /** what a .cpg says */
  declared?: DecodingName;
  /** what the caller chose for files that do not say */
  fallback?: DecodingName;
}

/**
 * Reads a .dbf. The encoding is what the .cpg says, else what the header's language driver ID
 * names, else the caller's choice, else it is judged from the bytes (and marked as guessed). Only
 * the first `maxRecords` records are decoded (a Shapefile needs one per shape): a header claiming
 * 200 million records costs nothing beyond them.
 */
export function readDbf(bytes: Uint8Array, choice: DbfEncodingChoice = {}, maxRecords = Infinity): DbfTable {
  if (bytes.length < 32) throw new DbfError('header shorter than 32 bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length) throw new DbfError('header length out of range');
  const fields = readFields(view, bytes, headerLength);
  const sum = fields.reduce((a, f) => a + f.length, 1);
  if (recordLength !== sum) throw new DbfError('record length does not match the fields');

  const fromHeader = encodingFromLanguageDriver(view.getUint8(29));
  let enc: DecodingName;
  let source: DbfTable['encodingSource'];
  if (choice.declared) [enc, source] = [choice.declared, 'cpg'];
  else if (fromHeader) [enc, source] = [fromHeader, 'language-driver'];
  else if (choice.fallback) [enc, source] = [choice.fallback, 'option'];
  else
    [enc, source] = [
      detectEncoding(textSample(bytes, headerLength, fields, Math.min(count, maxRecords))),
      'content',
    ];
  // Valid UTF-8 is no guess: other encodings' non-ASCII text almost never is valid UTF-8.
  const guessed = source === 'content' && enc !== 'utf-8';
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
  return { fields, records, declared: count, encoding: enc, guessed, encodingSource: source };
}
