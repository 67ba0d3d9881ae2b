// Zip archives in and out (jszip runs the same in Node, a Worker and the page).
import JSZip from 'jszip';

export class ZipError extends Error {}

export interface ZipEntries {
  /** file name inside the archive → bytes; folders and macOS metadata left out */
  files: Map<string, Uint8Array>;
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

export async function unzip(bytes: Uint8Array): Promise<ZipEntries> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ZipError(e instanceof Error ? e.message : String(e));
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const base = entry.name.split('/').pop() ?? entry.name;
    // macOS adds __MACOSX/ folders, ._ resource forks and .DS_Store; none hold data.
    if (entry.name.includes('__MACOSX') || base.startsWith('._') || base === '.DS_Store') continue;
    try {
      files.set(entry.name, await entry.async('uint8array'));
    } catch (e) {
      throw new ZipError(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { files };
}

export async function zipFiles(files: Iterable<[string, Uint8Array | string]>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of files) zip.file(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
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
