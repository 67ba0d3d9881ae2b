// Road grids such as 三纵二横: straight roads crossing a convex zone part from edge to edge.
import type { Pt } from './geo.ts';

/** The chord of the convex `ring` along the line through p with direction d, or null if it misses. */
export function chord(ring: readonly Pt[], p: Pt, d: Pt): [Pt, Pt] | null {
  let tMin = -Infinity;
  let tMax = Infinity;
  // Cyrus-Beck against every edge of the counter-clockwise ring
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const nx = b[1] - a[1];
    const ny = a[0] - b[0]; // outward normal of a counter-clockwise edge
    const num = nx * (a[0] - p[0]) + ny * (a[1] - p[1]);
    const den = nx * d[0] + ny * d[1];
    if (den === 0) {
      if (num < 0) return null;
    } else if (den > 0) tMax = Math.min(tMax, num / den);
    else tMin = Math.max(tMin, num / den);
  }
  if (!(tMin < tMax)) return null;
  return [
    [p[0] + tMin * d[0], p[1] + tMin * d[1]],
    [p[0] + tMax * d[0], p[1] + tMax * d[1]],
  ];
}

export interface GridRoad {
  name: string;
  /** 'ns' (纵) or 'ew' (横) */
  dir: 'ns' | 'ew';
  line: [Pt, Pt];
}

/**
 * nv roads running north-south (纵) and nh running east-west (横), evenly spaced over the ring's
 * extent (inset by a tenth), each trimmed `inset` metres inside the boundary. Names 纵一路, 横一路 …
 * with an optional prefix.
 */
export function roadGrid(ring: readonly Pt[], nv: number, nh: number, prefix = '', inset = 30): GridRoad[] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const roads: GridRoad[] = [];
  const add = (dir: 'ns' | 'ew', k: number, n: number) => {
    const f = n === 1 ? 0.5 : 0.12 + (0.76 * k) / (n - 1);
    const p: Pt = dir === 'ns' ? [x0 + f * (x1 - x0), (y0 + y1) / 2] : [(x0 + x1) / 2, y0 + f * (y1 - y0)];
    const c = chord(ring, p, dir === 'ns' ? [0, 1] : [1, 0]);
    if (!c) return;
    const [a, b] = c;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const u: Pt = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
    roads.push({
      name: `${prefix}${dir === 'ns' ? '纵' : '横'}${NUM[k]}路`,
      dir,
      line: [
        [a[0] + inset * u[0], a[1] + inset * u[1]],
        [b[0] - inset * u[0], b[1] - inset * u[1]],
      ],
    });
  };
  for (let k = 0; k < nv; k++) add('ns', k, nv);
  for (let k = 0; k < nh; k++) add('ew', k, nh);
  return roads;
}

const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
