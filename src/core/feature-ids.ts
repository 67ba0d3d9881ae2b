// Stable feature ids: every feature of a layer carries a GeoJSON `id` unique in its layer, so a
// selection, an edit or a link names the feature itself, not its place in the list. A file's own
// id is kept when it is usable (a string or finite number, unique in the layer); the others get
// one generated that no kept id uses.
import type { Feature } from 'geojson';

export type FeatureId = string | number;

const usable = (id: unknown): id is FeatureId =>
  (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id));

/** The features with ids; the same array when every feature had a usable, unique id already. */
export function withFeatureIds(features: readonly Feature[]): Feature[] {
  const count = new Map<FeatureId, number>();
  for (const f of features) if (usable(f.id)) count.set(f.id, (count.get(f.id) ?? 0) + 1);
  if (count.size === features.length && [...count.values()].every((n) => n === 1))
    return features as Feature[];
  // Ids seen more than once are dropped everywhere: no copy wins over another by its position.
  const taken = new Set<string>();
  for (const [id, n] of count) if (n === 1) taken.add(String(id));
  let next = 1;
  const fresh = (): string => {
    while (taken.has(`f${next}`)) next++;
    taken.add(`f${next}`);
    return `f${next}`;
  };
  return features.map((f) => (usable(f.id) && count.get(f.id) === 1 ? f : { ...f, id: fresh() }));
}

/** The index of the feature with this id, or -1. */
export function featureIndexById(features: readonly Feature[], id: FeatureId): number {
  return features.findIndex((f) => f.id === id);
}
