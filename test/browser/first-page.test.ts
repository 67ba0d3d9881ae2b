// The first page stays small (issue 13, item 5): the JavaScript the built app loads at start (its
// entry and every chunk index.html preloads) carries no CRS, ellipsoid or polygon-clipping library;
// they run in the analysis worker or load with the dialogs that need them. Reads dist/ as built.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const DIST = path.resolve(import.meta.dirname, '../../dist');

function initialChunks(): string[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const re = /<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g;
  return [...html.matchAll(re)].map((m) => m[1]!);
}

// strings each library keeps through minification (checked in the lazy chunks and workers)
const MARKERS: Record<string, string> = {
  proj4: 'Transverse_Mercator',
  'geographiclib-geodesic': 'GeographicLib',
  'polyclip-ts': 'Unable to complete output ring',
};

it('loads no CRS, geodesic or clipping library at start', () => {
  const chunks = initialChunks();
  expect(chunks.length).toBeGreaterThan(0);
  const found = chunks.flatMap((c) => {
    const text = readFileSync(path.join(DIST, c), 'utf8');
    return Object.entries(MARKERS)
      .filter(([, marker]) => text.includes(marker))
      .map(([lib]) => `${lib} in ${c}`);
  });
  expect(found).toEqual([]);
});

it('still ships those libraries in the analysis worker (the markers are real)', () => {
  const starter = initialChunks()
    .map((c) => readFileSync(path.join(DIST, c), 'utf8'))
    .join('\n');
  const workerFile = /analysis\.worker-[\w-]+\.js/.exec(starter)?.[0];
  expect(workerFile).toBeDefined();
  const text = readFileSync(path.join(DIST, 'assets', workerFile!), 'utf8');
  for (const marker of Object.values(MARKERS)) expect(text).toContain(marker);
});
