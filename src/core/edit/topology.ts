// Shared vertices of the zone parts. The built, development and control parts partition the
// planned area; where two of them meet they hold the same vertices (the same numbers), so an edit
// of one such vertex is done to every part that has it, and the parts stay a clean partition
// (no sliver, no gap). Vertices are shared when their coordinates are equal.
import type { Geometry, Position } from '../types.ts';
import { closeRing, openRing, samePos, type RingEdit } from './ring-diff.ts';

type Rings = Position[][];

function mapRings(g: Geometry, f: (ring: Position[]) => Position[]): Geometry {
  switch (g.type) {
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(f) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map(f)) };
    default:
      return g;
  }
}

function editRing(ring: Position[], edit: RingEdit): Position[] {
  const open = openRing(ring);
  switch (edit.kind) {
    case 'move':
      if (!open.some((p) => samePos(p, edit.from))) return ring;
      return closeRing(open.map((p) => (samePos(p, edit.from) ? edit.to : p)));
    case 'delete': {
      if (!open.some((p) => samePos(p, edit.v))) return ring;
      const kept = open.filter((p) => !samePos(p, edit.v));
      // a ring needs three vertices: one that would lose it keeps the vertex
      return kept.length >= 3 ? closeRing(kept) : ring;
    }
    case 'insert': {
      const n = open.length;
      for (let i = 0; i < n; i++) {
        const p = open[i]!;
        const q = open[(i + 1) % n]!;
        const forward = samePos(p, edit.a) && samePos(q, edit.b);
        const backward = samePos(p, edit.b) && samePos(q, edit.a);
        if (forward || backward) return closeRing([...open.slice(0, i + 1), edit.p, ...open.slice(i + 1)]);
      }
      return ring;
    }
  }
}

/**
 * The geometries with the edit done wherever they hold the vertex (move, delete) or the edge
 * (insert). A geometry the edit does not touch is returned as the same object, so callers can
 * tell which parts changed.
 */
export function applyShared(geometries: readonly (Geometry | null)[], edit: RingEdit): (Geometry | null)[] {
  return geometries.map((g) => {
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return g;
    let changed = false;
    const out = mapRings(g, (ring) => {
      const r = editRing(ring, edit);
      if (r !== ring) changed = true;
      return r;
    });
    return changed ? out : g;
  });
}

/** Whether a geometry has the position as a vertex. */
export function hasVertex(g: Geometry | null, p: Position): boolean {
  if (!g) return false;
  const polys: Rings[] =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.some((rings) => rings.some((r) => r.some((q) => samePos(q, p))));
}
