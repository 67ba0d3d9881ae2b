// Display properties (prefixed zm_) the map styles read, computed from a feature's canonical
// fields with no geometry code, so the page's first bundle carries none. The one property that
// needs a measure (an enterprise plot's intensity, zm_below) is added by decorate.ts in the
// analysis worker.
import type { Feature } from 'geojson';
import type { ProjectLayer } from '../core/types.ts';
import { fieldText, relocationStatus, roadStatus, zoneCategory } from '../core/fields.ts';
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
