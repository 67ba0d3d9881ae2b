// A decision changes the project but no figure of the report: the page computes nothing for it.
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/core/types.ts';
import { run } from '../../src/state/commands.ts';
import { sameReportInput } from '../../src/state/use-report.ts';

const project: Project = {
  name: 'p',
  crs: 'EPSG:4326',
  areaMethod: 'ellipsoidal',
  layers: [{ id: 'zones', role: 'zone', file: 'z.geojson', crs: 'EPSG:4326', fields: {}, features: [] }],
  settings: { intensityThreshold_wan_per_mu: 120 },
};
const doc = { project, problems: [], visibility: {}, opacity: {} };
const snapshot = { planA: 'a', planB: 'b', classA: '1', classB: '2', area_m2: 1, township: '', village: '' };

describe('sameReportInput', () => {
  it('is true after a set-resolution, false after a rename or a new layer set', () => {
    const marked = run(doc, {
      kind: 'set-resolution',
      conflictId: 'x',
      resolution: { decision: 'accepted', note: '', date: '2026-12-01', conflict: snapshot },
    }).doc.project;
    expect(marked).not.toBe(project);
    expect(sameReportInput(project, marked)).toBe(true);
    const renamed = run(doc, { kind: 'rename-layer', layerId: 'zones', name: '规划范围' }).doc.project;
    expect(sameReportInput(project, renamed)).toBe(false);
    expect(sameReportInput(project, { ...project, settings: { intensityThreshold_wan_per_mu: 200 } })).toBe(
      false,
    );
  });
});
