// What a leader reads of the three-plan review in ten seconds: how many conflicts, how many 亩 in
// all, the three largest, and the 亩 by township. Slivers (pieces under the project's tolerance)
// are counted apart, as the report lists them apart.
import type { ReviewedConflict } from './conflict-resolutions.ts';

export interface TownshipTotal {
  township: string;
  area_m2: number;
  count: number;
}

export interface ConflictSummary {
  count: number;
  area_m2: number;
  /** the largest conflicts, largest first (at most three) */
  largest: ReviewedConflict[];
  /** by township, most 亩 first; conflicts without a township under "" */
  byTownship: TownshipTotal[];
  slivers: { count: number; area_m2: number };
  /** conflicts (not slivers) with a decision recorded */
  decided: number;
}

export function conflictSummary<C extends ReviewedConflict>(
  conflicts: readonly C[],
  decided: (c: C) => boolean = () => false,
): ConflictSummary {
  const real = conflicts.filter((c) => !c.sliver);
  const slivers = conflicts.filter((c) => c.sliver);
  const towns = new Map<string, TownshipTotal>();
  for (const c of real) {
    const t = towns.get(c.township) ?? { township: c.township, area_m2: 0, count: 0 };
    t.area_m2 += c.area_m2;
    t.count++;
    towns.set(c.township, t);
  }
  const byArea = (a: { area_m2: number }, b: { area_m2: number }) => b.area_m2 - a.area_m2;
  return {
    count: real.length,
    area_m2: real.reduce((s, c) => s + c.area_m2, 0),
    largest: [...real].sort(byArea).slice(0, 3),
    byTownship: [...towns.values()].sort(byArea),
    slivers: { count: slivers.length, area_m2: slivers.reduce((s, c) => s + c.area_m2, 0) },
    decided: real.filter(decided).length,
  };
}
