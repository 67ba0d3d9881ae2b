// Opens a whole project the user hands over: a zonemap.json with its layer files (several files
// or a folder), or a project bundle (.zip) that zonemap exported. Returns false when the files are
// not a project, so the caller imports them as layers instead.
import type { Problem } from '../core/types.ts';
import { installProject } from './load-project.ts';
import { layerSize, layerTooLargeProblem, overBudget } from './layer-budget.ts';

/** A project holding a layer above the tab's budget is refused whole, before it is drawn or saved. */
function tooLarge(project: {
  layers: { file: string; features: Parameters<typeof layerSize>[0] }[];
}): Problem[] {
  const out: Problem[] = [];
  for (const l of project.layers) {
    const size = layerSize(l.features);
    if (overBudget(size)) out.push(layerTooLargeProblem(l.file, size));
  }
  return out;
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export async function openProjectFiles(files: File[]): Promise<{ opened: boolean; problems: Problem[] }> {
  const manifest = files.find((f) => baseName(f.name) === 'zonemap.json');
  if (manifest) {
    const { loadProject } = await import('../io/project.ts');
    const byName = new Map(files.map((f) => [baseName(f.name), f]));
    const { project, problems } = await loadProject(
      await manifest.text(),
      async (name) => {
        const f = byName.get(baseName(name));
        if (!f) throw new Error(`${name}: 未随 zonemap.json 一起选择，请把项目文件夹里的所有文件一起选中`);
        return new Uint8Array(await f.arrayBuffer());
      },
      { manifestName: manifest.name },
    );
    const refused = project ? tooLarge(project) : [];
    if (refused.length) return { opened: false, problems: refused };
    if (project) installProject(project, problems);
    return { opened: project !== null, problems };
  }
  const zip = files.length === 1 && /\.zip$/i.test(files[0]!.name) ? files[0]! : undefined;
  if (zip) {
    const { loadProjectBundle } = await import('../io/export/project-bundle.ts');
    const { project, problems } = await loadProjectBundle(new Uint8Array(await zip.arrayBuffer()));
    const refused = project ? tooLarge(project) : [];
    if (refused.length) return { opened: false, problems: refused };
    if (project) {
      installProject(project, problems);
      return { opened: true, problems };
    }
    if (!problems.some((p) => p.code === 'not-a-bundle')) return { opened: false, problems };
  }
  return { opened: false, problems: [] };
}
