// Zip archives in and out, the same in Node, a Worker and the page. Writing is fflate's zipSync.
// Reading walks the central directory here and inflates each entry with fflate's streaming Inflate:
// fflate's unzipSync allocates what each header claims and cannot stop part-way, and its streaming
// Unzip sees the entry count only at the end; here the count and every entry's claimed size are
// checked before any byte is inflated, and inflating stops as soon as an entry outgrows its claim
// or the limit (a zip bomb costs the limit, not its unpacked size).
import { Inflate, zipSync, type Zippable } from 'fflate';

/** A zip that cannot be read, or that is refused by a limit; `code` is the problem code to report. */
export class ZipError extends Error {
  constructor(
    readonly code: 'bad-zip' | 'zip-entry-too-large' | 'zip-too-large' | 'zip-too-many-entries',
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export interface ZipEntries {
  /** file name inside the archive → bytes; folders and macOS metadata left out */
  files: Map<string, Uint8Array>;
}

export interface ZipLimits {
  /** the most one entry may unpack to (default MAX_ZIP_ENTRY_BYTES) */
  maxEntryBytes?: number;
  /** the most all entries together may unpack to (default MAX_ZIP_TOTAL_BYTES) */
  maxTotalBytes?: number;
  /** the most entries an archive may hold (default MAX_ZIP_ENTRIES) */
  maxEntries?: number;
  /** unpack only the entries this accepts (by name); the others are listed, never inflated */
  wanted?: (name: string) => boolean;
}

export const MAX_ZIP_ENTRY_BYTES = 500 * 1024 * 1024;
export const MAX_ZIP_TOTAL_BYTES = 500 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** "2.1 GB", "600 MB", "12 KB": sizes for messages, in units of 1024. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = u === 0 ? String(v) : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(0) : v.toFixed(1);
  return `${text.replace(/\.0$/, '')} ${units[u]}`;
}

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk');

/** Entry names: UTF-8 when flagged or valid as UTF-8, otherwise GBK (Chinese Windows zip tools). */
function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return gbk.decode(bytes);
  }
}

function bad(detail: string): ZipError {
  return new ZipError('bad-zip', detail, { detail });
}

/** The End Of Central Directory record: searched backwards over the 64 KB a comment may take. */
function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let i = last; i >= Math.max(0, last - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  throw bad('找不到压缩包目录 / no central directory (the file is damaged or cut off)');
}

