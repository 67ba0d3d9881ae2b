// Display properties (prefixed zm_) the map styles read, computed from a feature's canonical
// fields. Free of MapLibre so the analysis worker can prepare large layers off the main thread.
import type { Feature } from 'geojson';
import type { ProjectLayer } from '../core/types.ts';
import { geometryArea } from '../core/area.ts';
import { fieldNumber, fieldText, relocationStatus, roadStatus, zoneCategory } from '../core/fields.ts';
import { DEFAULT_INTENSITY_THRESHOLD } from '../core/report-enterprises.ts';
import { m2ToMu } from '../core/units.ts';
import { landUseColor } from './landuse-colors.ts';
import { labelPoint } from '../core/label-point.ts';

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

/**
 * One point per named feature where its label goes (id = feature index, the zm_ properties plus
 * zm_angle and zm_rank, the label's priority: larger features win collisions). A road drawn as
 * many segments is one road to its reader: it is named once, on its longest segment.
 */
export function labelCollection(layer: ProjectLayer): { type: 'FeatureCollection'; features: Feature[] } {
  const features: Feature[] = [];
  const byName = new Map<string, number>();
  layer.features.forEach((f, i) => {
    const props = decorate(layer, f);
    if (!props.zm_name) return;
    const at = labelPoint(f.geometry);
    if (!at) return;
    const feature: Feature = {
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [at.lon, at.lat] },
      properties: { ...props, zm_angle: Math.round(at.angle * 10) / 10, zm_rank: -at.room },
    };
    if (layer.role !== 'road') {
      features.push(feature);
      return;
    }
    const name = String(props.zm_name);
    const k = byName.get(name);
    if (k === undefined) {
      byName.set(name, features.length);
      features.push(feature);
    } else if (-at.room < (features[k]!.properties!.zm_rank as number)) features[k] = feature;
  });
  return { type: 'FeatureCollection', features };
}
