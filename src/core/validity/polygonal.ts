// The one entry to validity: the problems of a polygon or multipolygon and the shape its area is
// measured on. Each part is checked (check.ts) and, where it has an error, repaired as GEOS
// MakeValid does (make-valid.ts); parts that overlap or lie inside each other are then merged
// (their union counts, the overlap once: GEOS would take their symmetric difference, which no
// planner means by two overlapping parcels).
import { flatToPc, pcToFlat, safeClip, type PcMultiPolygon } from '../polyclip-safe.ts';
import { boxInside, checkPolygon, IssueList, pointInFlatRing, ringBox } from './check.ts';
import { findContacts, smallRingIsSimple } from './contacts.ts';
import type { ValidityIssue } from './issues.ts';
import { makeValidPolygon, overlayByFaces, signedArea } from './make-valid.ts';

export interface PolygonalValidity {
  /** valid polygons: shell counter-clockwise, holes clockwise */
  polys: Float64Array[][];
  issues: ValidityIssue[];
  /** the union of overlapping parts failed; `polys` are the parts as they are */
  unionFailed: boolean;
}

function reversed(r: Float64Array): Float64Array {
  const n = r.length / 2;
  const out = new Float64Array(r.length);
  for (let i = 0; i < n; i++) {
    out[2 * i] = r[2 * (n - 1 - i)]!;
    out[2 * i + 1] = r[2 * (n - 1 - i) + 1]!;
  }
  return out;
}

/** Shell counter-clockwise, holes clockwise. */
export const oriented = (rings: readonly Float64Array[]): Float64Array[] =>
  rings.map((r, i) => (signedArea(r) > 0 === (i === 0) ? r : reversed(r)));

/** Drops consecutive repeated positions (copying only when there are some). */
export function withoutRepeatsFlat(r: Float64Array): Float64Array {
  let repeats = false;
  for (let i = 2; i + 1 < r.length && !repeats; i += 2) repeats = r[i] === r[i - 2] && r[i + 1] === r[i - 1];
  if (!repeats) return r;
  const out: number[] = [r[0]!, r[1]!];
  for (let i = 2; i + 1 < r.length; i += 2)
    if (r[i] !== out[out.length - 2] || r[i + 1] !== out[out.length - 1]) out.push(r[i]!, r[i + 1]!);
  return Float64Array.from(out);
}

const polysArea = (polys: readonly Float64Array[][]): number =>
  polys.reduce((s, p) => s + p.reduce((t, r) => t + signedArea(r), 0), 0);

const toPc = (polys: readonly Float64Array[][]): PcMultiPolygon => polys.map((p) => p.map(flatToPc));

function fromPc(mp: PcMultiPolygon): Float64Array[][] {
  return mp.map((p) => oriented(p.map(pcToFlat).filter((r) => r.length >= 8))).filter((p) => p.length > 0);
}

/**
 * Problems between the parts of a multipolygon (each part already checked and repaired): parts
 * that overlap, lie inside one another, or share a stretch of edge.
 */
function checkParts(
  parts: readonly Float64Array[][],
  repaired: readonly Float64Array[][][],
  grid: readonly number[],
  issues: IssueList,
): boolean {
  const rings: Float64Array[] = [];
  const group: number[] = [];
  parts.forEach((p, k) => {
    for (const r of p) {
      rings.push(r);
      group.push(k);
    }
  });
  // Contacts between parts, one entry per pair: the strongest kind seen and a place.
  const pairs = new Map<number, { cross: boolean; overlap: boolean; x: number; y: number }>();
  for (const c of findContacts(rings, group)) {
    const a = Math.min(group[c.ringA]!, group[c.ringB]!);
    const b = Math.max(group[c.ringA]!, group[c.ringB]!);
    const k = a * parts.length + b;
    const had = pairs.get(k) ?? { cross: false, overlap: false, x: c.x, y: c.y };
    if (c.kind === 'cross' && !had.cross) Object.assign(had, { cross: true, x: c.x, y: c.y });
    if (c.kind === 'overlap') had.overlap = true;
    pairs.set(k, had);
  }
  let merge = false;
  for (const [k, p] of pairs) {
    if (p.cross) {
      issues.add('overlapping-parts', p.x, p.y);
      merge = true;
      continue;
    }
    // Shared stretches or touching points: the parts overlap only if their union is smaller.
    const a = repaired[Math.floor(k / parts.length)]!;
    const b = repaired[k % parts.length]!;
    const u = safeClip('union', [toPc(a), toPc(b)], grid);
    const sum = polysArea(a) + polysArea(b);
    const lost = u ? sum - polysArea(fromPc(u)) > 1e-9 * sum : false;
    if (lost) {
      issues.add('overlapping-parts', p.x, p.y);
      merge = true;
    } else if (p.overlap) {
      // Merged too: the same area, and one outline where GEOS wants one.
      issues.add('parts-share-edge', p.x, p.y);
      merge = true;
    }
  }
  const boxes = parts.map((p) => ringBox(p[0]!));
  for (let i = 0; i < parts.length; i++)
    for (let j = 0; j < parts.length; j++) {
      if (i === j || !boxInside(boxes[j]!, boxes[i]!)) continue;
      if (pairs.has(Math.min(i, j) * parts.length + Math.max(i, j))) continue;
      const x = parts[j]![0]![0]!;
      const y = parts[j]![0]![1]!;
      const outer = parts[i]!;
      if (pointInFlatRing(outer[0]!, x, y) && !outer.slice(1).some((h) => pointInFlatRing(h, x, y))) {
        issues.add('nested-shells', x, y);
        merge = true;
      }
    }
  return merge;
}

/**
 * The problems of polygonal geometry given as parts (rings closed, shell first, any orientation)
 * and the valid polygons its area is measured on.
 */
export function validatePolygonal(
  parts: readonly Float64Array[][],
  grid: readonly number[],
): PolygonalValidity {
  // The common case, a simple parcel: no allocation beyond the answer.
  if (parts.length === 1 && parts[0]!.length === 1) {
    const r = withoutRepeatsFlat(parts[0]![0]!);
    if (r.length >= 8 && smallRingIsSimple(r))
      return { polys: [oriented([r])], issues: [], unionFailed: false };
  }
  const issues = new IssueList();
  const clean = parts
    .map((p) => p.map(withoutRepeatsFlat).filter((r) => r.length >= 8))
    .filter((p) => p.length);
  let unionFailed = false;
  const repaired = clean.map((rings) => {
    const own = checkPolygon(rings);
    for (const i of own) issues.merge(i);
    // Warnings are rebuilt too: a vertex touching an edge splits that edge in GEOS's shape, and on
    // the ellipsoid two geodesics through the touch are not the one geodesic of the edge.
    if (own.length === 0) return [oriented(rings)];
    const made = makeValidPolygon(rings, grid);
    if (made) return made.map(oriented);
    unionFailed = true;
    return [oriented(rings)];
  });
  let polys = repaired.flat();
  if (clean.length > 1 && checkParts(clean, repaired, grid, issues)) {
    const u = safeClip('union', [toPc(polys)], grid);
    polys = u ? fromPc(u) : overlayByFaces(repaired, (holding) => holding > 0);
  }
  return { polys, issues: issues.list, unionFailed };
}
