// Sutherland-Hodgman clipping of a closed ring by a counter-clockwise triangle. Clipping by a convex
// window is exact for area: the output may carry zero-width bridges along the window's edges, whose
// signed area is nil, so no topology repair is needed and the step can never fail.

// The intermediate rings of one clip are written to two scratch arrays in turn, reused from call to
// call: a 64-vertex zone ring clipped to each triangle of 100 000 parcels otherwise makes three
// arrays of 2 KB per triangle for the collector. Only the result is a new array.
let scratchA = new Float64Array(1024);
let scratchB = new Float64Array(1024);

/**
 * Clips the closed flat ring in `ring[0, len)` to the left side of the directed line a→b, writing
 * the closed result to `out` (room for 2·len + 2 numbers); returns its length.
 */
function clipHalfPlane(
  ring: Float64Array,
  len: number,
  out: Float64Array,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const n = len / 2;
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
  if (k === 0) return 0;
  out[k++] = out[0]!;
  out[k++] = out[1]!;
  return k;
}

/** The part of a closed flat ring inside a counter-clockwise convex polygon (its corners, flat). */
function clipRingToConvex(ring: Float64Array, corners: ArrayLike<number>): Float64Array {
  const m = corners.length / 2;
  // Each half-plane at most doubles the vertices (n → 2n − 1, closed): room for m steps.
  const room = 2 ** m * ring.length + 2 ** (m + 1);
  if (scratchA.length < room) {
    scratchA = new Float64Array(room);
    scratchB = new Float64Array(room);
  }
  let from: Float64Array = ring;
  let len = ring.length;
  let to = scratchA;
  for (let e = 0; e < m && len >= 8; e++) {
    const f = (e + 1) % m;
    len = clipHalfPlane(
      from,
      len,
      to,
      corners[2 * e]!,
      corners[2 * e + 1]!,
      corners[2 * f]!,
      corners[2 * f + 1]!,
    );
    from = to;
    to = to === scratchA ? scratchB : scratchA;
  }
  return len >= 8 ? from.slice(0, len) : new Float64Array(0);
}

/** The part of a closed flat ring inside a counter-clockwise triangle (flat, 6 numbers). */
export function clipRingToTriangle(ring: Float64Array, tri: ArrayLike<number>): Float64Array {
  return clipRingToConvex(ring, tri);
}

/** The part of a closed flat ring inside the box x0 … x1, y0 … y1 (a map tile and its buffer). */
export function clipRingToBox(
  ring: Float64Array,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): Float64Array {
  return clipRingToConvex(ring, [x0, y0, x1, y0, x1, y1, x0, y1]);
}
