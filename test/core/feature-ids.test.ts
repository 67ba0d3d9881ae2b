import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureIndexById, withFeatureIds } from '../../src/core/feature-ids.ts';

const f = (id?: unknown): Feature =>
  ({
    type: 'Feature',
    ...(id !== undefined ? { id } : {}),
    properties: {},
    geometry: null,
  }) as unknown as Feature;

describe('withFeatureIds', () => {
  it('keeps a layer whose ids are usable and unique as it is (the same array)', () => {
    const fs = [f('a'), f(2), f('c')];
    expect(withFeatureIds(fs)).toBe(fs);
  });
  it('keeps the unique ids and gives the others their index, so links by index still work', () => {
    const out = withFeatureIds([f('a'), f(), f(''), f(Number.NaN), f('x')]);
    expect(out.map((x) => x.id)).toEqual(['a', 1, 2, 3, 'x']);
  });
  it('gives a fresh id where a kept one reads as the index, also as text', () => {
    const out = withFeatureIds([f(), f('0'), f(), f(1), f('f1')]);
    expect(out.map((x) => x.id)).toEqual(['f2', '0', 2, 1, 'f1']);
  });
  it('drops an id that two features share, from both, "7" and 7 counting as the same', () => {
    const out = withFeatureIds([f('dup'), f('ok'), f('dup'), f(7), f('7')]);
    expect(out.map((x) => x.id)).toEqual([0, 'ok', 2, 3, 4]);
  });
  it('numbers a layer with no ids at all by index, in new feature objects', () => {
    const fs = [f(), f(null), f()];
    const out = withFeatureIds(fs);
    expect(out.map((x) => x.id)).toEqual([0, 1, 2]);
    expect(out[0]).not.toBe(fs[0]);
    expect(fs[0]!.id).toBeUndefined();
    const none: Feature[] = [];
    expect(withFeatureIds(none)).toBe(none);
  });
  it('gives the same ids to the same file twice (a reload of an unsaved import agrees)', () => {
    const make = () => [f(), f(7), f()];
    expect(withFeatureIds(make()).map((x) => x.id)).toEqual(withFeatureIds(make()).map((x) => x.id));
  });
  it('finds a feature by id, -1 when absent', () => {
    const fs = withFeatureIds([f(), f('b')]);
    expect(featureIndexById(fs, 'b')).toBe(1);
    expect(featureIndexById(fs, 'nope')).toBe(-1);
  });
});
