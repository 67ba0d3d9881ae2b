// The page's side of saving the undo history (persist.ts HistoryDelta): each history entry gets a
// number the first time it is saved, and only entries not sent before go to the writer. History
// entries are never changed (history.ts makes new ones), so an entry sent once is on disk once the
// save reports success; after a failure everything is sent again, as the writer then clears it.
import * as H from './history.ts';
import type { HistoryDelta } from './persist.ts';

export function createHistoryTracker() {
  const ids = new WeakMap<H.Entry, number>();
  let next = 1;
  let sent = new Set<number>();
  const idOf = (e: H.Entry): number => {
    let id = ids.get(e);
    if (id === undefined) {
      id = next++;
      ids.set(e, id);
    }
    return id;
  };
  return {
    /** What to write for history `h`; a capture in progress is saved as if it had ended. */
    delta(h: H.History): HistoryDelta {
      const closed = H.end(h);
      const past = closed.past.map(idOf);
      const future = closed.future.map(idOf);
      const entries: [number, H.Entry][] = [];
      const all: [number, H.Entry][] = [
        ...closed.past.map((e, i): [number, H.Entry] => [past[i]!, e]),
        ...closed.future.map((e, i): [number, H.Entry] => [future[i]!, e]),
      ];
      for (const [id, e] of all) if (!sent.has(id)) entries.push([id, e]);
      sent = new Set(all.map(([id]) => id));
      return { past, future, entries };
    },
    /** The last save failed: the next one sends every entry again. */
    failed(): void {
      sent = new Set();
    },
  };
}
