// The three-plan review (审查): whether it is open, the conflict in focus, the swipe's two layers,
// and the planners' decisions. The decisions are part of the project and go through the one write
// path (a command each, undoable, saved); the rest is the view and lives in a small store
// (review-store.ts, re-exported here) so the review can become a mode of its own later without
// touching the app state.
import type { Geometry } from 'geojson';
import { geometryExtent } from '../core/geojson-bbox.ts';
import type { Report } from '../core/report.ts';
import { snapshotOf, today, type Decision, type ReviewedConflict } from '../core/conflict-resolutions.ts';
import { applyCommand, focusOn } from './edit.ts';
import type { Command } from './commands.ts';
import { setReview, type ReviewConflict } from './review-store.ts';

export {
  openReview,
  reviewStore,
  setReviewConflicts,
  setSwipe,
  unfocusConflict,
  useReview,
  type ReviewConflict,
  type ReviewState,
  type SwipePair,
} from './review-store.ts';

/** Puts a conflict in focus and shows it on the map (its box, padded so a sliver is not a speck). */
export function focusConflict(c: ReviewConflict): void {
  setReview({ focused: c.id });
  const box = c.bbox ?? (c.geometry ? geometryBounds(c.geometry) : null);
  if (box) focusOn(padded(box, 0.002));
}

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
  const [minX, minY, maxX, maxY] = geometryExtent(g);
  return Number.isFinite(minX) && minX <= maxX ? [minX, minY, maxX, maxY] : null;
}
