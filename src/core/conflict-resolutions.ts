// What the planners decided about each conflict of the three-plan review: adjust the zone plan,
// adjust the other plan, or accept it, with a note and a date. Marks are kept in the project by the
// conflict's location id, so they carry over when the plans change and the analysis runs again; a
// mark whose conflict is no longer found is kept and shown as such (it may come back, and the
// record of the decision stays). Pure: the page, the exports and the tests read the same matching.
import { matchConflicts, type Placed } from './conflict-id.ts';
import { LABELS, type Lang } from './labels.ts';
import { M2_PER_MU } from './units.ts';

export type Decision = 'adjust-zone' | 'adjust-other' | 'accepted';
export const DECISIONS: readonly Decision[] = ['adjust-zone', 'adjust-other', 'accepted'];

// the words are the catalogue's (labels.ts)
export const DECISION_LABELS: Record<Decision, { zh: string; en: string }> = {
  'adjust-zone': LABELS['decision.adjust-zone'],
  'adjust-other': LABELS['decision.adjust-other'],
  accepted: LABELS['decision.accepted'],
};
export const STALE_LABEL = LABELS['decision.stale'];
export const UNMARKED_LABEL = LABELS['decision.unmarked'];

/** The fields of a conflict (contract §6) a mark remembers, so a stale mark still says what it was. */
export interface ConflictSnapshot {
  planA: string;
  planB: string;
  classA: string;
  classB: string;
  area_m2: number;
  township: string;
  village: string;
  /** a point inside it (lon/lat): to find it again by place when its id changed */
  at?: [number, number];
}

/** A conflict as the review reads it: contract §6's fields plus the location id. */
export interface ReviewedConflict extends ConflictSnapshot {
  id: string;
  sliver: boolean;
}

export interface Resolution {
  decision: Decision;
  note: string;
  /** the day of the decision, YYYY-MM-DD */
  date: string;
  /** the conflict as it was when marked */
  conflict: ConflictSnapshot;
}

/** Marks by conflict id, as the project keeps them. */
export type Resolutions = Record<string, Resolution>;

export function snapshotOf(c: ConflictSnapshot): ConflictSnapshot {
  return {
    planA: c.planA,
    planB: c.planB,
    classA: c.classA,
    classB: c.classB,
    area_m2: c.area_m2,
    township: c.township,
    village: c.village,
    ...(c.at ? { at: [c.at[0], c.at[1]] as [number, number] } : {}),
  };
}

export interface ResolutionRow<C extends ReviewedConflict> {
  id: string;
  /** the key the mark is kept under: the conflict's id, or an older id it was found again by place */
  markId?: string;
  /** the conflict of today's analysis; undefined for a stale mark */
  conflict?: C;
  resolution?: Resolution;
  stale: boolean;
}

const placed = (id: string, c: ConflictSnapshot): Placed | null =>
  c.at ? { id, planA: c.planA, planB: c.planB, centroid: c.at, area_m2: c.area_m2 } : null;

/**
 * Today's conflicts with their marks (in the conflicts' order), then the marks no conflict matches
 * any more (stale), by id. A mark finds its conflict by id; failing that, by place (core's
 * matchConflicts: the same pair of plans, near enough for its size), when a change of the plans moved
 * the conflict's id to the next cell.
 */
export function matchResolutions<C extends ReviewedConflict>(
  conflicts: readonly C[],
  resolutions: Resolutions | undefined,
): ResolutionRow<C>[] {
  const marks = resolutions ?? {};
  const has = (id: string) => Object.prototype.hasOwnProperty.call(marks, id);
  const ids = new Set(conflicts.map((c) => c.id));
  const orphans = Object.keys(marks)
    .filter((id) => !ids.has(id))
    .sort();
  const byPlace = new Map<string, string>();
  if (orphans.length) {
    const prev = orphans.flatMap((id) => placed(id, marks[id]!.conflict) ?? []);
    const cur = conflicts.filter((c) => !has(c.id)).flatMap((c) => placed(c.id, c) ?? []);
    for (const [oldId, newId] of matchConflicts(prev, cur)) byPlace.set(newId, oldId);
  }
  const found = new Set(byPlace.values());
  const rows: ResolutionRow<C>[] = conflicts.map((c) => {
    const markId = has(c.id) ? c.id : byPlace.get(c.id);
    return {
      id: c.id,
      conflict: c,
      ...(markId !== undefined ? { markId, resolution: marks[markId] } : {}),
      stale: false,
    };
  });
  for (const id of orphans)
    if (!found.has(id)) rows.push({ id, markId: id, resolution: marks[id], stale: true });
  return rows;
}

