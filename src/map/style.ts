// How each layer role looks, the way planning maps draw it: the planned boundary as a bold dashed
// red outline, built / development / control as distinct fills (control hatched), land use in the
// usual planning colours, roads by class and status (planned roads dashed), villages by relocation.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { ProjectLayer } from '../core/types.ts';
import type { HatchKind } from './hatch.ts';

export const HATCH_CONTROL = 'zm-hatch-control';
export const HATCH_REDLINE = 'zm-hatch-redline';
export const HATCH_FARMLAND = 'zm-hatch-farmland';

export const ZONE_COLORS = {
  planned: '#d7191c',
  built: '#e8665a',
  development: '#f3b443',
  control: '#4f9a5d',
} as const;

// 三区三线 in their conventional symbols, apart from the zone parts they lie over: basic farmland
// yellow-green cross-hatched, the ecological red line red hatched with a red outline, the urban
// development boundary a purple dashed line.
export const CONSTRAINT_COLORS = {
  farmland: '#b5c400',
  farmlandOutline: '#9e9d24',
  redline: '#c62828',
  urbanBoundary: '#6a3d9a',
} as const;
export const PARK_COLOR = '#00838f';

export interface HatchSpec {
  color: string;
  /** opacity of the tile between the lines */
  backgroundAlpha: number;
  size: number;
  spacing: number;
  lineWidth: number;
  kind: HatchKind;
}

/** The fill patterns, drawn in code by hatch.ts and registered under these image ids. */
export const HATCHES: Record<string, HatchSpec> = {
  [HATCH_CONTROL]: {
    color: ZONE_COLORS.control,
    backgroundAlpha: 0.22,
    size: 12,
    spacing: 6,
    lineWidth: 1.6,
    kind: '/',
  },
  [HATCH_REDLINE]: {
    color: CONSTRAINT_COLORS.redline,
    backgroundAlpha: 0.12,
    size: 14,
    spacing: 7,
    lineWidth: 1.4,
    kind: '\\',
  },
  [HATCH_FARMLAND]: {
    color: CONSTRAINT_COLORS.farmland,
    backgroundAlpha: 0.2,
    size: 16,
    spacing: 8,
    lineWidth: 1.3,
    kind: 'x',
  },
};

// Villages read apart from the zone parts' reds, oranges and greens: magenta for relocation planned,
// brown for done (purple is the urban development boundary's).
export const RELOCATION_COLORS = { none: '#8d8d8d', planned: '#c2185b', done: '#795548' } as const;
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
export const ENTERPRISE_BELOW_COLOR = '#ff8f00';
export const ROAD_COLOR = '#6d6d6d';
export const ADMIN_COLORS = { county: '#3d3d3d', township: '#6b6b9a' } as const;

/** The point source of a layer's labels (one point per named feature, see labelCollection). */
export const labelSourceId = (layerId: string): string => `${layerId}::labels`;

