// changedBox: the box of the edges two versions of a shape do not share, which decides what live
// figures measure again (an edge left out would leave a figure stale).
import { describe, expect, it } from 'vitest';
import { changedBox } from '../../src/core/shape-diff.ts';
import { buildShape } from '../../src/core/shape.ts';
import { workspaceFor } from '../../src/core/workspace.ts';

const ws = workspaceFor('ellipsoidal');
// A counter-clockwise ring of ten vertices along the edges of a 0.1° square.
const ring = (): number[][] => [
  [114.0, 32.0],
  [114.05, 32.0],
  [114.1, 32.0],
  [114.1, 32.05],
  [114.1, 32.1],
  [114.05, 32.1],
  [114.0, 32.1],
  [114.0, 32.05],
  [114.0, 32.0],
];
const shape = (outer: number[][], holes: number[][][] = []) => buildShape([[outer, ...holes]], ws);

describe('changedBox', () => {
  it('is null for the same shape or an equal copy', () => {
    const a = shape(ring());
    expect(changedBox(a, a)).toBeNull();
    expect(changedBox(a, shape(ring()))).toBeNull();
  });

  it('holds a moved vertex, where it was, and both its neighbours (the edges to them)', () => {
    const r = ring();
    r[3] = [114.13, 32.06];
    expect(changedBox(shape(ring()), shape(r))).toEqual([114.1, 32.0, 114.13, 32.1]);
  });

  it('holds an inserted vertex and the edge it split; a deleted one and the edges it joined', () => {
    const r = ring();
    r.splice(6, 0, [114.02, 32.12]);
    expect(changedBox(shape(ring()), shape(r))).toEqual([114.0, 32.1, 114.05, 32.12]);
    const d = ring().filter((_, i) => i !== 5);
    expect(changedBox(shape(ring()), shape(d))).toEqual([114.0, 32.1, 114.1, 32.1]);
  });

  it('holds the whole of a ring found in one version only (a hole cut)', () => {
    const hole = [
      [114.04, 32.04],
      [114.04, 32.06],
      [114.06, 32.06],
      [114.06, 32.04],
      [114.04, 32.04],
    ];
    expect(changedBox(shape(ring()), shape(ring(), [hole]))).toEqual([114.04, 32.04, 114.06, 32.06]);
  });

  it('holds everything of a shape that appears or goes', () => {
    expect(changedBox(undefined, shape(ring()))).toEqual([114.0, 32.0, 114.1, 32.1]);
    expect(changedBox(shape(ring()), undefined)).toEqual([114.0, 32.0, 114.1, 32.1]);
  });
});
