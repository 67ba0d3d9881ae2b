// The pieces every sample manifest repeats: layer entries with their field mappings.

export interface LayerEntry {
  id: string;
  role: string;
  kind?: string;
  file: string;
  crs?: string;
  fields?: Record<string, string>;
}

export const FIELDS = {
  zone: { name: '名称', category: '类别' },
  park: { name: '名称', industry: '主导产业' },
  road: { name: '名称', class: '等级', status: '状态' },
  village: { name: '名称', relocation: '搬迁', population: '人口', households: '户数' },
  admin: { name: '名称', code: '代码' },
  landuse: { class: 'DLBM', name: 'DLMC' },
  enterprise: {
    name: '名称',
    investment: '投资',
    status: '状态',
    output: '产值',
    tax: '税收',
    employees: '就业',
  },
} as const;

export function layer(
  id: string,
  role: keyof typeof FIELDS | 'constraint',
  extra: Partial<LayerEntry> = {},
): LayerEntry {
  const fields = role === 'constraint' ? { name: '名称' } : { ...FIELDS[role] };
  return {
    id,
    role,
    ...(extra.kind ? { kind: extra.kind } : {}),
    file: extra.file ?? `${id}.geojson`,
    ...(extra.crs ? { crs: extra.crs } : {}),
    fields: extra.fields ?? fields,
  };
}

/** Pretty JSON with a final newline, as every committed manifest is written. */
export function manifestText(m: object): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** Said in every synthetic sample's name, description, the README and the app. */
export const SYNTHETIC = '示例数据，非官方';
