// A flatbush index over the edges of a set of closed rings: finds the edges near a box, and answers
// point-in-polygon by counting the edges a ray crosses (even-odd over all rings).
import Flatbush from 'flatbush';

export interface SegmentIndex {
  /** x1, y1, x2, y2 per edge */
  readonly segs: Float64Array;
  readonly index: Flatbush | undefined;
}

export function buildSegmentIndex(rings: readonly Float64Array[]): SegmentIndex {
  let count = 0;
  for (const r of rings) count += Math.max(0, r.length / 2 - 1);
  const segs = new Float64Array(count * 4);
  let k = 0;
  for (const r of rings) {
    for (let i = 0; i + 3 < r.length; i += 2) {
      segs[k++] = r[i]!;
      segs[k++] = r[i + 1]!;
      segs[k++] = r[i + 2]!;
      segs[k++] = r[i + 3]!;
    }
  }
  if (count === 0) return { segs, index: undefined };
  const index = new Flatbush(count);
  for (let s = 0; s < count; s++) {
    const x1 = segs[4 * s]!;
    const y1 = segs[4 * s + 1]!;
    const x2 = segs[4 * s + 2]!;
    const y2 = segs[4 * s + 3]!;
    index.add(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }
  index.finish();
  return { segs, index };
}

/** Edge numbers whose boxes meet the box. */
export function segmentsNear(
  si: SegmentIndex,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): number[] {
  return si.index ? si.index.search(minX, minY, maxX, maxY) : [];
}

/** Whether any edge's box meets the box (flatbush stops at the first). */
export function anySegmentNear(
  si: SegmentIndex,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): boolean {
  return si.index ? si.index.collides(minX, minY, maxX, maxY) : false;
}

/** Even-odd point-in-polygon over every indexed ring, by a ray towards +x. */
export function pointInIndexed(si: SegmentIndex, px: number, py: number, maxX: number): boolean {
  if (!si.index) return false;
  let inside = false;
  const segs = si.segs;
  si.index.search(px, py, Math.max(px, maxX), py, (s) => {
    const y1 = segs[4 * s + 1]!;
    const y2 = segs[4 * s + 3]!;
    if (y1 > py !== y2 > py) {
      const x1 = segs[4 * s]!;
      const x2 = segs[4 * s + 2]!;
      if (px < x1 + ((py - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
    }
    return false;
  });
  return inside;
}
