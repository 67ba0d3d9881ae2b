// What the peak memory of a report is made of: process.memoryUsage() at each stage of loading a
// project (the reader's progress callbacks: batches of features parsed, reprojection, checks) and
// after the report, and the largest resident set seen at those moments. With --expose-gc, also
// what each stage leaves after a full collection (what lives, as against what waits for the GC).
// Usage: npx tsx bench/memory-stages.ts bench/output/parcels-100k-gk [--gc] (tsx adds ≈ 45 MB of its
// own; bench/RESULTS.md's figures are from the script bundled: npx esbuild bench/memory-stages.ts
// --bundle --platform=node --format=esm --packages=external --outfile=build/bench/memory-stages.mjs,
// then node [--expose-gc] build/bench/memory-stages.mjs DIR [--gc]).
import { buildReport } from '../src/core/report.ts';
import { loadProjectFromPath } from '../src/io/node-project.ts';

const dir = process.argv[2]!;
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => Math.round(n / 2 ** 20);
const rows: string[] = [];
let maxRss = 0;
let maxHeap = 0;
const at = (stage: string) => {
  const m = process.memoryUsage();
  maxRss = Math.max(maxRss, m.rss);
  maxHeap = Math.max(maxHeap, m.heapTotal);
  let live = '';
  if (gc && process.argv.includes('--gc')) {
    gc();
    gc();
    const l = process.memoryUsage();
    live = ` | after GC: heap used ${mb(l.heapUsed)}, array buffers ${mb(l.arrayBuffers)}`;
  }
  rows.push(
    `${stage.padEnd(28)} rss ${String(mb(m.rss)).padStart(4)}  heap total ${String(mb(m.heapTotal)).padStart(4)}  used ${String(mb(m.heapUsed)).padStart(4)}  array buffers ${String(mb(m.arrayBuffers)).padStart(3)}  external ${String(mb(m.external)).padStart(3)}${live}`,
  );
};
at('start');
let last = -1;
const { project } = await loadProjectFromPath(dir, {
  onProgress: (f) => {
    // layer 2 of 2 (land use): f in 0.5..1
    const step = Math.floor(f * 20);
    if (step !== last) {
      last = step;
      at(`load ${(f * 100).toFixed(0)} %`);
    }
  },
});
at('loaded');
if (!project) throw new Error('benchmark project failed to load');
const report = buildReport(project);
at('report built');
process.stdout.write(rows.join('\n') + '\n');
process.stdout.write(
  `largest rss seen ${mb(maxRss)} MB, largest heap ${mb(maxHeap)} MB; ${report.landUse.length} classes\n`,
);
