// How each layer role looks, the way planning maps draw it: the planned boundary as a bold dashed
// red outline, built / development / control as distinct fills (control hatched), land use in the
// usual planning colours, roads by class and status (planned roads dashed), villages by relocation.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { ProjectLayer } from '../core/types.ts';

export const HATCH_CONTROL = 'zm-hatch-control';
export const HATCH_REDLINE = 'zm-hatch-redline';
export const HATCH_FARMLAND = 'zm-hatch-farmland';

export const ZONE_COLORS = {
  planned: '#d7191c',
  built: '#e8665a',
  development: '#f3b443',
  control: '#4f9a5d',
} as const;

// Villages read apart from the zone parts' reds, oranges and greens: magenta for relocation planned.
export const RELOCATION_COLORS = { none: '#8d8d8d', planned: '#c2185b', done: '#6d4c9f' } as const;
const RELOCATION_COLOR: ExpressionSpecification = [
  'match',
  ['get', 'zm_reloc'],
  'planned',
  RELOCATION_COLORS.planned,
  'done',
  RELOCATION_COLORS.done,
  RELOCATION_COLORS.none,
];
export const ENTERPRISE_COLORS = { producing: '#2f6eb5', building: '#8fb7e6' } as const;
export const ENTERPRISE_BELOW_COLOR = '#d81b1b';
export const ROAD_COLOR = '#6d6d6d';

export interface LegendItem {
  /** translation key or literal text */
  label: string;
  color: string;
  shape: 'fill' | 'line' | 'dash' | 'hatch' | 'outline' | 'point';
  count?: number;
}

const LABEL_FONT = ['Noto Sans Regular'];

function label(
  id: string,
  source: string,
  size: number,
  color: string,
  extra: Partial<LayerSpecification> = {},
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    layout: {
      'text-field': ['get', 'zm_name'],
      'text-font': LABEL_FONT,
      'text-size': size,
      'text-allow-overlap': false,
      'symbol-placement': 'point',
    },
    paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    ...extra,
  } as LayerSpecification;
}

