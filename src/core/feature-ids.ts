// Stable feature ids: every feature of a layer carries a GeoJSON `id` unique in its layer, so a
// selection, an edit or a link names the feature itself, not its place in the list. A file's own
// id is kept when it is usable (a string or finite number, unique in the layer); the others get
// one generated that no kept id uses: its index where it can.
import type { Feature } from 'geojson';

export type FeatureId = string | number;

const usable = (id: unknown): id is FeatureId =>
  (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id));

/**
 * The features with ids; the same array when every feature had a usable, unique id already. A
 * feature without one gets its index as id (a link by index, ?select=layer/3, then still names it),
 * or a fresh "f…" text where a kept id reads as that index. Ids are compared as text, as links do.
 */
export function withFeatureIds(features: readonly Feature[]): Feature[] {
  const count = new Map<string, number>();
  for (const f of features) if (usable(f.id)) count.set(String(f.id), (count.get(String(f.id)) ?? 0) + 1);
  // No feature brings an id (a large import, as a rule): each takes its index, with no set of taken
  // ids to keep (the general way below gives the same ids, in a third of a second more for 300 000).
  if (count.size === 0 && features.length > 0) return features.map((f, i) => ({ ...f, id: i }));
  const keeps = (f: Feature) => usable(f.id) && count.get(String(f.id)) === 1;
  if (features.every(keeps)) return features as Feature[];
  // Ids seen more than once are dropped everywhere: no copy wins over another by its position.
  const taken = new Set<string>();
  for (const f of features) if (keeps(f)) taken.add(String(f.id));
  let next = 1;
  const fresh = (i: number): FeatureId => {
    if (!taken.has(String(i))) {
      taken.add(String(i));
      return i;
    }
    while (taken.has(`f${next}`)) next++;
    taken.add(`f${next}`);
    return `f${next}`;
  };
  // Kept ids are all taken before any is generated, so a generated one never shadows a later one.
  return features.map((f, i) => (keeps(f) ? f : { ...f, id: fresh(i) }));
}

/** The index of the feature with this id, or -1. */
export function featureIndexById(features: readonly Feature[], id: FeatureId): number {
  return features.findIndex((f) => f.id === id);
}
