// Loads a project into the store: the bundled sample by default, or one the user opens.
import type { Project, ProjectLayer } from '../core/types.ts';
import { clearCurrentProject, createAutosave, loadCurrentProject } from './persist.ts';
import { store } from './store.ts';
import { analysisClient } from './analysis.ts';

// The samples' files are emitted as assets and fetched when one is opened, so they stay out of the
// JS bundle. Every sample is synthetic (示例数据，非官方), placed at its county's real location.
const SAMPLE_FILES = import.meta.glob('../../data/*/**/*', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The sample projects under data/, in the order the picker lists them; luoshan opens by default. */
export const SAMPLES = [
  { id: 'luoshan', zh: '罗山县产业集聚区', en: 'Luoshan county' },
  { id: 'yichuan', zh: '伊川县产业集聚区', en: 'Yichuan county' },
  { id: 'lushan', zh: '鲁山县产业集聚区', en: 'Lushan county' },
  { id: 'changyuan', zh: '长垣县产业集聚区', en: 'Changyuan county' },
  { id: 'zhecheng', zh: '柘城县产业集聚区', en: 'Zhecheng county' },
] as const;
export type SampleId = (typeof SAMPLES)[number]['id'];
export const DEFAULT_SAMPLE: SampleId = 'luoshan';

export function isSampleId(s: string | null | undefined): s is SampleId {
  return SAMPLES.some((x) => x.id === s);
}

function sampleUrl(sample: SampleId, name: string): string | undefined {
  const key = Object.keys(SAMPLE_FILES).find((k) => k.endsWith(`/data/${sample}/${name}`));
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
  store.set({ status: 'ready', project, problems, visibility, opacity, selection: null });
}

export async function loadSampleProject(sample: SampleId = DEFAULT_SAMPLE): Promise<void> {
  store.set({ status: 'loading' });
  try {
    const manifestUrl = sampleUrl(sample, 'zonemap.json');
    if (!manifestUrl) throw new Error(`data/${sample}/zonemap.json is missing from the build`);
    const manifestText = new TextDecoder().decode(await fetchBytes(manifestUrl));
    const { loadProject } = await import('../io/project.ts');
    const { project, problems } = await loadProject(
      manifestText,
      async (name) => {
        const url = sampleUrl(sample, name);
        if (!url) throw new Error(`${name}: not bundled with the sample ${sample}`);
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
 * `?sample=ID` (e.g. ?sample=lushan) opens that sample instead, as a link to it would.
 */
let started = false;
export async function startProject(): Promise<void> {
  if (started) return;
  started = true;
  const asked = new URLSearchParams(location.search).get('sample');
  const saved = isSampleId(asked) ? undefined : await loadCurrentProject();
  if (saved) installProject(saved.project, []);
  else await loadSampleProject(isSampleId(asked) ? asked : DEFAULT_SAMPLE);
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

/** Drops the saved project and opens a bundled sample (the default one unless named). */
export async function resetToSample(sample: SampleId = DEFAULT_SAMPLE): Promise<void> {
  // Without IndexedDB (private mode) there is nothing saved to clear: open the sample all the same.
  const clear = () => clearCurrentProject().catch(() => undefined);
  await clear();
  await loadSampleProject(sample);
  await clear();
}
