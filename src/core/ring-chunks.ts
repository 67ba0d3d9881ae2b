// Big rings clipped to many small windows: most of the ring is far from any single window; a run of
// vertices lying wholly beyond one side of the window's box can be replaced by its first and last
// vertex: the dropped region lies in that outer half-plane (convex), away from the window, so the
// area inside the window is unchanged. Chunks of 32 vertices with their boxes make this O(n/32).
import type { BBox } from './bbox.ts';

const CHUNK = 32;

export interface ChunkedRing {
  ring: Float64Array;
  /** per chunk: minX, minY, maxX, maxY over vertices [c·CHUNK, (c+1)·CHUNK] */
  boxes: Float64Array;
}

export function chunkRing(ring: Float64Array): ChunkedRing {
  const n = ring.length / 2;
  const chunks = Math.max(1, Math.ceil((n - 1) / CHUNK));
  const boxes = new Float64Array(chunks * 4);
  for (let c = 0; c < chunks; c++) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const end = Math.min(n - 1, (c + 1) * CHUNK);
    for (let v = c * CHUNK; v <= end; v++) {
      const x = ring[2 * v]!;
      const y = ring[2 * v + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    boxes.set([minX, minY, maxX, maxY], 4 * c);
  }
  return { ring, boxes };
}

/** The ring with every chunk that lies beyond one side of `box` cut down to its end vertices. */
export function reduceRing(cr: ChunkedRing, box: BBox): Float64Array {
  const { ring, boxes } = cr;
  const n = ring.length / 2;
  const chunks = boxes.length / 4;
  if (chunks <= 2) return ring;
  const out: number[] = [];
  for (let c = 0; c < chunks; c++) {
    const far =
      boxes[4 * c + 2]! < box[0] ||
      boxes[4 * c]! > box[2] ||
      boxes[4 * c + 3]! < box[1] ||
      boxes[4 * c + 1]! > box[3];
    const start = c * CHUNK;
    const end = Math.min(n - 1, (c + 1) * CHUNK);
    if (far) out.push(ring[2 * start]!, ring[2 * start + 1]!);
    else for (let v = start; v < end; v++) out.push(ring[2 * v]!, ring[2 * v + 1]!);
  }
  out.push(ring[0]!, ring[1]!);
  return Float64Array.from(out);
}
