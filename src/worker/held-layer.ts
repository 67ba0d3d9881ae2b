// Saved history entries between the page and the analysis worker. An import's undo entry holds
// the whole layer; copying 300 000 parcels into the save's message held the page 2.3 s
// (bench/browser-large.ts). So a layer the worker holds already goes by its version number
// (client.ts), and the worker puts its own copy back before writing (api.ts).
import type { ProjectLayer } from '../core/types.ts';
import type { HistoryDelta } from '../state/persist.ts';

export const HELD_LAYER = 'zm:held-layer-version';

type AnyCommand = { kind?: string; layer?: unknown; commands?: unknown[] };

function mapLayers(cmd: unknown, f: (c: AnyCommand) => unknown): unknown {
  if (!cmd || typeof cmd !== 'object') return cmd;
  const c = cmd as AnyCommand;
  if (c.kind === 'batch' && Array.isArray(c.commands))
    return { ...c, commands: c.commands.map((x) => mapLayers(x, f)) };
  if ((c.kind === 'add-layer' || c.kind === 'replace-layer') && c.layer) return f(c);
  return cmd;
}

const mapEntries = (history: HistoryDelta, f: (cmd: unknown) => unknown): HistoryDelta => ({
  ...history,
  entries: history.entries.map(([id, e]) => [
    id,
    { redo: f(e.redo), undo: f(e.undo) } as (typeof history.entries)[number][1],
  ]),
});

/** The entries with each layer `heldVersion` knows (its version, or undefined) named by version. */
export function byReference(
  history: HistoryDelta,
  heldVersion: (layer: ProjectLayer) => number | undefined,
): HistoryDelta {
  return mapEntries(history, (cmd) =>
    mapLayers(cmd, (c) => {
      const v = heldVersion(c.layer as ProjectLayer);
      return v === undefined ? c : { ...c, layer: { [HELD_LAYER]: v } };
    }),
  );
}

/** The entries with each layer named by version replaced by `layerOf`'s; throws for one not held. */
export function heldLayersBack(
  history: HistoryDelta,
  layerOf: (version: number) => ProjectLayer | undefined,
): HistoryDelta {
  return mapEntries(history, (cmd) =>
    mapLayers(cmd, (c) => {
      const v = (c.layer as Record<string, unknown>)[HELD_LAYER];
      if (typeof v !== 'number') return c;
      const layer = layerOf(v);
      if (!layer) throw new Error(`the analysis worker no longer holds layer version ${v}`);
      return { ...c, layer };
    }),
  );
}
