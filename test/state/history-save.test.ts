// The undo history as saved (history-save.ts + the writer's rules in persist.ts): whatever the
// sequence of commands, undos, redos and captures, the entries on disk read back (structured clone,
// as IndexedDB stores them) give a history that undoes and redoes exactly as the one in memory.
// Each entry is sent once; after a failed save, all are sent again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feature, ProjectLayer } from '../../src/core/types.ts';
import type { Command, Doc } from '../../src/state/commands.ts';
import * as H from '../../src/state/history.ts';
import { createHistoryTracker } from '../../src/state/history-save.ts';
import type { HistoryDelta } from '../../src/state/persist.ts';
import { saveAsCommand, switchCommand } from '../../src/state/scenarios.ts';
import { scenariosOf } from '../../src/core/scenarios.ts';

const square = (x: number, id: string): Feature => ({
  type: 'Feature',
  id,
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  },
});
const zones: ProjectLayer = {
  id: 'zones',
  role: 'zone',
  file: 'zones.geojson',
  crs: 'EPSG:4326',
  fields: {},
  features: [square(0, 'z')],
};
const start = (): Doc => ({
  project: {
    name: 't',
    crs: 'EPSG:4326',
    areaMethod: 'ellipsoidal',
    settings: { intensityThreshold_wan_per_mu: 300 },
    layers: [zones],
  },
  problems: [],
  visibility: {},
  opacity: {},
});

function command(doc: Doc, n: number): Command {
  const list = scenariosOf(doc.project).list;
  switch (n % 4) {
    case 0:
      return { kind: 'replace-feature', layerId: 'zones', featureId: 'z', feature: square(n, 'z') };
    case 1:
      return { kind: 'set-opacity', layerId: 'zones', opacity: (n % 10) / 10 };
    case 2:
      return saveAsCommand(doc.project, `方案${n}`);
    default:
      return (
        switchCommand(doc.project, list[n % list.length]!.id) ?? { kind: 'set-visibility', layerId: 'zones' }
      );
  }
}

/** What the writer keeps: entries by number and the two lists (persist.ts createProjectWriter). */
function writeTo(disk: Map<number, H.Entry>, d: HistoryDelta, fresh: boolean): void {
  if (fresh) disk.clear();
  for (const [id, e] of d.entries) disk.set(id, structuredClone(e));
  const keep = new Set([...d.past, ...d.future]);
  for (const id of [...disk.keys()]) if (!keep.has(id)) disk.delete(id);
}

const readBack = (disk: Map<number, H.Entry>, d: HistoryDelta): H.History => ({
  past: d.past.map((id) => disk.get(id)!),
  future: d.future.map((id) => disk.get(id)!),
  open: null,
});

type Step =
  { t: 'cmd'; n: number } | { t: 'undo' } | { t: 'redo' } | { t: 'begin' } | { t: 'end' } | { t: 'fail' };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.nat(50).map((n) => ({ t: 'cmd' as const, n })) },
  { weight: 2, arbitrary: fc.constant({ t: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ t: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'begin' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'end' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'fail' as const }) },
);

describe('the saved undo history', () => {
  it('reads back as a history that undoes and redoes exactly as the one in memory', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        let doc = start();
        let h = H.emptyHistory();
        const tracker = createHistoryTracker();
        const disk = new Map<number, H.Entry>();
        let fresh = true;
        let last: HistoryDelta = { past: [], future: [], entries: [] };
        for (const s of steps) {
          if (s.t === 'cmd') ({ doc, history: h } = H.apply(h, doc, command(doc, s.n)));
          else if (s.t === 'undo') ({ doc, history: h } = H.undo(h, doc));
          else if (s.t === 'redo') ({ doc, history: h } = H.redo(h, doc));
          else if (s.t === 'begin') h = H.begin(h);
          else if (s.t === 'end') h = H.end(h);
          if (s.t === 'fail') {
            // A failed save: the page sends everything next time, the writer clears and rewrites.
            tracker.delta(h);
            tracker.failed();
            fresh = true;
            continue;
          }
          last = tracker.delta(h);
          // Only entries not sent before travel, unless the last save failed.
          if (!fresh) for (const [id] of last.entries) expect(disk.has(id)).toBe(false);
          writeTo(disk, last, fresh);
          fresh = false;
        }
        if (fresh) {
          last = tracker.delta(h);
          writeTo(disk, last, true);
        }
        // The reloaded page: the saved project is `doc`, its history the one read back.
        let a = { doc, history: H.end(h) };
        let b = { doc: structuredClone(doc), history: readBack(disk, last) };
        expect(b.history.past).toHaveLength(a.history.past.length);
        expect(b.history.future).toHaveLength(a.history.future.length);
        while (H.canUndo(a.history)) {
          a = H.undo(a.history, a.doc);
          b = H.undo(b.history, b.doc);
          expect(b.doc).toStrictEqual(a.doc);
        }
        expect(b.doc).toStrictEqual(start());
        while (a.history.future.length) {
          a = H.redo(a.history, a.doc);
          b = H.redo(b.history, b.doc);
          expect(b.doc).toStrictEqual(a.doc);
        }
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });
});
