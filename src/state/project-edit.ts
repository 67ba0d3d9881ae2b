// Pure operations on a project that the UI applies through the store: each returns a new Project.
import type { Feature, Project, ProjectLayer } from '../core/types.ts';

/** A layer id not yet used in the project, derived from a file name. */
export function uniqueLayerId(project: Project, fileName: string): string {
  const base =
    fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'layer';
  const used = new Set(project.layers.map((l) => l.id));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function addLayer(project: Project, layer: ProjectLayer): Project {
  return { ...project, layers: [...project.layers, layer] };
}

/** Replaces one feature of one layer. */
export function replaceFeature(project: Project, layerId: string, index: number, feature: Feature): Project {
  return {
    ...project,
    layers: project.layers.map((l) =>
      l.id === layerId ? { ...l, features: l.features.map((f, i) => (i === index ? feature : f)) } : l,
    ),
  };
}
