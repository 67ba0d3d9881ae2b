// One entry for every layer file: detects the format, reads it, settles its CRS and returns the
// features in lon/lat. Bytes in, features and problems out; nothing here throws for bad data.
import type { Feature } from 'geojson';
import { crsArrayTransforms, crsTransforms } from '../core/crs.ts';
import type { Problem } from '../core/types.ts';
import { resolveIoCrs } from './coords/crs-names.ts';
import { classifyCoordinates } from './coords/detect.ts';
import { readCsvBytes } from './csv/read-csv.ts';
import { readKmlText, readKmz } from './kml/read-kml.ts';
import { describeError, errorOf, warningOf, type IoProblem } from './problem.ts';
import { readGeoJsonText } from './read-geojson.ts';
import { nestingDepth, readFeatureCollectionChunked, readFeatureCollectionStream } from './geojson-chunks.ts';
import { fieldText, resolveFieldMapping } from '../core/fields.ts';
import { nullMalformedGeometries } from './geometry/well-formed.ts';
import { MAX_NESTING, tooDeepProblems } from './nesting.ts';
import type { ByteSource, RawLayer, ReadOptions } from './read-types.ts';
import { reprojectFeatures } from './reproject.ts';
import { readShapefileParts, readZippedShapefile } from './shapefile/read-shapefile.ts';
import { decodeText } from './text-encoding.ts';
import { extensionOf, formatBytes, listZip, looksLikeZip } from './zip.ts';

export type { ReadOptions } from './read-types.ts';

/** Files above this size are refused with a message instead of exhausting the tab's memory. */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;
/** GeoJSON above this size is read in batches of features. */
export const CHUNKED_GEOJSON_BYTES = 1024 * 1024;

export type LayerFormat = 'geojson' | 'shapefile' | 'kml' | 'kmz' | 'csv';

export interface ReadResult {
  features: Feature[];
  /** the CRS the data was in; the returned features are lon/lat whatever it was */
  crs: string;
  problems: Problem[];
  format?: LayerFormat;
  /** the CRS the file declared itself, when it did */
  fileCrs?: string;
}

const EMPTY_BYTES = new Uint8Array(0);

/**
 * A file's bytes handed over to readLayerFile, which drops them (sets `bytes` undefined) once they
 * are parsed, so that a caller keeping no other reference lets the collector have them early.
 */
export interface OwnedBytes {
  bytes: Uint8Array | undefined;
  /** instead of bytes: the file, read a window at a time where the format allows (large GeoJSON) */
  source?: ByteSource;
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < Math.min(bytes.length, start + 1024); i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return undefined;
}

/** The format, from the extension where it is telling and from the first bytes otherwise. */
export async function detectFormat(fileName: string, bytes: Uint8Array): Promise<LayerFormat | undefined> {
  const ext = extensionOf(fileName);
  if (looksLikeZip(bytes)) {
    if (ext === 'kmz') return 'kmz';
    try {
      const names = listZip(bytes).map(extensionOf);
      if (names.includes('shp')) return 'shapefile';
      if (names.includes('kml')) return 'kmz';
    } catch {
      // A damaged archive is reported by the shapefile reader, which says what is wrong with it.
    }
    return 'shapefile';
  }
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'zip' || ext === 'shp') return 'shapefile';
  const first = firstNonSpace(bytes);
  if (first === 0x7b || first === 0x5b) return 'geojson';
  if (first === 0x3c) return 'kml';
  return undefined;
}

async function readRaw(
  format: LayerFormat,
  fileName: string,
  bytes: Uint8Array,
  opts: ReadOptions,
): Promise<RawLayer> {
  switch (format) {
    case 'geojson': {
      // Large files are parsed a batch of features at a time (less memory, progress, cancel).
      const chunked =
        bytes.length > CHUNKED_GEOJSON_BYTES
          ? readFeatureCollectionChunked(bytes, {
              file: fileName,
              signal: opts.signal,
              onProgress: (f) => opts.onProgress?.(f * 0.45),
              flat: opts.flat,
            })
          : undefined;
      if (chunked === 'aborted')
        return { features: [], problems: [errorOf('aborted', {}, { file: fileName })] };
      return chunked ?? readGeoJsonText(decodeText(bytes, 'utf-8').text, fileName);
    }
    case 'shapefile':
      // A loose .shp is read with whatever companions the caller found beside it.
      return looksLikeZip(bytes)
        ? readZippedShapefile(bytes, fileName, opts.encoding)
        : readShapefileParts({ shp: bytes, ...opts.sidecars }, fileName, opts.encoding);
    case 'kml':
      return readKmlText(decodeText(bytes).text, fileName);
    case 'kmz':
      return readKmz(bytes, fileName);
    case 'csv':
      return readCsvBytes(bytes, fileName, opts.encoding);
  }
}

