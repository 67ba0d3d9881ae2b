// Regression: one polygon with tens of thousands of holes took minutes (each hole compared with
// every other one for repeats and nesting); the rings are now grouped and indexed by their boxes.
// Figures by construction: a 200 × 200 grid of 0.5 × 0.5 squares in a 101 × 101 shell.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolygon } from '../../src/core/validity/index.ts';

const square = (x: number, y: number, s: number): Float64Array =>
  Float64Array.from([x, y, x, y + s, x + s, y + s, x + s, y, x, y]);

function gridPolygon(n: number): Float64Array[] {
  const size = n / 2 + 1;
  const rings: Float64Array[] = [Float64Array.from([0, 0, size, 0, size, size, 0, size, 0, 0])];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rings.push(square(0.5 + i / 2, 0.5 + j / 2, 0.25));
  return rings;
}

const timed = <T>(what: string, f: () => T): T => {
  const t0 = performance.now();
  const out = f();
  console.log(`${what}: ${(performance.now() - t0).toFixed(0)} ms`);
  return out;
};

describe('a polygon with 40 000 holes', () => {
  it('is valid, and found so in well under a minute', () => {
    const rings = gridPolygon(200);
    expect(rings.length).toBe(40_001);
    expect(timed('checkPolygon, 40 000 holes', () => checkPolygon(rings))).toEqual([]);
  });

  it('still finds one repeated and one nested hole among them', () => {
    const rings = gridPolygon(200);
    // A copy of hole 5 000 (running the other way) and a small square inside hole 20 000.
    const h = rings[5000]!;
    rings.push(Float64Array.from([h[0]!, h[1]!, h[6]!, h[7]!, h[4]!, h[5]!, h[2]!, h[3]!, h[0]!, h[1]!]));
    const [x, y] = [rings[20_000]![0]!, rings[20_000]![1]!];
    rings.push(square(x + 0.1, y + 0.1, 0.05));
    const found = timed('checkPolygon, 40 002 holes', () => checkPolygon(rings));
    expect(found.map((i) => [i.code, i.count]).sort()).toEqual([
      ['duplicate-hole', 1],
      ['nested-holes', 1],
    ]);
    expect(found.find((i) => i.code === 'nested-holes')).toMatchObject({ x: x + 0.1, y: y + 0.1 });
  });

  it('zonemap validate passes it', { timeout: 60_000 }, () => {
    const toLonLat = (r: Float64Array) => {
      const out: number[][] = [];
      for (let i = 0; i < r.length; i += 2) out.push([114 + r[i]! * 0.001, 32 + r[i + 1]! * 0.001]);
      return out;
    };
    const geometry = { type: 'Polygon', coordinates: gridPolygon(200).map(toLonLat) };
    const file = join(mkdtempSync(join(tmpdir(), 'zonemap-holes-')), 'holes.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry }],
      }),
    );
    const run = timed('zonemap validate, 40 000 holes', () =>
      spawnSync(process.execPath, ['bin/zonemap.js', 'validate', file, '--json'], { encoding: 'utf8' }),
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, errors: [], warnings: [] });
  });
});