/** MapLibre layers for one project layer. Ids are `${layer.id}::part`; the source id is layer.id. */
export function layerStyles(layer: ProjectLayer): LayerSpecification[] {
  const s = layer.id;
  const id = (part: string) => `${s}::${part}`;
  switch (layer.role) {
    case 'zone':
      return [
        {
          id: id('built'),
          type: 'fill',
          source: s,
          filter: ['==', ['get', 'zm_cat'], 'built'],
          paint: { 'fill-color': ZONE_COLORS.built, 'fill-opacity': 0.55 },
        },
        {
          id: id('development'),
          type: 'fill',
          source: s,
          filter: ['==', ['get', 'zm_cat'], 'development'],
          paint: { 'fill-color': ZONE_COLORS.development, 'fill-opacity': 0.55 },
        },
        {
          id: id('control'),
          type: 'fill',
          source: s,
          filter: ['==', ['get', 'zm_cat'], 'control'],
          paint: { 'fill-pattern': HATCH_CONTROL, 'fill-opacity': 0.9 },
        },
        {
          id: id('parts-outline'),
          type: 'line',
          source: s,
          filter: ['!=', ['get', 'zm_cat'], 'planned'],
          paint: { 'line-color': '#7a3b2e', 'line-width': 1, 'line-opacity': 0.7 },
        },
        {
          id: id('planned-halo'),
          type: 'line',
          source: s,
          filter: ['==', ['get', 'zm_cat'], 'planned'],
          paint: { 'line-color': '#ffffff', 'line-width': 6, 'line-opacity': 0.8 },
        },
        {
          id: id('planned'),
          type: 'line',
          source: s,
          filter: ['==', ['get', 'zm_cat'], 'planned'],
          paint: { 'line-color': ZONE_COLORS.planned, 'line-width': 3.5, 'line-dasharray': [3, 1.5] },
        },
        label(id('label'), s, 13, '#5a1a12', {
          filter: ['!=', ['get', 'zm_cat'], 'planned'],
          minzoom: 12,
        } as Partial<LayerSpecification>),
      ] as LayerSpecification[];
    case 'park':
      return [
        { id: id('fill'), type: 'fill', source: s, paint: { 'fill-color': '#7b3fa0', 'fill-opacity': 0.08 } },
        {
          id: id('line'),
          type: 'line',
          source: s,
          paint: { 'line-color': '#7b3fa0', 'line-width': 2, 'line-dasharray': [2, 2] },
        },
        label(id('label'), s, 14, '#4b1f66'),
      ];
    case 'landuse':
    case 'plan':
      return [
        {
          id: id('fill'),
          type: 'fill',
          source: s,
          paint: { 'fill-color': ['get', 'zm_color'], 'fill-opacity': 0.85 },
        },
        {
          id: id('line'),
          type: 'line',
          source: s,
          // Parcel edges of a county-wide layer (10⁵ parcels) are a blur below street zoom and cost
          // every frame: they appear from zoom 15 there, from 12 for a zone-sized layer.
          minzoom: layer.features.length > 20_000 ? 15 : 12,
          paint: { 'line-color': '#ffffff', 'line-width': 0.4, 'line-opacity': 0.8 },
        },
      ];
    case 'road':
      return [
        {
          id: id('casing'),
          type: 'line',
          source: s,
          filter: ['!=', ['get', 'zm_status'], 'planned'],
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: { 'line-color': '#ffffff', 'line-width': ['+', ['get', 'zm_width'], 2] },
        },
        {
          id: id('built'),
          type: 'line',
          source: s,
          filter: ['!=', ['get', 'zm_status'], 'planned'],
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: { 'line-color': ROAD_COLOR, 'line-width': ['get', 'zm_width'] },
        },
        {
          id: id('planned'),
          type: 'line',
          source: s,
          filter: ['==', ['get', 'zm_status'], 'planned'],
          paint: { 'line-color': ROAD_COLOR, 'line-width': ['get', 'zm_width'], 'line-dasharray': [2, 1.5] },
        },
        label(id('label'), s, 11, '#333333', {
          layout: {
            'text-field': ['get', 'zm_name'],
            'text-font': LABEL_FONT,
            'text-size': 11,
            'symbol-placement': 'line',
          },
          minzoom: 13,
        } as Partial<LayerSpecification>),
      ];
    case 'village':
      return [
        {
          id: id('fill'),
          type: 'fill',
          source: s,
          paint: {
            'fill-color': RELOCATION_COLOR,
            'fill-opacity': 0.12,
          },
        },
        {
          id: id('line'),
          type: 'line',
          source: s,
          paint: {
            'line-color': RELOCATION_COLOR,
            'line-width': 1.8,
            'line-dasharray': [3, 1],
          },
        },
        label(id('label'), s, 12, '#3e2723', { minzoom: 12 } as Partial<LayerSpecification>),
      ];
    case 'admin': {
      const county = layer.kind === 'county';
      return [
        {
          id: id('line'),
          type: 'line',
          source: s,
          paint: {
            'line-color': county ? '#3d3d3d' : '#6b6b9a',
            'line-width': county ? 2.5 : 1.5,
            'line-dasharray': county ? [6, 2, 1, 2] : [4, 2],
          },
        },
        label(id('label'), s, county ? 18 : 15, county ? '#222222' : '#3b3b78'),
      ];
    }
    case 'constraint': {
      if (layer.kind === 'urban-boundary')
        return [
          {
            id: id('line'),
            type: 'line',
            source: s,
            paint: { 'line-color': '#6a3d9a', 'line-width': 2.5, 'line-dasharray': [5, 2] },
          },
        ];
      const redline = layer.kind === 'ecological-redline';
      return [
        {
          id: id('fill'),
          type: 'fill',
          source: s,
          paint: { 'fill-pattern': redline ? HATCH_REDLINE : HATCH_FARMLAND },
        },
        {
          id: id('line'),
          type: 'line',
          source: s,
          paint: { 'line-color': redline ? '#c62828' : '#558b2f', 'line-width': redline ? 2 : 1.2 },
        },
      ];
    }
    case 'enterprise':
      return [
        {
          id: id('fill'),
          type: 'fill',
          source: s,
          paint: {
            'fill-color': [
              'match',
              ['get', 'zm_status'],
              'building',
              ENTERPRISE_COLORS.building,
              ENTERPRISE_COLORS.producing,
            ],
            'fill-opacity': 0.75,
          },
        },
        { id: id('line'), type: 'line', source: s, paint: { 'line-color': '#173f6e', 'line-width': 0.8 } },
        // plots below the project's investment-intensity threshold: a red outline over the plain one
        {
          id: id('below'),
          type: 'line',
          source: s,
          filter: ['==', ['get', 'zm_below'], 1],
          paint: { 'line-color': ENTERPRISE_BELOW_COLOR, 'line-width': 2.5 },
        },
        label(id('label'), s, 11, '#0d2a4d', { minzoom: 14 } as Partial<LayerSpecification>),
      ];
  }
}

