// The three-plan review on the map: every conflict hatched in red over the plans (a decided one in
// a quieter hatch), the conflict in focus outlined, a click on a conflict reported by its id. The
// layers stay above the project's layers when those are rebuilt (MapView.keepOnTop).
import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { hatchImage } from './hatch.ts';
import type { MapView } from './map-view.ts';

const SOURCE = 'zm-review-conflicts';
export const HATCH_OPEN = 'zm-hatch-conflict';
const HATCH_DECIDED = 'zm-hatch-conflict-decided';
export const CONFLICT_COLOR = '#e00000';
const DECIDED_COLOR = '#8e5a5a';

/** The red cross-hatch of an open conflict (also drawn on both sides of the swipe). */
export const conflictHatch = () => hatchImage(CONFLICT_COLOR, 0.06, 12, 6, 1.5, 'x');
const LAYERS = {
  open: `${SOURCE}::open`,
  decided: `${SOURCE}::decided`,
  focus: `${SOURCE}::focus`,
} as const;

export interface ConflictShape {
  id: string;
  geometry: Geometry;
  /** a decision is recorded for it */
  decided: boolean;
}

export class ReviewLayers {
  private map: maplibregl.Map;
  private data: FeatureCollection = { type: 'FeatureCollection', features: [] };
  private focused: string | null = null;
  private shown = false;
  private clickListeners: ((id: string) => void)[] = [];
  private readonly offTop: () => void;

  constructor(view: MapView) {
    this.map = view.modeContext().map;
    this.offTop = view.keepOnTop(() => this.raise());
    void view.whenReady().then(() => this.install());
    this.map.on('click', this.handleClick);
  }

  private install(): void {
    const m = this.map;
    if (!m.hasImage(HATCH_OPEN)) m.addImage(HATCH_OPEN, conflictHatch());
    if (!m.hasImage(HATCH_DECIDED))
      m.addImage(HATCH_DECIDED, hatchImage(DECIDED_COLOR, 0.04, 12, 6, 1.2, '/'));
    if (!m.getSource(SOURCE)) m.addSource(SOURCE, { type: 'geojson', data: this.data });
    const visibility = this.shown ? 'visible' : 'none';
    const specs: maplibregl.LayerSpecification[] = [
      {
        id: LAYERS.open,
        type: 'fill',
        source: SOURCE,
        filter: ['!', ['get', 'zm_decided']],
        layout: { visibility },
        paint: { 'fill-pattern': HATCH_OPEN, 'fill-antialias': false },
      },
      {
        id: LAYERS.decided,
        type: 'fill',
        source: SOURCE,
        filter: ['get', 'zm_decided'],
        layout: { visibility },
        paint: { 'fill-pattern': HATCH_DECIDED, 'fill-antialias': false },
      },
      // A conflict's polygon is many pieces (core clips convex parts): outlining each would draw
      // their inner edges, so conflicts are fills only, the one in focus a translucent cyan.
      {
        id: LAYERS.focus,
        type: 'fill',
        source: SOURCE,
        filter: ['==', ['get', 'zm_id'], this.focused ?? ''],
        layout: { visibility },
        paint: { 'fill-color': '#00b8d4', 'fill-opacity': 0.45, 'fill-antialias': false },
      },
    ];
    for (const spec of specs) if (!m.getLayer(spec.id)) m.addLayer(spec);
  }

  /** Back on top of the project's layers (called by MapView after it rebuilds them). */
  private raise(): void {
    for (const id of Object.values(LAYERS)) if (this.map.getLayer(id)) this.map.moveLayer(id);
  }

  setConflicts(conflicts: readonly ConflictShape[]): void {
    this.data = {
      type: 'FeatureCollection',
      features: conflicts.map((c) => ({
        type: 'Feature',
        geometry: c.geometry,
        properties: { zm_id: c.id, zm_decided: c.decided },
      })),
    };
    (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(this.data);
  }

  setFocused(id: string | null): void {
    this.focused = id;
    if (this.map.getLayer(LAYERS.focus)) this.map.setFilter(LAYERS.focus, ['==', ['get', 'zm_id'], id ?? '']);
  }

  show(shown: boolean): void {
    this.shown = shown;
    for (const id of Object.values(LAYERS))
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none');
  }

  /** Told the id of a conflict clicked on the map (while the review is shown). */
  onClick(listener: (id: string) => void): () => void {
    this.clickListeners.push(listener);
    return () => {
      this.clickListeners = this.clickListeners.filter((l) => l !== listener);
    };
  }

  private handleClick = (e: maplibregl.MapMouseEvent): void => {
    if (!this.shown || !this.map.getLayer(LAYERS.open)) return;
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [e.point.x - 2, e.point.y - 2],
      [e.point.x + 2, e.point.y + 2],
    ];
    const hit = this.map.queryRenderedFeatures(box, { layers: [LAYERS.open, LAYERS.decided] })[0];
    const id = hit?.properties?.zm_id;
    if (typeof id === 'string') for (const l of this.clickListeners) l(id);
  };

  /** The map's bounds now (for tests: the conflict in focus lies inside). */
  bounds(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  destroy(): void {
    this.offTop();
    this.map.off('click', this.handleClick);
    this.clickListeners = [];
    try {
      for (const id of Object.values(LAYERS)) if (this.map.getLayer(id)) this.map.removeLayer(id);
      if (this.map.getSource(SOURCE)) this.map.removeSource(SOURCE);
    } catch {
      // the map was removed first (the page leaves the map): nothing left to take off
    }
  }
}
