// Runs the analyses for the current project and area method off the render path, latest wins. While
// a capture is open (a vertex being dragged) the report waits for its end: the live figures follow
// the drag (state/live.ts) and the worker is not kept busy with whole reports meanwhile. The last
// report is kept, so a panel that mounts again (the statistics after the review) shows it at once;
// a change of the review's decisions alone, which no figure depends on, computes nothing.
import { useEffect, useState } from 'react';
import type { Report } from '../core/report.ts';
import type { AreaMethod, Project } from '../core/types.ts';
import { useAppState } from './store.ts';
import { computeReport } from './analysis.ts';

let last: { project: Project; method: AreaMethod; report: Report } | null = null;

/** The report the panels show now (the last one the worker answered), for browser tests. */
export const lastReport = (): Report | null => last?.report ?? null;

/** Whether two projects differ only in what no figure reads: the review's decisions, the slides. */
export function sameReportInput(a: Project, b: Project): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('resolutions');
  keys.delete('presentation');
  for (const k of keys) if (a[k as keyof Project] !== b[k as keyof Project]) return false;
  return true;
}

// One request per project state, shared by every component that shows figures (the statistics panel,
// the presentation): two requests would supersede each other (latest wins).
let lastAsked: { project: Project; method: AreaMethod; answer: Promise<Report | null> } | null = null;
function reportFor(project: Project, method: AreaMethod): Promise<Report | null> {
  if (lastAsked && lastAsked.method === method && sameReportInput(lastAsked.project, project))
    return lastAsked.answer;
  const answer = computeReport(project, method);
  lastAsked = { project, method, answer };
  return answer;
}

export function useReport(): { report: Report | null; busy: boolean; error: string | null } {
  const project = useAppState((s) => s.project);
  const method = useAppState((s) => s.areaMethod);
  const capturing = useAppState((s) => s.history.open !== null);
  const cached = (p: Project | null) =>
    p && last && last.method === method && sameReportInput(last.project, p) ? last.report : null;
  const [state, setState] = useState<{ report: Report | null; busy: boolean; error: string | null }>(() => ({
    report: cached(project),
    busy: false,
    error: null,
  }));
  useEffect(() => {
    if (!project || capturing) return;
    const known = cached(project);
    if (known) {
      setState((s) =>
        s.report === known && !s.busy && !s.error ? s : { report: known, busy: false, error: null },
      );
      return;
    }
    let current = true;
    setState((s) => ({ ...s, busy: true }));
    reportFor(project, method).then(
      (report) => {
        // null: superseded by a newer request, whose answer will come
        if (!report) return;
        last = { project, method, report };
        if (current) setState({ report, busy: false, error: null });
      },
      (err: unknown) =>
        current && setState({ report: null, busy: false, error: String((err as Error)?.message ?? err) }),
    );
    return () => {
      current = false;
    };
  }, [project, method, capturing]);
  return state;
}
