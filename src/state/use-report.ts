// Runs the analyses for the current project and area method off the render path, latest wins.
import { useEffect, useState } from 'react';
import type { Report } from '../core/report.ts';
import type { AreaMethod, Project } from '../core/types.ts';
import { useAppState } from './store.ts';
import { computeReport } from './analysis.ts';

// One request per project state, shared by every component that shows figures (the statistics panel,
// the presentation): two requests would supersede each other (latest wins). A change that leaves
// what the report reads as it was (the slides) keeps the report.
let lastAsked: { key: unknown[]; answer: Promise<Report | null> } | null = null;
function reportFor(project: Project, method: AreaMethod): Promise<Report | null> {
  const key = [project.layers, project.settings, project.quotas, project.areaMethod, project.name, method];
  if (lastAsked && lastAsked.key.every((k, i) => k === key[i])) return lastAsked.answer;
  const answer = computeReport(project, method);
  lastAsked = { key, answer };
  return answer;
}

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
    reportFor(project, method).then(
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
