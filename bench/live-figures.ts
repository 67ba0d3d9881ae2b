// Live figures after a vertex move (issue 10, item 3): every live figure (the edited part's area and
// change, the composition check, townships and villages, the 三区三线 conflicts) brought up to date
// through the analysis worker's api, messages cloned as postMessage would clone them. On
// data/luoshan and on a generated project of 100 000 basic-farmland parcels. Prints figures; never
// fails on time.   npx tsx bench/live-figures.ts [moves]
import { cpus, loadavg } from 'node:os';
import { withFeatureIds } from '../src/core/feature-ids.ts';
import type { Polygon, Project } from '../src/core/types.ts';
import { loadProjectFromPath } from '../src/io/node-project.ts';
import { createApi } from '../src/worker/api.ts';
import { createClientFor, type AnalysisRemote } from '../src/worker/client.ts';
import { makeLiveProject } from './make-live-project.ts';

const MOVES = Number(process.argv[2] ?? 60);

/** The api behind a remote that clones arguments and answers, as a Worker's messages are. */
function clonedRemote(): AnalysisRemote {
  const api = createApi();
  return Object.fromEntries(
    Object.entries(api).map(([k, f]) => [
      k,
      async (...args: unknown[]) =>
        structuredClone((f as (...a: unknown[]) => unknown)(...structuredClone(args))),
    ]),
  ) as unknown as AnalysisRemote;
}

/** A drag: vertex `vertex` of the planned zone (feature 0) moved `step` times a little further. */
function dragged(p: Project, vertex: number, step: number): Project {
  const zones = p.layers[0]!;
  const f = zones.features[0]!;
  const g = f.geometry as Polygon;
  const ring = g.coordinates[0]!.map((q) => [...q]);
  const k = 1 + (vertex % (ring.length - 2));
  ring[k] = [ring[k]![0]! + 0.00005 * step, ring[k]![1]! + 0.00003 * step];
  const moved = {
    ...f,
    geometry: { type: 'Polygon' as const, coordinates: [ring, ...g.coordinates.slice(1)] },
  };
  return {
    ...p,
    layers: [{ ...zones, features: [moved, ...zones.features.slice(1)] }, ...p.layers.slice(1)],
  };
}

interface Run {
  project: string;
  parcels: number;
  start_ms: number;
  moves: number;
  median_ms: number;
  worst_ms: number;
  cpu_median_ms: number;
  cpu_worst_ms: number;
  measured_median: number;
  kept_median: number;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;

async function bench(name: string, base: Project, parcels: number): Promise<Run> {
  const client = createClientFor(clonedRemote());
  let t = performance.now();
  const first = await client.live(base, base, 'ellipsoidal');
  const start = performance.now() - t;
  if (!first) throw new Error('no live figures');
  const wall: number[] = [];
  const cpu: number[] = [];
  const measured: number[] = [];
  const kept: number[] = [];
  // Drags of ten steps each over different vertices, as a planner reshapes a boundary.
  for (let m = 0; m < MOVES; m++) {
    const p = dragged(base, 7 * Math.floor(m / 10), (m % 10) + 1);
    const c0 = process.cpuUsage();
    t = performance.now();
    const live = await client.live(p, base, 'ellipsoidal');
    wall.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    measured.push(live!.work.measured);
    kept.push(live!.work.kept);
  }
  return {
    project: name,
    parcels,
    start_ms: start,
    moves: MOVES,
    median_ms: median(wall),
    worst_ms: Math.max(...wall),
    cpu_median_ms: median(cpu),
    cpu_worst_ms: Math.max(...cpu),
    measured_median: median(measured),
    kept_median: median(kept),
  };
}

const { project } = await loadProjectFromPath('data/luoshan');
if (!project) throw new Error('cannot load data/luoshan');
const sample = {
  ...project,
  layers: project.layers.map((l) => ({ ...l, features: withFeatureIds(l.features) })),
};
const runs: Run[] = [await bench('data/luoshan', sample, 0)];
const big = makeLiveProject();
runs.push(await bench('100 000 parcels', big, big.layers.find((l) => l.id === 'farmland')!.features.length));

console.log(
  `live figures after a vertex move (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${
    cpus().length
  } CPUs, load average ${loadavg()[0]!.toFixed(1)})`,
);
for (const r of runs)
  console.log(
    `${r.project}: median ${r.median_ms.toFixed(1)} ms, worst ${r.worst_ms.toFixed(1)} ms (CPU median ${r.cpu_median_ms.toFixed(
      1,
    )} ms, worst ${r.cpu_worst_ms.toFixed(1)} ms) over ${r.moves} moves; session start ${r.start_ms.toFixed(
      0,
    )} ms; overlays measured per move ${r.measured_median}, kept ${r.kept_median}`,
  );
const [s, b] = runs as [Run, Run];
console.log(
  `targets: sample median ≤ 16 ms ${s.median_ms <= 16 ? 'met' : 'not met'}, worst ≤ 50 ms ${
    s.worst_ms <= 50 ? 'met' : 'not met'
  }; 100 000 parcels median ≤ 100 ms ${b.median_ms <= 100 ? 'met' : 'not met'}`,
);
console.log(JSON.stringify(runs));
