// Runs the analyses for the current project and area method off the render path, latest wins. While
// a capture is open (a vertex being dragged) the report waits for its end: the live figures follow
// the drag (state/live.ts) and the worker is not kept busy with whole reports meanwhile.
import { useEffect, useState } from 'react';
import type { Report } from '../core/report.ts';
import { useAppState } from './store.ts';
import { computeReport } from './analysis.ts';

export function useReport(): { report: Report | null; busy: boolean; error: string | null } {
  const project = useAppState((s) => s.project);
  const method = useAppState((s) => s.areaMethod);
  const capturing = useAppState((s) => s.history.open !== null);
  const [state, setState] = useState<{ report: Report | null; busy: boolean; error: string | null }>({
    report: null,
    busy: false,
    error: null,
  });
  useEffect(() => {
    if (!project || capturing) return;
    let current = true;
    setState((s) => ({ ...s, busy: true }));
    computeReport(project, method).then(
      (report) => {
        // null: superseded by a newer request, whose answer will come
        if (current && report) setState({ report, busy: false, error: null });
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