function readCentralDirectory(bytes: Uint8Array, maxEntries: number): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw bad('文件太短 / too short to be a zip');
  const eocd = findEocd(view);
  let count = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  // Zip64: the real count and offset live in the zip64 end record the locator points to.
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20) {
    const loc = eocd - 20;
    if (view.getUint32(loc, true) === 0x07064b50) {
      const rec = Number(view.getBigUint64(loc + 8, true));
      if (rec + 56 <= bytes.length && view.getUint32(rec, true) === 0x06064b50) {
        count = Number(view.getBigUint64(rec + 32, true));
        cdOffset = Number(view.getBigUint64(rec + 48, true));
      }
    }
  }
  if (count > maxEntries)
    throw new ZipError('zip-too-many-entries', `${count} entries`, { count, limit: maxEntries });
  const entries: CentralEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw bad(`压缩包目录第 ${i + 1} 项已损坏 / central directory entry ${i + 1} is damaged`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length)
      throw bad(`压缩包目录第 ${i + 1} 项已损坏 / entry ${i + 1} is cut off`);
    const name = decodeName(bytes.subarray(at + 46, nameEnd), (flags & 0x800) !== 0);
    // Zip64 extra field (id 1): the 8-byte values of the fields that read 0xffffffff, in order.
    for (let e = nameEnd; e + 4 <= nameEnd + extraLength;) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 1) {
        let p = e + 4;
        const next = (): number => {
          const v = p + 8 <= e + 4 + len ? Number(view.getBigUint64(p, true)) : 0;
          p += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

const isMetadata = (name: string): boolean => {
  const base = name.split('/').pop() ?? name;
  // macOS adds __MACOSX/ folders, ._ resource forks and .DS_Store; none hold data.
  return name.includes('__MACOSX') || base.startsWith('._') || base === '.DS_Store';
};

/** The names of the archive's files (folders and macOS metadata left out), nothing inflated. */
export function listZip(bytes: Uint8Array, maxEntries = MAX_ZIP_ENTRIES): string[] {
  return readCentralDirectory(bytes, maxEntries)
    .filter((e) => !e.name.endsWith('/') && !isMetadata(e.name))
    .map((e) => e.name);
}

/** Inflates one entry, stopping with an error as soon as it outgrows its claim or the limit. */
function inflateEntry(bytes: Uint8Array, entry: CentralEntry, limit: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
    throw bad(`${entry.name}：找不到数据 / local header missing`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw bad(`${entry.name}：数据不完整 / data cut off`);
  if ((entry.flags & 1) !== 0) throw bad(`${entry.name}：已加密，请解密后重新打包 / encrypted`);
  const tooLarge = (): ZipError =>
    new ZipError('zip-entry-too-large', entry.name, {
      entry: entry.name,
      size: formatBytes(entry.size),
      limit: formatBytes(limit),
    });
  if (entry.method === 0) {
    if (entry.compressedSize > limit) throw tooLarge();
    return bytes.slice(start, end);
  }
  if (entry.method !== 8)
    throw bad(`${entry.name}：不支持的压缩方式 ${entry.method} / unsupported compression method`);
  // Never more than the entry claims: a header that lies about its size is damaged, not trusted.
  const cap = Math.min(entry.size, limit);
  // Written straight into one buffer of the claimed size: no second copy of a large entry.
  const out = new Uint8Array(cap);
  let total = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    if (overflow) return;
    if (total + chunk.length > cap) overflow = true;
    else out.set(chunk, total);
    total += chunk.length;
  });
  const STEP = 16 * 1024; // deflate expands at most ~1032×, so one step yields at most ~17 MB
  try {
    for (let p = start; p < end && !overflow; p += STEP) {
      const stop = Math.min(p + STEP, end);
      inflate.push(bytes.subarray(p, stop), stop === end);
    }
  } catch (e) {
    throw bad(`${entry.name}：${e instanceof Error ? e.message : String(e)}`);
  }
  if (overflow) {
    if (entry.size > limit) throw tooLarge();
    throw bad(
      `${entry.name}：解压后比目录所记的 ${entry.size} 字节多 / unpacks to more than its header says`,
    );
  }
  if (total !== entry.size)
    throw bad(`${entry.name}：解压后 ${total} 字节，目录记为 ${entry.size} / size differs from its header`);
  return out;
}

/** Unpacks an archive within the limits; throws ZipError (with its problem code) otherwise. */
export function unzipSync(bytes: Uint8Array, limits: ZipLimits = {}): ZipEntries {
  const maxEntry = limits.maxEntryBytes ?? MAX_ZIP_ENTRY_BYTES;
  const maxTotal = limits.maxTotalBytes ?? MAX_ZIP_TOTAL_BYTES;
  const listed = readCentralDirectory(bytes, limits.maxEntries ?? MAX_ZIP_ENTRIES).filter(
    (e) => !e.name.endsWith('/') && !isMetadata(e.name),
  );
  const entries = listed.filter((e) => limits.wanted?.(e.name) ?? true);
  // Every claim is checked before anything is inflated, so a bomb is refused at once.
  let claimed = 0;
  for (const e of entries) {
    if (e.size > maxEntry)
      throw new ZipError('zip-entry-too-large', e.name, {
        entry: e.name,
        size: formatBytes(e.size),
        limit: formatBytes(maxEntry),
      });
    claimed += e.size;
  }
  if (claimed > maxTotal) {
    // The message gives the archive's declared total; the part that would be read, when only some
    // entries are wanted, beside it (it is what passed the limit).
    const declared = listed.reduce((sum, e) => sum + e.size, 0);
    throw new ZipError('zip-too-large', 'total', {
      size: formatBytes(declared),
      limit: formatBytes(maxTotal),
      ...(declared !== claimed ? { needed: formatBytes(claimed) } : {}),
    });
  }
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of entries) {
    const data = inflateEntry(bytes, e, Math.min(maxEntry, maxTotal - total));
    total += data.length;
    files.set(e.name, data);
  }
  return { files };
}

export async function unzip(bytes: Uint8Array, limits: ZipLimits = {}): Promise<ZipEntries> {
  return unzipSync(bytes, limits);
}

/** A ZipError as the problem to report: its code, and its params with the file named. */
export function zipProblemParams(e: unknown): { code: string; params: Record<string, string | number> } {
  if (e instanceof ZipError) return { code: e.code, params: e.params };
  const detail = e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200);
  return { code: 'bad-zip', params: { detail } };
}

/** A zip of the files; `level` 0 stores them as they are (fast, for packing parts on the page). */
export async function zipFiles(
  files: Iterable<[string, Uint8Array | string]>,
  level: 0 | 6 = 6,
): Promise<Uint8Array> {
  const tree: Zippable = {};
  const enc = new TextEncoder();
  for (const [name, data] of files) tree[name] = typeof data === 'string' ? enc.encode(data) : data;
  return zipSync(tree, { level });
}

/** The lower-cased extension of a file name, without the dot. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}
