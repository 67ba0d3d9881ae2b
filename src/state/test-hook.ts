// What browser tests drive the write path with, on window.__zonemapState: apply a command (as an
// editing tool does), undo, redo, and read the project and the report the page shows. The same
// functions the UI calls.
import type { Report } from '../core/report.ts';
import type { Project } from '../core/types.ts';
import type { Command } from './commands.ts';
import { applyCommand, beginCapture, endCapture, redo, undo } from './edit.ts';
import { store } from './store.ts';
import { lastReport } from './use-report.ts';

export interface StateTestHook {
  apply(cmd: Command): boolean;
  undo(): boolean;
  redo(): boolean;
  beginCapture(): void;
  endCapture(): void;
  project(): Project | null;
  /** the report the statistics and the review show, as the analysis worker computed it */
  report(): Report | null;
}

export function installStateTestHook(): void {
  const hook: StateTestHook = {
    apply: applyCommand,
    undo,
    redo,
    beginCapture,
    endCapture,
    project: () => store.get().project,
    report: lastReport,
  };
  (globalThis as unknown as { __zonemapState?: StateTestHook }).__zonemapState = hook;
}
