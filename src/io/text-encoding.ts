// Text decoding for the files planners exchange: UTF-8 (with or without BOM) or GBK, which Chinese
// Windows software (ArcGIS, Excel, CAD) still writes by default, and whatever else a .cpg or a DBF's
// language driver names: Big5, GB18030, the Windows and ISO-8859 code pages, UTF-16, DOS code pages.
import sbcsData from 'iconv-lite/encodings/sbcs-data-generated.js';

/** The encodings zonemap writes. */
export type TextEncodingName = 'utf-8' | 'gbk';
/** Any encoding zonemap reads: a WHATWG Encoding label or a DOS code page such as "cp437". */
export type DecodingName = string;

export interface TextDecoding {
  decode(bytes: Uint8Array): string;
}

const gbk = new TextDecoder('gbk');

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

const fatalDecoders = new Map<string, TextDecoder>();
function decodesCleanly(bytes: Uint8Array, label: string): boolean {
  let d = fatalDecoders.get(label);
  if (!d) fatalDecoders.set(label, (d = new TextDecoder(label, { fatal: true })));
  try {
    d.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of text that does not say, judged from its bytes. UTF-8 when the bytes are valid
 * UTF-8 (other encodings almost never are). Otherwise Latin text (accented letters among ASCII
 * letters, so high bytes are few) is Windows-1252; Chinese text is mostly high bytes in pairs:
 * GBK when nearly every pair lies in GB2312's range (both bytes ≥ 0xA1, where everyday simplified
 * characters are), else Big5 (whose second bytes are often 0x40–0x7E), else GBK.
 */
export function detectEncoding(bytes: Uint8Array): DecodingName {
  if (hasUtf8Bom(bytes) || isAscii(bytes)) return 'utf-8';
  if (decodesCleanly(bytes, 'utf-8')) return 'utf-8';
  let high = 0;
  let letters = 0;
  let pairs = 0;
  let gb2312Pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) letters++;
      continue;
    }
    high++;
    const t = bytes[i + 1];
    if (t === undefined) break;
    pairs++;
    if (b >= 0xa1 && t >= 0xa1) gb2312Pairs++;
    i++;
    if (t >= 0x80) high++;
  }
  if (high < letters) return 'windows-1252';
  const gbkClean = decodesCleanly(bytes, 'gbk');
  if (gbkClean && gb2312Pairs >= 0.9 * pairs) return 'gbk';
  if (decodesCleanly(bytes, 'big5')) return 'big5';
  if (gbkClean || decodesCleanly(bytes, 'gb18030')) return 'gbk';
  return 'windows-1252';
}

interface SbcsEntry {
  type?: string;
  chars?: string;
}
const SBCS = sbcsData as Record<string, SbcsEntry | string | number>;

/** A DOS or other single-byte code page from iconv-lite's tables (the platform decoders lack them). */
function sbcsChars(name: string): string | undefined {
  let entry = SBCS[name];
  for (let hops = 0; hops < 4 && (typeof entry === 'string' || typeof entry === 'number'); hops++) {
    entry = SBCS[String(entry)];
  }
  if (typeof entry !== 'object' || entry.type !== '_sbcs' || typeof entry.chars !== 'string')
    return undefined;
  // iconv-lite stores 128 characters for 0x80–0xFF (ASCII below) or all 256.
  return entry.chars.length === 128
    ? String.fromCharCode(...Array.from({ length: 128 }, (_, i) => i)) + entry.chars
    : entry.chars;
}

function sbcsDecoder(chars: string): TextDecoding {
  return {
    decode(bytes) {
      let out = '';
      for (let i = 0; i < bytes.length; i += 8192) {
        const part = bytes.subarray(i, i + 8192);
        out += Array.from(part, (b) => chars[b] ?? '\uFFFD').join('');
      }
      return out;
    },
  };
}

const decoders = new Map<string, TextDecoding>();

/** Whether the encoding can be decoded here. */
export function isKnownEncoding(encoding: DecodingName): boolean {
  return decoderOrUndefined(encoding) !== undefined;
}

// WHATWG reads these labels as Windows-1252 (a superset for text); so do we.
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'ascii', 'us-ascii']);

