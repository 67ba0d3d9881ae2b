// The snap index finds the vertex or edge within reach among all shown layers' segments, and
// reports the edges that meet at a snapped vertex (drawn as the hint).
import { describe, expect, it } from 'vitest';
import type { ProjectLayer } from '../../src/core/types.ts';
import { SnapIndex } from '../../src/map/snap-index.ts';

const layer = (id: string, coordinates: number[][][]): ProjectLayer => ({
  id,
  role: 'village',
  file: `${id}.geojson`,
  crs: 'EPSG:4326',
  fields: {},
  features: [{ type: 'Feature', id: 0, properties: {}, geometry: { type: 'Polygon', coordinates } }],
});

// 100 000 px per degree, y down
const toScreen = (p: number[]) => ({ x: (p[0]! - 114) * 1e5, y: (33 - p[1]!) * 1e5 });
const toLonLat = (p: { x: number; y: number }): [number, number] => [114 + p.x / 1e5, 33 - p.y / 1e5];

describe('SnapIndex', () => {
  const a = layer('a', [
    [
      [114.5, 32.5],
      [114.501, 32.5],
      [114.501, 32.501],
      [114.5, 32.5],
    ],
  ]);
  const index = new SnapIndex([a]);

  it('a vertex within reach, exactly, with the two edges that meet there', () => {
    const s = index.snap(toScreen([114.50101, 32.50001]), 12, toScreen, toLonLat, []);
    expect(s?.kind).toBe('vertex');
    expect(s?.at).toEqual([114.501, 32.5]);
    expect(s?.edges.length).toBe(2);
  });

  it('an edge when no vertex is near; nothing out of reach; the dragged vertex is not a target', () => {
    const e = index.snap(toScreen([114.5005, 32.50005]), 12, toScreen, toLonLat, []);
    expect(e?.kind).toBe('edge');
    expect(e?.edges).toEqual([
      [
        [114.5, 32.5],
        [114.501, 32.5],
      ],
    ]);
    expect(index.snap(toScreen([114.6, 32.6]), 12, toScreen, toLonLat, [])).toBeNull();
    const x = index.snap(toScreen([114.501, 32.5]), 12, toScreen, toLonLat, [[114.501, 32.5]]);
    expect(x?.at).not.toEqual([114.501, 32.5]);
  });
});
