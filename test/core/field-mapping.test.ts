// resolveFieldMapping over many features: the name first seen wins (compared case-insensitively),
// a name found only on a later feature counts, inherited keys do not.
import type { Feature } from 'geojson';
import { expect, it } from 'vitest';
import { resolveFieldMapping } from '../../src/core/fields.ts';

const f = (properties: Record<string, unknown> | null): Feature => ({
  type: 'Feature',
  properties,
  geometry: null as unknown as Feature['geometry'],
});

it('maps the first spelling seen of a usual name, case-insensitively, also from a later feature', () => {
  const features = [f({ Name: 'a' }), f(null), f({ NAME: 'b', yddm: 'M1' }), f({ name: 'c' })];
  expect(resolveFieldMapping('zone', features)).toEqual({ name: 'Name' });
  expect(resolveFieldMapping('plan', features).name).toBe('Name');
  const later = [f({}), f({ zjmc: 'x' }), f({ 名称: '园区' })];
  expect(resolveFieldMapping('park', later)).toEqual({ name: '名称' });
});

it('ignores keys a properties object inherits, and keeps a manifest mapping', () => {
  const inherited = Object.create({ name: 'proto' }) as Record<string, unknown>;
  inherited.other = 1;
  expect(resolveFieldMapping('zone', [f(inherited)])).toEqual({});
  expect(resolveFieldMapping('zone', [f({ name: 'a' })], { name: 'MC' })).toEqual({ name: 'MC' });
});