/** The label of a row's state: its decision, 未处理 when unmarked, 已失效（decision） for a stale mark. */
export function resolutionStateLabel(row: { resolution?: Resolution; stale: boolean }, lang: Lang): string {
  const decision = row.resolution ? DECISION_LABELS[row.resolution.decision][lang] : UNMARKED_LABEL[lang];
  if (!row.stale) return decision;
  return lang === 'zh' ? `${STALE_LABEL.zh}（${decision}）` : `${STALE_LABEL.en} (${decision})`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Marks read from a saved project or a manifest, checked one by one: a mark with an unknown
 * decision or a bad date is dropped and named in `dropped`, the others are kept.
 */
export function checkResolutions(raw: unknown): { resolutions: Resolutions; dropped: string[] } {
  const resolutions: Resolutions = {};
  const dropped: string[] = [];
  if (!isObject(raw)) return { resolutions, dropped: raw === undefined ? [] : ['(not an object)'] };
  for (const [id, v] of Object.entries(raw)) {
    if (
      !isObject(v) ||
      !DECISIONS.includes(v.decision as Decision) ||
      !DATE.test(str(v.date)) ||
      !isObject(v.conflict)
    ) {
      dropped.push(id);
      continue;
    }
    const c = v.conflict;
    const area = typeof c.area_m2 === 'number' && Number.isFinite(c.area_m2) ? c.area_m2 : 0;
    const at =
      Array.isArray(c.at) &&
      c.at.length === 2 &&
      c.at.every((x) => typeof x === 'number' && Number.isFinite(x))
        ? { at: [c.at[0], c.at[1]] as [number, number] }
        : {};
    Object.defineProperty(resolutions, id, {
      value: {
        decision: v.decision as Decision,
        note: str(v.note),
        date: str(v.date),
        conflict: {
          planA: str(c.planA),
          planB: str(c.planB),
          classA: str(c.classA),
          classB: str(c.classB),
          area_m2: area,
          township: str(c.township),
          village: str(c.village),
          ...at,
        },
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { resolutions, dropped };
}

/** Today as YYYY-MM-DD in the local calendar (the day a planner marks a conflict). */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

// The sheet's columns, in the catalogue's words (the conflict list's where they are the same).
const COLUMNS = [
  'col.conflictId',
  'col.planA',
  'col.classA',
  'col.planB',
  'col.classB',
  'col.mu',
  'col.m2',
  'col.township',
  'col.village',
  'col.decision',
  'col.note',
  'col.date',
] as const;

/**
 * The review's marks as one table (header + rows) for the statistics export: every conflict of
 * today with its decision, then the stale marks as they were recorded. `planName` words a plan's
 * kind or layer id; `rounded` gives 亩 whole and m² to 2 decimals as the report shows them.
 */
export function resolutionTable<C extends ReviewedConflict>(
  conflicts: readonly C[],
  resolutions: Resolutions | undefined,
  opts: { lang?: Lang; rounded?: boolean; planName?: (plan: string) => string } = {},
): { name: string; title: string; header: string[]; rows: unknown[][] } {
  const lang = opts.lang ?? 'zh';
  const plan = opts.planName ?? ((p: string) => p);
  const mu = (m2: number) => (opts.rounded ? Math.round(m2 / M2_PER_MU) : m2 / M2_PER_MU);
  const m2 = (v: number) => (opts.rounded ? Math.round(v * 100) / 100 : v);
  const rows = matchResolutions(conflicts, resolutions).map((r) => {
    const c: ConflictSnapshot = r.conflict ?? r.resolution!.conflict;
    return [
      r.id,
      plan(c.planA),
      c.classA,
      plan(c.planB),
      c.classB,
      mu(c.area_m2),
      m2(c.area_m2),
      c.township,
      c.village,
      resolutionStateLabel(r, lang),
      r.resolution?.note ?? '',
      r.resolution?.date ?? '',
    ];
  });
  return {
    name: 'conflict-resolutions',
    title: LABELS['table.decisions'][lang],
    header: COLUMNS.map((k) => LABELS[k][lang]),
    rows,
  };
}
