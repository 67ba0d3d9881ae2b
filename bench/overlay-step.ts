// Times the steps of a report inside one process: loading the project, then the report (land-use
// overlay, ellipsoidal areas, every table). Wall and CPU time per step, and the time the garbage
// collector took in each (PerformanceObserver 'gc' entries), so a loaded machine can be told apart;
// and, run with --expose-gc, the memory the loaded project and its report hold after a collection.
import { PerformanceObserver } from 'node:perf_hooks';
import { buildReport } from '../src/core/report.ts';
import { loadProjectFromPath } from '../src/io/node-project.ts';

const dir = process.argv[2]!;
// Memory the loaded project holds: heap and array buffers after a full collection, before and
// after loading (needs --expose-gc; 0 without it).
const gc = (globalThis as { gc?: () => void }).gc;
const held = () => {
  // Twice: a collection can leave what the concurrent marker had not yet reached.
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return gc ? (m.heapUsed + m.arrayBuffers) / 2 ** 20 : 0;
};
const heldBefore = held();
let gcMs = 0;
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
obs.observe({ entryTypes: ['gc'] });
const flushGc = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const t0 = performance.now();
const c0 = cpu();
const { project } = await loadProjectFromPath(dir);
const t1 = performance.now();
const c1 = cpu();
await flushGc();
const gcLoad = gcMs;
if (!project) throw new Error('benchmark project failed to load');
const t1b = performance.now();
const c1b = cpu();
const report = buildReport(project);
const t2 = performance.now();
const c2 = cpu();
await flushGc();
obs.disconnect();
const heldAfter = held();
process.stdout.write(
  JSON.stringify({
    load_s: (t1 - t0) / 1000,
    load_cpu_s: c1 - c0,
    load_gc_s: gcLoad / 1000,
    report_s: (t2 - t1b) / 1000,
    report_cpu_s: c2 - c1b,
    report_gc_s: (gcMs - gcLoad) / 1000,
    held_mb: heldAfter - heldBefore,
    classes: report.landUse.length,
    counts: Object.fromEntries(report.landUse.map((l) => [l.class, l.parcels])),
    planned_km2: report.composition.planned_km2,
  }) + '\n',
);
