// A large Gauss-Kruger GeoJSON read with flat coordinates (the CLI's way) gives the features, the
// problems and the areas of the plain way, to far below the figures' 1e-9.
import { describe, expect, it } from 'vitest';
import { flatOf, sourcePositions } from '../../src/core/flat-coords.ts';
import { shapeOf } from '../../src/core/shape.ts';
import { workspaceFor } from '../../src/core/workspace.ts';
import type { Position } from '../../src/core/types.ts';
import { readLayerFile } from '../../src/io/read.ts';
import { featureProblems } from '../../src/io/validate-file.ts';

/** ≈ 1.5 MB of 100 m parcels in EPSG:4547 (so the batch reader runs), some of them broken. */
function gkFile(): Uint8Array {
  const features: string[] = [];
  for (let i = 0; i < 80; i++)
    for (let j = 0; j < 80; j++) {
      const x = 530000 + i * 100;
      const y = 3547000 + j * 100;
      let ring: (number | null)[][] = [
        [x, y],
        [x + 100.123, y],
        [x + 100.123, y + 100.456],
        [x, y + 100.456],
        [x, y],
      ];
      if (i === 3 && j === 4) ring = ring.slice(0, 4); // unclosed
      if (i === 5 && j === 6) ring[2] = [Infinity, y]; // not finite: written as null, then spelled 1e400
      const geometry =
        (i + j) % 7 === 0
          ? { type: 'MultiPolygon', coordinates: [[ring], [ring.map(([a, b]) => [a! + 10000, b])]] }
          : { type: 'Polygon', coordinates: [ring] };
      const text = JSON.stringify({
        type: 'Feature',
        properties: { BSM: `${i}-${j}`, DLBM: '0101' },
        geometry,
      });
      features.push(
        i === 5 && j === 6 ? text.replace(/"coordinates":.*\]\]\]/, (m) => m.replace('null', '1e400')) : text,
      );
    }
  return new TextEncoder().encode(`{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}`);
}

describe('reading flat coordinates', () => {
  it('gives the plain features, problems and areas', async () => {
    const bytes = gkFile();
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const flat = await readLayerFile('gk.geojson', bytes, { crs: 'EPSG:4547', flat: true });
    const plain = await readLayerFile('gk.geojson', bytes, { crs: 'EPSG:4547' });
    expect(flat.features.length).toBe(plain.features.length);
    expect(flatOf(flat.features[0]!.geometry)).toBeDefined();
    expect(flatOf(plain.features[0]!.geometry)).toBeUndefined();
    expect(flat.problems).toEqual(plain.problems);
    const opts = { file: 'gk.geojson', layer: 'l', role: 'landuse' as const, figuresOnly: true };
    const problems = featureProblems(flat, opts);
    expect([...new Set(problems.map((p) => p.code))].sort()).toEqual([
      'non-finite-coordinate',
      'unclosed-ring',
    ]);
    // the places named agree to 1e-9° (Krüger's series against proj4js, both far finer)
    const rounded = (ps: typeof problems) =>
      ps.map((p) => ({ ...p, at: p.at?.map((v) => Math.round(v * 1e9) / 1e9) }));
    expect(rounded(problems)).toEqual(rounded(featureProblems(plain, opts)));

    const broken = new Set(problems.map((p) => p.feature));
    const ell = workspaceFor('ellipsoidal');
    const gk = workspaceFor('plane', 'EPSG:4547');
    let worstDeg = 0;
    flat.features.forEach((f, i) => {
      if (broken.has(i)) return; // not measured: loading refuses them (the plain path throws on NaN)
      const p = plain.features[i]!;
      const a = (f.geometry as { coordinates: Position[][] }).coordinates.flat(
        Infinity,
      ) as unknown as number[];
      const b = (p.geometry as { coordinates: Position[][] }).coordinates.flat(
        Infinity,
      ) as unknown as number[];
      a.forEach((v, k) => (worstDeg = Math.max(worstDeg, Math.abs(v - b[k]!))));
      for (const ws of [ell, gk]) {
        const sa = shapeOf(f.geometry, ws)?.area ?? 0;
        const sb = shapeOf(p.geometry, ws)?.area ?? 0;
        expect(Math.abs(sa - sb)).toBeLessThanOrEqual(1e-9 * Math.abs(sb));
      }
    });
    expect(worstDeg).toBeLessThan(1e-11);
    // The plane measures the file's own metres, kept beside the lon/lat.
    const src = sourcePositions(flat.features[1]!.geometry, 'EPSG:4547')!;
    expect(Array.from(src.subarray(0, 4))).toEqual([530000, 3547100, 530100.123, 3547100]);
    expect(shapeOf(flat.features[1]!.geometry, gk)!.area).toBeCloseTo(100.123 * 100.456, 6);
  });
});
