// The map side of a presentation: camera flights between slides, the slide's layers shown and the
// rest hidden, its highlighted features outlined, and the current camera read back for a new slide.
// The presentation UI reaches the map only through here (MapPane registers its view in
// present-target.ts).
import type * as maplibregl from 'maplibre-gl';
import type { Feature } from 'geojson';
import type { Camera } from '../core/presentation.ts';
import type { MapView } from './map-view.ts';
import { presentedView } from './present-target.ts';

const GLOW = 'zm-present-glow';
const LINE = 'zm-present-line';

export interface SlideView {
  camera: Camera;
  /** layer id → shown; layers not named keep their visibility */
  visibility: Record<string, boolean>;
  highlight: Feature[];
}

export class Presenter {
  constructor(readonly view: MapView) {}

  private get map(): maplibregl.Map {
    return this.view.modeContext().map;
  }

  /** The camera as the map shows it now, rounded to what a slide needs. */
  camera(): Camera {
    const c = this.map.getCenter();
    const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
    return {
      center: [r(c.lng, 6), r(c.lat, 6)],
      zoom: r(this.map.getZoom(), 2),
      bearing: r(this.map.getBearing(), 1),
      pitch: r(this.map.getPitch(), 1),
    };
  }

  /**
   * Shows a slide: layers and highlight at once, then the camera; `duration` 0 jumps. Resolves when
   * the camera has arrived (or was sent elsewhere meanwhile).
   */
  async show(slide: SlideView, duration: number): Promise<void> {
    await this.view.whenReady();
    for (const [id, on] of Object.entries(slide.visibility)) this.view.setVisibility(id, on);
    this.setHighlight(slide.highlight);
    const { center, zoom, bearing, pitch } = slide.camera;
    // the container may have just grown to the whole screen: size the canvas before flying
    const canvas = this.map.getCanvas();
    const box = this.map.getContainer();
    if (canvas.clientWidth !== box.clientWidth || canvas.clientHeight !== box.clientHeight) this.map.resize();
    // moveend comes when the flight ends or another one takes over, but also from a resize during
    // the flight; the timer covers a flight MapLibre skips (the camera is there already)
    const arrived = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.map.off('moveend', onEnd);
        resolve();
      };
      const onEnd = () => {
        if (!this.map.isMoving()) done();
      };
      const timer = setTimeout(done, Math.max(0, duration) + 1500);
      this.map.on('moveend', onEnd);
    });
    if (duration <= 0) this.map.jumpTo({ center, zoom, bearing, pitch });
    else this.map.flyTo({ center, zoom, bearing, pitch, duration, essential: true, curve: 1.42 });
    await arrived;
  }

  /** Resolves once the map has drawn everything it is loading (for "the slide is on screen"). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.map.loaded() && !this.map.isMoving()) resolve();
      else this.map.once('idle', () => resolve());
    });
  }

  /** Frames drawn per second while the camera moves from here to `camera` (for the benchmark). */
  async measureFlight(camera: Camera, duration: number): Promise<{ frames: number; seconds: number }> {
    let frames = 0;
    const count = () => frames++;
    this.map.on('render', count);
    const start = performance.now();
    await this.show({ camera, visibility: {}, highlight: [] }, duration);
    this.map.off('render', count);
    return { frames, seconds: (performance.now() - start) / 1000 };
  }

  private setHighlight(features: Feature[]): void {
    const data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features };
    const src = this.map.getSource(GLOW) as maplibregl.GeoJSONSource | undefined;
    if (src) src.setData(data);
    else {
      this.map.addSource(GLOW, { type: 'geojson', data });
      this.map.addLayer({
        id: GLOW,
        type: 'line',
        source: GLOW,
        paint: { 'line-color': '#ffd54f', 'line-width': 12, 'line-opacity': 0.55, 'line-blur': 4 },
      });
      this.map.addLayer({
        id: LINE,
        type: 'line',
        source: GLOW,
        paint: { 'line-color': '#ff6f00', 'line-width': 3.5 },
      });
    }
    // above the project's layers, which may have been rebuilt since
    this.map.moveLayer(GLOW);
    this.map.moveLayer(LINE);
  }

  /** Takes the slide's outline off; the caller puts the layers back as the app shows them. */
  end(visibility: Record<string, boolean>): void {
    if (this.map.getSource(GLOW)) this.setHighlight([]);
    for (const [id, on] of Object.entries(visibility)) this.view.setVisibility(id, on);
  }
}

let current: Presenter | null = null;

/** The presenter of the map on the page (present-target.ts), or null before the map exists. */
export function presenter(): Presenter | null {
  const view = presentedView();
  if (!view) return null;
  if (current?.view !== view) current = new Presenter(view);
  return current;
}
