// The live-figures session (实时指标): it begins when a command changes a zone layer, holding the
// project as it was just before as its baseline, and the figures follow every later change of the
// project through the write path (commands.ts, edit.ts, history.ts). A new project, or the user,
// ends it; "from here" starts it again at the current project.
import { useEffect, useState } from 'react';
import type { TimedLiveFigures } from '../worker/client.ts';
import type { Project, ProjectLayer } from '../core/types.ts';
import { analysisClient } from './analysis.ts';
import { store, useAppState, type AppState } from './store.ts';
import type { History } from './history.ts';

let baseline: Project | null = null;
let seen: { project: Project | null; history: History } | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

const zoneLayers = (p: Project | null): ProjectLayer[] => p?.layers.filter((l) => l.role === 'zone') ?? [];

/** Whether the change from `a` to `b` edited a zone layer (same layers, another version of one). */
function zoneEdited(a: Project, b: Project): boolean {
  const za = zoneLayers(a);
  const zb = zoneLayers(b);
  return za.length === zb.length && za.some((l, i) => l !== zb[i]) && za.every((l, i) => l.id === zb[i]!.id);
}

/** A new project (opened, reset to a sample) starts its history afresh: the session ends. */
const freshHistory = (h: History) => h.past.length === 0 && h.future.length === 0 && h.open === null;

function watch(s: AppState): void {
  const before = seen;
  seen = { project: s.project, history: s.history };
  if (!before || before.project === s.project) return;
  if (!s.project || !before.project || (freshHistory(s.history) && before.history !== s.history)) {
    if (baseline) {
      baseline = null;
      notify();
    }
    return;
  }
  if (!baseline && zoneEdited(before.project, s.project)) {
    baseline = before.project;
    notify();
  }
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  seen = { project: store.get().project, history: store.get().history };
  store.subscribe(() => watch(store.get()));
}

/** Starts the session at the project as it is now (the figures then show changes from here). */
export function startLiveSession(): void {
  install();
  baseline = store.get().project;
  notify();
}

/** Ends the session: the panel closes until a zone layer changes again. */
export function endLiveSession(): void {
  baseline = null;
  notify();
}

export function liveBaseline(): Project | null {
  return baseline;
}

/** Starts watching the project for zone edits (the app calls it once at start). */
export const watchZoneEdits = install;

export interface LiveState {
  /** the figures, with the milliseconds the worker took to compute them */
  figures: TimedLiveFigures | null;
  /** milliseconds from the change to its figures, the worker's round trip included */
  ms: number | null;
  error: string | null;
  active: boolean;
}

/** The live figures of the current project against the session's baseline, latest wins. */
export function useLiveFigures(): LiveState {
  const project = useAppState((s) => s.project);
  const method = useAppState((s) => s.areaMethod);
  const [base, setBase] = useState<Project | null>(baseline);
  const [state, setState] = useState<Omit<LiveState, 'active'>>({ figures: null, ms: null, error: null });
  useEffect(() => {
    install();
    const l = () => setBase(baseline);
    listeners.add(l);
    l();
    return () => {
      listeners.delete(l);
    };
  }, []);
  useEffect(() => {
    if (!project || !base) return;
    let current = true;
    const t0 = performance.now();
    analysisClient()
      .live(project, base, method)
      .then(
        (figures) => {
          // null: a newer change superseded this one; its figures will come
          if (current && figures) setState({ figures, ms: performance.now() - t0, error: null });
        },
        (err: unknown) =>
          current && setState({ figures: null, ms: null, error: String((err as Error)?.message ?? err) }),
      );
    return () => {
      current = false;
    };
  }, [project, base, method]);
  return { ...(base ? state : { figures: null, ms: null, error: null }), active: base !== null };
}
