// What the boundary-editing toolbar shows: whether the map is in its edit mode, the tool, the
// selected part and the last message of the editor. View state of the UI only, never the project
// (edits go through state/edit.ts), so it lives here and not in the app store.
import { useSyncExternalStore } from 'react';
import type { EditMessage, EditState } from '../map/edit-mode.ts';

export interface EditSession {
  editing: boolean;
  state: EditState;
  message: EditMessage | null;
}

let session: EditSession = {
  editing: false,
  state: { tool: 'select', selected: null, snapping: true },
  message: null,
};
const listeners = new Set<() => void>();

export const editSession = {
  get: (): EditSession => session,
  set(patch: Partial<EditSession>): void {
    session = { ...session, ...patch };
    for (const l of listeners) l();
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useEditSession<T>(select: (s: EditSession) => T): T {
  return useSyncExternalStore(editSession.subscribe, () => select(editSession.get()));
}
