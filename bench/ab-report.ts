// Compares the report's CPU time between two checkouts of zonemap in one process, alternating them
// on fresh copies of one loaded project (so that both run cold, under the same load):
//   npx tsx bench/ab-report.ts BEFORE_ROOT AFTER_ROOT [PROJECT_DIR] [REPS]
// e.g. with BEFORE_ROOT from `git archive <commit> src | tar -x -C /tmp/before` (node_modules linked).
// CPU time (process.cpuUsage) rather than wall time: the machine is shared. Prints figures only.
import path from 'node:path';

const [beforeRoot, afterRoot, dirArg, repsArg] = process.argv.slice(2);
if (!beforeRoot || !afterRoot) {
  console.error('usage: tsx bench/ab-report.ts BEFORE_ROOT AFTER_ROOT [PROJECT_DIR] [REPS]');
  process.exit(2);
}
const dir = dirArg ?? path.resolve(import.meta.dirname, 'output/parcels-100k');
const reps = Number(repsArg ?? 8);

type ReportModule = { buildReport: (p: unknown) => { composition: { unassigned_m2: number } } };
const load = (root: string) => import(path.resolve(root, 'src/core/report.ts')) as Promise<ReportModule>;
const versions: [string, ReportModule][] = [
  ['before', await load(beforeRoot)],
  ['after', await load(afterRoot)],
];
const { loadProjectFromPath } = await import(path.resolve(afterRoot, 'src/io/node-project.ts'));
const { project } = await loadProjectFromPath(dir);

const times: Record<string, number[]> = { before: [], after: [] };
for (let rep = 0; rep < reps; rep++) {
  const order = rep % 2 ? [...versions].reverse() : versions;
  for (const [name, m] of order) {
    const copy = structuredClone(project);
    const c0 = process.cpuUsage();
    m.buildReport(copy);
    const c = process.cpuUsage(c0);
    times[name]!.push((c.user + c.system) / 1e6);
  }
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
// The first round of each warms the JIT up; it is left out of the median.
const b = median(times.before!.slice(1));
const a = median(times.after!.slice(1));
console.log(
  JSON.stringify({
    before_cpu_s: times.before,
    after_cpu_s: times.after,
    before_median_s: b,
    after_median_s: a,
    change: a / b - 1,
  }),
);
