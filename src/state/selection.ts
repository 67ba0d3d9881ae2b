// A selection names a feature by its stable id (core/feature-ids.ts); the map and the problem list
// count features by index, so these convert at their edges.
import type { Project, ProjectLayer } from '../core/types.ts';
import type { Selection } from './store.ts';

/** The selection of the feature at `index`; by index only for a feature without id (never loaded). */
export function selectionAt(layer: ProjectLayer, index: number): Selection | null {
  const f = layer.features[index];
  return f ? { layerId: layer.id, featureId: f.id ?? index } : null;
}

/** The selected feature, its layer and where it stands in the layer now; null when it is gone. */
export function selected(project: Project | null, selection: Selection | null) {
  if (!project || !selection) return null;
  const layer = project.layers.find((l) => l.id === selection.layerId);
  if (!layer) return null;
  const index = layer.features.findIndex((f, i) => (f.id ?? i) === selection.featureId);
  const feature = layer.features[index];
  return feature ? { layer, index, feature } : null;
}
