import type { Feature } from 'geojson';

/** Every property name of the features, in the order first seen: the columns of a table export. */
export function propertyKeys(features: readonly Feature[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  return keys;
}
