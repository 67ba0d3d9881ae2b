// Naming for new layers; the changes themselves are commands (commands.ts).
import type { Project } from '../core/types.ts';

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
