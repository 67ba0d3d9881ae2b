// A zipped Shapefile (or its parts handed over separately) → features in the file's own CRS.
import type { Feature } from 'geojson';
import { describeError, errorOf, warningOf, type IoProblem } from '../problem.ts';
import { makeFeature, type RawLayer } from '../read-types.ts';
import { decodeText, encodingFromCpg, type TextEncodingName } from '../text-encoding.ts';
import { extensionOf, listZip, stripExtension, unzipSync, zipProblemParams } from '../zip.ts';
import { readDbf, type DbfTable } from './dbf.ts';
import { crsFromPrj } from './prj.ts';
import { readShp, type ShpReadResult } from './shp.ts';

/** An encoding as people name it: "GBK", "Big5", "Windows-1252", "CP437". */
function encodingLabel(enc: string): string {
  const named: Record<string, string> = { big5: 'Big5', 'utf-8': 'UTF-8' };
  return named[enc] ?? (enc.startsWith('windows-') ? `Windows-${enc.slice(8)}` : enc.toUpperCase());
}

export interface ShapefileParts {
  shp?: Uint8Array;
  dbf?: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
}

export function readShapefileParts(
  parts: ShapefileParts,
  file: string,
  encoding?: TextEncodingName,
): RawLayer {
  const problems: IoProblem[] = [];
  if (!parts.shp) {
    return { features: [], problems: [errorOf('shapefile-missing-part', { part: '.shp' }, { file })] };
  }
  let shp: ShpReadResult;
  try {
    shp = readShp(parts.shp);
  } catch (e) {
    return {
      features: [],
      problems: [errorOf('shapefile-corrupt', { part: '.shp', detail: describeError(e) }, { file })],
    };
  }
  if (shp.truncatedAt !== undefined) {
    problems.push(
      errorOf(
        'shapefile-corrupt',
        {
          part: '.shp',
          detail: `在第 ${shp.truncatedAt} 个图形处中断 / cut off at shape ${shp.truncatedAt}`,
        },
        { file },
      ),
    );
  }
  for (const b of shp.broken) {
    problems.push(
      errorOf('shapefile-corrupt', { part: '.shp', detail: b.detail }, { file, feature: b.index }),
    );
  }

  let table: DbfTable | undefined;
  if (!parts.dbf) {
    problems.push(warningOf('shapefile-missing-part', { part: '.dbf' }, { file }));
  } else {
    const cpgText = parts.cpg ? decodeText(parts.cpg, 'utf-8').text.trim() : undefined;
    const cpgEncoding = cpgText ? encodingFromCpg(cpgText) : undefined;
    if (cpgText && !cpgEncoding) {
      problems.push(warningOf('cpg-not-understood', { cpg: cpgText.slice(0, 40) }, { file }));
    }
    try {
      table = readDbf(parts.dbf, { declared: cpgEncoding, fallback: encoding }, shp.geometries.length);
      if (table.guessed) {
        problems.push(warningOf('encoding-guessed', { encoding: encodingLabel(table.encoding) }, { file }));
      }
    } catch (e) {
      problems.push(errorOf('shapefile-corrupt', { part: '.dbf', detail: describeError(e) }, { file }));
    }
  }
  if (table && table.declared !== shp.geometries.length && shp.truncatedAt === undefined) {
    problems.push(
      warningOf(
        'shapefile-record-mismatch',
        { shapes: shp.geometries.length, records: table.declared },
        { file },
      ),
    );
  }

  const features: Feature[] = shp.geometries.map((geometry, i) =>
    makeFeature(geometry, table?.records[i] ?? {}),
  );

  let fileCrs: string | undefined;
  if (parts.prj) {
    const wkt = decodeText(parts.prj).text;
    const res = crsFromPrj(wkt);
    if (res.crs) fileCrs = res.crs;
    else problems.push(errorOf('prj-not-understood', { crs: res.name, reason: res.reason }, { file }));
  }
  return { features, fileCrs, problems };
}

export async function readZippedShapefile(
  bytes: Uint8Array,
  file: string,
  encoding?: TextEncodingName,
): Promise<RawLayer> {
  let files: Map<string, Uint8Array>;
  let shps: string[];
  let base: string;
  try {
    // Only the parts of the first layer are unpacked; the rest of the archive is merely listed.
    shps = listZip(bytes)
      .filter((n) => extensionOf(n) === 'shp')
      .sort();
    base = shps.length > 0 ? stripExtension(shps[0]!) : '';
    files = unzipSync(bytes, {
      wanted: (n) => stripExtension(n) === base && ['shp', 'dbf', 'prj', 'cpg'].includes(extensionOf(n)),
    }).files;
  } catch (e) {
    const { code, params } = zipProblemParams(e);
    return { features: [], problems: [errorOf(code, params, { file })] };
  }
  if (shps.length === 0) {
    return { features: [], problems: [errorOf('shapefile-missing-part', { part: '.shp' }, { file })] };
  }
  const part = (ext: string): Uint8Array | undefined => {
    for (const [name, data] of files) {
      if (stripExtension(name) === base && extensionOf(name) === ext) return data;
    }
    return undefined;
  };
  const layer = readShapefileParts(
    { shp: part('shp'), dbf: part('dbf'), prj: part('prj'), cpg: part('cpg') },
    file,
    encoding,
  );
  if (shps.length > 1) {
    layer.problems.push(warningOf('multiple-layers', { count: shps.length, used: shps[0] }, { file }));
  }
  return layer;
}
