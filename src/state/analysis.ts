// The page's entry to the analysis worker: reports (latest wins), saving the project, and the
// display data of large layers. One worker for the page's lifetime.
import type { AreaMethod, Project, ProjectLayer } from '../core/types.ts';
import type { FeatureMeasure } from '../core/feature-measure.ts';
import type { Report } from '../core/report.ts';
import { createAnalysisClient, type AnalysisClient } from '../worker/client.ts';

let client: AnalysisClient | null = null;
export function analysisClient(): AnalysisClient {
  client ??= createAnalysisClient();
  return client;
}

/** The report, or null when a newer request superseded this one. */
export function computeReport(project: Project, method: AreaMethod): Promise<Report | null> {
  return analysisClient().report(project, method);
}

/** A URL of a layer's display GeoJSON, made in the worker from the project as it is now. */
export function displayUrl(project: Project, layer: ProjectLayer): Promise<string> {
  return analysisClient().displayUrl(project, project.layers.indexOf(layer));
}

/** The inspector's measure of a feature, computed in the worker so the page carries no geometry code. */
export function measureFeature(
  project: Project,
  layer: ProjectLayer,
  featureIndex: number,
  method: AreaMethod,
): Promise<FeatureMeasure | null> {
  return analysisClient().measure(project, project.layers.indexOf(layer), featureIndex, method);
}

/** A URL of a layer's label points, made in the worker. */
export function labelUrl(project: Project, layer: ProjectLayer): Promise<string> {
  return analysisClient().labelUrl(project, project.layers.indexOf(layer));
}
