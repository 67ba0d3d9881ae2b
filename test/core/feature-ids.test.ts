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
  it('keeps the unique ids and gives the others ids no kept one uses', () => {
    const out = withFeatureIds([f('f1'), f(), f(''), f(Number.NaN), f('x')]);
    expect(out.map((x) => x.id)).toEqual(['f1', 'f2', 'f3', 'f4', 'x']);
  });
  it('drops an id that two features share, from both', () => {
    const out = withFeatureIds([f('dup'), f('ok'), f('dup')]);
    expect(out.map((x) => x.id)).toEqual(['f1', 'ok', 'f2']);
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
