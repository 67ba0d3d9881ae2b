// The display properties with the one that needs a measure: an enterprise plot's investment
// intensity against the project's threshold (zm_below). Runs in the analysis worker (api.ts), so
// the area code stays out of the page's first bundle; display-props.ts has the rest.
import type { Feature } from 'geojson';
import type { ProjectLayer } from '../core/types.ts';
import { geometryArea } from '../core/area.ts';
import { fieldNumber } from '../core/fields.ts';
import { DEFAULT_INTENSITY_THRESHOLD } from '../core/intensity.ts';
import { m2ToMu } from '../core/units.ts';
import { collectionOf, displayProps } from './display-props.ts';

/**
 * Derived display properties (prefixed zm_) computed once per feature from the canonical fields.
 * `threshold` is the project's investment-intensity threshold (万元/亩) for flagging enterprise plots.
 */
export function decorate(
  layer: ProjectLayer,
  f: Feature,
  threshold = DEFAULT_INTENSITY_THRESHOLD,
): Record<string, string | number> {
  const props = displayProps(layer, f);
  if (layer.role !== 'enterprise') return props;
  // the plot's intensity as the report computes it (ellipsoidal 亩), 1 when below the threshold
  const investment = fieldNumber(layer, f, 'investment');
  const mu = m2ToMu(geometryArea(f.geometry, 'ellipsoidal'));
  const below = investment !== undefined && mu > 0 && investment / mu < threshold ? 1 : 0;
  return { ...props, zm_below: below };
}

/** The collection MapLibre draws: id = feature index, only the zm_ properties. */
export function displayCollection(
  layer: ProjectLayer,
  threshold?: number,
): { type: 'FeatureCollection'; features: Feature[] } {
  return collectionOf(layer, (f) => decorate(layer, f, threshold));
}
