// Reads one large GeoJSON layer in Node as the CLI does (the file a window at a time → features in
// lon/lat, flat polygons; openFileSource and readLayerFile), timed inside the process; prints wall and CPU time, GC time and peak memory (the
// process's own, and above what it held before reading). Usage: read-large.ts FILE
import { PerformanceObserver } from 'node:perf_hooks';
import { openFileSource } from '../src/io/node-project.ts';
import { readLayerFile } from '../src/io/read.ts';

const file = process.argv[2]!;
let gcMs = 0;
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
obs.observe({ entryTypes: ['gc'] });
const before = process.resourceUsage().maxRSS;
const c0 = process.cpuUsage();
const t0 = performance.now();
const source = await openFileSource(file);
const size = source.size;
const read = await readLayerFile(file, { bytes: undefined, source }, { flat: true });
const seconds = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
await new Promise((resolve) => setTimeout(resolve, 20));
obs.disconnect();
const peak = process.resourceUsage().maxRSS;
process.stdout.write(
  JSON.stringify({
    seconds,
    cpu_s: (c.user + c.system) / 1e6,
    gc_s: gcMs / 1000,
    features: read.features.length,
    errors: read.problems.filter((p) => p.severity === 'error').length,
    bytes: size,
    peak_mb: peak / 1024,
    growth_mb: (peak - before) / 1024,
  }) + '\n',
);
