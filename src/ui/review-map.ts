// The review on the main map: MapPane calls this once. The conflicts' layers, their decisions'
// matching and the swipe (review-map-layers.ts) load when the review first opens, not with the
// page; from then on they follow the review store.
import { useEffect, type RefObject } from 'react';
import type { MapView } from '../map/map-view.ts';
import { reviewStore } from '../state/review-store.ts';

/** What browser tests read of the review's map (window.__zonemapReview). */
export interface ReviewTestHook {
  bounds(): [number, number, number, number];
  swipePosition(): number | null;
  swipeIdle(): Promise<boolean>;
}

export function useReviewMap(view: RefObject<MapView | null>): void {
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    let disposed = false;
    let loading: Promise<ReviewTestHook | null> | null = null;
    let attached: { hook: ReviewTestHook; detach: () => void } | null = null;
    const load = () => {
      if (loading || !reviewStore.get().open) return;
      loading = import('./review-map-layers.ts').then(({ attachReviewMap }) => {
        if (disposed) return null;
        attached = attachReviewMap(v);
        return attached.hook;
      });
    };
    load();
    const offReview = reviewStore.subscribe(load);
    const hook: ReviewTestHook = {
      bounds: () => {
        if (!attached) throw new Error('the review has not been opened on this map');
        return attached.hook.bounds();
      },
      swipePosition: () => attached?.hook.swipePosition() ?? null,
      swipeIdle: async () => {
        const h = await loading;
        return h ? h.swipeIdle() : false;
      },
    };
    const w = globalThis as unknown as { __zonemapReview?: ReviewTestHook };
    w.__zonemapReview = hook;
    return () => {
      disposed = true;
      offReview();
      attached?.detach();
      if (w.__zonemapReview === hook) delete w.__zonemapReview;
    };
  }, [view]);
}
