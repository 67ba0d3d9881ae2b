// The area a whole layer covers inside a shape, counting overlaps between the layer's own features
// once (contract §3: "planned ∩ union of the layer"). Most constraint layers are a partition, so
// whether a layer overlaps itself is found once per layer and the union is only built when it does.
import Flatbush from 'flatbush';
import { intersectionArea, unionShapes, type OverlayNote } from './overlay.ts';
import { overlayShapeOf } from './pole.ts';
import type { Shape } from './shape.ts';
import type { Feature } from './types.ts';
import type { Workspace } from './workspace.ts';

export interface LayerCover {
  shapes: (Shape | undefined)[];
  /** the union, built only when features overlap one another */
  union?: Shape;
  overlaps: boolean;
}

const covers = new WeakMap<readonly Feature[], Map<string, LayerCover>>();

function overlapsItself(shapes: (Shape | undefined)[], ws: Workspace): boolean {
  const list = shapes.filter((s): s is Shape => s !== undefined);
  if (list.length < 2) return false;
  const index = new Flatbush(list.length);
  for (const s of list) index.add(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3]);
  index.finish();
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    for (const j of index.search(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3])) {
      if (j <= i) continue;
      const t = list[j]!;
      // Shared edges give slivers of rounding size; only a real overlap counts.
      const tol = 1e-9 * Math.min(Math.abs(s.area), Math.abs(t.area)) + 1e-6;
      if (intersectionArea(s, t, ws) > tol) return true;
    }
  }
  return false;
}

/** The layer's shapes, whether they overlap, and their union when they do (cached per layer). */
export function coverOf(features: readonly Feature[], ws: Workspace): LayerCover {
  let perWs = covers.get(features);
  if (!perWs) {
    perWs = new Map();
    covers.set(features, perWs);
  }
  const hit = perWs.get(ws.key);
  if (hit) return hit;
  const shapes = features.map((f) => overlayShapeOf(f.geometry, ws));
  const overlaps = overlapsItself(shapes, ws);
  const cover: LayerCover = { shapes, overlaps };
  if (overlaps) {
    const u = unionShapes(
      shapes.filter((s): s is Shape => s !== undefined),
      ws,
    );
    if (u) cover.union = u;
  }
  perWs.set(ws.key, cover);
  return cover;
}

/** area(mask ∩ ⋃features) in m², and whether the layer's features overlap one another. */
export function layerCoverInside(
  features: readonly Feature[],
  mask: Shape,
  ws: Workspace,
  notes?: OverlayNote[],
): { area: number; overlaps: boolean } {
  const cover = coverOf(features, ws);
  if (cover.union) return { area: intersectionArea(cover.union, mask, ws, notes), overlaps: true };
  let area = 0;
  for (const s of cover.shapes) if (s) area += intersectionArea(s, mask, ws, notes);
  return { area, overlaps: cover.overlaps };
}

const unions = new WeakMap<readonly Feature[], Map<string, Shape | null>>();

/** The union of a layer's features as one shape (cached per layer); undefined when polyclip failed. */
export function layerUnion(features: readonly Feature[], ws: Workspace): Shape | undefined {
  let perWs = unions.get(features);
  if (!perWs) {
    perWs = new Map();
    unions.set(features, perWs);
  }
  const hit = perWs.get(ws.key);
  if (hit !== undefined) return hit ?? undefined;
  const shapes = features
    .map((f) => overlayShapeOf(f.geometry, ws))
    .filter((s): s is Shape => s !== undefined);
  const u = shapes.length ? unionShapes(shapes, ws) : undefined;
  perWs.set(ws.key, u ?? null);
  return u;
}

/** Whether some of the features overlap one another by more than rounding slivers. */
export function featuresOverlap(features: readonly Feature[], ws: Workspace): boolean {
  return coverOf(features, ws).overlaps;
}
