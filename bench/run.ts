// `npm run bench`: side by side in one run, on a generated 100 000-parcel project in CGCS2000
// Gauss-Kruger metres (EPSG:4547, as county data comes) and the same in lon/lat: `zonemap report
// --json` as a whole command against GEOS (shapely) reading the same GeoJSON and overlaying, and
// against PostGIS loading it (ogr2ogr) and overlaying with ellipsoidal areas, where installed. Then
// a 300 000-parcel file read in Node, and a live edit on the sample project. Prints the figures with
// their targets and writes bench/RESULTS.md; never fails on time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from './large-geojson.ts';
import { makeBenchProject } from './make-project.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'bench/output');
const py = '/usr/bin/python3';

interface Timed {
  seconds: number;
  /** user + system CPU time of the process */
  cpu: number;
  peakMb: number;
  stdout: string;
  ok: boolean;
}

function timed(cmd: string, args: string[]): Timed {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - t) / 1000;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpu =
    Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN) +
    Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN);
  if (r.status !== 0) process.stderr.write(r.stderr.slice(-2000));
  return { seconds, cpu, peakMb: kb / 1024, stdout: r.stdout, ok: r.status === 0 };
}

const node = (script: string, args: string[]) =>
  JSON.parse(
    execFileSync('node', ['--expose-gc', '--import', 'tsx', script, ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    }),
  ) as Record<string, number>;
