// The review's view state (whether it is open, the conflict in focus, the swipe's two layers, the
// conflicts the map draws) in a store of its own, apart from review.ts: the page's top bar and map
// read it at start, while the decisions' code (core/conflict-resolutions.ts) loads with the review.
import { useSyncExternalStore } from 'react';
import type { ConflictEntry } from '../core/report.ts';
import { readMode } from './link.ts';

/** A conflict as the page draws and lists it: the report's row (contract §6, core/conflicts.ts). */
export type ReviewConflict = ConflictEntry;

/** The two sides of the swipe: layer ids (a plan, or the zone) and the words naming them. */
export interface SwipePair {
  left: string;
  right: string;
  titles: [string, string];
}

export interface ReviewState {
  open: boolean;
  /** the conflict in focus (its location id), outlined on the map and opened in the panel */
  focused: string | null;
  swipe: SwipePair | null;
  /** the conflicts of the report the review panel shows (conflictsOf), for the map */
  conflicts: ReviewConflict[];
}

let state: ReviewState = {
  // ?mode=review opens the page in the review (contract §8)
  open: readMode(globalThis.location?.search ?? '').kind === 'ok' && isReviewLink(),
  focused: null,
  swipe: null,
  conflicts: [],
};
const listeners = new Set<() => void>();

function isReviewLink(): boolean {
  return new URLSearchParams(globalThis.location?.search ?? '').get('mode') === 'review';
}

export function setReview(patch: Partial<ReviewState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export const reviewStore = {
  get: (): ReviewState => state,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useReview<T>(select: (s: ReviewState) => T): T {
  return useSyncExternalStore(reviewStore.subscribe, () => select(state));
}

export const openReview = (open: boolean): void =>
  setReview(open ? { open } : { open, swipe: null, focused: null });
export const setSwipe = (swipe: SwipePair | null): void => setReview({ swipe });
export const setReviewConflicts = (conflicts: ReviewConflict[]): void => {
  if (conflicts !== state.conflicts) setReview({ conflicts });
};

export const unfocusConflict = (): void => setReview({ focused: null });
