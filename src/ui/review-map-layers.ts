// The review on the main map, loaded when the review first opens (review-map.ts): draws the
// review's conflicts while the review is open, outlines the one in focus, focuses a conflict clicked
// on the map and opens or closes the swipe. Reads the review store and the project; writes nothing
// but the focus.
import type { MapView } from '../map/map-view.ts';
import { ReviewLayers, type ConflictShape } from '../map/review-layers.ts';
import type { ReviewSwipe } from '../map/review-swipe.ts';
import { focusConflict, reviewStore, type ReviewConflict, type SwipePair } from '../state/review.ts';
import { store } from '../state/store.ts';
import { matchResolutions, type Resolutions } from '../core/conflict-resolutions.ts';
import type { ReviewTestHook } from './review-map.ts';

function shapes(conflicts: readonly ReviewConflict[], marks: Resolutions | undefined): ConflictShape[] {
  // a mark found by place under an older id counts as the conflict's decision too
  return matchResolutions(conflicts, marks).flatMap((r) =>
    r.conflict?.geometry ? [{ id: r.id, geometry: r.conflict.geometry, decided: !!r.resolution }] : [],
  );
}

/** Draws the review on the map until the returned function takes it off. */
export function attachReviewMap(v: MapView): { hook: ReviewTestHook; detach: () => void } {
  const layers = new ReviewLayers(v);
  let swipe: ReviewSwipe | null = null;
  let shownSwipe: SwipePair | null = null;
  let swipeLoading: Promise<void> = Promise.resolve();
  let disposed = false;
  let drawn: { conflicts: unknown; marks: unknown; open: boolean } | null = null;
  const offClick = layers.onClick((id) => {
    const c = reviewStore.get().conflicts.find((x) => x.id === id);
    if (c) focusConflict(c);
  });
  const sync = () => {
    const r = reviewStore.get();
    const project = store.get().project;
    const marks = project?.resolutions;
    if (!drawn || drawn.conflicts !== r.conflicts || drawn.marks !== marks || drawn.open !== r.open) {
      drawn = { conflicts: r.conflicts, marks, open: r.open };
      layers.show(r.open);
      layers.setConflicts(r.open ? shapes(r.conflicts, marks) : []);
    }
    layers.setFocused(r.open ? r.focused : null);
    const want = r.open ? r.swipe : null;
    if (want !== shownSwipe) {
      swipe?.destroy();
      swipe = null;
      shownSwipe = want;
      const left = project?.layers.find((l) => l.id === want?.left);
      const right = project?.layers.find((l) => l.id === want?.right);
      if (want && left && right) {
        const zone = project?.layers.find((l) => l.role === 'zone');
        const outlines = shapes(r.conflicts, marks).map((x) => ({
          type: 'Feature' as const,
          geometry: x.geometry,
          properties: {},
        }));
        // the swipe and its library load when first asked for, not with the page
        swipeLoading = import('../map/review-swipe.ts').then(({ ReviewSwipe }) => {
          if (shownSwipe !== want || disposed) return;
          swipe = new ReviewSwipe(
            v,
            { layer: left, title: want.titles[0] },
            { layer: right, title: want.titles[1] },
            zone,
            { type: 'FeatureCollection', features: outlines },
          );
        });
      }
    }
  };
  void v.whenReady().then(() => {
    if (!disposed) sync();
  });
  const offReview = reviewStore.subscribe(sync);
  const offStore = store.subscribe(sync);
  const hook: ReviewTestHook = {
    bounds: () => layers.bounds(),
    swipePosition: () => swipe?.position() ?? null,
    swipeIdle: () => swipeLoading.then(() => (swipe ? swipe.whenIdle().then(() => true) : false)),
  };
  return {
    hook,
    detach: () => {
      disposed = true;
      offReview();
      offStore();
      offClick();
      swipe?.destroy();
      layers.destroy();
    },
  };
}