const s = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(2)} s`);
const mb = (v: number) => `${v.toFixed(0)} MB`;
const met = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : 'not met');

// The command is timed as users run it: compiled JavaScript (npm's prepare step), built if missing.
execFileSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
mkdirSync(out, { recursive: true });
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(', ');
const loadBefore = load();
const started = new Date();
// What a process takes before reading anything: bare node, and the command with its modules loaded
// (`zonemap --help`), so that peak memory can be read both as a whole and as growth.
const bareNode = timed('node', ['-e', '0']);
const bareCommand = timed('node', ['bin/zonemap.js', '--help']);

interface Side {
  label: string;
  crs: 'EPSG:4547' | 'EPSG:4326';
  parcels: number;
  fileMb: number;
  report: Timed;
  planned_km2: number;
  classes: number;
  steps: Record<string, number>;
  geos?: {
    read_s: number;
    overlay_s: number;
    read_cpu_s: number;
    overlay_cpu_s: number;
    crossing: number;
    /** parcels per class overlapping by more than 1e-3 (m² in EPSG:4547) */
    counts: Record<string, number>;
    proc: Timed;
  };
  postgis?: { load_s: number; overlay_s: number; total_s: number; planned_overlap_m2: number };
  postgisSkipped?: string;
}

function side(label: string, crs: 'EPSG:4547' | 'EPSG:4326', dirName: string): Side {
  const dir = path.join(out, dirName);
  console.log(`生成基准项目 (generating ${label}) …`);
  const { parcels, bytes } = makeBenchProject(dir, 317, crs);
  // One untimed run warms the file cache, so neither side pays for the disk.
  timed('node', ['bin/zonemap.js', 'report', dir, '--json']);
  const report = timed('node', ['bin/zonemap.js', 'report', dir, '--json']);
  const json = report.ok
    ? (JSON.parse(report.stdout) as { landUse: unknown[]; composition: { planned_km2: number } })
    : undefined;
  const steps = node('bench/overlay-step.ts', [dir]);
  const res: Side = {
    label,
    crs,
    parcels,
    fileMb: bytes / 1024 / 1024,
    report,
    planned_km2: json?.composition.planned_km2 ?? NaN,
    classes: json?.landUse.length ?? 0,
    steps,
  };
  if (existsSync(py)) {
    const g = timed(py, ['bench/geos_overlay.py', dir]);
    if (g.ok)
      res.geos = {
        ...(JSON.parse(g.stdout) as Omit<NonNullable<Side['geos']>, 'proc'>),
        proc: g,
      };
  }
  const pg = spawnSync(py, ['bench/postgis_overlay.py', dir, crs.slice(5)], { cwd: root, encoding: 'utf8' });
  const pgOut =
    pg.status === 0 ? (JSON.parse(pg.stdout) as Record<string, unknown>) : { skipped: pg.stderr.slice(-300) };
  if (typeof pgOut.skipped === 'string') res.postgisSkipped = pgOut.skipped;
  else res.postgis = pgOut as unknown as Side['postgis'];
  return res;
}

const sides = [
  side('EPSG:4547 (Gauss-Kruger metres)', 'EPSG:4547', 'parcels-100k-gk'),
  side('EPSG:4326 (lon/lat)', 'EPSG:4326', 'parcels-100k'),
];

console.log('生成 300 000 图斑文件 (generating the 300 000-parcel file) …');
const largeFile = path.join(out, 'parcels-300k.geojson');
writeFileSync(largeFile, generate(300_000));
node('bench/read-large.ts', [largeFile]); // warm the file cache
const large = node('bench/read-large.ts', [largeFile]);

const live = node('bench/live-edit.ts', ['data/luoshan']);
const loadAfter = load();

function sideMd(x: Side): string {
  const g = x.geos;
  const st = x.steps;
  const ratio = g ? x.report.seconds / g.proc.seconds : undefined;
  const ratioCpu = g ? x.report.cpu / g.proc.cpu : undefined;
  const rows: string[][] = [
    [
      'zonemap report --json (whole command, start to exit)',
      s(x.report.seconds),
      s(x.report.cpu),
      mb(x.report.peakMb),
    ],
    [
      '  loading the project (read, reproject, check), in one process',
      s(st.load_s),
      s(st.load_cpu_s),
      `GC ${s(st.load_gc_s)}`,
    ],
    ['  overlay and report alone', s(st.report_s), s(st.report_cpu_s), `GC ${s(st.report_gc_s)}`],
  ];
  if (g)
    rows.push(
      ['GEOS (shapely 1.8): read + overlay, process', s(g.proc.seconds), s(g.proc.cpu), mb(g.proc.peakMb)],
      ['  json.load + shape()', s(g.read_s), s(g.read_cpu_s), ''],
      ['  prepared-polygon overlay (planar areas)', s(g.overlay_s), s(g.overlay_cpu_s), ''],
    );
  if (x.postgis)
    rows.push(
      [
        'PostGIS: ogr2ogr load (to EPSG:4490) + GiST index + ellipsoidal overlay',
        s(x.postgis.total_s),
        '',
        '',
      ],
      ['  load', s(x.postgis.load_s), '', ''],
      ['  overlay (geography areas)', s(x.postgis.overlay_s), '', ''],
    );
  const table = rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
  const counts = st.counts as unknown as Record<string, number> | undefined;
  const countDiffs =
    g && counts
      ? [...new Set([...Object.keys(g.counts), ...Object.keys(counts)])]
          .filter((k) => (g.counts[k] ?? 0) !== (counts[k] ?? 0))
          .map((k) => `${k} ${counts[k] ?? 0} against ${g.counts[k] ?? 0}`)
      : undefined;
  const countNote =
    x.crs === 'EPSG:4547' && countDiffs
      ? `\nParcels per class (overlap above 1e-3 m²): ${
          countDiffs.length === 0
            ? "the same as GEOS's in every class"
            : `differ from GEOS's: ${countDiffs.join(', ')}`
        }.\n`
      : '';
  const pgNote = x.postgisSkipped ? `\nPostGIS not measured: ${x.postgisSkipped.trim()}\n` : '';
  const pgCheck = x.postgis
    ? `PostGIS's overlapped area ${(x.postgis.planned_overlap_m2 / 1e6).toFixed(4)} km² (zonemap's planned area ${x.planned_km2.toFixed(4)} km²).`
    : '';
  const both = (wall: boolean, cpu: boolean) =>
    wall && cpu ? 'met' : !wall && !cpu ? 'not met' : `${met(cpu)} in CPU time, ${met(wall)} in wall time`;
  return `### ${x.label}

${x.parcels.toLocaleString('en')} parcels, land-use file ${x.fileMb.toFixed(1)} MB, planned area ${x.planned_km2.toFixed(2)} km², ${
    g ? `${g.crossing.toLocaleString('en')} parcels crossing its boundary` : ''
  }; ${x.classes} classes. ${pgCheck}

