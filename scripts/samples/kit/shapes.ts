// Convex outlines for zone parts: a rounded rectangle (superellipse) rotated and slightly jittered,
// scaled about its centre until its ellipsoidal area equals a figure of the report.
import type { Frame } from './frame.ts';
import { ringAreaLonLat, type Pt } from './geo.ts';

export interface Outline {
  /** centre in the frame's metres */
  cx: number;
  cy: number;
  /** half sizes before scaling, metres */
  a: number;
  b: number;
  /** rotation, degrees anticlockwise */
  rot?: number;
  /** vertices (default 32) */
  n?: number;
  /** superellipse exponent (default 6: nearly a rectangle with rounded corners) */
  p?: number;
}

/** The outline's vertices (counter-clockwise, open) at scale s. */
export function outlineRing(o: Outline, s: number, rnd: () => number): Pt[] {
  const n = o.n ?? 32;
  const p = o.p ?? 6;
  const rot = ((o.rot ?? 0) * Math.PI) / 180;
  const out: Pt[] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    const c = Math.cos(t);
    const si = Math.sin(t);
    // a little radial jitter (≤ 0.4%) keeps the outline convex
    const j = 1 + 0.004 * (2 * rnd() - 1);
    const x = o.a * s * j * Math.sign(c) * Math.abs(c) ** (2 / p);
    const y = o.b * s * j * Math.sign(si) * Math.abs(si) ** (2 / p);
    out.push([o.cx + x * Math.cos(rot) - y * Math.sin(rot), o.cy + x * Math.sin(rot) + y * Math.cos(rot)]);
  }
  return out;
}

/** Ellipsoidal area (m²) of a plane ring once converted to the lattice the sample is written on. */
export function ringArea(ring: readonly Pt[], frame: Frame): number {
  return ringAreaLonLat(ring.map((p) => frame.toLonLat(p)));
}

/**
 * Scale `ring` about (cx, cy) so that its written ellipsoidal area is `target` m². Area grows as s²,
 * so the secant step converges in a few rounds; the lattice leaves an error well under 1 m².
 */
export function scaleToArea(ring: readonly Pt[], cx: number, cy: number, target: number, frame: Frame): Pt[] {
  let s = 1;
  let scaled = ring.slice();
  for (let it = 0; it < 30; it++) {
    scaled = ring.map(([x, y]) => [cx + (x - cx) * s, cy + (y - cy) * s] as Pt);
    const a = ringArea(scaled, frame);
    if (Math.abs(a - target) < 0.05) break;
    s *= Math.sqrt(target / a);
  }
  return scaled;
}

/** An outline whose written area is exactly the figure. */
export function outlineOfArea(o: Outline, target: number, frame: Frame, rnd: () => number): Pt[] {
  return scaleToArea(outlineRing(o, 1, rnd), o.cx, o.cy, target, frame);
}