/** Legend entries for a layer, from the same colours the style uses. */
export function legendFor(layer: ProjectLayer, decorated: Record<string, string | number>[]): LegendItem[] {
  switch (layer.role) {
    case 'zone':
      return [
        { label: 'planned', color: ZONE_COLORS.planned, shape: 'dash' },
        { label: 'built', color: ZONE_COLORS.built, shape: 'fill' },
        { label: 'development', color: ZONE_COLORS.development, shape: 'fill' },
        { label: 'control', color: ZONE_COLORS.control, shape: 'hatch' },
      ];
    case 'landuse':
    case 'plan': {
      const counts = new Map<string, LegendItem>();
      for (const d of decorated) {
        const key = `${d.zm_class} ${d.zm_name}`.trim();
        const item = counts.get(key);
        if (item) item.count = (item.count ?? 0) + 1;
        else counts.set(key, { label: key, color: String(d.zm_color), shape: 'fill', count: 1 });
      }
      return [...counts.values()].sort((a, b) => a.label.localeCompare(b.label));
    }
    case 'road':
      return [
        { label: 'road.主干路', color: ROAD_COLOR, shape: 'line' },
        { label: 'road.次干路', color: ROAD_COLOR, shape: 'line' },
        { label: 'road.支路', color: ROAD_COLOR, shape: 'line' },
        { label: 'status.planned', color: ROAD_COLOR, shape: 'dash' },
      ];
    case 'village':
      return (['none', 'planned', 'done'] as const).map((k) => ({
        label: `relocation.${k}`,
        color: RELOCATION_COLORS[k],
        shape: 'fill' as const,
      }));
    case 'enterprise':
      return [
        { label: 'ent.producing', color: ENTERPRISE_COLORS.producing, shape: 'fill' },
        { label: 'ent.building', color: ENTERPRISE_COLORS.building, shape: 'fill' },
        { label: 'ent.below', color: ENTERPRISE_BELOW_COLOR, shape: 'outline' },
      ];
    case 'admin':
      return [
        {
          label: `kind.${layer.kind ?? 'township'}`,
          color: layer.kind === 'county' ? '#3d3d3d' : '#6b6b9a',
          shape: 'dash',
        },
      ];
    case 'park':
      return [{ label: 'role.park', color: '#7b3fa0', shape: 'dash' }];
    case 'constraint':
      if (layer.kind === 'urban-boundary')
        return [{ label: 'kind.urban-boundary', color: '#6a3d9a', shape: 'dash' }];
      return [
        layer.kind === 'ecological-redline'
          ? { label: 'kind.ecological-redline', color: '#c62828', shape: 'hatch' }
          : { label: 'kind.basic-farmland', color: '#558b2f', shape: 'hatch' },
      ];
  }
}

/** Draw order, bottom to top. */
export const ROLE_ORDER: Record<ProjectLayer['role'], number> = {
  landuse: 0,
  plan: 1,
  zone: 2,
  constraint: 3,
  village: 4,
  enterprise: 5,
  park: 6,
  road: 7,
  admin: 8,
};

/** Style layers drawn above every other layer's fills and lines (the planned boundary). */
export const ON_TOP = 'zm:on-top';
