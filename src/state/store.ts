// The application store: one state object, replaced on every change, read by React through
// useSyncExternalStore. Display preferences persist in localStorage.
import { useSyncExternalStore } from 'react';
import type { AreaMethod, Problem, Project } from '../core/types.ts';
import type { FeatureId } from '../core/feature-ids.ts';
import type { Lang } from '../ui/i18n.ts';
import type { SaveState } from './persist.ts';
import type { SafeStart } from './safe-start.ts';
import type { PickStack } from './picks.ts';
import { emptyHistory, type History } from './history.ts';

/** A selected feature, by its stable id (core/feature-ids.ts), not by its place in the layer. */
export interface Selection {
  layerId: string;
  featureId: FeatureId;
}

export interface AppState {
  /** 'safe': the saved project is held back (see safe-start.ts) until the user chooses */
  status: 'loading' | 'ready' | 'error' | 'safe';
  project: Project | null;
  problems: Problem[];
  lang: Lang;
  areaMethod: AreaMethod;
  visibility: Record<string, boolean>;
  opacity: Record<string, number>;
  selection: Selection | null;
  /** the features under the last click, most specific first, for stepping through them (picks.ts) */
  pickStack: PickStack | null;
  /** a place the map should show; seq changes on every request so the same place can be asked twice */
  focus: { bbox: [number, number, number, number]; seq: number } | null;
  /** messages about what the app changed (repairs), newest last */
  notices: string[];
  /** whether the project is saved, shown to the user */
  save: SaveState;
  /** why the app started in safe mode, and what it recovered */
  safe: SafeStart | null;
  /** the undo and redo of the project's commands (history.ts); a new project starts it afresh */
  history: History;
}

const PREFS_KEY = 'zonemap.prefs.v1';

interface Prefs {
  lang?: Lang;
  areaMethod?: AreaMethod;
}

function readPrefs(): Prefs {
  try {
    const raw = globalThis.localStorage?.getItem(PREFS_KEY);
    const p = raw ? (JSON.parse(raw) as Prefs) : {};
    return {
      lang: p.lang === 'en' || p.lang === 'zh' ? p.lang : undefined,
      areaMethod: p.areaMethod === 'plane' || p.areaMethod === 'ellipsoidal' ? p.areaMethod : undefined,
    };
  } catch {
    return {};
  }
}

function langFromUrl(): Lang | undefined {
  const q = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  return q === 'en' || q === 'zh' ? q : undefined;
}

export type Listener = () => void;

export function createStore(initial: AppState) {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: (): AppState => state,
    set(patch: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void {
      const p = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...p };
      if ('lang' in p || 'areaMethod' in p) {
        try {
          globalThis.localStorage?.setItem(
            PREFS_KEY,
            JSON.stringify({ lang: state.lang, areaMethod: state.areaMethod }),
          );
        } catch {
          // private mode or quota: preferences simply do not persist
        }
      }
      for (const l of listeners) l();
    },
    subscribe(l: Listener): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

const prefs = readPrefs();
const app = createStore({
  status: 'loading',
  project: null,
  problems: [],
  lang: langFromUrl() ?? prefs.lang ?? 'zh',
  areaMethod: prefs.areaMethod ?? 'ellipsoidal',
  visibility: {},
  opacity: {},
  selection: null,
  pickStack: null,
  focus: null,
  notices: [],
  save: { state: 'idle' },
  safe: null,
  history: emptyHistory(),
});

/** The store as the UI sees it: read and subscribe. Changes go through the functions of src/state. */
export const store: { get(): AppState; subscribe(l: Listener): () => void } = {
  get: app.get,
  subscribe: app.subscribe,
};

/** The one writer of the app state, for src/state only (a lint rule keeps it out of src/ui). */
export const setState = app.set;

export function useAppState<T>(select: (s: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
