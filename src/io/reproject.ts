// Reprojects features to lon/lat in chunks, so a Worker can report progress and notice a cancel
// between chunks. Properties are shared, not copied: only geometry objects are new.
import type { Feature, Geometry } from 'geojson';
import { mapPositions, type PointTransform } from '../core/crs.ts';

const CHUNK = 20_000;

export function reprojectGeometry(g: Geometry | null, f: PointTransform): Geometry | null {
  if (!g) return g;
  if (g.type === 'GeometryCollection') {
    return { ...g, geometries: (g.geometries ?? []).map((part) => reprojectGeometry(part, f)!) };
  }
  return { ...g, coordinates: mapPositions(g.coordinates, f) } as Geometry;
}

function allFinite(g: Geometry | null): boolean {
  if (!g) return true;
  if (g.type === 'GeometryCollection') return g.geometries.every(allFinite);
  const walk = (c: unknown): boolean =>
    Array.isArray(c) ? c.every((x) => (typeof x === 'number' ? Number.isFinite(x) : walk(x))) : true;
  return walk(g.coordinates);
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function reprojectFeatures(
  features: readonly Feature[],
  transform: PointTransform,
  opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<{ features: Feature[]; failed: number[]; aborted: boolean }> {
  const out: Feature[] = new Array(features.length);
  const failed: number[] = [];
  for (let start = 0; start < features.length; start += CHUNK) {
    if (opts.signal?.aborted) return { features: [], failed, aborted: true };
    const stop = Math.min(features.length, start + CHUNK);
    for (let i = start; i < stop; i++) {
      const feature = features[i]!;
      let geometry: Geometry | null;
      try {
        geometry = reprojectGeometry(feature.geometry, transform);
        if (!allFinite(geometry)) failed.push(i);
      } catch {
        // Malformed coordinates (strings, missing numbers) are left as they were; validation names them.
        geometry = feature.geometry;
        failed.push(i);
      }
      out[i] = { ...feature, geometry: geometry as Geometry };
    }
    opts.onProgress?.(stop / features.length);
    if (stop < features.length) await yieldToEvents();
  }
  return { features: out, failed, aborted: false };
}
