// Property tests of the write path: random commands, undos, redos and captures give the document
// that replaying the surviving actions gives, and every command's inverse restores it exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feature, Problem, ProjectLayer } from '../../src/core/types.ts';
import { run, type Command, type Doc } from '../../src/state/commands.ts';
import * as H from '../../src/state/history.ts';
import { CommandError } from '../../src/state/commands.ts';
import { deleteCommand, duplicateCommand, saveAsCommand, switchCommand } from '../../src/state/scenarios.ts';
import { scenariosOf } from '../../src/core/scenarios.ts';

const square = (x: number, y: number, id?: string | number): Feature => ({
  type: 'Feature',
  ...(id !== undefined ? { id } : {}),
  properties: { name: `p${x}-${y}` },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  },
});

const layer = (id: string, n: number, seed: number): ProjectLayer => ({
  id,
  role: 'zone',
  file: `${id}.geojson`,
  crs: 'EPSG:4326',
  fields: {},
  features: Array.from({ length: n }, (_, i) => square(seed + i, seed, `${id}-${i}`)),
});

const problem = (layerId: string, feature: number, code = 'duplicate-vertex'): Problem => ({
  code,
  message: `${layerId} #${feature}`,
  severity: 'warning',
  layer: layerId,
  feature,
});

function startDoc(): Doc {
  return {
    project: {
      name: 'test',
      crs: 'EPSG:4526',
      areaMethod: 'ellipsoidal',
      settings: { intensityThreshold_wan_per_mu: 300 },
      layers: [layer('a', 3, 0), layer('b', 2, 10)],
    },
    problems: [problem('a', 0), problem('b', 1), problem('a', 2)],
    visibility: { a: true, b: false },
    opacity: { a: 1, b: 0.5 },
  };
}

/** A seed of a command, made concrete against the document it is applied to. */
const seedArb = fc.record({
  op: fc.integer({ min: 0, max: 8 }),
  pick: fc.nat(100),
  value: fc.integer({ min: 0, max: 100 }),
  flag: fc.boolean(),
});
type Seed = { op: number; pick: number; value: number; flag: boolean };

let fresh = 0;
function concrete(doc: Doc, s: Seed): Command {
  const layers = doc.project.layers;
  const l = layers[s.pick % Math.max(1, layers.length)];
  if (!l || s.op === 0) {
    const id = `n${fresh++}`;
    return {
      kind: 'add-layer',
      layer: {
        ...layer(id, 1 + (s.value % 3), s.value),
        features: [square(s.value, 1), square(s.value, 2, 7)],
      },
      index: s.pick % (layers.length + 2),
      ...(s.flag ? { problems: [problem(id, 0)], visible: true, opacity: 0.3 } : {}),
    };
  }
  switch (s.op) {
    case 1:
      return { kind: 'remove-layer', layerId: l.id };
    case 2:
      return {
        kind: 'replace-layer',
        layer: { ...layer(l.id, 1 + (s.value % 4), s.value + 20), role: 'park' },
        ...(s.flag ? { problems: [problem(l.id, 0, 'wrong-winding')] } : {}),
      };
    case 3:
      return { kind: 'rename-layer', layerId: l.id, ...(s.flag ? { name: `名称${s.value}` } : {}) };
    case 4: {
      const f = l.features[s.value % l.features.length]!;
      const resolved = doc.problems.filter((p) => p.layer === l.id && s.flag);
      return {
        kind: 'replace-feature',
        layerId: l.id,
        featureId: f.id!,
        feature: square(s.value, -s.value),
        resolved,
      };
    }
    case 5:
      return { kind: 'set-visibility', layerId: l.id, ...(s.flag ? { visible: s.value % 2 === 0 } : {}) };
    case 6:
      return { kind: 'set-opacity', layerId: l.id, opacity: s.value / 100 };
    case 8: {
      // The scenario actions (state/scenarios.ts): save as, switch, duplicate, delete.
      const list = scenariosOf(doc.project).list;
      const other = list[s.pick % list.length]!.id;
      try {
        const cmd = [
          () => saveAsCommand(doc.project, `方案${s.value}`, s.flag ? '备注' : ''),
          () => switchCommand(doc.project, other),
          () => duplicateCommand(doc.project, other, s.flag ? '' : `副本${s.value}`),
          () => deleteCommand(doc.project, other),
        ][s.value % 4]!();
        if (cmd) return cmd;
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
      }
      return concrete(doc, { ...s, op: 5 });
    }
    default:
      return {
        kind: 'batch',
        commands: [
          concrete(doc, { ...s, op: 5 }),
          concrete(run(doc, concrete(doc, { ...s, op: 5 })).doc, { ...s, op: 6 }),
        ],
      };
  }
}

type Step = { t: 'cmd'; seed: Seed } | { t: 'undo' } | { t: 'redo' } | { t: 'begin' } | { t: 'end' };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: seedArb.map((seed) => ({ t: 'cmd' as const, seed })) },
  { weight: 2, arbitrary: fc.constant({ t: 'undo' as const }) },
  { weight: 2, arbitrary: fc.constant({ t: 'redo' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'begin' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'end' as const }) },
);

