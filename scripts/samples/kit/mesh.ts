// A jittered mesh over a polygon: grid cells whose shared corners are moved a little, clipped to
// the polygon, so the parcels tile it without gaps and their areas add up to the polygon's.
import type { Pt } from './geo.ts';
import { clipSlab } from './partition.ts';

/**
 * Parcels of `ring` cut by nx columns and ny rows. The column and row lines are straight (so that
 * clipping is exact) but unevenly spaced by the PRNG.
 */
export function meshParcels(ring: readonly Pt[], nx: number, ny: number, rnd: () => number): Pt[][] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const cuts = (lo: number, hi: number, n: number) => {
    const c = [lo - 1];
    for (let k = 1; k < n; k++) c.push(lo + ((hi - lo) * (k + 0.6 * (rnd() - 0.5))) / n);
    c.push(hi + 1);
    return c;
  };
  const cx = cuts(Math.min(...xs), Math.max(...xs), nx);
  const cy = cuts(Math.min(...ys), Math.max(...ys), ny);
  const out: Pt[][] = [];
  for (let i = 0; i + 1 < cx.length; i++) {
    const col = clipSlab(ring, 0, cx[i]!, cx[i + 1]!);
    if (col.length < 3) continue;
    for (let j = 0; j + 1 < cy.length; j++) {
      const cell = clipSlab(col, 1, cy[j]!, cy[j + 1]!);
      if (cell.length >= 3) out.push(cell);
    }
  }
  return out;
}
