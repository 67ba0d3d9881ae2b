// Times the steps of a report inside one process: loading the project, then the land-use overlay
// (every parcel against the planned area, ellipsoidal), then the whole report.
import { buildReport } from '../src/core/report.ts';
import { loadProjectFromPath } from '../src/io/node-project.ts';

const dir = process.argv[2]!;
const t0 = performance.now();
const { project } = await loadProjectFromPath(dir);
const t1 = performance.now();
if (!project) throw new Error('benchmark project failed to load');
const report = buildReport(project);
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({
    load_s: (t1 - t0) / 1000,
    report_s: (t2 - t1) / 1000,
    classes: report.landUse.length,
    planned_km2: report.composition.planned_km2,
  }) + '\n',
);
