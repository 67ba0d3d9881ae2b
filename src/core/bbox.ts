// Axis-aligned boxes [minX, minY, maxX, maxY] in workspace coordinates.
export type BBox = [number, number, number, number];

export const emptyBBox = (): BBox => [Infinity, Infinity, -Infinity, -Infinity];

export function extendBBox(b: BBox, ring: ArrayLike<number>): BBox {
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i]!;
    const y = ring[i + 1]!;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

export const bboxOfRing = (ring: ArrayLike<number>): BBox => extendBBox(emptyBBox(), ring);

export const bboxesMeet = (a: BBox, b: BBox): boolean =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
