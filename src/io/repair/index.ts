// Repairs offered for validation problems. Each is pure: it returns a new feature and a description
// of what changed, so nothing is altered without the user seeing it (issue 4).
import type { Feature, Geometry } from 'geojson';
import { closeRings } from './close-rings.ts';
import { dropDuplicateVertices } from './drop-duplicate-vertices.ts';
import { makeValidPolygonal } from './make-valid.ts';
import { rewindRfc7946 } from './rewind.ts';

export { closeRings, dropDuplicateVertices, makeValidPolygonal, rewindRfc7946 };

export type RepairName = 'close-rings' | 'drop-duplicate-vertices' | 'rewind' | 'split-self-intersections';

/** The repair that fixes a problem code, if there is one. */
export const REPAIR_FOR_CODE: Record<string, RepairName> = {
  'unclosed-ring': 'close-rings',
  'duplicate-vertex': 'drop-duplicate-vertices',
  'wrong-winding': 'rewind',
  'self-intersection': 'split-self-intersections',
};

export interface RepairResult {
  feature: Feature;
  changed: boolean;
  /** what was done, in words for the user */
  summary: { zh: string; en: string };
}

function splitSelfIntersections(g: Geometry | null): { geometry: Geometry | null; changes: number } {
  if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') {
    const r = makeValidPolygonal(g);
    return { geometry: r.geometry, changes: r.changed ? r.parts : 0 };
  }
  if (g?.type === 'GeometryCollection') {
    let changes = 0;
    const geometries = g.geometries.map((part) => {
      const r = splitSelfIntersections(part);
      changes += r.changes;
      return r.geometry!;
    });
    return { geometry: { ...g, geometries }, changes };
  }
  return { geometry: g, changes: 0 };
}

export function repairFeature(feature: Feature, repair: RepairName): RepairResult {
  const g = feature.geometry as Geometry | null;
  const r =
    repair === 'close-rings'
      ? closeRings(g)
      : repair === 'drop-duplicate-vertices'
        ? dropDuplicateVertices(g)
        : repair === 'rewind'
          ? rewindRfc7946(g)
          : splitSelfIntersections(g);
  const n = r.changes;
  const summary = {
    'close-rings': { zh: `闭合了 ${n} 个环`, en: `closed ${n} ring(s)` },
    'drop-duplicate-vertices': { zh: `删除了 ${n} 个重复节点`, en: `dropped ${n} duplicate vertex(es)` },
    rewind: { zh: `调整了 ${n} 个环的方向`, en: `reversed ${n} ring(s)` },
    'split-self-intersections': {
      zh: `自相交的边界拆分为 ${n} 个多边形`,
      en: `split the self-intersecting boundary into ${n} polygon(s)`,
    },
  }[repair];
  return { feature: { ...feature, geometry: r.geometry as Geometry }, changed: n > 0, summary };
}
