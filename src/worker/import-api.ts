// What the import worker does: read a file (any format io knows), then check its geometry, all off
// the page's thread. A cancel terminates the worker, which stops even a long JSON.parse.
import type { Feature } from 'geojson';
import type { Problem } from '../core/types.ts';
import { MAX_FILE_BYTES, readLayerFile, type ReadOptions } from '../io/read.ts';
import { featureProblems } from '../io/validate-file.ts';
import { errorOf } from '../io/problem.ts';
import { layerSize, layerTooLargeProblem, overBudget } from '../state/layer-budget.ts';
import { featuresOffsetToWgs84, swapAxes, type OffsetSystem } from '../io/coords/offset-systems.ts';

export interface ImportOptions {
  crs?: string;
  defaultCrs?: string;
  hintLon?: number;
  encoding?: ReadOptions['encoding'];
  /** the data is in an offset system (AMap/Tencent GCJ-02, Baidu BD-09) */
  offset?: OffsetSystem;
  /** the file has northing first (CAD, some shapefiles) */
  swapAxes?: boolean;
}

export interface ImportResult {
  features: Feature[];
  crs: string;
  format?: string;
  problems: Problem[];
}

/** Features cross to the page in batches so no single message blocks it for long. */
export const FEATURE_BATCH = 10_000;

/**
 * Reads and checks a file. With `onFeatures`, the features are handed over batch by batch (each
 * awaited) and the result's `features` is empty; the page concatenates the batches.
 */
export async function importFile(
  file: Blob & { name: string },
  opts: ImportOptions,
  onProgress?: (fraction: number) => void,
  onFeatures?: (batch: Feature[]) => Promise<void> | void,
): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    return {
      features: [],
      crs: opts.crs ?? 'EPSG:4326',
      problems: [
        errorOf(
          'file-too-large',
          { sizeMB: mb(file.size), limitMB: mb(MAX_FILE_BYTES) },
          { file: file.name },
        ),
      ],
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  onProgress?.(0.05);
  const read = await readLayerFile(file.name, bytes, {
    crs: opts.crs,
    defaultCrs: opts.defaultCrs,
    hintLon: opts.hintLon,
    encoding: opts.encoding,
    onProgress: (f) => onProgress?.(0.05 + f * 0.8),
  });
  // Above what the tab can hold, the layer is refused here: nothing crosses to the page, nothing
  // is checked further or saved, and the message says the limit.
  const size = layerSize(read.features);
  if (overBudget(size)) {
    onProgress?.(1);
    return {
      features: [],
      crs: read.crs,
      format: read.format,
      problems: [layerTooLargeProblem(file.name, size)],
    };
  }
  let features = read.features;
  if (opts.swapAxes) features = swapAxes(features);
  if (opts.offset) features = featuresOffsetToWgs84(features, opts.offset);
  const problems: Problem[] = [
    ...read.problems,
    ...featureProblems({ features, problems: read.problems }, { file: file.name }),
  ];
  if (onFeatures) {
    for (let i = 0; i < features.length; i += FEATURE_BATCH)
      await onFeatures(features.slice(i, i + FEATURE_BATCH));
    features = [];
  }
  onProgress?.(1);
  return { features, crs: read.crs, format: read.format, problems };
}
