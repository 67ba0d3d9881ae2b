import { describe, expect, it } from 'vitest';
import { deltaE2000, parseHex, rgbToLab } from './colour.ts';

describe('the colour science the contrast test rests on', () => {
  // Sharma, Wu & Dalal (2005), table 1: pairs 1, 7, 13, 17 and 25 with their published ΔE00
  const pairs: [[number, number, number], [number, number, number], number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  ];
  for (const [a, b, de] of pairs)
    it(`ΔE00 of L*a*b* ${a.join(', ')} and ${b.join(', ')} is ${de}`, () => {
      expect(deltaE2000(a, b)).toBeCloseTo(de, 4);
      expect(deltaE2000(b, a)).toBeCloseTo(de, 4);
    });

  it('sRGB white is L* 100 and pure red is L*a*b* 53.24, 80.09, 67.20 (the usual D65 figures)', () => {
    const [L, a, b] = rgbToLab(parseHex('#ffffff'));
    expect(L).toBeCloseTo(100, 2);
    expect(Math.abs(a) + Math.abs(b)).toBeLessThan(0.05);
    const red = rgbToLab(parseHex('#ff0000'));
    expect(red[0]).toBeCloseTo(53.24, 1);
    expect(red[1]).toBeCloseTo(80.09, 0);
    expect(red[2]).toBeCloseTo(67.2, 0);
  });
});
