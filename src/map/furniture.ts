// What every map carries whatever its mode: the north arrow (top left), the scale bar (bottom
// left) and the legend of the visible layers (bottom right). The print export draws the same
// things on paper (map/print.ts).
import type { Map as MapLibreMap } from 'maplibre-gl';
import { LegendControl, type LegendGroup } from './legend.ts';
import type { MapView } from './map-view.ts';
import { NorthArrowControl } from './north-arrow.ts';
import { ScaleBarControl } from './scale-bar.ts';

export class MapFurniture {
  readonly legend = new LegendControl();
  readonly scale = new ScaleBarControl();
  readonly north: NorthArrowControl;

  readonly map: MapLibreMap;

  /** On the page's map view (its MapLibre map stays in src/map). */
  constructor(view: MapView, northTitle: string) {
    const map = view.modeContext().map;
    this.map = map;
    this.north = new NorthArrowControl(northTitle);
    map.addControl(this.north, 'top-left');
    map.addControl(this.scale, 'bottom-left');
    map.addControl(this.legend, 'bottom-right');
  }

  setLegend(groups: LegendGroup[], heading: string): void {
    this.legend.set(groups, heading);
  }

  setNorthTitle(title: string): void {
    this.north.setTitle(title);
  }

  destroy(): void {
    for (const c of [this.north, this.scale, this.legend])
      if (this.map.hasControl(c)) this.map.removeControl(c);
  }
}
