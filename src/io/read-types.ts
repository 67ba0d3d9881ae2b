// What every reader returns: features still in the file's own CRS, plus what it knows of that CRS.
import type { Feature, Geometry } from 'geojson';
import type { IoProblem } from './problem.ts';

export interface RawLayer {
  features: Feature[];
  /** the CRS the file itself declares (.prj, GeoJSON crs member); undefined when it says nothing */
  fileCrs?: string;
  /** set when the file format fixes the CRS regardless of any setting (KML is always WGS84) */
  fixedCrs?: string;
  problems: IoProblem[];
}

export interface ReadOptions {
  /** the CRS to use whatever the file says (a layer's crs, `--crs`) */
  crs?: string;
  /** the CRS to use when the file says nothing (the project's crs) */
  defaultCrs?: string;
  /** text encoding for .dbf/.csv when the file does not say: 'utf-8' or 'gbk' */
  encoding?: 'utf-8' | 'gbk';
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /**
   * Large GeoJSON polygons as flat typed arrays (core/flat-coords.ts FlatGeometry), for callers that
   * keep the features to themselves: the CLI and the import worker (which hands plain ones on).
   */
  flat?: boolean;
  /** refuse files larger than this many bytes (default MAX_FILE_BYTES, 500 MB) */
  maxBytes?: number;
  /** a loose .shp's companions (.dbf, .prj, .cpg), found beside it by the caller */
  sidecars?: { dbf?: Uint8Array; prj?: Uint8Array; cpg?: Uint8Array };
}

/**
 * Builds a feature. GeoJSON allows a null geometry, but the shared Feature type (from @types/geojson)
 * does not say so; every consumer in zonemap checks for null, so the cast is safe.
 */
export function makeFeature(geometry: Geometry | null, properties: Record<string, unknown> | null): Feature {
  return { type: 'Feature', geometry: geometry as Geometry, properties };
}

/**
 * A file read a window at a time (the command's large GeoJSON, so that its bytes are never held
 * whole); `readAll` gives the whole file where a format or a problem needs it.
 */
export interface ByteSource {
  readonly size: number;
  /** up to `into.length` bytes from `position` into `into`; how many (0 at the end) */
  read(into: Uint8Array, position: number): number;
  readAll(): Uint8Array;
  /** called once the reader is done with it */
  close(): void;
}
