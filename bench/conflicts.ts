// Benchmark (prints, never fails): the three-plan conflicts of three plans of 50 000 parcels each
// against a zone, in Node. Each plan is a jittered grid of convex quadrilaterals over the zone: the
// urban plan drawn on the zone plan's parcels, the land-use plan on its own grid half a cell off;
// classes drawn so that a few per cent of the land disagrees. Prints the whole report's time and the
// conflict analysis's own (shapes already built, as when the page recomputes after an edit).
import { analyseConflicts } from '../src/core/conflicts.ts';
import { buildReport } from '../src/core/report.ts';
import { makeContext } from '../src/core/report-context.ts';
import { analyseZones } from '../src/core/report-zones.ts';
import type { Feature, Project, ProjectLayer } from '../src/core/types.ts';

const N = 50_000;
const SIDE = Math.round(Math.sqrt(N)); // cells per side
const LON0 = 114.5;
const LAT0 = 32.1;
const CELL = 0.0005; // ≈ 50 m

function rand(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Grid node (i, j) of a plan, moved by up to 10 % of a cell: neighbouring parcels share it. */
function node(i: number, j: number, offset: number, seed: number): [number, number] {
  const h = (n: number) => {
    const x = Math.sin(i * 12.9898 + j * 78.233 + seed * 37.719 + n) * 43758.5453;
    return x - Math.floor(x) - 0.5;
  };
  return [LON0 + (i + offset + 0.2 * h(1)) * CELL, LAT0 + (j + offset + 0.2 * h(2)) * CELL];
}

function plan(
  kind: string,
  offset: number,
  classOf: (i: number, j: number, r: number) => string,
  seed: number,
): ProjectLayer {
  const r = rand(seed);
  const features: Feature[] = [];
  for (let j = 0; j < SIDE; j++)
    for (let i = 0; i < SIDE; i++) {
      const ring = [
        node(i, j, offset, seed),
        node(i + 1, j, offset, seed),
        node(i + 1, j + 1, offset, seed),
        node(i, j + 1, offset, seed),
      ];
      ring.push(ring[0]!);
      features.push({
        type: 'Feature',
        properties: { class: classOf(i, j, r()) },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  return {
    id: kind,
    role: 'plan',
    kind,
    file: `${kind}.geojson`,
    crs: 'EPSG:4326',
    fields: { class: 'class' },
    features,
  };
}

const zoneRing = [
  [LON0 + 5 * CELL, LAT0 + 5 * CELL],
  [LON0 + (SIDE - 5) * CELL, LAT0 + 5 * CELL],
  [LON0 + (SIDE - 5) * CELL, LAT0 + (SIDE - 5) * CELL],
  [LON0 + SIDE * 0.5 * CELL, LAT0 + (SIDE - 40) * CELL],
  [LON0 + 5 * CELL, LAT0 + (SIDE - 5) * CELL],
  [LON0 + 5 * CELL, LAT0 + 5 * CELL],
];
const industrial = (i: number, j: number) => (i + j) % 37 !== 0;
const project: Project = {
  name: 'bench',
  crs: 'EPSG:4326',
  areaMethod: 'ellipsoidal',
  settings: { intensityThreshold_wan_per_mu: 120 },
  layers: [
    {
      id: 'zones',
      role: 'zone',
      file: 'zones.geojson',
      crs: 'EPSG:4326',
      fields: {},
      features: [
        {
          type: 'Feature',
          properties: { category: 'planned' },
          geometry: { type: 'Polygon', coordinates: [zoneRing] },
        },
      ],
    },
    plan('industry-plan', 0, (i, j) => (industrial(i, j) ? '1001' : '0701'), 1),
    plan('land-use-plan', 0.5, (_i, _j, r) => (r < 0.03 ? '030' : '010'), 2),
    plan('urban-plan', 0, (i, j, r) => (r < 0.02 ? 'G' : industrial(i, j) ? 'M2' : 'R'), 1),
  ],
};

const methods = process.env.BENCH_METHOD
  ? [process.env.BENCH_METHOD as 'plane']
  : (['ellipsoidal', 'plane'] as const);
for (const method of methods) {
  const t0 = performance.now();
  const r = buildReport(project, { areaMethod: method });
  const whole = performance.now() - t0;
  const ctx = makeContext(project, method);
  const { planned } = analyseZones(ctx);
  const t1 = performance.now();
  analyseConflicts(ctx, planned);
  const own = performance.now() - t1;
  console.log(
    `conflicts, 3 plans × ${SIDE * SIDE} parcels, ${method}: conflict analysis ${own.toFixed(0)} ms ` +
      `(whole report, shapes built cold: ${whole.toFixed(0)} ms); ${r.conflictSummary.count} conflicts ` +
      `(${(r.conflictSummary.area_m2 / (2000 / 3)).toFixed(0)} 亩) and ${r.conflictSummary.slivers} slivers`,
  );
}
