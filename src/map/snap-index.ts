// The edges editing can snap to, indexed: every segment of the shown roads, townships and
// villages, parcels and zone parts in one Flatbush, so a pointer move looks at the few segments
// within reach, not at every one of a 100 000-parcel layer.
import Flatbush from 'flatbush';
import type { Position, ProjectLayer } from '../core/types.ts';
import { snapPoint, type Snapped } from '../core/edit/index.ts';
import { linesOf } from '../core/area.ts';

/** The roles whose boundaries and lines are snapped to (issue 10: roads, townships/villages, parcels, zone parts). */
export const SNAP_ROLES = new Set([
  'road',
  'village',
  'admin',
  'landuse',
  'zone',
  'park',
  'plan',
  'constraint',
]);

export interface SnapHit extends Snapped {
  edges: [Position, Position][];
}

export class SnapIndex {
  private segs: [Position, Position][] = [];
  private index: Flatbush | null = null;

  constructor(layers: readonly ProjectLayer[]) {
    for (const layer of layers)
      for (const f of layer.features)
        for (const path of linesOf(f.geometry))
          for (let i = 0; i + 1 < path.length; i++) this.segs.push([path[i]!, path[i + 1]!]);
    if (this.segs.length === 0) return;
    const index = new Flatbush(this.segs.length);
    for (const [a, b] of this.segs)
      index.add(
        Math.min(a[0]!, b[0]!),
        Math.min(a[1]!, b[1]!),
        Math.max(a[0]!, b[0]!),
        Math.max(a[1]!, b[1]!),
      );
    index.finish();
    this.index = index;
  }

  get size(): number {
    return this.segs.length;
  }

  /**
   * The snap for a pointer, `tolerance` pixels; `toScreen` and `toLonLat` are the map's projection.
   * `exclude`: positions that move with the pointer (the dragged vertex and its copies).
   */
  snap(
    pointer: { x: number; y: number },
    tolerance: number,
    toScreen: (p: Position) => { x: number; y: number },
    toLonLat: (p: { x: number; y: number }) => [number, number],
    exclude: readonly Position[],
  ): SnapHit | null {
    if (!this.index) return null;
    const a = toLonLat({ x: pointer.x - tolerance, y: pointer.y - tolerance });
    const b = toLonLat({ x: pointer.x + tolerance, y: pointer.y + tolerance });
    const box = [
      Math.min(a[0], b[0]),
      Math.min(a[1], b[1]),
      Math.max(a[0], b[0]),
      Math.max(a[1], b[1]),
    ] as const;
    const found = this.index.search(box[0], box[1], box[2], box[3]);
    if (found.length === 0) return null;
    const segs = found.map((i) => this.segs[i]!);
    const s = snapPoint(pointer, { paths: segs }, toScreen, tolerance, box, exclude);
    if (!s) return null;
    // the hint shows what was snapped to: the edge, or the edges that meet at the vertex
    const at = s.at;
    const edges =
      s.kind === 'edge'
        ? [s.edge!]
        : segs.filter(([a, b]) => (a[0] === at[0] && a[1] === at[1]) || (b[0] === at[0] && b[1] === at[1]));
    return { ...s, edges };
  }
}
