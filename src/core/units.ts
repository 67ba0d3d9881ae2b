// Area and length units as the reports use them. 1 亩 = 2000/3 m², 1 公顷 = 10 000 m², 1 km² = 1 500 亩.
export const M2_PER_MU = 2000 / 3;
export const M2_PER_HA = 10_000;
export const M2_PER_KM2 = 1_000_000;

export const m2ToMu = (m2: number): number => m2 / M2_PER_MU;
export const m2ToHa = (m2: number): number => m2 / M2_PER_HA;
export const m2ToKm2 = (m2: number): number => m2 / M2_PER_KM2;
export const muToM2 = (mu: number): number => mu * M2_PER_MU;

function fixed(value: number, decimals: number): string {
  // Avoid "-0.0000" for tiny negatives from floating-point noise.
  const s = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

function groupThousands(s: string): string {
  const [int, frac] = s.split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = sign ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

/** A figure with thousands separators and fixed decimals; a missing or non-finite one is "—". */
export const formatFixed = (value: number | null | undefined, decimals: number): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : groupThousands(fixed(value, decimals));

/** km² with 4 decimals, as the reports give them (8.5133). */
export const formatKm2 = (m2: number): string => fixed(m2ToKm2(m2), 4);
/** 亩 as a whole number with thousands separators (12,770). */
export const formatMu = (m2: number): string => groupThousands(fixed(m2ToMu(m2), 0));
/** 公顷 with 2 decimals. */
export const formatHa = (m2: number): string => groupThousands(fixed(m2ToHa(m2), 2));
/** Lengths: km with 2 decimals. */
export const formatKm = (m: number): string => fixed(m / 1000, 2);
/** Shares as percent with 1 decimal. */
export const formatPercent = (share: number): string => fixed(share * 100, 1) + '%';

/** Money: 万元 below 1 亿, otherwise 亿元 with 2 decimals. */
export function formatWan(wan: number, lang: 'zh' | 'en' = 'zh'): string {
  if (Math.abs(wan) >= 10_000) {
    const yi = fixed(wan / 10_000, 2);
    return lang === 'zh' ? `${yi} 亿元` : `${yi} ×10⁸ CNY`;
  }
  const w = groupThousands(fixed(wan, 0));
  return lang === 'zh' ? `${w} 万元` : `${w} ×10⁴ CNY`;
}
