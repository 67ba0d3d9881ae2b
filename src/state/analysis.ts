// The page's entry to the analyses. Runs core's buildReport; yields to the browser first so the
// map can paint before the first figures are computed.
import type { AreaMethod, Project } from '../core/types.ts';
import { buildReport, type Report } from '../core/report.ts';

export async function computeReport(project: Project, method: AreaMethod): Promise<Report> {
  await new Promise((r) => setTimeout(r, 0));
  return buildReport(project, { areaMethod: method });
}
