// Loads a project into the store: the bundled sample by default, or one the user opens.
import type { Project, ProjectLayer } from '../core/types.ts';
import { clearCurrentProject, createAutosave, loadCurrentProject } from './persist.ts';
import { store } from './store.ts';
import { analysisClient } from './analysis.ts';

// The sample's files are emitted as assets and fetched on start, so they stay out of the JS bundle.
const SAMPLE_FILES = import.meta.glob('../../data/luoshan/*', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function sampleUrl(name: string): string | undefined {
  const key = Object.keys(SAMPLE_FILES).find((k) => k.endsWith(`/data/luoshan/${name}`));
  return key ? SAMPLE_FILES[key] : undefined;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status} ${url}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Layers shown when a project opens: plans, land use and farmland are there to be switched on. */
export function initiallyVisible(layer: ProjectLayer): boolean {
  return (
    layer.role !== 'plan' &&
    layer.role !== 'landuse' &&
    !(layer.role === 'constraint' && layer.kind === 'basic-farmland')
  );
}

export function installProject(project: Project, problems: ReturnType<typeof store.get>['problems']): void {
  const visibility: Record<string, boolean> = {};
  const opacity: Record<string, number> = {};
  for (const l of project.layers) {
    visibility[l.id] = initiallyVisible(l);
    opacity[l.id] = 1;
  }
  // The manifest's area method is the page's too (the command line honours it the same way).
  store.set({
    status: 'ready',
    project,
    problems,
    visibility,
    opacity,
    selection: null,
    areaMethod: project.areaMethod,
  });
}

export async function loadSampleProject(): Promise<void> {
  store.set({ status: 'loading' });
  try {
    const manifestUrl = sampleUrl('zonemap.json');
    if (!manifestUrl) throw new Error('data/luoshan/zonemap.json is missing from the build');
    const manifestText = new TextDecoder().decode(await fetchBytes(manifestUrl));
    const { loadProject } = await import('../io/project.ts');
    const { project, problems } = await loadProject(
      manifestText,
      async (name) => {
        const url = sampleUrl(name);
        if (!url) throw new Error(`${name}: not bundled with the sample`);
        return fetchBytes(url);
      },
      { manifestName: 'zonemap.json' },
    );
    if (!project) {
      store.set({ status: 'error', problems });
      return;
    }
    installProject(project, problems);
  } catch (err) {
    store.set({
      status: 'error',
      problems: [
        {
          code: 'load-failed',
          severity: 'error',
          file: 'zonemap.json',
          message: String((err as Error).message ?? err),
        },
      ],
    });
  }
}

/**
 * On start: the project saved from the last session (imports, edits) if there is one, else the
 * sample. Afterwards every change of the project is saved, so a reload or a crash loses nothing.
 */
let started = false;
export async function startProject(): Promise<void> {
  if (started) return;
  started = true;
  const saved = await loadCurrentProject();
  if (saved) installProject(saved.project, []);
  else await loadSampleProject();
  let last = store.get().project;
  const client = analysisClient();
  const autosave = createAutosave((p) => client.persist(p));
  store.subscribe(() => {
    const p = store.get().project;
    if (p && p !== last) autosave.schedule(p);
    last = p;
  });
  addEventListener('pagehide', () => void autosave.flush());
}

/** Drops the saved project and opens the bundled sample again. */
export async function resetToSample(): Promise<void> {
  // Without IndexedDB (private mode) there is nothing saved to clear: open the sample all the same.
  const clear = () => clearCurrentProject().catch(() => undefined);
  await clear();
  await loadSampleProject();
  await clear();
}
