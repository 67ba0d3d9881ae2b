// Stepping through overlapping features: a click selects the most specific feature under the
// pointer; clicking the same place again, or the inspector's ◂ ▸ (keys [ and ]), goes to the next.
import type { Selection } from './store.ts';

export interface PickStack {
  items: Selection[];
  /** the screen point of the click that made the stack */
  point: { x: number; y: number };
}

/** How far (px) a click may land from the previous one and still count as the same place. */
export const SAME_PLACE_PX = 4;

const key = (s: Selection) => `${s.layerId}#${typeof s.featureId}:${s.featureId}`;

function indexIn(stack: PickStack | null, selection: Selection | null): number {
  if (!stack || !selection) return -1;
  return stack.items.findIndex((s) => key(s) === key(selection));
}

/** The selection and stack after a click that found `items` (most specific first) at `point`. */
export function afterClick(
  prev: PickStack | null,
  selection: Selection | null,
  items: Selection[],
  point: { x: number; y: number },
): { selection: Selection | null; pickStack: PickStack | null } {
  if (items.length === 0) return { selection: null, pickStack: null };
  const again =
    prev !== null &&
    Math.hypot(prev.point.x - point.x, prev.point.y - point.y) <= SAME_PLACE_PX &&
    prev.items.length === items.length &&
    prev.items.every((s, i) => key(s) === key(items[i]!));
  const at = again ? indexIn(prev, selection) : -1;
  return { selection: items[at >= 0 ? (at + 1) % items.length : 0]!, pickStack: { items, point } };
}

/** Where the selection stands in the stack (0-based) and how many there are; null when not in it. */
export function stackPosition(
  stack: PickStack | null,
  selection: Selection | null,
): { index: number; count: number } | null {
  const i = indexIn(stack, selection);
  return i < 0 ? null : { index: i, count: stack!.items.length };
}

/** The next (step 1) or previous (step −1) feature of the stack, wrapping around. */
export function stepPick(
  stack: PickStack | null,
  selection: Selection | null,
  step: 1 | -1,
): Selection | null {
  const pos = stackPosition(stack, selection);
  if (!pos) return selection;
  return stack!.items[(pos.index + step + pos.count) % pos.count]!;
}
