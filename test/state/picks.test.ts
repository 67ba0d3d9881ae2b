import { describe, expect, it } from 'vitest';
import { afterClick, stackPosition, stepPick } from '../../src/state/picks.ts';

const a = { layerId: 'enterprises', featureId: 52 };
const b = { layerId: 'parks', featureId: 1 };
const c = { layerId: 'villages', featureId: 2 };
const here = { x: 100, y: 200 };

describe('stepping through overlapping features', () => {
  it('a first click selects the most specific feature', () => {
    const r = afterClick(null, null, [a, b, c], here);
    expect(r.selection).toEqual(a);
    expect(stackPosition(r.pickStack, r.selection)).toEqual({ index: 0, count: 3 });
  });

  it('clicking the same place again goes to the next, and round', () => {
    let s = afterClick(null, null, [a, b, c], here);
    const seen = [s.selection];
    for (let i = 0; i < 3; i++) {
      s = afterClick(s.pickStack, s.selection, [a, b, c], { x: here.x + 2, y: here.y - 1 });
      seen.push(s.selection);
    }
    expect(seen).toEqual([a, b, c, a]);
  });

  it('a click elsewhere starts again at the most specific feature there', () => {
    const s1 = afterClick(null, null, [a, b, c], here);
    const s2 = afterClick(s1.pickStack, b, [a, b, c], { x: here.x + 30, y: here.y });
    expect(s2.selection).toEqual(a);
  });

  it('a click on empty map clears the selection', () => {
    const s1 = afterClick(null, null, [a, b], here);
    expect(afterClick(s1.pickStack, s1.selection, [], here)).toEqual({ selection: null, pickStack: null });
  });

  it('▸ and ◂ step with wrap-around; a selection made elsewhere is not in the stack', () => {
    const { pickStack } = afterClick(null, null, [a, b, c], here);
    expect(stepPick(pickStack, a, 1)).toEqual(b);
    expect(stepPick(pickStack, a, -1)).toEqual(c);
    expect(stepPick(pickStack, c, 1)).toEqual(a);
    const other = { layerId: 'roads', featureId: 7 };
    expect(stackPosition(pickStack, other)).toBeNull();
    expect(stepPick(pickStack, other, 1)).toEqual(other);
  });
});