/** The refusal of a file over the size limit, in words: "2.1 GB, limit 500 MB". */
export function fileTooLarge(file: string, size: number, limit = MAX_FILE_BYTES): IoProblem {
  const mb = (n: number): number => Math.round(n / 1024 / 1024);
  return errorOf(
    'file-too-large',
    { size: formatBytes(size), limit: formatBytes(limit), sizeMB: mb(size), limitMB: mb(limit) },
    { file },
  );
}

const abortedResult = (file: string): ReadResult => ({
  features: [],
  crs: 'EPSG:4326',
  problems: [errorOf('aborted', {}, { file })],
});

/** Settles the CRS: an explicit setting beats what the file says, which beats the project default. */
function chooseCrs(raw: RawLayer, opts: ReadOptions, file: string): { crs: string; problems: IoProblem[] } {
  const problems: IoProblem[] = [];
  if (raw.fixedCrs) return { crs: raw.fixedCrs, problems };
  const candidates: string[] = [];
  if (opts.crs) candidates.push(opts.crs);
  if (raw.fileCrs) candidates.push(raw.fileCrs);
  if (opts.defaultCrs) candidates.push(opts.defaultCrs);
  candidates.push('EPSG:4326');
  for (const c of candidates) {
    const info = resolveIoCrs(c);
    if (!info) {
      problems.push(errorOf('unknown-crs', { crs: c.slice(0, 80) }, { file }));
      continue;
    }
    if (opts.crs && raw.fileCrs && c === opts.crs) {
      const fileInfo = resolveIoCrs(raw.fileCrs);
      if (fileInfo && fileInfo.def !== info.def) {
        problems.push(warningOf('crs-conflict', { fileCrs: fileInfo.code, crs: info.code }, { file }));
      }
    }
    return { crs: info.code, problems };
  }
  return { crs: 'EPSG:4326', problems };
}

/** Reports coordinates that cannot be longitude/latitude in a layer read as geographic. */
export function geographicProblems(
  features: readonly Feature[],
  file?: string,
  hintLon?: number,
): IoProblem[] {
  const v = classifyCoordinates(features, hintLon);
  const named = (feature: number | undefined) => {
    const f = feature === undefined ? undefined : features[feature];
    const name = f
      ? fieldText({ fields: resolveFieldMapping('zone', features.slice(0, 1000)) }, f, 'name')
      : undefined;
    return { file, feature, ...(name ? { name } : {}) };
  };
  const sample = (p: readonly number[]): string => `${p[0]}, ${p[1]}`;
  switch (v.kind) {
    case 'geographic':
    case 'empty':
      return [];
    case 'projected': {
      const suggestion = v.proposals
        .slice(0, 3)
        .map((p) => `${p.code}（${p.label.zh}）`)
        .join('，或 ');
      const p = errorOf(
        'projected-without-crs',
        {
          sample: sample(v.sample),
          suggestion,
          likely: v.proposals[0]?.code,
          swapped: v.swapped ? 1 : undefined,
        },
        named(v.feature),
      );
      return [p];
    }
    case 'swapped':
      return [errorOf('coordinate-out-of-range', { sample: sample(v.sample), swapped: 1 }, named(v.feature))];
    case 'out-of-range':
      return [errorOf('coordinate-out-of-range', { sample: sample(v.sample) }, named(v.feature))];
  }
}

/**
 * Reads one layer file. `opts.crs` overrides the file's own CRS; `opts.defaultCrs` applies when the
 * file declares none. Features come back in lon/lat; `crs` says what they were in.
 */
