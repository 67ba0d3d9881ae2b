// Where each feature's label goes. Made in the analysis worker (api.ts labelUrl), so polylabel
// and the label-point search stay out of the page's first bundle.
import type { Feature } from 'geojson';
import { labelPoint } from '../core/label-point.ts';
import type { ProjectLayer } from '../core/types.ts';
import { displayProps } from './display-props.ts';

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
