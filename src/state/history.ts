// Undo and redo over commands.ts. Pure: a History and a Doc in, new ones out, so the store keeps
// both in one state and a test can replay any sequence. An entry is what one user action did; a
// capture (begin … end) folds every command between into one entry, so a drag is undone at once
// (excalidraw's store captures so; placemark's moments are the same idea).
import { run, type Command, type Doc } from './commands.ts';

export interface Entry {
  redo: Command;
  undo: Command;
}

export interface History {
  past: Entry[];
  future: Entry[];
  /** the commands of a capture in progress, with their inverses, oldest first */
  open: Entry[] | null;
}

export const emptyHistory = (): History => ({ past: [], future: [], open: null });

/** The most entries kept; the oldest are forgotten first. */
export const HISTORY_LIMIT = 200;

function fold(entries: Entry[]): Entry {
  if (entries.length === 1) return entries[0]!;
  return {
    redo: { kind: 'batch', commands: entries.map((e) => e.redo) },
    undo: { kind: 'batch', commands: entries.map((e) => e.undo).reverse() },
  };
}

/** Applies a command and records how to undo it; a new command forgets what could be redone. */
export function apply(h: History, doc: Doc, cmd: Command): { history: History; doc: Doc } {
  const r = run(doc, cmd);
  const entry = { redo: r.applied ?? cmd, undo: r.inverse };
  if (h.open) return { doc: r.doc, history: { ...h, open: [...h.open, entry] } };
  return { doc: r.doc, history: { past: [...h.past, entry].slice(-HISTORY_LIMIT), future: [], open: null } };
}

/** Starts a capture: the commands until `end` become one entry. A capture open already goes on. */
export function begin(h: History): History {
  return h.open ? h : { ...h, open: [] };
}

/** Closes the capture; nothing applied meanwhile leaves no entry. */
export function end(h: History): History {
  if (!h.open) return h;
  if (h.open.length === 0) return { ...h, open: null };
  return { past: [...h.past, fold(h.open)].slice(-HISTORY_LIMIT), future: [], open: null };
}

export function undo(h: History, doc: Doc): { history: History; doc: Doc } {
  const closed = end(h);
  const entry = closed.past[closed.past.length - 1];
  if (!entry) return { history: closed, doc };
  const r = run(doc, entry.undo);
  return {
    doc: r.doc,
    history: { past: closed.past.slice(0, -1), future: [...closed.future, entry], open: null },
  };
}

export function redo(h: History, doc: Doc): { history: History; doc: Doc } {
  const closed = end(h);
  const entry = closed.future[closed.future.length - 1];
  if (!entry) return { history: closed, doc };
  const r = run(doc, entry.redo);
  // The redo's own inverse replaces the old one: it undoes exactly what this run did.
  return {
    doc: r.doc,
    history: {
      past: [...closed.past, { redo: entry.redo, undo: r.inverse }],
      future: closed.future.slice(0, -1),
      open: null,
    },
  };
}

export const canUndo = (h: History): boolean => h.past.length > 0 || (h.open?.length ?? 0) > 0;
