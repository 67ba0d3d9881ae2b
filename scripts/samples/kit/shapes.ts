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
 * so the secant step converges in a few rounds, down to the lattice's noise (≈ 10 m² for a few km²:
 * each vertex rounds by up to 5 mm); then scales 5 parts in 10⁸ apart are tried until one is
 * written within 0.5 m² of the figure.
 */
export function scaleToArea(ring: readonly Pt[], cx: number, cy: number, target: number, frame: Frame): Pt[] {
  const at = (s: number) => ring.map(([x, y]) => [cx + (x - cx) * s, cy + (y - cy) * s] as Pt);
  let s = 1;
  let best = { s, err: Infinity };
  for (let it = 0; it < 30 && best.err > 0.5; it++) {
    const a = ringArea(at(s), frame);
    if (Math.abs(a - target) < best.err) best = { s, err: Math.abs(a - target) };
    s *= Math.sqrt(target / a);
  }
  for (let k = 1; k < 400 && best.err > 0.5; k++) {
    const t = best.s * (1 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 5e-8);
    const err = Math.abs(ringArea(at(t), frame) - target);
    if (err < best.err) best = { s: t, err };
  }
  return tuneToArea(at(best.s), target, frame);
}

/**
 * The last metre²: the lattice lets a whole scaling miss by a few m², so one vertex at a time is
 * moved by up to 3 lattice steps each way, whichever move brings the area nearest the figure (a move
 * nearly along the neighbours' chord changes the area by a fraction of a m²).
 */
export function tuneToArea(ring: readonly Pt[], target: number, frame: Frame): Pt[] {
  let cur = ring.slice();
  let err = Math.abs(ringArea(cur, frame) - target);
  for (let round = 0; round < 4 && err > 0.5; round++) {
    let best = { err, ring: cur };
    for (let i = 0; i < cur.length; i++) {
      for (let dx = -3; dx <= 3; dx++) {
        for (let dy = -3; dy <= 3; dy++) {
          if (!dx && !dy) continue;
          const moved = cur.slice();
          moved[i] = [cur[i]![0] + dx * frame.step[0], cur[i]![1] + dy * frame.step[1]];
          const e = Math.abs(ringArea(moved, frame) - target);
          if (e < best.err) best = { err: e, ring: moved };
        }
      }
    }
    cur = best.ring;
    err = best.err;
  }
  return cur;
}

/** An outline whose written area is exactly the figure. */
export function outlineOfArea(o: Outline, target: number, frame: Frame, rnd: () => number): Pt[] {
  return scaleToArea(outlineRing(o, 1, rnd), o.cx, o.cy, target, frame);
}
