// Prints the initial JavaScript of the built app: the entry script and every chunk it preloads,
// raw and gzipped, against the 450 KB gzip budget. Lazily loaded chunks and workers are listed apart.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 450;
const html = readFileSync('dist/index.html', 'utf8');
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map(
    (m) => m[1],
  ),
);
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
let rawTotal = 0;
let gzTotal = 0;
console.log('initial JavaScript (dist/):');
for (const file of initial) {
  const bytes = readFileSync(join('dist', file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  rawTotal += bytes.length;
  gzTotal += gz;
  console.log(`  ${file.padEnd(48)} ${kb(bytes.length)} raw ${kb(gz)} gzip`);
}
console.log(
  `  ${'total'.padEnd(48)} ${kb(rawTotal)} raw ${kb(gzTotal)} gzip  (budget ${BUDGET_KB} KB gzip: ${gzTotal / 1024 <= BUDGET_KB ? 'within' : 'OVER'})`,
);
console.log('loaded later (lazy chunks, workers):');
for (const file of readdirSync('dist/assets')) {
  const rel = `assets/${file}`;
  if (!file.endsWith('.js') && !file.endsWith('.mjs')) continue;
  if (initial.has(rel)) continue;
  const bytes = readFileSync(join('dist', rel));
  console.log(
    `  ${rel.padEnd(48)} ${kb(statSync(join('dist', rel)).size)} raw ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`,
  );
}
