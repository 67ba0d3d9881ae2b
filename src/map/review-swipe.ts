// The review's swipe: two maps over the main one, each drawing one layer (a plan, or the zone) in
// the project's own styles (style.ts), with the zone boundary and the conflicts hatched on both
// sides for reference. @maplibre/maplibre-gl-compare clips them at a handle the planner drags and
// keeps their cameras together; the main map takes the camera back when the swipe closes.
import * as maplibregl from 'maplibre-gl';
import Compare from '@maplibre/maplibre-gl-compare';
import '@maplibre/maplibre-gl-compare/dist/maplibre-gl-compare.css';
import type { FeatureCollection } from 'geojson';
import type { ProjectLayer } from '../core/types.ts';
import { collectionOf } from './display-props.ts';
import { hatchImage } from './hatch.ts';
import { labelFadeMs, wantAntialias } from './gpu.ts';
import type { MapView } from './map-view.ts';
import { conflictHatch, HATCH_OPEN } from './review-layers.ts';
import { HATCHES, layerStyles } from './style.ts';

export interface SwipeSide {
  layer: ProjectLayer;
  /** the words shown on the side's corner ("土地利用总体规划") */
  title: string;
}

const CONFLICTS = 'zm-swipe-conflicts';

function sideStyle(
  side: ProjectLayer,
  zone: ProjectLayer | undefined,
  conflicts: FeatureCollection,
): maplibregl.StyleSpecification {
  const sources: maplibregl.StyleSpecification['sources'] = {
    [side.id]: { type: 'geojson', data: collectionOf(side), tolerance: 0.2 },
    [CONFLICTS]: { type: 'geojson', data: conflicts },
  };
  const layers: maplibregl.LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
    // labels would need their own point sources; the table and the corner title name what is shown
    ...layerStyles(side).filter((s) => s.type !== 'symbol'),
  ];
  if (zone && zone.id !== side.id) {
    sources[zone.id] = { type: 'geojson', data: collectionOf(zone), tolerance: 0.2 };
    // the planned boundary (with its halo), as the main map draws it
    layers.push(...layerStyles(zone).filter((s) => /::planned(-halo)?$/.test(s.id)));
  }
  layers.push({
    id: `${CONFLICTS}::hatch`,
    type: 'fill',
    source: CONFLICTS,
    paint: { 'fill-pattern': HATCH_OPEN, 'fill-antialias': false },
  });
  return { version: 8, sources, layers };
}

export class ReviewSwipe {
  private wrapper: HTMLDivElement;
  private maps: [maplibregl.Map, maplibregl.Map];
  private compare: Compare;

  constructor(
    private view: MapView,
    left: SwipeSide,
    right: SwipeSide,
    zone: ProjectLayer | undefined,
    conflicts: FeatureCollection,
  ) {
    const main = view.modeContext().map;
    const host = main.getContainer().parentElement ?? main.getContainer();
    this.wrapper = document.createElement('div');
    this.wrapper.className = 'review-swipe';
    this.wrapper.setAttribute('data-testid', 'review-swipe');
    host.appendChild(this.wrapper);
    const camera = {
      center: main.getCenter(),
      zoom: main.getZoom(),
      bearing: main.getBearing(),
      pitch: main.getPitch(),
    };
    const make = (side: SwipeSide, which: 'left' | 'right') => {
      const div = document.createElement('div');
      div.className = `review-swipe-map review-swipe-${which}`;
      this.wrapper.appendChild(div);
      const map = new maplibregl.Map({
        container: div,
        style: sideStyle(side.layer, zone, conflicts),
        ...camera,
        attributionControl: false,
        fadeDuration: labelFadeMs(),
        preserveDrawingBuffer: true,
        canvasContextAttributes: { preserveDrawingBuffer: true, antialias: wantAntialias() },
      } as maplibregl.MapOptions);
      map.on('styleimagemissing', (e: { id: string }) => {
        if (map.hasImage(e.id)) return;
        const h = HATCHES[e.id];
        if (h)
          map.addImage(e.id, hatchImage(h.color, h.backgroundAlpha, h.size, h.spacing, h.lineWidth, h.kind));
        else if (e.id === HATCH_OPEN) map.addImage(e.id, conflictHatch());
      });
      const title = document.createElement('div');
      title.className = `review-swipe-title review-swipe-title-${which}`;
      title.setAttribute('data-testid', `swipe-title-${which}`);
      title.textContent = side.title;
      this.wrapper.appendChild(title);
      return map;
    };
    this.maps = [make(left, 'left'), make(right, 'right')];
    this.compare = new Compare(this.maps[0], this.maps[1], this.wrapper, { orientation: 'vertical' });
  }

  /** The handle's distance from the left edge, px. */
  position(): number {
    return this.compare.currentPosition;
  }

  /** Resolves when both sides have drawn. */
  whenIdle(): Promise<void> {
    return Promise.all(
      this.maps.map(
        (m) =>
          new Promise<void>((resolve) => {
            if (m.loaded() && !m.isMoving()) resolve();
            else m.once('idle', () => resolve());
          }),
      ),
    ).then(() => undefined);
  }

  /** Closes the swipe; the main map shows where the planner swiped to. */
  destroy(): void {
    const m = this.maps[0];
    try {
      this.view.modeContext().map.jumpTo({
        center: m.getCenter(),
        zoom: m.getZoom(),
        bearing: m.getBearing(),
        pitch: m.getPitch(),
      });
    } catch {
      // the main map went first (the page leaves the map)
    }
    this.compare.remove();
    for (const map of this.maps) map.remove();
    this.wrapper.remove();
  }
}
