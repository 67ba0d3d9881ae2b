// Clipping conflict pieces on the ellipsoid (piece-clip.ts): a cut point lies on the edge it cuts.
// The figures around it (that the pieces are exact) are in conflicts-fixture.test.ts, against GEOS
// and GeographicLib; here a case of the sample (data/luoshan) where a piece nanometres wide met a
// village's boundary and the crossing of its edges with the village's was no crossing at all.
import { describe, expect, it } from 'vitest';
import { pieceParts } from '../../src/core/piece-clip.ts';
import { buildShape } from '../../src/core/shape.ts';
import type { Position } from '../../src/core/types.ts';
import { workspaceFor } from '../../src/core/workspace.ts';

const ws = workspaceFor('ellipsoidal');

// 周楼村 of the sample, as its file has it
const village: Position[] = [
  [114.528608, 32.1724668],
  [114.5302334, 32.1725407],
  [114.5311403, 32.1725715],
  [114.5311218, 32.1731921],
  [114.5312955, 32.1732081],
  [114.5322789, 32.1734511],
  [114.5335693, 32.1742358],
  [114.534805, 32.1741695],
  [114.5355681, 32.1755242],
  [114.5355592, 32.175804],
  [114.5354439, 32.1762591],
  [114.5355175, 32.1773833],
  [114.5368675, 32.1785289],
  [114.5355691, 32.1793432],
  [114.5367924, 32.180387],
  [114.5353151, 32.1804103],
  [114.5354256, 32.1812997],
  [114.5352748, 32.1819621],
  [114.5345623, 32.1818098],
  [114.5345491, 32.1827344],
  [114.5333264, 32.1837721],
  [114.5319588, 32.1825703],
  [114.530897, 32.1836144],
  [114.5307688, 32.1826894],
  [114.5298768, 32.1823255],
  [114.5299139, 32.1834153],
  [114.5280555, 32.1834208],
  [114.5269856, 32.1832737],
  [114.5268987, 32.1840739],
  [114.5259571, 32.1839729],
  [114.5250086, 32.1838691],
  [114.5245751, 32.183821],
  [114.5237563, 32.183729],
  [114.5226675, 32.182757],
  [114.5224778, 32.1818297],
  [114.5227684, 32.1807231],
  [114.524007, 32.1802278],
  [114.5240577, 32.1792776],
  [114.5240642, 32.1791283],
  [114.5248504, 32.1780286],
  [114.5248771, 32.1773646],
  [114.52491, 32.1765173],
  [114.5253411, 32.1765637],
  [114.5253825, 32.1754466],
  [114.5254047, 32.1748288],
  [114.5254146, 32.1745524],
  [114.5254546, 32.1734102],
  [114.5262675, 32.1734352],
  [114.5274973, 32.1736087],
  [114.5274116, 32.1728345],
  [114.5287518, 32.1730366],
  [114.528608, 32.1724668],
];
// what was left of a conflict piece at one of the village's vertices: six points within 1e-13°
const speck: Position[] = [
  [114.5280554999999, 32.18342079999998],
  [114.52805550000004, 32.18342079999998],
  [114.52805550000002, 32.183420799999986],
  [114.5280555, 32.1834208],
  [114.5280555, 32.18342079999999],
  [114.5280554999999, 32.18342079999998],
];

describe('pieces cut on the ellipsoid', () => {
  it('a piece a few nanometres wide cut by a polygon is no larger than itself', () => {
    const a = buildShape([[speck]], ws);
    const b = buildShape([[village]], ws);
    const got = (pieceParts(a, b, ws) ?? []).reduce((s, p) => s + p.area, 0);
    // it was 6433 m² (the ill-conditioned crossing went along the village's edge), now nothing
    expect(got).toBeLessThanOrEqual(Math.max(0, a.area) + 1e-9);
    expect(pieceParts(b, a, ws)!.reduce((s, p) => s + p.area, 0)).toBeLessThanOrEqual(
      Math.max(0, a.area) + 1e-9,
    );
  });
});
