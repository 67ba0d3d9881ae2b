// Import benchmark (issue 4): generates a ~100 MB GeoJSON of ~300 000 land parcels near 罗山,
// imports it the way the Worker does (readLayerFile with progress), then a truncated copy, and
// prints time and peak memory. Prints figures; never fails on time.
// Run: npx tsx bench/import.ts [parcels]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLayerFile } from '../src/io/read.ts';
import { generate } from './large-geojson.ts';

const parcels = Number(process.argv[2] ?? 300_000);

async function measure(label: string, run: () => Promise<string>): Promise<void> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const what = await run();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const over = (peak - base) / 2 ** 20;
  // The file's own bytes are already in `base`; this is what the import adds on top of them.
  console.log(
    `${label}: ${(ms / 1000).toFixed(2)} s; peak +${over.toFixed(0)} MB above the loaded file = ${(over / mb).toFixed(2)}× its size (${what})`,
  );
}

// The import is measured in a fresh process so the generator's memory does not hide its peak.
const fileArg = process.argv.indexOf('--file');
if (fileArg < 0) {
  const bytes = generate(parcels);
  const path = join(tmpdir(), `zonemap-bench-${parcels}.geojson`);
  writeFileSync(path, bytes);
  console.log(`generated ${parcels} parcels, ${(bytes.length / 2 ** 20).toFixed(1)} MB of GeoJSON`);
  execFileSync(process.execPath, ['--import', 'tsx', process.argv[1]!, '--file', path], { stdio: 'inherit' });
  process.exit(0);
}
const bytes = new Uint8Array(readFileSync(process.argv[fileArg + 1]!));
const mb = bytes.length / 2 ** 20;

await measure('import', async () => {
  let updates = 0;
  const r = await readLayerFile('parcels.geojson', bytes, { onProgress: () => updates++ });
  return `${r.features.length} features, ${r.problems.length} problems, ${updates} progress updates; file ${mb.toFixed(0)} MB`;
});

const truncated = bytes.subarray(0, Math.floor(bytes.length * 0.7));
await measure('truncated import', async () => {
  const r = await readLayerFile('parcels.geojson', truncated);
  return `${r.problems.map((p) => p.code).join(', ')}: ${r.problems[0]?.message ?? ''}`;
});

await measure('cancelled import', async () => {
  const ctrl = new AbortController();
  ctrl.abort();
  const r = await readLayerFile('parcels.geojson', bytes, { signal: ctrl.signal });
  return r.problems.map((p) => p.code).join(', ');
});
