import { describe, expect, it } from 'vitest';
import {
  formatHa,
  formatKm2,
  formatMu,
  formatWan,
  m2ToHa,
  m2ToKm2,
  m2ToMu,
  muToM2,
} from '../../src/core/units.ts';

// Hand values: 1 亩 = 2000/3 m², 1 公顷 = 10 000 m² = 15 亩, 1 km² = 100 公顷 = 1 500 亩.
describe('area units', () => {
  it('converts the legal definitions exactly', () => {
    expect(m2ToMu(2000)).toBe(3);
    expect(m2ToHa(10_000)).toBe(1);
    expect(m2ToKm2(1_000_000)).toBe(1);
    expect(m2ToMu(1_000_000)).toBeCloseTo(1500, 9);
    expect(m2ToMu(10_000)).toBeCloseTo(15, 12);
    expect(muToM2(3)).toBe(2000);
  });

  it('formats the seed report figures as the reports print them', () => {
    expect(formatKm2(8_513_300)).toBe('8.5133');
    expect(formatKm2(3_700_000)).toBe('3.7000');
    // 8 513 300 × 3 / 2000 = 12 769.95 → 12 770 亩
    expect(formatMu(8_513_300)).toBe('12,770');
    expect(formatHa(8_513_300)).toBe('851.33');
    expect(formatMu(666.66)).toBe('1');
  });

  it('never prints a negative zero', () => {
    expect(formatKm2(-0.00001)).toBe('0.0000');
    expect(formatMu(-0.1)).toBe('0');
  });

  it('prints money in 万元 below one 亿 and in 亿元 above', () => {
    expect(formatWan(632_000)).toBe('63.20 亿元');
    expect(formatWan(9_500)).toBe('9,500 万元');
    expect(formatWan(632_000, 'en')).toBe('63.20 ×10⁸ CNY');
  });
});
