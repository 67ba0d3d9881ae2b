// A scale bar of a round length at the map's true scale: the geodesic length of a pixel along the
// parallel through the map's centre, on CGCS2000 (core/map-scale.ts). MapLibre's own ScaleControl
// measures on a sphere at the bottom of the map, which disagrees with both by up to a few percent.
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { metresPerPixel, scaleBar, type ScaleBar } from '../core/map-scale.ts';

/** The longest the bar may be, CSS pixels. */
export const SCALE_BAR_MAX_PX = 120;

/** The bar for a map as it is now: its length in CSS pixels and its label. */
export function mapScaleBar(map: MapLibreMap, maxPx = SCALE_BAR_MAX_PX): ScaleBar {
  return scaleBar(metresPerPixel(map.getCenter().lat, map.getZoom()), maxPx);
}

export class ScaleBarControl implements IControl {
  private el = document.createElement('div');
  private bar = document.createElement('div');
  private label = document.createElement('span');
  private map?: MapLibreMap;
  private readonly update = () => this.render();

  constructor() {
    this.el.className = 'maplibregl-ctrl zm-scale';
    this.el.setAttribute('data-testid', 'map-scale-bar');
    this.bar.className = 'zm-scale-bar';
    this.label.className = 'zm-scale-label';
    this.el.append(this.bar, this.label);
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    map.on('move', this.update);
    this.render();
    return this.el;
  }

  onRemove(): void {
    this.map?.off('move', this.update);
    this.el.remove();
    this.map = undefined;
  }

  private render(): void {
    if (!this.map) return;
    const bar = mapScaleBar(this.map);
    // a fractional width: rounding to whole pixels would put the bar off by up to half a pixel
    this.bar.style.width = `${bar.length}px`;
    this.label.textContent = bar.label;
    this.el.setAttribute('data-metres', String(bar.metres));
  }
}
