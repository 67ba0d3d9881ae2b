// Keeps the open project in IndexedDB so imports and edits survive a reload or a crash.
// Format 2: one record per layer plus a small record of the project's settings and layer order,
// written together in one transaction with strict durability, so a save is all or nothing and is
// on disk when it reports success. A change rewrites only the layers it touched (a vertex drag in
// the zone layer does not rewrite 300 000 parcels). Records of format 1 (the whole project in one
// record) are read once and replaced at the first save.
import { openDB, type IDBPDatabase } from 'idb';
import type { Problem, Project, ProjectLayer } from '../core/types.ts';
import { MAX_LAYER_FEATURES } from './layer-budget.ts';
import type { CheckedProject } from './validate-saved.ts';
import type { CheckedProblems } from './saved-problems.ts';
import type { Entry, History } from './history.ts';

const DB_NAME = 'zonemap';
// 3: the undo history beside the project (HISTORY), written in the same transaction.
const DB_VERSION = 3;
const LEGACY = 'projects';
const META = 'meta';
const LAYERS = 'layers';
const HISTORY = 'history';
const CURRENT = 'current';
const HISTORY_STATE = 'state';

/**
 * What a save writes of the undo history: the entries undo and redo reach, by number, and those of
 * them not written yet (an entry is never changed, so each is written once).
 */
export interface HistoryDelta {
  past: number[];
  future: number[];
  entries: [number, Entry][];
}

interface SavedHistoryState {
  format: 1;
  past: number[];
  future: number[];
}

export type ProjectMeta = Omit<Project, 'layers'>;

export interface SavedMeta {
  format: 2;
  meta: ProjectMeta;
  layerIds: string[];
  savedAt: number;
  /** the problem list shown with the project (found at import); absent in records saved before */
  problems?: Problem[];
}

export type SaveOutcome = { ok: true; savedAt: number } | { ok: false; name: string; message: string };

let dbPromise: Promise<IDBPDatabase> | null = null;
/** Told when the upgrade waits for a tab of an older zonemap that keeps the database open. */
let onBlocked: (() => void) | null = null;
function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, DB_VERSION, {
    upgrade(d) {
      if (!d.objectStoreNames.contains(LEGACY)) d.createObjectStore(LEGACY);
      if (!d.objectStoreNames.contains(META)) d.createObjectStore(META);
      if (!d.objectStoreNames.contains(LAYERS)) d.createObjectStore(LAYERS);
      if (!d.objectStoreNames.contains(HISTORY)) d.createObjectStore(HISTORY);
    },
    blocked() {
      onBlocked?.();
    },
    // A newer zonemap in another tab wants to upgrade: let it, this tab's saves then say why they fail.
    blocking() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  }).catch((e: unknown) => {
    // A failed open (newer version on disk, storage disabled) is retried at the next call.
    dbPromise = null;
    throw e;
  });
  return dbPromise;
}

/** A request's own rejection is the transaction's too (tx.done reports it): not a second error. */
function quiet(p: Promise<unknown>): void {
  p.catch(() => undefined);
}

function outcomeOf(e: unknown): SaveOutcome {
  const err = e as { name?: unknown; message?: unknown } | null;
  return {
    ok: false,
    name: typeof err?.name === 'string' ? err.name : 'Error',
    message: typeof err?.message === 'string' ? err.message : String(e),
  };
}

/**
 * The writer lives where the layers are (the analysis worker). It remembers which layer objects it
 * has written; layers are replaced, never changed in place, so an identical object is saved already.
 */
