// The three-plan review (审查): whether it is open, the conflict in focus, the swipe's two layers,
// and the planners' decisions. The decisions are part of the project and go through the one write
// path (a command each, undoable, saved); the rest is the view and lives in this small store so the
// review can become a mode of its own later without touching the app state.
import { useSyncExternalStore } from 'react';
import type { Geometry } from 'geojson';
import { bbox } from '@turf/bbox';
import type { ConflictEntry, Report } from '../core/report.ts';
import { snapshotOf, today, type Decision, type ReviewedConflict } from '../core/conflict-resolutions.ts';
import { applyCommand, focusOn } from './edit.ts';
import { readMode } from './link.ts';
import type { Command } from './commands.ts';

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

function set(patch: Partial<ReviewState>): void {
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
  set(open ? { open } : { open, swipe: null, focused: null });
export const setSwipe = (swipe: SwipePair | null): void => set({ swipe });
export const setReviewConflicts = (conflicts: ReviewConflict[]): void => {
  if (conflicts !== state.conflicts) set({ conflicts });
};

/** Puts a conflict in focus and shows it on the map (its box, padded so a sliver is not a speck). */
export function focusConflict(c: ReviewConflict): void {
  set({ focused: c.id });
  const box = c.bbox ?? (c.geometry ? geometryBounds(c.geometry) : null);
  if (box) focusOn(padded(box, 0.002));
}
export const unfocusConflict = (): void => set({ focused: null });

/** The report's conflicts, largest first with the slivers after (core's order). */
export function conflictsOf(report: Report | null): ReviewConflict[] {
  return report?.conflicts ?? [];
}

/**
 * Marks a conflict (one undoable command, saved with the project); the date defaults to today. A
 * mark found by place under an older id (`markId`) moves to the conflict's id.
 */
export function markConflict(
  c: ReviewedConflict,
  decision: Decision,
  note: string,
  date = today(),
  markId?: string,
): boolean {
  const set: Command = {
    kind: 'set-resolution',
    conflictId: c.id,
    resolution: { decision, note: note.trim(), date, conflict: snapshotOf(c) },
  };
  return applyCommand(
    markId && markId !== c.id
      ? { kind: 'batch', commands: [set, { kind: 'set-resolution', conflictId: markId }] }
      : set,
  );
}

/** Takes a conflict's mark off (undoable), by the key it is kept under. */
export function unmarkConflict(markId: string): boolean {
  return applyCommand({ kind: 'set-resolution', conflictId: markId });
}

/** Takes the stale marks (by their ids) off at once (one undo entry). */
export function dropStaleMarks(stale: readonly string[]): boolean {
  if (stale.length === 0) return false;
  const commands: Command[] = stale.map((conflictId) => ({ kind: 'set-resolution', conflictId }));
  return applyCommand({ kind: 'batch', commands });
}

/** Switches the given layers on as one undoable step (the plans under the review's hatching). */
export function showLayers(layerIds: string[], visibility: Record<string, boolean>): void {
  const off = layerIds.filter((id) => visibility[id] === false);
  if (off.length === 0) return;
  applyCommand({
    kind: 'batch',
    commands: off.map((layerId) => ({ kind: 'set-visibility', layerId, visible: true })),
  });
}

function padded(b: [number, number, number, number], min: number): [number, number, number, number] {
  const dx = Math.max(0, min - (b[2] - b[0])) / 2;
  const dy = Math.max(0, min - (b[3] - b[1])) / 2;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

/** The lon/lat box of a geometry, or null when it has no coordinates. */
export function geometryBounds(g: Geometry): [number, number, number, number] | null {
  const [minX, minY, maxX, maxY] = bbox(g);
  return Number.isFinite(minX) && minX <= maxX ? [minX, minY, maxX, maxY] : null;
}
