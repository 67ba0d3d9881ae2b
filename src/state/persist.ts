// Keeps the open project in IndexedDB so imports and edits survive a reload or a crash. Written
// after every change (debounced); read back on start before falling back to the bundled sample.
import { openDB, type IDBPDatabase } from 'idb';
import type { Project } from '../core/types.ts';

const DB_NAME = 'zonemap';
const STORE = 'projects';
const CURRENT = 'current';

export interface SavedProject {
  project: Project;
  savedAt: number;
}

let dbPromise: Promise<IDBPDatabase> | null = null;
function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });
  return dbPromise;
}

export async function saveCurrentProject(project: Project): Promise<void> {
  const record: SavedProject = { project, savedAt: Date.now() };
  await (await db()).put(STORE, record, CURRENT);
}

export async function loadCurrentProject(): Promise<SavedProject | undefined> {
  try {
    return (await (await db()).get(STORE, CURRENT)) as SavedProject | undefined;
  } catch {
    return undefined;
  }
}

export async function clearCurrentProject(): Promise<void> {
  await (await db()).delete(STORE, CURRENT);
}

/** Debounced saving: the latest project wins; `save` does the writing (in the analysis worker). */
export function createAutosave(
  save: (p: Project) => Promise<void>,
  delayMs = 400,
): { schedule(p: Project): void; flush(): Promise<void> } {
  let pending: Project | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const p = pending;
    pending = null;
    if (p) chain = chain.then(() => save(p)).catch(() => undefined);
    return chain;
  };
  return {
    schedule(p) {
      pending = p;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}
