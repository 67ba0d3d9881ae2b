// Sutherland-Hodgman clipping of a closed ring by a counter-clockwise triangle. Clipping by a convex
// window is exact for area: the output may carry zero-width bridges along the window's edges, whose
// signed area is nil, so no topology repair is needed and the step can never fail.

/** Clips a closed flat ring to the left side of the directed line a→b; returns a closed flat ring. */
function clipHalfPlane(ring: Float64Array, ax: number, ay: number, bx: number, by: number): Float64Array {
  const n = ring.length / 2;
  const out = new Float64Array((n + n) * 2 + 2);
  let k = 0;
  const dx = bx - ax;
  const dy = by - ay;
  let px = ring[0]!;
  let py = ring[1]!;
  let ps = dx * (py - ay) - dy * (px - ax);
  for (let i = 1; i < n; i++) {
    const qx = ring[2 * i]!;
    const qy = ring[2 * i + 1]!;
    const qs = dx * (qy - ay) - dy * (qx - ax);
    if (ps >= 0) {
      out[k++] = px;
      out[k++] = py;
      if (qs < 0) {
        const t = ps / (ps - qs);
        out[k++] = px + t * (qx - px);
        out[k++] = py + t * (qy - py);
      }
    } else if (qs >= 0) {
      const t = ps / (ps - qs);
      out[k++] = px + t * (qx - px);
      out[k++] = py + t * (qy - py);
    }
    px = qx;
    py = qy;
    ps = qs;
  }
  if (k === 0) return new Float64Array(0);
  out[k++] = out[0]!;
  out[k++] = out[1]!;
  return out.subarray(0, k);
}

/** The part of a closed flat ring inside a counter-clockwise triangle (flat, 6 numbers). */
export function clipRingToTriangle(ring: Float64Array, tri: ArrayLike<number>): Float64Array {
  let r = ring;
  for (let e = 0; e < 3 && r.length >= 8; e++) {
    const f = (e + 1) % 3;
    r = clipHalfPlane(r, tri[2 * e]!, tri[2 * e + 1]!, tri[2 * f]!, tri[2 * f + 1]!);
  }
  return r.length >= 8 ? r : new Float64Array(0);
}
