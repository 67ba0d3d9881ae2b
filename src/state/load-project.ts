// Loads a project into the store: the bundled sample by default, or one the user opens.
import type { Problem, Project, ProjectLayer } from '../core/types.ts';
import { clearSavedProject, createAutosave, loadSavedProject } from './persist.ts';
import { claimProject, lastOpeningFailed, markOpening, setMarkerOwner } from './safe-start.ts';
import { setState, store } from './store.ts';
import { analysisClient } from './analysis.ts';
import { emptyHistory, type History } from './history.ts';
import { createHistoryTracker } from './history-save.ts';
import { withFeatureIds } from '../core/feature-ids.ts';

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

export function installProject(
  opened: Project,
  problems: ReturnType<typeof store.get>['problems'],
  history: History = emptyHistory(),
): void {
  const project = identified(opened);
  const visibility: Record<string, boolean> = {};
  const opacity: Record<string, number> = {};
  for (const l of project.layers) {
    visibility[l.id] = initiallyVisible(l);
    opacity[l.id] = 1;
  }
  // The manifest's area method is the page's too (the command line honours it the same way).
  setState({
    status: 'ready',
    project,
    problems,
    visibility,
    opacity,
    selection: null,
    pickStack: null,
    history,
    areaMethod: project.areaMethod,
  });
}

/** Every feature gets its stable id on load (the saved ones have theirs already: same objects). */
function identified(project: Project): Project {
  let changed = false;
  const layers = project.layers.map((l) => {
    const features = withFeatureIds(l.features);
    if (features === l.features) return l;
    changed = true;
    return { ...l, features };
  });
  return changed ? { ...project, layers } : project;
}

export async function loadSampleProject(sample: SampleId = DEFAULT_SAMPLE): Promise<void> {
  setState({ status: 'loading' });
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
      setState({ status: 'error', problems });
      return;
    }
    installProject(project, problems);
  } catch (err) {
    setState({
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
 * sample. The saved records are checked first; a damaged record, or a last opening that never
 * drew (the tab crashed or hung), opens safe mode instead of the map. Afterwards every change of
 * the project is saved as it happens, and the store says whether it is saved.
 */
let started = false;
let autosave: ReturnType<typeof createAutosave<Saving>> | null = null;
/** what one save writes: the project, its undo history and its problem list */
interface Saving {
  project: Project;
  history: History;
  problems: readonly Problem[];
}
/** set while a project that is saved already is installed, so it is not written again */
let quietInstall = false;

export async function startProject(): Promise<void> {
  if (started) return;
  started = true;
  const role = await claimProject(() =>
    setState((s) => (s.save.state === 'readonly' ? { save: { state: 'readonly', free: true } } : {})),
  );
  const owner = role === 'owner';
  setMarkerOwner(owner);
  const crashed = owner && lastOpeningFailed();
  const saved = await loadSavedProject();
  if (saved.kind === 'unreadable') {
    setState({
      status: 'safe',
      safe: {
        reason: 'unreadable',
        project: null,
        issues: [],
        error: { name: saved.name, message: saved.message },
      },
    });
  } else if (saved.kind === 'saved' && (crashed || saved.issues.length > 0 || !saved.project)) {
    setState({
      status: 'safe',
      safe: {
        reason: saved.issues.length > 0 || !saved.project ? 'damaged' : 'crashed',
        project: saved.project,
        issues: saved.issues,
        ...(saved.savedAt !== undefined ? { savedAt: saved.savedAt } : {}),
        ...(saved.history ? { history: saved.history } : {}),
        // checked against the layers recovered (saved-problems.ts): none of a layer left out
        ...(saved.savedProblems?.problems.length ? { problems: saved.savedProblems.problems } : {}),
      },
    });
  } else if (saved.kind === 'saved' && saved.project) {
    markOpening();
    // The undo history and the problem list were saved with the project (in one transaction):
    // Ctrl+Z goes on after a reload, and the problems found at import are still listed.
    installProject(saved.project, saved.savedProblems?.problems ?? [], saved.history);
    if (saved.historyLost)
      setState((s) => ({
        notices: [
          ...s.notices,
          '撤销记录无法读取，已清空；项目本身完好 (the undo history could not be read)',
        ],
      }));
    const problemsNotice = saved.problemsNotice;
    if (problemsNotice) setState((s) => ({ notices: [...s.notices, problemsNotice] }));
  } else {
    markOpening();
    await loadSampleProject();
  }
  if (!owner) {
    setState({ save: { state: 'readonly' } });
    return;
  }
  // What was opened from storage is saved already; the unchanged sample needs no saving.
  if (store.get().status === 'ready' && saved.kind === 'saved')
    setState({ save: { state: 'saved', at: saved.savedAt ?? Date.now() } });
  let last = store.get().project;
  let lastHistory = store.get().history;
  let lastProblems = store.get().problems;
  let lastIds = layerIds(last);
  const client = analysisClient();
  const tracker = createHistoryTracker();
  autosave = createAutosave<Saving>(
    async ({ project, history, problems }) => {
      const out = await client.persist(project, tracker.delta(history), undefined, problems);
      if (!out.ok) tracker.failed();
      return out;
    },
    (save) => setState({ save }),
  );
  store.subscribe(() => {
    const { project: p, history, problems } = store.get();
    if (p === last && history === lastHistory && problems === lastProblems) return;
    // Before scheduling: the save's own status update comes back through this listener.
    const projectChanged = p !== last;
    last = p;
    lastHistory = history;
    lastProblems = problems;
    if (!p || quietInstall) return;
    // A change of the history or the problem list alone (a capture closed, a visibility undone) is saved as well.
    if (!projectChanged) {
      autosave?.schedule({ project: p, history, problems });
      return;
    }
    // A new layer is drawn next: guard that drawing as a start is guarded. Removing a layer (or
    // undoing its import) draws nothing new, so it sets no marker a quick reload would trip on.
    const ids = layerIds(p);
    const before = new Set(lastIds.split('\n'));
    if (ids.split('\n').some((id) => !before.has(id))) markOpening();
    lastIds = ids;
    autosave?.schedule({ project: p, history, problems });
  });
}

const layerIds = (p: Project | null): string => (p ? p.layers.map((l) => l.id).join('\n') : '');

/** Safe mode's "open": draws what was recovered; a repaired project replaces the damaged records. */
export function openRecovered(): void {
  const safe = store.get().safe;
  if (!safe?.project) return;
  markOpening();
  // Undamaged (the last opening crashed): what is on disk is this project, nothing to write.
  quietInstall = safe.issues.length === 0;
  try {
    // Undamaged, its undo history fits it; a repaired project starts a new one.
    // The problems found at import come back with the project (they were dropped before).
    installProject(safe.project, safe.problems ?? [], safe.issues.length === 0 ? safe.history : undefined);
  } finally {
    quietInstall = false;
  }
  setState({ safe: null });
}

/** Drops the saved project and opens a bundled sample (the default one unless named). */
export async function resetToSample(sample: SampleId = DEFAULT_SAMPLE): Promise<void> {
  // Without IndexedDB (private mode) there is nothing saved to clear: open the sample all the same.
  await clearSavedProject().catch(() => deleteDatabaseQuietly());
  setState({ safe: null });
  markOpening();
  await loadSampleProject(sample);
}

/** A database that cannot even be opened (written by a newer zonemap) can still be deleted. */
function deleteDatabaseQuietly(): Promise<void> {
  return new Promise((resolve) => {
    try {
      const req = globalThis.indexedDB?.deleteDatabase('zonemap');
      if (!req) return resolve();
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}