export function createProjectWriter() {
  let written: Map<string, ProjectLayer> | null = null;
  /** the history entries on disk; null: unknown, the next save clears them and writes what it gets */
  let entriesWritten: Set<number> | null = null;
  return {
    /**
     * Saves the project and, when given, its undo history (only the entries not written yet are
     * in `history`: a failed save makes the page send them all again, see history-save.ts).
     */
    async save(
      project: Project,
      history?: HistoryDelta,
      problems?: readonly Problem[],
    ): Promise<SaveOutcome> {
      try {
        const d = await db();
        const tx = d.transaction([META, LAYERS, LEGACY, HISTORY], 'readwrite', { durability: 'strict' });
        let entries = entriesWritten;
        if (history) {
          const hs = tx.objectStore(HISTORY);
          if (!entries) quiet(hs.clear());
          const before = entries ?? new Set<number>();
          for (const [id, entry] of history.entries) if (!before.has(id)) quiet(hs.put(entry, id));
          const keep = new Set([...history.past, ...history.future]);
          for (const id of before) if (!keep.has(id)) quiet(hs.delete(id));
          const state: SavedHistoryState = { format: 1, past: history.past, future: history.future };
          quiet(hs.put(state, HISTORY_STATE));
          entries = keep;
        }
        const layers = tx.objectStore(LAYERS);
        // The first save of a session starts from a clean store: nothing stale survives it.
        if (!written) quiet(layers.clear());
        const before = written ?? new Map<string, ProjectLayer>();
        const ids = new Set(project.layers.map((l) => l.id));
        for (const l of project.layers) if (before.get(l.id) !== l) quiet(layers.put(l, l.id));
        for (const id of before.keys()) if (!ids.has(id)) quiet(layers.delete(id));
        const { layers: list, ...meta } = project;
        const record: SavedMeta = {
          format: 2,
          meta,
          layerIds: list.map((l) => l.id),
          savedAt: Date.now(),
          ...(problems?.length ? { problems: [...problems] } : {}),
        };
        quiet(tx.objectStore(META).put(record, CURRENT));
        quiet(tx.objectStore(LEGACY).delete(CURRENT));
        await tx.done;
        written = new Map(list.map((l) => [l.id, l]));
        entriesWritten = entries;
        return { ok: true, savedAt: record.savedAt };
      } catch (e) {
        // What is on disk is unknown after a failure: the next save rewrites everything.
        written = null;
        entriesWritten = null;
        return outcomeOf(e);
      }
    },
  };
}

export type LoadedProject =
  | { kind: 'none' }
  | ({
      kind: 'saved';
      savedAt?: number;
      /** the undo history saved with the project; absent when none was saved */
      history?: History;
      /** the history was saved but could not be read back whole: it is dropped */
      historyLost?: boolean;
      /** the problem list saved with the project, checked (saved-problems.ts) */
      savedProblems?: CheckedProblems;
      /** what the start says when some saved problems could not be read back; null when all were */
      problemsNotice?: string | null;
    } & CheckedProject)
  | { kind: 'unreadable'; name: string; message: string };

/** The saved project, checked record by record (see validate-saved.ts). Never throws. */
export async function loadSavedProject(maxFeatures = MAX_LAYER_FEATURES): Promise<LoadedProject> {
  try {
    // An upgrade blocked by an older tab would wait for ever: the start says so instead.
    const d = await Promise.race([
      db(),
      new Promise<never>((_, reject) => {
        onBlocked = () =>
          reject(
            Object.assign(new Error('a tab of an older zonemap keeps the saved project open'), {
              name: 'BlockedError',
            }),
          );
      }),
    ]).finally(() => {
      onBlocked = null;
    });
    const tx = d.transaction([META, LAYERS, LEGACY, HISTORY], 'readonly');
    const record = (await tx.objectStore(META).get(CURRENT)) as unknown;
    // The checks of a saved project load only when there is one (not on a first visit), while its
    // records are read: they are not waited for.
    if (record === undefined) {
      const legacy = (await tx.objectStore(LEGACY).get(CURRENT)) as unknown;
      if (legacy === undefined) return { kind: 'none' };
      const { checkLegacyRecord } = await import('./validate-saved.ts');
      const savedAt = (legacy as { savedAt?: unknown } | null)?.savedAt;
      return {
        kind: 'saved',
        ...(typeof savedAt === 'number' ? { savedAt } : {}),
        ...checkLegacyRecord(legacy, maxFeatures),
      };
    }
    const checks = import('./validate-saved.ts');
    checks.catch(() => undefined); // awaited below; a failed load is then this start's error
    const problemChecks = import('./saved-problems.ts'); // likewise: not on the first page
    problemChecks.catch(() => undefined);
    const r = record as Partial<SavedMeta> | null;
    const ids: unknown[] = Array.isArray(r?.layerIds) ? r.layerIds : [];
    if (!r || typeof r !== 'object' || !Array.isArray(r.layerIds))
      return {
        kind: 'saved',
        project: null,
        issues: [{ code: 'not-a-project', detail: 'the saved record has no layer list' }],
      };
    const store = tx.objectStore(LAYERS);
    const layers = await Promise.all(
      ids.map((id) => (typeof id === 'string' ? store.get(id) : Promise.resolve(undefined))),
    );
    const history = await readHistory(tx.objectStore(HISTORY));
    const { checkSavedProject } = await checks;
    const checked = checkSavedProject(r.meta, ids, layers, maxFeatures);
    const { checkSavedProblems, savedProblemsNotice } = await problemChecks;
    const savedProblems = checkSavedProblems(r.problems, checked.project?.layers.map((l) => l.id) ?? []);
    return {
      kind: 'saved',
      ...(typeof r.savedAt === 'number' ? { savedAt: r.savedAt } : {}),
      ...(history === 'lost' ? { historyLost: true } : history ? { history } : {}),
      savedProblems,
      problemsNotice: savedProblemsNotice(savedProblems),
      ...checked,
    };
  } catch (e) {
    const o = outcomeOf(e) as { name: string; message: string };
    return { kind: 'unreadable', name: o.name, message: o.message };
  }
}

