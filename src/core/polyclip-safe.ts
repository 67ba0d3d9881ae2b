// polyclip-ts boolean operations that never throw: polyclip has open reports of failing on awkward
// coordinates ("Unable to complete output ring", infinite-loop guards), so a failed operation is
// retried with coordinates snapped to a fine grid, then a coarser one; callers get undefined and warn.
import * as polyclip from 'polyclip-ts';

export type PcRing = [number, number][];
export type PcPolygon = PcRing[];
export type PcMultiPolygon = PcPolygon[];

function snap(mp: PcMultiPolygon, grid: number): PcMultiPolygon {
  return mp.map((poly) =>
    poly.map((ring) => ring.map(([x, y]) => [Math.round(x / grid) * grid, Math.round(y / grid) * grid])),
  );
}

function attempt(op: 'union' | 'intersection' | 'difference' | 'xor', geoms: PcMultiPolygon[]) {
  const [first, ...rest] = geoms;
  if (!first) return [];
  switch (op) {
    case 'union':
      return polyclip.union(first, ...rest);
    case 'intersection':
      return polyclip.intersection(first, ...rest);
    case 'difference':
      return polyclip.difference(first, ...rest);
    case 'xor':
      return polyclip.xor(first, ...rest);
  }
}

/** A polyclip operation with snapped retries; undefined when every try failed. */
export function safeClip(
  op: 'union' | 'intersection' | 'difference' | 'xor',
  geoms: PcMultiPolygon[],
  grids: readonly number[],
): PcMultiPolygon | undefined {
  const tries: (number | undefined)[] = [undefined, ...grids];
  for (const grid of tries) {
    try {
      const input = grid === undefined ? geoms : geoms.map((g) => snap(g, grid));
      return attempt(op, input) as PcMultiPolygon;
    } catch {
      // polyclip failed on these coordinates: try again on the next grid.
    }
  }
  return undefined;
}

export function flatToPc(ring: ArrayLike<number>): PcRing {
  const out: PcRing = [];
  for (let i = 0; i < ring.length; i += 2) out.push([ring[i]!, ring[i + 1]!]);
  return out;
}

export function pcToFlat(ring: PcRing): Float64Array {
  const out = new Float64Array(ring.length * 2);
  ring.forEach(([x, y], i) => {
    out[2 * i] = x;
    out[2 * i + 1] = y;
  });
  return out;
}