describe('history', () => {
  it('keeps an added or replaced layer as the project holds it (ids given), so its redo is the same object', () => {
    const doc = startDoc();
    // an import: features without ids
    const plain: ProjectLayer = {
      ...layer('c', 3, 20),
      features: layer('c', 3, 20).features.map(({ id: _id, ...f }) => f),
    };
    const added = H.apply(H.emptyHistory(), doc, { kind: 'add-layer', layer: plain });
    const held = added.doc.project.layers.find((l) => l.id === 'c')!;
    expect(held.features.map((f) => f.id)).toEqual([0, 1, 2]);
    const redo = added.history.past[0]!.redo as Extract<Command, { kind: 'add-layer' }>;
    expect(redo.layer).toBe(held);
    // and in a batch, replacing
    const replaced = H.apply(added.history, added.doc, {
      kind: 'batch',
      commands: [
        { kind: 'replace-layer', layer: plain },
        { kind: 'set-visibility', layerId: 'c', visible: false },
      ],
    });
    const now = replaced.doc.project.layers.find((l) => l.id === 'c')!;
    const batch = replaced.history.past[1]!.redo as Extract<Command, { kind: 'batch' }>;
    expect((batch.commands[0] as Extract<Command, { kind: 'replace-layer' }>).layer).toBe(now);
    // undo and redo still give the same documents
    const undone = H.undo(replaced.history, replaced.doc);
    const redone = H.redo(undone.history, undone.doc);
    expect(redone.doc).toEqual(replaced.doc);
  });

  it('equals replaying the surviving commands, whatever the undos, redos and captures', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        const start = startDoc();
        let doc = start;
        let h = H.emptyHistory();
        // The model: the actions that survive, each a list of commands; what undo took off.
        const done: Command[][] = [];
        let undone: Command[][] = [];
        let open: Command[] | null = null;
        const close = () => {
          if (open && open.length) {
            done.push(open);
            undone = [];
          }
          open = null;
        };
        for (const s of steps) {
          if (s.t === 'cmd') {
            const cmd = concrete(doc, s.seed);
            ({ doc, history: h } = H.apply(h, doc, cmd));
            if (open) open.push(cmd);
            else {
              done.push([cmd]);
              undone = [];
            }
          } else if (s.t === 'begin') {
            h = H.begin(h);
            open ??= [];
          } else if (s.t === 'end') {
            h = H.end(h);
            close();
          } else if (s.t === 'undo') {
            ({ doc, history: h } = H.undo(h, doc));
            close();
            const a = done.pop();
            if (a) undone.push(a);
          } else {
            ({ doc, history: h } = H.redo(h, doc));
            close();
            const a = undone.pop();
            if (a) done.push(a);
          }
          let replay = start;
          for (const c of [...done.flat(), ...(open ?? [])]) replay = run(replay, c).doc;
          expect(doc).toStrictEqual(replay);
        }
        // Undoing everything gives the start back exactly.
        while (H.canUndo(h)) ({ doc, history: h } = H.undo(h, doc));
        expect(doc).toStrictEqual(start);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it("restores the document exactly with every command's inverse", () => {
    fc.assert(
      fc.property(fc.array(seedArb, { maxLength: 6 }), seedArb, (before, seed) => {
        let doc = startDoc();
        for (const s of before) doc = run(doc, concrete(doc, s)).doc;
        const snapshot = structuredClone(doc);
        const cmd = concrete(doc, seed);
        const r = run(doc, cmd);
        expect(run(r.doc, r.inverse).doc).toStrictEqual(snapshot);
        // The command left its input as it was (pure).
        expect(doc).toStrictEqual(snapshot);
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });

  it('folds a capture into one entry: one undo takes back the whole drag', () => {
    let doc = startDoc();
    let h = H.begin(H.emptyHistory());
    for (const o of [0.9, 0.7, 0.5, 0.2])
      ({ doc, history: h } = H.apply(h, doc, { kind: 'set-opacity', layerId: 'a', opacity: o }));
    h = H.end(h);
    expect(h.past).toHaveLength(1);
    expect(doc.opacity.a).toBe(0.2);
    ({ doc, history: h } = H.undo(h, doc));
    expect(doc).toStrictEqual(startDoc());
    ({ doc } = H.redo(h, doc));
    expect(doc.opacity.a).toBe(0.2);
  });

  it('refuses a command that names a layer that is not there, leaving the document as it was', () => {
    const doc = startDoc();
    expect(() => run(doc, { kind: 'remove-layer', layerId: 'zz' })).toThrow(/no layer "zz"/);
    expect(() =>
      run(doc, {
        kind: 'batch',
        commands: [
          { kind: 'remove-layer', layerId: 'a' },
          { kind: 'remove-layer', layerId: 'a' },
        ],
      }),
    ).toThrow(/no layer "a"/);
    expect(doc).toStrictEqual(startDoc());
  });

  it('keeps a feature id through a replace whose feature came back without one', () => {
    const doc = startDoc();
    const r = run(doc, { kind: 'replace-feature', layerId: 'a', featureId: 'a-1', feature: square(5, 5) });
    expect(r.doc.project.layers[0]!.features[1]!.id).toBe('a-1');
  });
});
