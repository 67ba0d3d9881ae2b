// Reads a file and validates what it holds: the problems of reading (JSON syntax, format, CRS) and
// of every feature. What `zonemap validate` and the import dialog show.
import type { Feature } from 'geojson';
import { isGaussKruger } from '../core/plane.ts';
import type { Problem } from '../core/types.ts';
import type { IoProblem } from './problem.ts';
import { readLayerFile, type ReadOptions, type ReadResult } from './read.ts';
import type { LayerRole } from '../core/types.ts';
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

/** The per-feature checks after a read, skipping what the read's own verdict already says. */
export function featureProblems(
  read: Pick<ReadResult, 'features' | 'problems'> & { crs?: string },
  opts: { file?: string; layer?: string; role?: LayerRole; figuresOnly?: boolean } = {},
): IoProblem[] {
  const verdict = read.problems.some((p) => COORDINATE_VERDICTS.has(p.code));
  const fatal = read.features.length === 0 && read.problems.some((p) => p.severity === 'error');
  if (fatal) return [];
  // Data drawn in a Gauss-Kruger plane are judged in it (the plane `area --area plane` measures in).
  const plane = isGaussKruger(read.crs) ? { plane: read.crs! } : {};
  const found = validateFeatures(read.features, { ...opts, ...plane, geographic: !verdict });
  return verdict ? found.filter((p) => p.code !== 'coordinate-out-of-range') : found;
}

export async function validateLayerFile(
  fileName: string,
  bytes: Uint8Array,
  opts: ReadOptions & { hintLon?: number } = {},
): Promise<FileValidation> {
  const read = await readLayerFile(fileName, bytes, opts);
  const problems: Problem[] = [...read.problems, ...featureProblems(read, { file: fileName })];
  const errors = problems.filter((p) => p.severity === 'error');
  return {
    valid: errors.length === 0,
    errors,
    warnings: problems.filter((p) => p.severity === 'warning'),
    features: read.features,
    crs: read.crs,
  };
}