const COMMAND_KINDS = new Set([
  'add-layer',
  'remove-layer',
  'replace-layer',
  'rename-layer',
  'replace-feature',
  'set-visibility',
  'set-opacity',
  'set-problems',
  'set-scenarios',
  'batch',
]);

const isCommand = (c: unknown): boolean =>
  typeof c === 'object' && c !== null && COMMAND_KINDS.has((c as { kind?: unknown }).kind as string);

/**
 * The saved undo history: undefined when none was saved, 'lost' when it is there but damaged (an
 * entry missing or not a command). Commands are run against the project only when undone, and a
 * command that does not fit then changes nothing and says so (edit.ts).
 */
async function readHistory(store: {
  get(key: IDBValidKey): Promise<unknown>;
}): Promise<History | 'lost' | undefined> {
  const state = (await store.get(HISTORY_STATE)) as Partial<SavedHistoryState> | undefined;
  if (state === undefined) return undefined;
  const ids = (v: unknown): number[] | null =>
    Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : null;
  const past = ids(state?.past);
  const future = ids(state?.future);
  if (!past || !future) return 'lost';
  const read = async (list: number[]): Promise<Entry[] | null> => {
    const out: Entry[] = [];
    for (const id of list) {
      const e = (await store.get(id)) as Partial<Entry> | undefined;
      if (!e || !isCommand(e.redo) || !isCommand(e.undo)) return null;
      out.push(e as Entry);
    }
    return out;
  };
  const p = await read(past);
  const f = await read(future);
  return p && f ? { past: p, future: f, open: null } : 'lost';
}

/** Drops the saved project (both formats). */
export async function clearSavedProject(): Promise<void> {
  const d = await db();
  const tx = d.transaction([META, LAYERS, LEGACY, HISTORY], 'readwrite', { durability: 'strict' });
  quiet(tx.objectStore(META).delete(CURRENT));
  quiet(tx.objectStore(LAYERS).clear());
  quiet(tx.objectStore(HISTORY).clear());
  quiet(tx.objectStore(LEGACY).delete(CURRENT));
  await tx.done;
}

export type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'failed'; name: string; message: string }
  /** another tab owns the project; `free` once it has gone (a reload makes this tab the owner) */
  | { state: 'readonly'; free?: boolean };

/**
 * Saves every change as soon as it happens: a change while a save runs waits for it, and changes
 * that pile up meanwhile are written as one (the latest project holds them all). So a crash loses
 * at most what changed since the last save began. `onState` tells the UI.
 */
export function createAutosave<T = Project>(
  save: (p: T) => Promise<SaveOutcome>,
  onState: (s: SaveState) => void,
): { schedule(p: T): void; idle(): Promise<void> } {
  let pending: T | null = null;
  let running: Promise<void> | null = null;
  const run = async (): Promise<void> => {
    // Never report from inside schedule(): the caller may be a store listener.
    await Promise.resolve();
    let last: SaveOutcome = { ok: false, name: 'Error', message: 'nothing saved' };
    while (pending) {
      const p = pending;
      pending = null;
      onState({ state: 'saving' });
      try {
        last = await save(p);
      } catch (e) {
        last = outcomeOf(e);
      }
    }
    onState(
      last.ok
        ? { state: 'saved', at: last.savedAt }
        : { state: 'failed', name: last.name, message: last.message },
    );
  };
  return {
    schedule(p) {
      pending = p;
      running ??= run().finally(() => {
        running = null;
      });
    },
    idle: () => running ?? Promise.resolve(),
  };
}
