// Recomputes every figure of the sample project after one vertex of the planned zone moves, as the
// statistics panel does on every edit (caches warm, the moved zone a new geometry object).
import { buildReport } from '../src/core/report.ts';
import { zoneFeatureMoved } from './moved-vertex.ts';
import { loadProjectFromPath } from '../src/io/node-project.ts';

const dir = process.argv[2] ?? 'data/luoshan';
const { project } = await loadProjectFromPath(dir);
if (!project) throw new Error(`cannot load ${dir}`);
const tc = performance.now();
buildReport(project);
const cold = performance.now() - tc;
const times: number[] = [];
let p = project;
for (let k = 0; k < 25; k++) {
  p = zoneFeatureMoved(p, k);
  const t = performance.now();
  buildReport(p);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    cold_ms: cold,
    median_ms: times[Math.floor(times.length / 2)],
    max_ms: times[times.length - 1],
  }) + '\n',
);
