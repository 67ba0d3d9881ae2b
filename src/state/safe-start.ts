// A start that its own data cannot kill, and one writer per project.
// - An "opening" marker in localStorage is set before a project is drawn and cleared once the map
//   has drawn it. Found at the next start, it means the last opening crashed or hung: the project
//   then opens in safe mode (layers listed, not drawn) and the user chooses.
// - A Web Lock held for the page's life makes the first tab the project's only writer; a second tab
//   opens read-only and says so, instead of overwriting the first tab's saves.
import type { History } from './history.ts';
import type { Problem, Project } from '../core/types.ts';
import type { SavedIssue } from './validate-saved.ts';

const MARKER = 'zonemap.opening.v1';
const LOCK = 'zonemap.project.current';

export interface SafeStart {
  /** crashed: the last opening never drew; damaged: records failed the checks; unreadable: storage refused */
  reason: 'crashed' | 'damaged' | 'unreadable';
  /** what could be recovered (damaged parts left out), null when nothing */
  project: Project | null;
  issues: SavedIssue[];
  savedAt?: number;
  error?: { name: string; message: string };
  /** the undo history saved with the project, given back when it opens undamaged */
  history?: History;
  /** the problem list saved with the project (of the layers recovered), listed again when it opens */
  problems?: Problem[];
}

let writesMarker = true;

/** Only the tab that owns the project keeps the marker (a read-only tab must not clear it). */
export function setMarkerOwner(owner: boolean): void {
  writesMarker = owner;
}

export function markOpening(): void {
  if (!writesMarker) return;
  try {
    globalThis.localStorage?.setItem(MARKER, JSON.stringify({ at: Date.now() }));
  } catch {
    // no localStorage (private mode, quota): the start simply cannot be guarded
  }
}

export function markDrawn(): void {
  if (!writesMarker) return;
  try {
    globalThis.localStorage?.removeItem(MARKER);
  } catch {
    // as above
  }
}

export function lastOpeningFailed(): boolean {
  try {
    return globalThis.localStorage?.getItem(MARKER) != null;
  } catch {
    return false;
  }
}

/**
 * 'owner' when this tab got the project's lock (kept until the page goes), 'readonly' when another
 * tab holds it; then `onFree` runs once that tab has gone. Without Web Locks (an insecure origin)
 * every tab is an owner, as before.
 */
export function claimProject(onFree: () => void): Promise<'owner' | 'readonly'> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return Promise.resolve('owner');
  return new Promise((resolve) => {
    locks
      .request(LOCK, { ifAvailable: true }, (lock) => {
        if (lock) {
          resolve('owner');
          return new Promise<void>(() => {});
        }
        resolve('readonly');
        // Wait for the owner to go, then let go at once: this tab's data is stale, the user reloads.
        locks
          .request(LOCK, () => {
            onFree();
          })
          .catch(() => undefined);
        return undefined;
      })
      .catch(() => resolve('owner'));
  });
}
