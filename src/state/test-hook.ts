// What browser tests drive the write path with, on window.__zonemapState: apply a command (as an
// editing tool does), undo, redo, and read the project. The same functions the UI calls.
import type { Project } from '../core/types.ts';
import type { Command } from './commands.ts';
import { applyCommand, beginCapture, endCapture, redo, undo } from './edit.ts';
import { store } from './store.ts';

export interface StateTestHook {
  apply(cmd: Command): boolean;
  undo(): boolean;
  redo(): boolean;
  beginCapture(): void;
  endCapture(): void;
  project(): Project | null;
}

export function installStateTestHook(): void {
  const hook: StateTestHook = {
    apply: applyCommand,
    undo,
    redo,
    beginCapture,
    endCapture,
    project: () => store.get().project,
  };
  (globalThis as unknown as { __zonemapState?: StateTestHook }).__zonemapState = hook;
}
