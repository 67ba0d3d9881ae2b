// Where two versions of a shape differ: the box of the edges that are not in both. An edit moves,
// adds or deletes a few vertices of one ring; every overlay whose other shape lies outside this box
// keeps its value, so live figures re-measure only what an edit touches.
import { emptyBBox, extendBBox, type BBox } from './bbox.ts';
import type { Shape } from './shape.ts';

const ringKey = (r: Float64Array): string => {
  const n = r.length;
  const m = (n >> 2) << 1;
  return `${n}:${r[0]},${r[1]}:${r[m]},${r[m + 1]}`;
};

function sameRing(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Extends `box` by the vertices `from`..`to` (inclusive, clamped) of a flat ring. */
function addVertices(r: Float64Array, from: number, to: number, box: BBox): void {
  const n = r.length / 2;
  extendBBox(box, r.subarray(2 * Math.max(0, from), 2 * Math.min(n - 1, to) + 2));
}

/**
 * Two versions of a ring: the common start and end are kept, and the vertices between them, with
 * one neighbour on each side (so the edges to them are in), span what changed.
 */
function diffRings(a: Float64Array, b: Float64Array, box: BBox): void {
  const na = a.length / 2;
  const nb = b.length / 2;
  let pre = 0;
  while (pre < na && pre < nb && a[2 * pre] === b[2 * pre] && a[2 * pre + 1] === b[2 * pre + 1]) pre++;
  let suf = 0;
  while (
    suf < na - pre &&
    suf < nb - pre &&
    a[2 * (na - 1 - suf)] === b[2 * (nb - 1 - suf)] &&
    a[2 * (na - 1 - suf) + 1] === b[2 * (nb - 1 - suf) + 1]
  )
    suf++;
  addVertices(a, pre - 1, na - suf, box);
  addVertices(b, pre - 1, nb - suf, box);
}

/**
 * The box (workspace coordinates) holding every edge of `a` not in `b` and of `b` not in `a`;
 * null when they are the same. Rings found whole in both are left out; the others are paired in
 * order and compared vertex by vertex; a ring without a partner counts whole.
 */
export function changedBox(a: Shape | undefined, b: Shape | undefined): BBox | null {
  if (a === b) return null;
  const ra = a?.allRings ?? [];
  const rb = b?.allRings ?? [];
  const byKey = new Map<string, number[]>();
  ra.forEach((r, i) => {
    const k = ringKey(r);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const matchedA = new Uint8Array(ra.length);
  const restB: Float64Array[] = [];
  for (const r of rb) {
    const list = byKey.get(ringKey(r));
    const at = list?.findIndex((i) => !matchedA[i] && sameRing(ra[i]!, r)) ?? -1;
    if (at >= 0) matchedA[list![at]!] = 1;
    else restB.push(r);
  }
  const restA = ra.filter((_, i) => !matchedA[i]);
  const box = emptyBBox();
  const paired = Math.min(restA.length, restB.length);
  for (let i = 0; i < paired; i++) diffRings(restA[i]!, restB[i]!, box);
  for (const r of restA.slice(paired)) extendBBox(box, r);
  for (const r of restB.slice(paired)) extendBBox(box, r);
  return box[0] <= box[2] ? box : null;
}
