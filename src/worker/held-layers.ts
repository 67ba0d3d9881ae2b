// The undo history's layers travel to the analysis worker by name when the worker holds them: an
// import's entry holds its 300 000 parcels, and copying them into the save's message held the page
// 1.8–6.9 s (`npx tsx bench/profile-large.ts`), while the worker has them already (layer-store.ts).
import type { ProjectLayer } from '../core/types.ts';
import { mapCommandLayers } from '../state/commands.ts';
import type { HistoryDelta } from '../state/persist.ts';

/** A layer the worker holds, named by the page's version number of it, in place of its features. */
export interface HeldLayerRef {
  heldVersion: number;
}

const isRef = (x: unknown): x is HeldLayerRef =>
  typeof x === 'object' && x !== null && typeof (x as HeldLayerRef).heldVersion === 'number';

function mapEntries(delta: HistoryDelta, f: (layer: ProjectLayer) => unknown): HistoryDelta {
  return {
    ...delta,
    entries: delta.entries.map(([id, e]) => [
      id,
      { redo: mapCommandLayers(e.redo, f), undo: mapCommandLayers(e.undo, f) },
    ]),
  };
}

/** The delta with each layer the worker holds (`held` gives its version) sent as a reference. */
export function referHeldLayers(
  delta: HistoryDelta,
  held: (layer: ProjectLayer) => number | undefined,
): HistoryDelta {
  return mapEntries(delta, (layer) => {
    const v = held(layer);
    return v === undefined ? layer : ({ heldVersion: v } satisfies HeldLayerRef);
  });
}

/** Back in the worker: each reference becomes the layer held; a version not held throws. */
export function resolveHeldLayers(
  delta: HistoryDelta,
  layerOf: (version: number) => ProjectLayer | undefined,
): HistoryDelta {
  return mapEntries(delta, (layer) => {
    if (!isRef(layer)) return layer;
    const held = layerOf(layer.heldVersion);
    if (!held)
      throw new Error(`analysis worker: layer version ${layer.heldVersion} of the undo history is not held`);
    return held;
  });
}
