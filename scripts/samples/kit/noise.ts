// Deterministic noise for the sample generators: an integer hash and smooth value noise built on it.

/** Integer hash of (i, j, seed) to [0, 1). */
export function hash3(i: number, j: number, s: number): number {
  let h = Math.imul(i | 0, 374761393) ^ Math.imul(j | 0, 668265263) ^ Math.imul(s | 0, 1274126177);
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  h = Math.imul(h ^ (h >>> 15), 2246822519);
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

/** Smooth value noise in [0, 1). */
export function vnoise(x: number, y: number, scale: number, seed: number): number {
  const gx = x / scale;
  const gy = y / scale;
  const i = Math.floor(gx);
  const j = Math.floor(gy);
  const fx = gx - i;
  const fy = gy - j;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const a = hash3(i, j, seed);
  const b = hash3(i + 1, j, seed);
  const c = hash3(i, j + 1, seed);
  const d = hash3(i + 1, j + 1, seed);
  return a + (b - a) * sx + (c - a) * sy + (a - b - c + d) * sx * sy;
}

export function fbm(x: number, y: number, scale: number, seed: number): number {
  return (
    0.55 * vnoise(x, y, scale, seed) +
    0.3 * vnoise(x, y, scale / 2.3, seed + 17) +
    0.15 * vnoise(x, y, scale / 5.1, seed + 31)
  );
}
