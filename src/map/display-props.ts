// Display properties (prefixed zm_) the map styles read, computed from a feature's canonical
// fields with no geometry code, so the page's first bundle carries none. The one property that
// needs a measure (an enterprise plot's intensity, zm_below) is added by decorate.ts in the
// analysis worker.
import type { Feature } from 'geojson';
import type { ProjectLayer } from '../core/types.ts';
import { fieldText, relocationStatus, roadStatus, zoneCategory } from '../core/fields.ts';
import { labelPoint } from '../core/label-point.ts';
import { landUseColor } from './landuse-colors.ts';

export const ROAD_WIDTH: Record<string, number> = { 主干路: 5, 次干路: 3.5, 支路: 2 };

/** The zm_ properties of a feature that follow from its fields alone. */
export function displayProps(layer: ProjectLayer, f: Feature): Record<string, string | number> {
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
      return { zm_name: name, zm_status: /在建|建设|building/i.test(st) ? 'building' : 'producing' };
    }
    case 'admin':
    case 'park':
    case 'constraint':
      return { zm_name: name };
  }
}

/** Whether a layer's display data must come from the analysis worker (it needs a measure). */
export function displayNeedsMeasure(layer: ProjectLayer): boolean {
  return layer.role === 'enterprise';
}

/** A collection for MapLibre (id = feature index) with the zm_ properties `props` gives. */
export function collectionOf(
  layer: ProjectLayer,
  props: (f: Feature) => Record<string, string | number> = (f) => displayProps(layer, f),
): { type: 'FeatureCollection'; features: Feature[] } {
  const features: Feature[] = [];
  layer.features.forEach((f, i) => {
    if (!f.geometry) return;
    features.push({ type: 'Feature', id: i, geometry: f.geometry, properties: props(f) });
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
    const props = displayProps(layer, f);
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
