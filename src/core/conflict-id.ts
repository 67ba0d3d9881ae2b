// A conflict's stable id, from where it lies rather than from the order of the features that made it:
// `<planA>~<planB>~<geohash of its area centroid, 8 characters (≈ 38 × 19 m)>`, with `-2`, `-3` …
// for a second conflict of the same pair in the same cell (largest first). Re-running the review
// after one plan changed elsewhere gives the same id, so a resolution mark finds its conflict again;
// where a change moves the centroid into the next cell, `matchConflicts` finds it by place.
// docs/conflicts.md describes both.

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** Geohash (Niemeyer's public-domain scheme: interleaved lon/lat bisection bits, base 32). */
export function geohash(lon: number, lat: number, length = 8): string {
  let lo = [-180, -90];
  let hi = [180, 90];
  let out = '';
  let bits = 0;
  let ch = 0;
  let even = true;
  while (out.length < length) {
    const k = even ? 0 : 1;
    const v = even ? lon : lat;
    const mid = (lo[k]! + hi[k]!) / 2;
    ch <<= 1;
    if (v >= mid) {
      ch |= 1;
      lo = k === 0 ? [mid, lo[1]!] : [lo[0]!, mid];
    } else hi = k === 0 ? [mid, hi[1]!] : [hi[0]!, mid];
    even = !even;
    if (++bits === 5) {
      out += BASE32[ch]!;
      bits = 0;
      ch = 0;
    }
  }
  return out;
}

export interface Placed {
  id: string;
  planA: string;
  planB: string;
  /** area centroid, lon/lat */
  centroid: [number, number];
  area_m2: number;
}

const M_PER_DEG = 111_320;

function distanceM(a: [number, number], b: [number, number]): number {
  const k = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * M_PER_DEG;
}

/**
 * Old conflicts (with their marks) matched to new ones: the same id first, then, for the rest, the
 * nearest new conflict of the same pair whose centroid lies within half the side of a square of the
 * old conflict's area (at least 20 m). Returns old id → new id for the matched ones.
 */
export function matchConflicts(previous: readonly Placed[], current: readonly Placed[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const byId = new Map(current.map((c) => [c.id, c]));
  for (const p of previous) {
    const c = byId.get(p.id);
    if (c && c.planA === p.planA && c.planB === p.planB) {
      out.set(p.id, c.id);
      taken.add(c.id);
    }
  }
  for (const p of previous) {
    if (out.has(p.id)) continue;
    const reach = Math.max(20, Math.sqrt(Math.max(0, p.area_m2)) / 2);
    let best: Placed | undefined;
    let bestD = Infinity;
    for (const c of current) {
      if (taken.has(c.id) || c.planA !== p.planA || c.planB !== p.planB) continue;
      const d = distanceM(p.centroid, c.centroid);
      if (d <= reach && d < bestD) {
        best = c;
        bestD = d;
      }
    }
    if (best) {
      out.set(p.id, best.id);
      taken.add(best.id);
    }
  }
  return out;
}
