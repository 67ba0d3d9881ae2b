import type { ProjectLayer } from '../core/types.ts';

/** A layer's display title: its kind's name where it has one, else its role's, plus the id. */
export function layerTitle(layer: ProjectLayer, td: (key: string, fallback: string) => string): string {
  if (layer.name) return layer.name;
  if (layer.kind) return td(`kind.${layer.kind}`, layer.kind);
  return td(`role.${layer.role}`, layer.id);
}
