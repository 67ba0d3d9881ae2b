// Reprojects features to lon/lat in chunks, so a Worker can report progress and notice a cancel
// between chunks. Properties are shared, not copied: only geometry objects are new.
import type { Feature, Geometry } from 'geojson';
import { mapPositions, type ArrayTransform, type PointTransform } from '../core/crs.ts';
import {
  FlatGeometry,
  flatGeometry,
  flatOf,
  setSourcePositions,
  withPositions,
} from '../core/flat-coords.ts';

const CHUNK = 20_000;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A transform that never throws: a missing or non-finite input stays non-finite (validation names
 * it as non-finite-coordinate) instead of keeping the source CRS's metres among lon/lat values.
 */
function guarded(f: PointTransform, onFailure: () => void): PointTransform {
  return (p) => {
    if (!finite(p[0]) || !finite(p[1])) return [NaN, NaN];
    try {
      const q = f(p);
      if (finite(q[0]) && finite(q[1])) return q;
    } catch {
      // outside the projection's domain
    }
    onFailure();
    return [NaN, NaN];
  };
}

export function reprojectGeometry(g: Geometry | null, f: PointTransform): Geometry | null {
  if (!g) return g;
  if (g.type === 'GeometryCollection') {
    return { ...g, geometries: (g.geometries ?? []).map((part) => reprojectGeometry(part, f)!) };
  }
  return { ...g, coordinates: mapPositions(g.coordinates, f) } as Geometry;
}

/** Positions of many geometries in a few large arrays: one allocation per 2 MB, not per geometry. */
class Store {
  private block = new Float64Array(0);
  private used = 0;
  take(n: number): Float64Array {
    if (this.used + n > this.block.length) {
      this.block = new Float64Array(Math.max(n, 1 << 18));
      this.used = 0;
    }
    const out = this.block.subarray(this.used, this.used + n);
    this.used += n;
    return out;
  }
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A geometry with flat coordinates (flat-coords.ts) converted in one pass over its array, other
 * members kept; the source positions stay with it under `sourceCrs`. Undefined when a position
 * fails (the caller then takes the point path, which names it).
 */
function reprojectFlat(
  g: Geometry,
  arrays: ArrayTransform,
  sourceCrs: string | undefined,
  store: Store,
  inPlace: boolean,
): Geometry | undefined {
  const flat = flatOf(g)!;
  const src = flat.xy;
  const xy = store.take(src.length);
  arrays(src, xy);
  for (let k = 0; k < xy.length; k++) if (!Number.isFinite(xy[k]!)) return undefined;
  if (inPlace && g instanceof FlatGeometry) {
    g.movePositions(xy, sourceCrs);
    return g;
  }
  const out = flatGeometry(withPositions(flat, xy), g as unknown as Record<string, unknown>);
  if (sourceCrs) setSourcePositions(out, sourceCrs, src);
  return out;
}

export async function reprojectFeatures(
  features: readonly Feature[],
  transform: PointTransform,
  opts: {
    signal?: AbortSignal;
    onProgress?: (fraction: number) => void;
    /** the same transform over arrays, for geometries read as flat coordinates */
    arrays?: ArrayTransform;
    /** the CRS converted from, remembered beside flat geometries */
    sourceCrs?: string;
    /**
     * the features are the caller's own (just read): flat geometries are moved in place and their
     * features kept, not copied (100 000 parcels: four objects each less to make and collect)
     */
    inPlace?: boolean;
  } = {},
): Promise<{ features: Feature[]; failed: number[]; aborted: boolean }> {
  const out: Feature[] = new Array(features.length);
  const store = new Store();
  const failed: number[] = [];
  for (let start = 0; start < features.length; start += CHUNK) {
    if (opts.signal?.aborted) return { features: [], failed, aborted: true };
    const stop = Math.min(features.length, start + CHUNK);
    for (let i = start; i < stop; i++) {
      const feature = features[i]!;
      if (opts.arrays && flatOf(feature.geometry)) {
        const g = reprojectFlat(feature.geometry, opts.arrays, opts.sourceCrs, store, opts.inPlace === true);
        if (g) {
          out[i] = g === feature.geometry ? feature : { ...feature, geometry: g };
          continue;
        }
      }
      let bad = false;
      const geometry = reprojectGeometry(
        feature.geometry,
        guarded(transform, () => (bad = true)),
      );
      if (bad) failed.push(i);
      out[i] = { ...feature, geometry: geometry as Geometry };
    }
    opts.onProgress?.(stop / features.length);
    if (stop < features.length) await yieldToEvents();
  }
  return { features: out, failed, aborted: false };
}
