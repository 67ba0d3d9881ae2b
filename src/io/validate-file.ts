// Reads a file and validates what it holds: the problems of reading (JSON syntax, format, CRS) and
// of every feature. What `zonemap validate` and the import dialog show.
import type { Feature } from 'geojson';
import type { Problem } from '../core/types.ts';
import type { IoProblem } from './problem.ts';
import { readLayerFile, type ReadOptions } from './read.ts';
import { validateFeatures } from './validate.ts';

export interface FileValidation {
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
  features: Feature[];
  crs: string;
}

// Once the read has judged the coordinates as a whole, per-feature range errors would only repeat it.
const COORDINATE_VERDICTS = new Set(['projected-without-crs', 'coordinate-out-of-range']);

export async function validateLayerFile(
  fileName: string,
  bytes: Uint8Array,
  opts: ReadOptions & { hintLon?: number } = {},
): Promise<FileValidation> {
  const read = await readLayerFile(fileName, bytes, opts);
  const problems: Problem[] = [...read.problems];
  const verdict = read.problems.some((p) => COORDINATE_VERDICTS.has(p.code));
  const fatal = read.features.length === 0 && read.problems.some((p) => p.severity === 'error');
  if (!fatal) {
    let found: IoProblem[] = validateFeatures(read.features, { file: fileName, geographic: !verdict });
    if (verdict) found = found.filter((p) => p.code !== 'coordinate-out-of-range');
    problems.push(...found);
  }
  const errors = problems.filter((p) => p.severity === 'error');
  return {
    valid: errors.length === 0,
    errors,
    warnings: problems.filter((p) => p.severity === 'warning'),
    features: read.features,
    crs: read.crs,
  };
}
