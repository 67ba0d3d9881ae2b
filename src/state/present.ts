// Whether the presentation runs and which slide it shows, and whether the slide editor is open.
// View state, not the project's: nothing here is undone or saved.
import { useSyncExternalStore } from 'react';

export interface PresentState {
  /** the slide shown, or null when no presentation runs */
  slide: number | null;
  editing: boolean;
}

let state: PresentState = { slide: null, editing: false };
const listeners = new Set<() => void>();

function set(patch: Partial<PresentState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export const presentState = {
  get: (): PresentState => state,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function usePresentState<T>(select: (s: PresentState) => T): T {
  return useSyncExternalStore(presentState.subscribe, () => select(state));
}

export const startPresentation = (slide = 0): void => set({ slide: Math.max(0, slide), editing: false });
export const stopPresentation = (): void => set({ slide: null });
/** Goes to slide `slide` of `count`, kept inside the presentation. */
export const gotoSlide = (slide: number, count: number): void =>
  set({ slide: Math.max(0, Math.min(count - 1, slide)) });
export const openSlideEditor = (): void => set({ editing: true });
export const closeSlideEditor = (): void => set({ editing: false });
