// The total row of a list of feature areas (`zonemap area`): one total per zone category where the
// features carry one, since a planned boundary and its parts cover the same ground and must not be
// added; within a group, no total where its features overlap one another.
import { fieldValue, resolveFieldMapping, zoneCategory } from './fields.ts';
import { featuresOverlap } from './layer-union.ts';
import { polygonsOf } from './shape.ts';
import type { AreaMethod, Feature, ZoneCategory } from './types.ts';
import { workspaceFor } from './workspace.ts';

export interface AreaTotal {
  /** the zone category of the group; absent when the file has no category field */
  category?: ZoneCategory | 'unknown';
  /** feature indices in the group */
  features: number[];
  /** the sum of their areas, or null where they overlap one another (a sum would count ground twice) */
  area_m2: number | null;
  overlaps: boolean;
}

export function areaTotals(
  features: readonly Feature[],
  areas: ReadonlyMap<number, number>,
  method: AreaMethod,
  planeCrs?: string,
): AreaTotal[] {
  const fields = resolveFieldMapping('zone', features);
  const layer = { fields, role: 'zone' as const };
  const polygonal = features.map((_, i) => i).filter((i) => polygonsOf(features[i]!.geometry).length > 0);
  const categoryOf = (i: number) => zoneCategory(fieldValue(layer, features[i]!, 'category'));
  const byCategory = fields.category !== undefined && polygonal.some((i) => categoryOf(i) !== undefined);
  const groups = new Map<ZoneCategory | 'unknown' | undefined, number[]>();
  for (const i of polygonal) {
    const key = byCategory ? (categoryOf(i) ?? 'unknown') : undefined;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const ws = workspaceFor(method, method === 'plane' ? planeCrs : undefined);
  const order: (ZoneCategory | 'unknown' | undefined)[] = [
    undefined,
    'planned',
    'built',
    'development',
    'control',
    'unknown',
  ];
  return order
    .filter((k) => groups.has(k))
    .map((k) => {
      const idx = groups.get(k)!;
      const overlaps = featuresOverlap(
        idx.map((i) => features[i]!),
        ws,
      );
      return {
        ...(k !== undefined ? { category: k } : {}),
        features: idx,
        area_m2: overlaps ? null : idx.reduce((s, i) => s + (areas.get(i) ?? 0), 0),
        overlaps,
      };
    });
}
