// Text decoding for the files planners exchange: UTF-8 (with or without BOM) or GBK, which Chinese
// Windows software (ArcGIS, Excel, CAD) still writes by default.
export type TextEncodingName = 'utf-8' | 'gbk';

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextDecoder('utf-8');
const gbk = new TextDecoder('gbk');

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** UTF-8 unless the bytes are not valid UTF-8, then GBK (a GBK text is almost never valid UTF-8). */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (hasUtf8Bom(bytes) || isAscii(bytes)) return 'utf-8';
  try {
    utf8Fatal.decode(bytes);
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

export function decoderFor(encoding: TextEncodingName): TextDecoder {
  return encoding === 'gbk' ? gbk : utf8;
}

/** Decodes a whole text file: BOM dropped, encoding detected unless given. */
export function decodeText(
  bytes: Uint8Array,
  encoding?: TextEncodingName,
): { text: string; encoding: TextEncodingName } {
  const enc = encoding ?? detectEncoding(bytes);
  const body = enc === 'utf-8' && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  // TextDecoder also strips a BOM; an explicit subarray keeps that independent of the decoder options.
  return { text: decoderFor(enc).decode(body), encoding: enc };
}

/**
 * Reads a .cpg code page declaration ("UTF-8", "GBK", "936", "ANSI 936", "CP936", "GB2312", "65001").
 * Returns undefined for anything not understood, so the caller falls back to detection.
 */
export function encodingFromCpg(cpg: string): TextEncodingName | undefined {
  const t = cpg
    .trim()
    .toLowerCase()
    .replace(/^ansi\s*/, '');
  if (/^(utf-?8|65001)$/.test(t)) return 'utf-8';
  if (/^(gbk|cp936|936|gb2312|gb18030|54936|windows-936|ms936)$/.test(t)) return 'gbk';
  return undefined;
}

let gbkTable: Map<number, number> | undefined;

/** Code point → two GBK bytes, built once from the platform's own GBK decoder. */
function gbkEncodeTable(): Map<number, number> {
  if (gbkTable) return gbkTable;
  gbkTable = new Map();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = gbk.decode(pair);
      const cp = ch.codePointAt(0)!;
      if (ch.length === 1 && cp !== 0xfffd && !gbkTable.has(cp)) gbkTable.set(cp, (lead << 8) | trail);
    }
  }
  return gbkTable;
}

/**
 * Encodes text as GBK (code page 936). Own encoder rather than iconv-lite, which needs Node's
 * Buffer and so would not run in the page or a Worker. Characters GBK lacks become "?".
 */
export function encodeGbk(text: string): Uint8Array {
  const table = gbkEncodeTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const code = table.get(cp);
      if (code === undefined) out.push(0x3f);
      else out.push(code >> 8, code & 0xff);
    }
  }
  return Uint8Array.from(out);
}

export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  return encoding === 'gbk' ? encodeGbk(text) : new TextEncoder().encode(text);
}