export interface LegendItem {
  /** translation key or literal text */
  label: string;
  color: string;
  shape: 'fill' | 'line' | 'dash' | 'hatch' | 'outline' | 'point';
  /** the direction of a hatch's lines, as the map draws them */
  hatch?: HatchKind;
  count?: number;
  /** a land-use class's code and Chinese name (the label is both), to word the name in the page's language */
  landUse?: { code: string; name: string };
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
      'text-padding': 4,
      'symbol-placement': 'point',
      // larger features keep their label when labels collide
      'symbol-sort-key': ['get', 'zm_rank'],
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
          // dark brown: apart from the red line's red and the roads' grey
          paint: { 'line-color': '#553322', 'line-width': 1, 'line-opacity': 0.7 },
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
        label(id('label'), labelSourceId(s), 13, '#5a1a12', {
          filter: ['!=', ['get', 'zm_cat'], 'planned'],
          minzoom: 12,
        } as Partial<LayerSpecification>),
      ] as LayerSpecification[];
    case 'park':
      return [
        {
          id: id('fill'),
          type: 'fill',
          source: s,
          paint: { 'fill-color': PARK_COLOR, 'fill-opacity': 0.08 },
        },
        {
          id: id('line'),
          type: 'line',
          source: s,
          paint: { 'line-color': PARK_COLOR, 'line-width': 2, 'line-dasharray': [2, 2] },
        },
        label(id('label'), labelSourceId(s), 14, '#004d55'),
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
        // one label per road at the middle of its length, turned along it (line placement repeats
        // the name in every tile the road crosses)
        label(id('label'), labelSourceId(s), 11, '#333333', {
          layout: {
            'text-field': ['get', 'zm_name'],
            'text-font': LABEL_FONT,
            'text-size': 11,
            'text-padding': 4,
            'symbol-placement': 'point',
            'symbol-sort-key': ['get', 'zm_rank'],
            'text-rotate': ['get', 'zm_angle'],
            'text-rotation-alignment': 'map',
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
            // dotted: the planned boundary and planned roads are dashed
            'line-dasharray': [1, 1.5],
          },
        },
        label(id('label'), labelSourceId(s), 12, '#3e2723', { minzoom: 12 } as Partial<LayerSpecification>),
      ];
    case 'admin': {
      const county = layer.kind === 'county';
      return [
        {
          id: id('line'),
          type: 'line',
          source: s,
          paint: {
            'line-color': county ? ADMIN_COLORS.county : ADMIN_COLORS.township,
            'line-width': county ? 2.5 : 1.5,
            // county dash-dot, township dash-dot-dot: neither reads as the urban boundary's dashes
            'line-dasharray': county ? [6, 2, 1, 2] : [4, 1.5, 1, 1.5, 1, 1.5],
          },
        },
        label(id('label'), labelSourceId(s), county ? 18 : 15, county ? '#222222' : '#3b3b78'),
      ];
    }
    case 'constraint': {
      if (layer.kind === 'urban-boundary')
        return [
          {
            id: id('line'),
            type: 'line',
            source: s,
            paint: {
              'line-color': CONSTRAINT_COLORS.urbanBoundary,
              'line-width': 2.5,
              'line-dasharray': [5, 2],
            },
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
          paint: {
            'line-color': redline ? CONSTRAINT_COLORS.redline : CONSTRAINT_COLORS.farmlandOutline,
            'line-width': redline ? 2 : 1.4,
          },
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
        label(id('label'), labelSourceId(s), 11, '#0d2a4d', { minzoom: 14 } as Partial<LayerSpecification>),
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
        { label: 'control', color: ZONE_COLORS.control, shape: 'hatch', hatch: HATCHES[HATCH_CONTROL]!.kind },
      ];
    case 'landuse':
    case 'plan': {
      const counts = new Map<string, LegendItem>();
      for (const d of decorated) {
        const key = `${d.zm_class} ${d.zm_name}`.trim();
        // a record may stand for zm_n features of the same class and name (legend.ts counts so)
        const n = typeof d.zm_n === 'number' ? d.zm_n : 1;
        const item = counts.get(key);
        if (item) item.count = (item.count ?? 0) + n;
        else
          counts.set(key, {
            label: key,
            color: String(d.zm_color),
            shape: 'fill',
            count: n,
            landUse: { code: String(d.zm_class ?? ''), name: String(d.zm_name ?? '') },
          });
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
          color: layer.kind === 'county' ? ADMIN_COLORS.county : ADMIN_COLORS.township,
          shape: 'dash',
        },
      ];
    case 'park':
      return [{ label: 'role.park', color: PARK_COLOR, shape: 'dash' }];
    case 'constraint':
      if (layer.kind === 'urban-boundary')
        return [{ label: 'kind.urban-boundary', color: CONSTRAINT_COLORS.urbanBoundary, shape: 'dash' }];
      return [
        layer.kind === 'ecological-redline'
          ? {
              label: 'kind.ecological-redline',
              color: CONSTRAINT_COLORS.redline,
              shape: 'hatch',
              hatch: HATCHES[HATCH_REDLINE]!.kind,
            }
          : {
              label: 'kind.basic-farmland',
              color: CONSTRAINT_COLORS.farmland,
              shape: 'hatch',
              hatch: HATCHES[HATCH_FARMLAND]!.kind,
            },
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

/** Roles whose large layers are drawn from the tile worker (tiled-layers.ts): filled parcels. */
export const TILED_ROLES: ReadonlySet<ProjectLayer['role']> = new Set(['landuse', 'plan']);
/** Below this zoom a tiled layer is an image; from it on, vector tiles (features to pick and outline). */
export const VECTOR_MIN_ZOOM = 13;
export const rasterSourceId = (layerId: string): string => `${layerId}::raster`;
