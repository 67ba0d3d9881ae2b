// `npm run bench`: the 100 000-parcel report against GEOS, and a live edit on the sample project.
// Prints figures and writes bench/RESULTS.md; never fails on time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeBenchProject } from './make-project.ts';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'bench/output/parcels-100k');
const py = '/usr/bin/python3';

function timed(cmd: string, args: string[]): { seconds: number; peakMb: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - t) / 1000;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  if (r.status !== 0) process.stderr.write(r.stderr.slice(-2000));
  return { seconds, peakMb: kb / 1024, stdout: r.stdout };
}

const fmt = (s: number) => `${s.toFixed(2)} s`;

console.log('生成基准项目 (generating the benchmark project) …');
const { parcels } = makeBenchProject(dir);

const report = timed('node', ['bin/zonemap.js', 'report', dir, '--json']);
const reportJson = JSON.parse(report.stdout) as { landUse: unknown[]; composition: { planned_km2: number } };
const steps = JSON.parse(
  execFileSync('node', ['--import', 'tsx', 'bench/overlay-step.ts', dir], { cwd: root, encoding: 'utf8' }),
) as {
  load_s: number;
  report_s: number;
};
let geos: { read_s: number; overlay_s: number; total_s: number; crossing: number } | undefined;
let geosProc: { seconds: number; peakMb: number } | undefined;
if (existsSync(py)) {
  const g = timed(py, ['bench/geos_overlay.py', dir]);
  geos = JSON.parse(g.stdout);
  geosProc = g;
}
const live = JSON.parse(
  execFileSync('node', ['--import', 'tsx', 'bench/live-edit.ts', 'data/luoshan'], {
    cwd: root,
    encoding: 'utf8',
  }),
) as {
  cold_ms: number;
  median_ms: number;
  max_ms: number;
};

const rows = [
  [
    'zonemap report (whole command, process start to exit)',
    fmt(report.seconds),
    `${report.peakMb.toFixed(0)} MB`,
  ],
  ['  of which: loading the project (read, validate, normalise)', fmt(steps.load_s), ''],
  ['  of which: the report (land-use overlay, ellipsoidal areas)', fmt(steps.report_s), ''],
  ...(geos && geosProc
    ? [
        [
          'GEOS (shapely 1.8): read + overlay, process',
          fmt(geosProc.seconds),
          `${geosProc.peakMb.toFixed(0)} MB`,
        ],
        ['  of which: json.load + shape()', fmt(geos.read_s), ''],
        ['  of which: prepared-polygon overlay (planar areas)', fmt(geos.overlay_s), ''],
      ]
    : []),
];
const table = rows.map((r) => `| ${r[0]} | ${r[1]} | ${r[2]} |`).join('\n');
const md = `# Benchmark results

\`npm run bench\` on this machine (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${
  (await import('node:os')).cpus().length
} CPUs).

## 100 000 land-use parcels against one planned zone

${parcels.toLocaleString('en')} parcels, planned area ${reportJson.composition.planned_km2.toFixed(2)} km², ${
  geos ? `${geos.crossing.toLocaleString('en')} parcels crossing its boundary` : ''
}; ${reportJson.landUse.length} classes.

| step | time | peak memory |
|---|---|---|
${table}

Targets: whole report no slower than GEOS read + overlay (${
  geosProc ? (report.seconds <= geosProc.seconds ? 'met' : 'not met') : 'no GEOS here'
}); overlay within 2× GEOS's overlay (${
  geos ? (steps.report_s <= 2 * geos.overlay_s ? 'met' : 'not met') : 'no GEOS here'
}, zonemap measures ellipsoidal areas, GEOS planar degrees); peak memory < 1 GB (${report.peakMb < 1024 ? 'met' : 'not met'}).

## Live edit on data/luoshan

Every figure of the report recomputed after one vertex of the planned zone moves (25 edits):
median ${live.median_ms.toFixed(1)} ms, worst ${live.max_ms.toFixed(1)} ms (first, cold report ${live.cold_ms.toFixed(0)} ms).
Target < 50 ms: ${live.median_ms < 50 ? 'met' : 'not met'}.
`;
writeFileSync(path.join(root, 'bench/RESULTS.md'), md);
console.log(md);
