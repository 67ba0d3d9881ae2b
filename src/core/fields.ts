// Canonical fields per role (contract.md section 1) and the names real files use for them.
import type { Feature, LayerRole, ProjectLayer, ZoneCategory } from './types.ts';

export const CANONICAL_FIELDS: Record<LayerRole, readonly string[]> = {
  zone: ['name', 'category'],
  park: ['name', 'industry'],
  road: ['name', 'class', 'status'],
  village: ['name', 'relocation', 'population', 'households'],
  admin: ['name', 'code'],
  landuse: ['class', 'name'],
  constraint: ['name'],
  plan: ['class', 'name'],
  enterprise: ['name', 'investment', 'status', 'output', 'tax', 'employees'],
};

// Names tried, in order, after the canonical English name. Land-use `name` prefers DLMC over 名称.
const COMMON: Record<string, readonly string[]> = {
  name: ['名称', 'NAME', 'Name', 'MC', 'XMMC', 'QYMC', 'ZLDWMC', 'QSDWMC'],
  category: ['类别', '类型', 'LB', 'LX', 'CATEGORY', 'TYPE'],
  industry: ['主导产业', '产业', 'CY', 'INDUSTRY'],
  class: ['等级', '道路等级', 'DJ', 'CLASS', 'DLBM', 'YDDM', '用地代码', '地类编码'],
  status: ['状态', '建设状态', 'ZT', 'STATUS'],
  relocation: ['搬迁', '搬迁状态', 'BQZT', 'RELOCATION'],
  population: ['人口', 'RK', 'POP', 'POPULATION'],
  households: ['户数', 'HS', 'HOUSEHOLDS'],
  code: ['代码', '行政代码', 'XZQDM', 'XZDM', 'CODE', 'DM'],
  investment: ['投资', '总投资', '投资额', 'TZ', 'INVESTMENT'],
  output: ['产值', 'CZ', 'OUTPUT'],
  tax: ['税收', 'SS', 'TAX'],
  employees: ['就业', '从业人员', '职工', 'EMPLOYEES'],
};

const ROLE_OVERRIDES: Partial<Record<LayerRole, Record<string, readonly string[]>>> = {
  landuse: {
    class: ['DLBM', '地类编码', 'YDDM', '用地代码', 'CLASS'],
    name: ['DLMC', '地类名称', 'YDMC', '用地名称', '名称', 'NAME'],
  },
  plan: {
    class: ['用地代码', 'YDDM', 'DLBM', 'GHDLBM', 'CLASS', '类别'],
    name: ['用地名称', 'YDMC', 'DLMC', 'GHDLMC', '名称', 'NAME'],
  },
};

export function candidateNames(role: LayerRole, canonical: string): readonly string[] {
  return [canonical, ...(ROLE_OVERRIDES[role]?.[canonical] ?? COMMON[canonical] ?? [])];
}

/**
 * Resolves canonical field → property name: the manifest's mapping first, then the first candidate
 * name present in any feature's properties (compared case-insensitively).
 */
export function resolveFieldMapping(
  role: LayerRole,
  features: readonly Feature[],
  manifestFields: Record<string, string> = {},
): Record<string, string> {
  const present = new Map<string, string>();
  // Features of a file mostly share their keys: a key seen once is not lower-cased again, so 300 000
  // parcels cost a set lookup per key (the import dialog runs this on the page's thread).
  const seen = new Set<string>();
  for (const f of features) {
    const props = f.properties;
    if (!props) continue;
    for (const key in props) {
      if (seen.has(key) || !Object.prototype.hasOwnProperty.call(props, key)) continue;
      seen.add(key);
      const lower = key.toLowerCase();
      if (!present.has(lower)) present.set(lower, key);
    }
  }
  const out: Record<string, string> = {};
  const wanted = new Set([...CANONICAL_FIELDS[role], ...Object.keys(manifestFields)]);
  for (const canonical of wanted) {
    const mapped = manifestFields[canonical];
    if (mapped) {
      out[canonical] = mapped;
      continue;
    }
    for (const cand of candidateNames(role, canonical)) {
      const actual = present.get(cand.toLowerCase());
      if (actual !== undefined) {
        out[canonical] = actual;
        break;
      }
    }
  }
  return out;
}

/** A feature's value for a canonical field, or undefined. */
/** A layer as field lookups need it; with a role, a feature lacking the mapped name falls back. */
export type FieldSource = Pick<ProjectLayer, 'fields'> & { role?: LayerRole };

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function fieldValue(layer: FieldSource, feature: Feature, canonical: string): unknown {
  const props = feature.properties;
  if (!props) return undefined;
  const prop = layer.fields[canonical];
  if (prop !== undefined && hasOwn(props, prop)) return props[prop];
  // Files merged from several sources mix column names (NAME here, 名称 there): this feature may
  // carry another of the usual names.
  if (!layer.role) return undefined;
  for (const cand of candidateNames(layer.role, canonical))
    if (cand !== prop && hasOwn(props, cand)) return props[cand];
  return undefined;
}

export function fieldText(layer: FieldSource, feature: Feature, canonical: string): string | undefined {
  const v = fieldValue(layer, feature, canonical);
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

export function fieldNumber(layer: FieldSource, feature: Feature, canonical: string): number | undefined {
  const v = fieldValue(layer, feature, canonical);
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const ZONE_WORDS: Record<string, ZoneCategory> = {
  planned: 'planned',
  规划区: 'planned',
  规划范围: 'planned',
  规划面积: 'planned',
  built: 'built',
  建成区: 'built',
  development: 'development',
  发展区: 'development',
  control: 'control',
  控制区: 'control',
  预留区: 'control',
  拓展区: 'control',
};

export function zoneCategory(value: unknown): ZoneCategory | undefined {
  if (typeof value !== 'string') return undefined;
  return ZONE_WORDS[value.trim()] ?? ZONE_WORDS[value.trim().toLowerCase()];
}

export type RelocationStatus = 'none' | 'planned' | 'done';
const RELOCATION_WORDS: Record<string, RelocationStatus> = {
  none: 'none',
  无: 'none',
  不搬迁: 'none',
  否: 'none',
  planned: 'planned',
  规划: 'planned',
  规划搬迁: 'planned',
  拟搬迁: 'planned',
  待搬迁: 'planned',
  搬迁中: 'planned',
  done: 'done',
  已搬迁: 'done',
  已完成: 'done',
  完成: 'done',
};

export function relocationStatus(value: unknown): RelocationStatus | undefined {
  if (typeof value !== 'string') return undefined;
  return RELOCATION_WORDS[value.trim()] ?? RELOCATION_WORDS[value.trim().toLowerCase()];
}

/** Road status: the known words become built/building/planned; other text is kept as it is. */
export function roadStatus(value: unknown): string {
  const s =
    typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
  const known: Record<string, string> = {
    已建: 'built',
    建成: 'built',
    现状: 'built',
    built: 'built',
    在建: 'building',
    building: 'building',
    规划: 'planned',
    拟建: 'planned',
    planned: 'planned',
  };
  return known[s] ?? known[s.toLowerCase()] ?? s;
}
