// The page's entry to the analyses: core's buildReport runs in the analysis worker, latest wins.
import type { AreaMethod, Project } from '../core/types.ts';
import type { Report } from '../core/report.ts';
import { createAnalysisClient, type AnalysisClient } from '../worker/client.ts';

let client: AnalysisClient | null = null;

/** The report, or null when a newer request superseded this one. */
export function computeReport(project: Project, method: AreaMethod): Promise<Report | null> {
  client ??= createAnalysisClient();
  return client.report(project, method);
}
