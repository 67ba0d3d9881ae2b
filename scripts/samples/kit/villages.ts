// Village outlines: small irregular polygons around a centre, as hamlets are drawn on a county map.
import type { Pt } from './geo.ts';

/** A star-shaped village of about `r` metres radius with n vertices (counter-clockwise). */
export function villageRing(cx: number, cy: number, r: number, rnd: () => number, n = 9): Pt[] {
  const out: Pt[] = [];
  const phase = rnd() * 2 * Math.PI;
  for (let k = 0; k < n; k++) {
    const t = phase + (2 * Math.PI * k) / n;
    const rr = r * (0.75 + 0.5 * rnd());
    out.push([cx + rr * Math.cos(t), cy + rr * Math.sin(t)]);
  }
  return out;
}
