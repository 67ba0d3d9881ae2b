// The class systems of the three plans, reduced to the uses the three-plan review compares: a zone
// (industry) plan in 用地用海 codes (or 三调 codes), an urban master plan in GB 50137-2011 letters, a
// land-use master plan in its construction-control zones (建设用地管制区 010–040) and 基本农田.
import { guessLandUseSystem, landUseName, type LandUseSystem } from './landuse-codes.ts';

/** What a piece of land is planned for, whatever the plan's own code system. */
export type PlanUse =
  | 'residential'
  | 'public'
  | 'commercial'
  | 'industrial'
  | 'storage'
  | 'transport'
  | 'utility'
  | 'green'
  | 'special'
  | 'reserve'
  | 'agricultural'
  | 'water'
  | 'other-land'
  | 'lp-allowed'
  | 'lp-conditional'
  | 'lp-restricted'
  | 'lp-forbidden'
  | 'lp-farmland'
  | 'unknown';

export const PLAN_USES: readonly PlanUse[] = [
  'residential',
  'public',
  'commercial',
  'industrial',
  'storage',
  'transport',
  'utility',
  'green',
  'special',
  'reserve',
  'agricultural',
  'water',
  'other-land',
  'lp-allowed',
  'lp-conditional',
  'lp-restricted',
  'lp-forbidden',
  'lp-farmland',
  'unknown',
];

/** Uses that are construction land (建设用地); a land-use plan's 允许/有条件建设区 count as such. */
const CONSTRUCTION = new Set<PlanUse>([
  'residential',
  'public',
  'commercial',
  'industrial',
  'storage',
  'transport',
  'utility',
  'green',
  'special',
  'reserve',
  'lp-allowed',
  'lp-conditional',
]);

export const isConstructionUse = (u: PlanUse): boolean => CONSTRUCTION.has(u);

export type PlanKind = 'industry-plan' | 'land-use-plan' | 'urban-plan';
export const PLAN_KINDS: readonly PlanKind[] = ['industry-plan', 'land-use-plan', 'urban-plan'];

/** 用地用海 first-level code (two digits) → use. */
const YY_USE: Record<string, PlanUse> = {
  '01': 'agricultural',
  '02': 'agricultural',
  '03': 'agricultural',
  '04': 'agricultural',
  '05': 'water',
  '06': 'agricultural',
  '07': 'residential',
  '08': 'public',
  '09': 'commercial',
  '10': 'industrial',
  '11': 'storage',
  '12': 'transport',
  '13': 'utility',
  '14': 'green',
  '15': 'special',
  '16': 'reserve',
  '17': 'water',
  '18': 'water',
  '19': 'water',
  '20': 'water',
  '21': 'water',
  '22': 'water',
  '23': 'other-land',
  '24': 'water',
};

/** 三调 DLBM → use (first two digits, with the second-level codes that leave their group). */
const SD_USE: Record<string, PlanUse> = {
  '00': 'water',
  '01': 'agricultural',
  '02': 'agricultural',
  '03': 'agricultural',
  '04': 'agricultural',
  '05': 'commercial',
  '06': 'industrial',
  '07': 'residential',
  '08': 'public',
  '09': 'special',
  '10': 'transport',
  '11': 'water',
  '12': 'other-land',
};
const SD_EXCEPT: Record<string, PlanUse> = {
  '0508': 'storage',
  '0603': 'water',
  '0702': 'residential',
  '0809': 'utility',
  '0810': 'green',
  '1006': 'agricultural',
  '1109': 'utility',
  '1202': 'agricultural',
  '1203': 'agricultural',
};

/** GB 50137-2011 letter → use. */
const GB_USE: Record<string, PlanUse> = {
  R: 'residential',
  A: 'public',
  B: 'commercial',
  M: 'industrial',
  W: 'storage',
  S: 'transport',
  U: 'utility',
  G: 'green',
  H: 'special',
  E: 'agricultural',
};
const GB_E: Record<string, PlanUse> = { E1: 'water', E2: 'agricultural', E9: 'other-land' };

/** 土地利用总体规划 建设用地管制区 codes and words. */
const LP_CODES: Record<string, PlanUse> = {
  '010': 'lp-allowed',
  '020': 'lp-conditional',
  '030': 'lp-restricted',
  '040': 'lp-forbidden',
};
const LP_WORDS: [PlanUse, string][] = [
  ['lp-allowed', '允许建设'],
  ['lp-conditional', '有条件建设'],
  ['lp-restricted', '限制建设'],
  ['lp-forbidden', '禁止建设'],
];

export const LAND_USE_PLAN_ZONES: Readonly<Record<string, string>> = {
  '010': '允许建设区',
  '020': '有条件建设区',
  '030': '限制建设区',
  '040': '禁止建设区',
};

function landUsePlanUse(code: string, name: string): PlanUse {
  const byCode = LP_CODES[code];
  if (byCode) return byCode;
  const words = `${code} ${name}`;
  // 基本农田 before the zones: "基本农田保护区" is a zone of the plan's own.
  if (words.includes('基本农田')) return 'lp-farmland';
  for (const [use, w] of LP_WORDS) if (words.includes(w)) return use;
  return 'unknown';
}

function codeUse(code: string, system: LandUseSystem): PlanUse {
  const c = code.trim().toUpperCase();
  if (/^[A-Z]\d*$/.test(c)) return GB_E[c] ?? GB_USE[c[0]!] ?? 'unknown';
  if (!/^\d{2}/.test(c)) return 'unknown';
  if (system === 'sandiao' && !/^\d{6}$/.test(c)) return SD_EXCEPT[c] ?? SD_USE[c.slice(0, 2)] ?? 'unknown';
  return YY_USE[c.slice(0, 2)] ?? 'unknown';
}

/** The code system of a plan layer, from its kind and (for the zone plan) its codes. */
export function planSystem(kind: string, codes: Iterable<string>): LandUseSystem | 'land-use-plan' {
  if (kind === 'land-use-plan') return 'land-use-plan';
  if (kind === 'urban-plan') return 'gb50137';
  return guessLandUseSystem(codes);
}

/** The use of one plan class: by its code in the layer's system, then by its name. */
export function planUse(system: LandUseSystem | 'land-use-plan', code: string, name: string): PlanUse {
  if (system === 'land-use-plan') return landUsePlanUse(code.trim(), name);
  const u = code ? codeUse(code, system) : 'unknown';
  if (u !== 'unknown') return u;
  if (name.includes('基本农田')) return 'lp-farmland';
  if (name.includes('工业')) return 'industrial';
  if (name.includes('仓储')) return 'storage';
  if (name.includes('住宅') || name.includes('居住')) return 'residential';
  return 'unknown';
}

/** The words of a plan class: its own name where given, else the name of its code. */
export function planClassName(system: LandUseSystem | 'land-use-plan', code: string): string | undefined {
  if (system === 'land-use-plan') return LAND_USE_PLAN_ZONES[code.trim()];
  return landUseName(code, system);
}
