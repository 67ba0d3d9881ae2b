// Opens a whole project the user hands over: a zonemap.json with its layer files (several files
// or a folder), or a project bundle (.zip) that zonemap exported. Returns false when the files are
// not a project, so the caller imports them as layers instead.
import type { Problem } from '../core/types.ts';
import { installProject } from './load-project.ts';

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
    if (project) installProject(project, problems);
    return { opened: project !== null, problems };
  }
  const zip = files.length === 1 && /\.zip$/i.test(files[0]!.name) ? files[0]! : undefined;
  if (zip) {
    // Unpacked in the import worker: a zip bomb must not reach the page's memory.
    const { openBundleInWorker } = await import('../worker/import-client.ts');
    const { bundle, project, problems } = await openBundleInWorker(zip);
    if (project) {
      installProject(project, problems);
      return { opened: true, problems };
    }
    if (bundle) return { opened: false, problems };
  }
  return { opened: false, problems: [] };
}
