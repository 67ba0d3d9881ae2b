// A project with one vertex of its planned zone nudged: a new feature and layer object, the other
// layers untouched, as an editor's immutable update makes it.
import { fieldValue, zoneCategory } from '../src/core/fields.ts';
import type { Polygon, Project } from '../src/core/types.ts';

export function zoneFeatureMoved(project: Project, step: number): Project {
  const layers = project.layers.map((layer) => {
    if (layer.role !== 'zone') return layer;
    const features = layer.features.map((f) => {
      if (zoneCategory(fieldValue(layer, f, 'category')) !== 'planned' || f.geometry?.type !== 'Polygon')
        return f;
      const g = f.geometry as Polygon;
      const ring = g.coordinates[0]!.map((p) => [...p]);
      const k = 1 + (step % (ring.length - 2));
      ring[k] = [ring[k]![0]! + 0.00001 * ((step % 3) - 1), ring[k]![1]! + 0.00001];
      return { ...f, geometry: { type: 'Polygon' as const, coordinates: [ring, ...g.coordinates.slice(1)] } };
    });
    return { ...layer, features };
  });
  return { ...project, layers };
}