function decoderOrUndefined(encoding: DecodingName): TextDecoding | undefined {
  let key = encoding.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(key)) key = 'windows-1252';
  const cached = decoders.get(key);
  if (cached) return cached;
  // Single-byte code pages from iconv-lite's tables first: Node's TextDecoder decodes
  // windows-1252 as ISO-8859-1 (0x80 € and 0x8C Œ come out as control characters).
  const chars = sbcsChars(key.replace(/[-_\s]/g, ''));
  let d: TextDecoding | undefined = chars ? sbcsDecoder(chars) : undefined;
  if (!d) {
    try {
      d = new TextDecoder(key);
    } catch {
      d = undefined;
    }
  }
  if (d) decoders.set(key, d);
  return d;
}

/** The decoder for an encoding; UTF-8 for a name nothing here knows (callers check with isKnownEncoding). */
export function decoderFor(encoding: DecodingName): TextDecoding {
  return decoderOrUndefined(encoding) ?? decoderOrUndefined('utf-8')!;
}

/** Decodes a whole text file: BOM dropped, encoding detected unless given. */
export function decodeText(
  bytes: Uint8Array,
  encoding?: DecodingName,
): { text: string; encoding: DecodingName } {
  const enc = encoding ?? detectEncoding(bytes);
  const body = enc === 'utf-8' && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  // TextDecoder also strips a BOM; an explicit subarray keeps that independent of the decoder options.
  return { text: decoderFor(enc).decode(body), encoding: enc };
}

/** Windows code page numbers and the encodings they name. */
const CODE_PAGES: Record<string, DecodingName> = {
  '65001': 'utf-8',
  '1200': 'utf-16le',
  '1201': 'utf-16be',
  '936': 'gbk',
  '54936': 'gb18030',
  '950': 'big5',
  '932': 'shift_jis',
  '949': 'euc-kr',
  '874': 'windows-874',
  '866': 'ibm866',
  '20866': 'koi8-r',
  '21866': 'koi8-u',
  '10000': 'macintosh',
  '10007': 'x-mac-cyrillic',
};
for (let cp = 1250; cp <= 1258; cp++) CODE_PAGES[String(cp)] = `windows-${cp}`;
for (let n = 1; n <= 16; n++) if (n !== 12) CODE_PAGES[String(28590 + n)] = `iso-8859-${n}`;
// DOS (OEM) code pages, decoded from iconv-lite's tables.
for (const cp of [437, 720, 737, 775, 850, 852, 855, 857, 858, 860, 861, 862, 863, 864, 865, 869]) {
  CODE_PAGES[String(cp)] = `cp${cp}`;
}

/**
 * Reads a .cpg code page declaration: "UTF-8", "GBK", "936", "ANSI 936", "CP936", "GB2312",
 * "65001", "BIG5", "CP950", "1252", "ISO-8859-1", "88591", "LATIN1", "UTF-16", "CP437" ...
 * Returns undefined for anything not understood ("ANSI" alone, "OEM", unknown names).
 */
export function encodingFromCpg(cpg: string): DecodingName | undefined {
  const t = cpg
    .trim()
    .toLowerCase()
    .replace(/^(ansi|oem)[\s_-]*/, '');
  if (t === '') return undefined;
  if (/^utf-?8$/.test(t)) return 'utf-8';
  if (/^(gbk|gb2312|ms936|windows-936|euc-cn)$/.test(t)) return 'gbk';
  if (/^utf-?16$/.test(t)) return 'utf-16le';
  const number = /^(?:cp|ms|windows-?|ibm|dos-?)?(\d{3,5})$/.exec(t)?.[1];
  if (number !== undefined) {
    if (CODE_PAGES[number]) return CODE_PAGES[number];
    // GDAL writes ISO-8859-1 as "88591".
    const iso = /^8859(\d{1,2})$/.exec(number);
    if (iso) return isKnownEncoding(`iso-8859-${iso[1]}`) ? `iso-8859-${iso[1]}` : undefined;
    return undefined;
  }
  const iso = /^iso[-_ ]?8859[-_ ]?(\d{1,2})$/.exec(t);
  if (iso) return isKnownEncoding(`iso-8859-${iso[1]}`) ? `iso-8859-${iso[1]}` : undefined;
  if (/^big-?5(-hkscs)?$/.test(t)) return 'big5';
  // Any other label the platform's decoder knows (latin1, shift_jis, euc-kr, koi8-r ...).
  return isKnownEncoding(t) ? t : undefined;
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
