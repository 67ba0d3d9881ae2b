// Display properties (prefixed zm_) the map styles read, computed from a feature's canonical
// fields. Free of MapLibre so the analysis worker can prepare large layers off the main thread.
import type { Feature } from 'geojson';
import type { ProjectLayer } from '../core/types.ts';
import { geometryArea } from '../core/area.ts';
import { fieldNumber, fieldText, relocationStatus, roadStatus, zoneCategory } from '../core/fields.ts';
import { DEFAULT_INTENSITY_THRESHOLD } from '../core/report-enterprises.ts';
import { m2ToMu } from '../core/units.ts';
import { landUseColor } from './landuse-colors.ts';

export const ROAD_WIDTH: Record<string, number> = { 主干路: 5, 次干路: 3.5, 支路: 2 };

/**
 * Derived display properties (prefixed zm_) computed once per feature from the canonical fields.
 * `threshold` is the project's investment-intensity threshold (万元/亩) for flagging enterprise plots.
 */
export function decorate(
  layer: ProjectLayer,
  f: Feature,
  threshold = DEFAULT_INTENSITY_THRESHOLD,
): Record<string, string | number> {
  const name = fieldText(layer, f, 'name') ?? '';
  switch (layer.role) {
    case 'zone': {
      const cat = zoneCategory(fieldText(layer, f, 'category')) ?? 'planned';
      return { zm_name: name, zm_cat: cat };
    }
    case 'landuse':
    case 'plan': {
      const cls = fieldText(layer, f, 'class') ?? '';
      const clsName = fieldText(layer, f, 'name') ?? '';
      return {
        zm_name: clsName,
        zm_class: cls,
        zm_color: landUseColor(cls, clsName, layer.role === 'plan' ? 'plan' : 'sandiao'),
      };
    }
    case 'road': {
      const cls = fieldText(layer, f, 'class') ?? '';
      return {
        zm_name: name,
        zm_class: cls,
        zm_status: roadStatus(fieldText(layer, f, 'status')),
        zm_width: ROAD_WIDTH[cls] ?? 2,
      };
    }
    case 'village':
      return { zm_name: name, zm_reloc: relocationStatus(fieldText(layer, f, 'relocation')) ?? 'none' };
    case 'enterprise': {
      const st = fieldText(layer, f, 'status') ?? '';
      // the plot's intensity as the report computes it (ellipsoidal 亩), 1 when below the threshold
      const investment = fieldNumber(layer, f, 'investment');
      const mu = m2ToMu(geometryArea(f.geometry, 'ellipsoidal'));
      const below = investment !== undefined && mu > 0 && investment / mu < threshold ? 1 : 0;
      return {
        zm_name: name,
        zm_status: /在建|建设|building/i.test(st) ? 'building' : 'producing',
        zm_below: below,
      };
    }
    case 'admin':
    case 'park':
    case 'constraint':
      return { zm_name: name };
  }
}

/** The collection MapLibre draws: id = feature index, only the zm_ properties. */
export function displayCollection(
  layer: ProjectLayer,
  threshold?: number,
): { type: 'FeatureCollection'; features: Feature[] } {
  const features: Feature[] = [];
  layer.features.forEach((f, i) => {
    if (!f.geometry) return;
    features.push({
      type: 'Feature',
      id: i,
      geometry: f.geometry,
      properties: decorate(layer, f, threshold),
    });
  });
  return { type: 'FeatureCollection', features };
}