export async function readLayerFile(
  fileName: string,
  input: Uint8Array | OwnedBytes,
  opts: ReadOptions & { hintLon?: number } = {},
): Promise<ReadResult> {
  const file = fileName;
  const owned: OwnedBytes = input instanceof Uint8Array ? { bytes: input } : input;
  const closeSource = owned.source;
  try {
    const source = owned.bytes ? undefined : owned.source;
    owned.source = undefined;
    let bytes = owned.bytes ?? EMPTY_BYTES;
    const size = source ? source.size : bytes.length;
    const limit = opts.maxBytes ?? MAX_FILE_BYTES;
    if (size > limit) {
      return {
        features: [],
        crs: 'EPSG:4326',
        problems: [fileTooLarge(file, size, limit)],
      };
    }
    if (opts.signal?.aborted) return abortedResult(file);
    opts.onProgress?.(0);
    if (source) {
      // The first bytes tell the format, unless it is an archive (whose listing needs it whole).
      const buf = new Uint8Array(Math.min(size, 64 * 1024));
      const head = buf.subarray(0, source.read(buf, 0));
      bytes = looksLikeZip(head) ? source.readAll() : head;
    }
    const format = await detectFormat(fileName, bytes);
    if (!format)
      return { features: [], crs: 'EPSG:4326', problems: [errorOf('unknown-format', {}, { file })] };
    let raw: RawLayer | undefined;
    if (source && bytes.length < size) {
      if (format === 'geojson' && size > CHUNKED_GEOJSON_BYTES) {
        const streamed = readFeatureCollectionStream(source, {
          file: fileName,
          signal: opts.signal,
          onProgress: (f) => opts.onProgress?.(f * 0.45),
          flat: opts.flat,
        });
        if (streamed === 'aborted') return abortedResult(file);
        raw = streamed;
      }
      // Any other format, or GeoJSON the windows cannot read as the whole file would: read whole.
      bytes = raw ? EMPTY_BYTES : source.readAll();
    }
    raw ??= await readRaw(format, fileName, bytes, opts);
    // The file's bytes are no longer needed: let the collector have them before the reprojection
    // and the checks (for 100 000 parcels, 22.6 MB of the peak).
    owned.bytes = undefined;
    bytes = EMPTY_BYTES;
    if (opts.signal?.aborted) return abortedResult(file);
    // Values nested past any map data's need cannot be cloned to the page or walked: refuse the file.
    // (The chunked GeoJSON reader counted the levels as it scanned: no walk when they are few.)
    const levels = nestingDepth(raw);
    const tooDeep = levels !== undefined && levels <= MAX_NESTING ? [] : tooDeepProblems(raw.features, file);
    if (tooDeep.length > 0) return { features: [], crs: 'EPSG:4326', problems: tooDeep, format };
    opts.onProgress?.(0.5);
    const wellFormed = nullMalformedGeometries(raw.features, file);
    raw.features = wellFormed.features;
    // A .prj that cannot be read is no error when the caller names the CRS: nothing is guessed then.
    const rawProblems = opts.crs
      ? raw.problems.map((p) =>
          p.code === 'prj-not-understood' ? { ...p, severity: 'warning' as const } : p,
        )
      : raw.problems;
    const problems: IoProblem[] = [...rawProblems, ...wellFormed.problems];
    if (raw.features.length === 0 && !problems.some((p) => p.severity === 'error')) {
      problems.push(errorOf('empty', {}, { file }));
    }
    const chosen = chooseCrs(raw, opts, file);
    problems.push(...chosen.problems);
    const info = resolveIoCrs(chosen.crs);
    let features = raw.features;
    if (info?.geographic) {
      problems.push(...geographicProblems(features, file, opts.hintLon));
    } else if (info) {
      const res = await reprojectFeatures(features, crsTransforms(info.code).toLonLat, {
        arrays: crsArrayTransforms(info.code).toLonLat,
        sourceCrs: info.code,
        // raw.features are this read's own, made above
        inPlace: true,
        signal: opts.signal,
        onProgress: (f) => opts.onProgress?.(0.5 + f / 2),
      });
      if (res.aborted) return abortedResult(file);
      features = res.features;
      for (const i of res.failed.slice(0, 100)) {
        problems.push(errorOf('reproject-failed', { crs: info.code }, { file, feature: i }));
      }
    }
    opts.onProgress?.(1);
    return { features, crs: chosen.crs, problems, format, fileCrs: raw.fileCrs };
  } catch (e) {
    return {
      features: [],
      crs: 'EPSG:4326',
      problems: [errorOf('read-failed', { detail: describeError(e) }, { file })],
    };
  } finally {
    closeSource?.close();
  }
}