| step | wall time | CPU time (user + system) | peak memory / GC |
|---|---|---|---|
${table}
${pgNote}${countNote}
Targets: whole command ≤ 0.5× GEOS read + overlay (${
    ratio === undefined || ratioCpu === undefined
      ? 'no GEOS here'
      : `${ratio.toFixed(2)}× wall, ${ratioCpu.toFixed(2)}× CPU: ${both(ratio <= 0.5, ratioCpu <= 0.5)}`
  }); overlay and report alone ≤ GEOS's prepared overlay (${
    g
      ? `${s(st.report_s)} against ${s(g.overlay_s)} wall, ${s(st.report_cpu_s)} against ${s(g.overlay_cpu_s)} CPU: ${both(st.report_s! <= g.overlay_s, st.report_cpu_s! <= g.overlay_cpu_s)}`
      : 'no GEOS here'
  }); peak memory ≤ 2× the file size (whole process ${mb(x.report.peakMb)} against ${mb(2 * x.fileMb)}: ${met(
    x.report.peakMb <= 2 * x.fileMb,
  )}; above \`zonemap --help\`, ${mb(x.report.peakMb - bareCommand.peakMb)}: ${met(
    x.report.peakMb - bareCommand.peakMb <= 2 * x.fileMb,
  )}).
Memory: peak resident set of the whole process (/usr/bin/time); bare \`node -e 0\` takes ${mb(
    bareNode.peakMb,
  )}, \`zonemap --help\` ${mb(bareCommand.peakMb)}. The loaded project and its report hold ${mb(
    st.held_mb ?? NaN,
  )} after a full collection (heap and array buffers, ${((1024 * 1024 * (st.held_mb ?? NaN)) / x.parcels).toFixed(0)} bytes a parcel).
`;
}

const md = `# Benchmark results

\`npm run bench\` on this machine (${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${
  os.cpus().length
} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB). Load average before the run ${loadBefore}, after ${loadAfter}
(other processes share the cores: wall times are noisy, CPU times less so).

## 100 000 land-use parcels against one planned zone

${sides.map(sideMd).join('\n')}
## Reading 300 000 parcels in Node

${large.features!.toLocaleString('en')} parcels, ${(large.bytes! / 1024 / 1024).toFixed(1)} MB of GeoJSON (bench/large-geojson.ts), read as the CLI reads it
(the file a window of 1 MB at a time → flat polygons in lon/lat, checked for structure): ${s(large.seconds)} (CPU ${s(large.cpu_s)}, GC ${s(large.gc_s)}); peak memory ${mb(
  large.peak_mb!,
)} (whole process), ${mb(large.growth_mb!)} above the process before reading. Target ≤ 1.0 s: ${met(large.seconds! <= 1)}; peak memory ≤ 2× the file size (${mb(
  2 * (large.bytes! / 1024 / 1024),
)}): whole process ${met(large.peak_mb! <= (2 * large.bytes!) / 1024 / 1024)}, growth ${met(
  large.growth_mb! <= (2 * large.bytes!) / 1024 / 1024,
)}.

## Live edit on data/luoshan

Every figure of the report recomputed after one vertex of the planned zone moves (25 edits):
median ${live.median_ms!.toFixed(1)} ms, worst ${live.max_ms!.toFixed(1)} ms (first, cold report ${live.cold_ms!.toFixed(0)} ms).
Target < 50 ms: ${met(live.median_ms! < 50)}.
`;
// The run's figures go between markers; what else RESULTS.md records (earlier comparisons, the
// bundle size) is kept.
const resultsPath = path.join(root, 'bench/RESULTS.md');
const previous = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
const START = '<!-- npm run bench: start -->';
const END = '<!-- npm run bench: end -->';
const block = `${START}\n${md}${END}\n`;
let next: string;
if (previous.includes(START) && previous.includes(END))
  next =
    previous.slice(0, previous.indexOf(START)) +
    block +
    previous.slice(previous.indexOf(END) + END.length + 1);
else {
  // First run with markers: the old generated part ended where the hand-written sections begin.
  const kept = previous.indexOf('\n## Geodesic cut points');
  next = block + (kept >= 0 ? previous.slice(kept) : '');
}
writeFileSync(resultsPath, next);
console.log(md);
