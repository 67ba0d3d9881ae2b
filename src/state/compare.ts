// The scenario comparison the planner asked for (which two scenarios) and its result, computed in
// the analysis worker by core/compare.ts. Kept here, apart from the app store: it is a view of the
// project, not part of it, and it is computed again whenever the project or the area method changes.
import { useSyncExternalStore } from 'react';
import type { ScenarioComparison } from '../core/compare.ts';
import type { AreaMethod, Project } from '../core/types.ts';
import { analysisClient } from './analysis.ts';

export interface CompareView {
  from: string;
  to: string;
  status: 'running' | 'done' | 'failed';
  result?: ScenarioComparison;
  error?: string;
}

let view: CompareView | null = null;
let seq = 0;
const listeners = new Set<() => void>();
const tell = () => {
  for (const l of listeners) l();
};

export function useCompareView(): CompareView | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => view,
  );
}

/** Compares scenario `to` with `from` for the project as it is now; a later request wins. */
export async function runCompare(
  project: Project,
  from: string,
  to: string,
  method: AreaMethod,
): Promise<void> {
  const mine = ++seq;
  view = {
    from,
    to,
    status: 'running',
    ...(view?.from === from && view.to === to && view.result ? { result: view.result } : {}),
  };
  tell();
  try {
    const result = await analysisClient().compare(project, from, to, method);
    if (mine !== seq) return;
    view = { from, to, status: 'done', result };
  } catch (e) {
    if (mine !== seq) return;
    view = { from, to, status: 'failed', error: String((e as Error)?.message ?? e) };
  }
  tell();
}

/** Opens the comparison of two scenarios; ComparePanel computes it (again on every change). */
export function openCompare(from: string, to: string): void {
  seq++;
  view = { from, to, status: 'running' };
  tell();
}

export function closeCompare(): void {
  seq++;
  view = null;
  tell();
}
