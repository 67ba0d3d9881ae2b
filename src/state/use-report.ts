// Runs the analyses for the current project and area method off the render path, latest wins.
import { useEffect, useState } from 'react';
import type { Report } from '../core/report.ts';
import { useAppState } from './store.ts';
import { computeReport } from './analysis.ts';

export function useReport(): { report: Report | null; busy: boolean; error: string | null } {
  const project = useAppState((s) => s.project);
  const method = useAppState((s) => s.areaMethod);
  const [state, setState] = useState<{ report: Report | null; busy: boolean; error: string | null }>({
    report: null,
    busy: false,
    error: null,
  });
  useEffect(() => {
    if (!project) return;
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
  }, [project, method]);
  return state;
}
