// Opens a whole project the user hands over: a zonemap.json with its layer files (several files
// or a folder), or a project bundle (.zip) that zonemap exported. Returns false when the files are
// not a project, so the caller imports them as layers instead.
import type { Problem } from '../core/types.ts';
import { installProject } from './load-project.ts';

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export async function openProjectFiles(files: File[]): Promise<{ opened: boolean; problems: Problem[] }> {
  const manifest = files.find((f) => baseName(f.name) === 'zonemap.json');
  if (manifest) {
    // Read in the import worker: layer files may be zips, and zips are never unpacked on the page.
    const { openManifestInWorker } = await import('../worker/import-client.ts');
    const { project, problems } = await openManifestInWorker(manifest, files);
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
