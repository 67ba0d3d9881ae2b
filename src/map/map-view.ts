// The MapLibre adapter: the only module that touches maplibre-gl, and no MapLibre object leaves
// src/map. React hands it a project and display settings; it never re-renders the map, it updates
// sources (batched: one setData per source per animation frame, source-batch.ts) and paint
// properties. Modes (modes.ts: view, edit, later review and present) add their own tools.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Project, ProjectLayer } from '../core/types.ts';
import {
  HATCHES,
  labelSourceId,
  ON_TOP,
  layerStyles,
  rasterSourceId,
  ROLE_ORDER,
  TILED_ROLES,
} from './style.ts';
import { hatchImage } from './hatch.ts';
import type { Geometry } from 'geojson';
import { collectionOf, displayNeedsMeasure } from './display-props.ts';
import { featuresExtent } from '../core/geojson-bbox.ts';
import { orderPicks } from '../core/pick-order.ts';
import { MAP_LOCALES, type MapLang } from './locale.ts';
import { SourceBatch } from './source-batch.ts';
import { labelFadeMs, wantAntialias } from './gpu.ts';
import type { MapModeHandler, MapModeName } from './modes.ts';
import { UrlView, type UrlViewOptions } from './url-view.ts';
import { addCopyLinkControl, type CopyLinkControl } from './copy-link-control.ts';
import type { ComparePieceView } from './compare-overlay.ts';

maplibregl.setWorkerUrl(workerUrl);

export interface FeaturePick {
  layerId: string;
  featureIndex: number;
  lngLat: [number, number];
  /** the screen point that was picked at */
  point: { x: number; y: number };
  /** every feature under the pointer, most specific first (the pick itself is the first) */
  candidates: { layerId: string; featureIndex: number }[];
}

const HIGHLIGHT = 'zm-highlight';

/** Layers with more features than this get their display data from `largeLayerData`. */
export const LARGE_LAYER = 20_000;

type TiledModule = typeof import('./tiled-layers.ts');
type TileWorkerClient = import('./tiled-layers.ts').TileWorkerClient;
let tiledModule: Promise<TiledModule> | null = null;
const loadTiled = () => (tiledModule ??= import('./tiled-layers.ts'));

/** Whether this browser can draw tiles in a worker (an OffscreenCanvas with a 2D context). */
const canTile = () => 'OffscreenCanvas' in globalThis;

export interface BasemapOption {
  /** raster tile URL template ({z}/{x}/{y}); Tianditu needs its key in the URL */
  tiles: string[];
  attribution?: string;
}

const CJK_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export class MapView {
  private readonly map: maplibregl.Map;
  private readonly batch: SourceBatch;
  private modes = new Map<MapModeName, MapModeHandler>();
  private activeMode: MapModeName = 'view';
  private project: Project | null = null;
  private ready: Promise<void>;
  private pickListeners: ((pick: FeaturePick | null) => void)[] = [];
  private styleLayerIds = new Map<string, string[]>();

  private largeLayerData?: (layer: ProjectLayer) => Promise<string>;
  private labelData?: (layer: ProjectLayer) => Promise<string>;
  /** the large parcel layers drawn from the tile worker (tiled-layers.ts), once loaded */
  private tiles: import('./tiled-layers.ts').TiledLayers | null = null;
  private tiledModuleNow: TiledModule | null = null;
  private tileWorker?: () => Promise<TileWorkerClient>;
  private tiledLoad: Promise<TiledModule> | null = null;
  /** the tile worker could not be loaded: large layers are GeoJSON sources */
  private tilesFailed = false;

  /** The tiled-layers module with the tile worker in use (loaded with the first large layer). */
  private loadTiles(): Promise<TiledModule> {
    const make = this.tileWorker;
    if (!make) return Promise.reject(new Error('no tile worker'));
    return (this.tiledLoad ??= loadTiled().then(async (m) => {
      m.useTileWorker(await make());
      this.tiledModuleNow = m;
      this.tiles = new m.TiledLayers(this.map, (p) => this.pending(p));
      return m;
    }));
  }

  /**
   * `largeLayerData` returns a URL of a large layer's display GeoJSON made elsewhere (the analysis
   * worker), so MapLibre's worker fetches and parses it and the page never serialises it. Layers
   * whose display needs a measure (enterprise plots' intensity) come from there too. `labelData`
   * likewise returns a URL of a layer's label points; without it they are made here.
   */
  constructor(
    container: HTMLElement,
    opts: {
      basemap?: BasemapOption;
      largeLayerData?: (layer: ProjectLayer) => Promise<string>;
      /** the tile worker's client, made once; without it large parcel layers are GeoJSON sources */
      tileWorker?: () => Promise<TileWorkerClient>;
      labelData?: (layer: ProjectLayer) => Promise<string>;
      lang?: MapLang;
    } = {},
  ) {
    this.largeLayerData = opts.largeLayerData;
    this.tileWorker = opts.tileWorker;
    this.labelData = opts.labelData;
    const sources: maplibregl.StyleSpecification['sources'] = {};
    const layers: maplibregl.LayerSpecification[] = [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
    ];
    if (opts.basemap) {
      sources.basemap = {
        type: 'raster',
        tiles: opts.basemap.tiles,
        tileSize: 256,
        attribution: opts.basemap.attribution ?? '',
      };
      layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
    }
    this.map = new maplibregl.Map({
      container,
      style: { version: 8, sources, layers },
      center: [114.53, 32.17],
      zoom: 11,
      localIdeographFontFamily: CJK_FONTS,
      locale: MAP_LOCALES[opts.lang ?? 'zh'],
      attributionControl: false,
      fadeDuration: labelFadeMs(),
      preserveDrawingBuffer: true,
      // print export renders at 4× (map/print.ts); MapLibre clamps to this, and to what the GPU allows
      maxCanvasSize: [8192, 8192],
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: wantAntialias() },
    } as maplibregl.MapOptions);
    this.batch = new SourceBatch({
      setData: (id, data) => {
        const src = this.map.getSource(id) as maplibregl.GeoJSONSource | undefined;
        if (!src) return false;
        src.setData(data as GeoJSON.GeoJSON);
        return true;
      },
    });
    this.addControls();
    this.ready = new Promise((resolve) => {
      this.map.on('load', () => {
        this.addHatches();
        resolve();
      });
    });
    this.map.on('click', (e) => this.handleClick(e));
  }

  /** Outlines one feature above everything (the inspected one); null clears it. */
  setHighlight(geometry: Geometry | null): void {
    const data: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: geometry ? [{ type: 'Feature', geometry, properties: {} }] : [],
    };
    if (this.map.getSource(HIGHLIGHT)) {
      this.batch.set(HIGHLIGHT, data);
      if (this.map.getLayer(HIGHLIGHT)) this.map.moveLayer(HIGHLIGHT);
      return;
    }
    this.map.addSource(HIGHLIGHT, { type: 'geojson', data });
    this.map.addLayer({
      id: HIGHLIGHT,
      type: 'line',
      source: HIGHLIGHT,
      paint: { 'line-color': '#00b8d4', 'line-width': 3.5, 'line-opacity': 0.95 },
    });
  }

  private controls: maplibregl.IControl[] = [];

  private addControls(): void {
    // the scale bar is furniture.ts's, at the true scale of the map's centre
    const nav = new maplibregl.NavigationControl({ showCompass: true });
    this.map.addControl(nav, 'top-right');
    this.controls = [nav];
  }

  /**
   * Switches the controls' tooltips and the scale's units to a language. MapLibre reads its UI
   * strings from the `locale` given at construction and has no setter, so the table is patched and
   * the controls are added again to read it.
   */
  setLang(lang: MapLang): void {
    const internal = this.map as unknown as { _locale?: Record<string, string> };
    internal._locale = { ...internal._locale, ...MAP_LOCALES[lang] };
    for (const c of this.controls) this.map.removeControl(c);
    this.addControls();
    this.map.getCanvas().setAttribute('aria-label', MAP_LOCALES[lang]['Map.Title']!);
  }

  private addHatches(): void {
    for (const [id, h] of Object.entries(HATCHES))
      this.map.addImage(id, hatchImage(h.color, h.backgroundAlpha, h.size, h.spacing, h.lineWidth, h.kind));
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  onPick(listener: (pick: FeaturePick | null) => void): () => void {
    this.pickListeners.push(listener);
    return () => {
      this.pickListeners = this.pickListeners.filter((l) => l !== listener);
    };
  }

  async setProject(project: Project): Promise<void> {
    await this.ready;
    const previous = this.project;
    this.project = project;
    // An edit usually replaces a few layers' features: update those sources in place. Adding,
    // removing or re-roling a layer rebuilds the style layers.
    if (
      previous &&
      sameLayerSet(previous, project) &&
      project.layers.every((l, i) => this.tiled(l) === this.tiled(previous.layers[i]!))
    ) {
      project.layers.forEach((layer, i) => {
        if (previous.layers[i] !== layer) this.updateLayer(layer);
      });
      this.modes.get(this.activeMode)?.projectChanged?.();
      return;
    }
    this.modes.get(this.activeMode)?.projectChanged?.();
    for (const ids of this.styleLayerIds.values())
      for (const id of ids) if (this.map.getLayer(id)) this.map.removeLayer(id);
    if (previous)
      for (const l of previous.layers)
        for (const id of [l.id, labelSourceId(l.id), rasterSourceId(l.id)])
          if (this.map.getSource(id)) this.map.removeSource(id);
    this.tiles?.keep(new Set(project.layers.map((l) => l.id)));
    this.styleLayerIds.clear();
    // the tiled layers' module first (their sources and styles come from it); without it they are GeoJSON
    let tiles: TiledModule | null = null;
    if (project.layers.some((l) => this.tiled(l)))
      tiles = await this.loadTiles().catch(() => {
        this.tilesFailed = true;
        return null;
      });
    if (this.project !== project) return;
    const ordered = [...project.layers].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    // The planned boundary, then the labels, go last so they sit above every fill and line.
    const onTop: maplibregl.LayerSpecification[] = [];
    const symbols: maplibregl.LayerSpecification[] = [];
    for (const layer of ordered) {
      const viaWorker = this.fromWorker(layer);
      // data queued for a source of the same id before the rebuild is not the new layer's
      this.batch.forget(layer.id);
      this.batch.forget(labelSourceId(layer.id));
      if (tiles && this.tiles && this.tiled(layer)) this.tiles.add(layer);
      else
        this.map.addSource(layer.id, {
          type: 'geojson',
          data: viaWorker ? { type: 'FeatureCollection', features: [] } : collectionOf(layer),
          tolerance: 0.2,
        });
      const specs = this.specsOf(layer);
      if (specs.some((spec) => 'source' in spec && spec.source === labelSourceId(layer.id)))
        this.map.addSource(labelSourceId(layer.id), {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: [] },
        });
      this.updateLayer(layer, viaWorker);
      this.styleLayerIds.set(
        layer.id,
        specs.map((s) => s.id),
      );
      for (const spec of specs) {
        if (spec.type === 'symbol') symbols.push(spec);
        else if ((spec.metadata as Record<string, unknown> | undefined)?.[ON_TOP]) onTop.push(spec);
        else this.map.addLayer(spec);
      }
    }
    // MapLibre places the topmost symbol layer's labels first: the zone parts' names, the subject of
    // the map, go on top so villages' and townships' names give way to them.
    const zoneIds = new Set(project.layers.filter((l) => l.role === 'zone').map((l) => labelSourceId(l.id)));
    const isZone = (spec: maplibregl.LayerSpecification) =>
      'source' in spec && zoneIds.has(String(spec.source));
    for (const spec of [...onTop, ...symbols.filter((x) => !isZone(x)), ...symbols.filter(isZone)])
      this.map.addLayer(spec);
    this.compareOverlay?.raiseCompare(this.map);
    for (const raise of this.onTop) raise();
    if (this.map.getLayer(HIGHLIGHT)) this.map.moveLayer(HIGHLIGHT);
  }

  /** The scenario comparison over the map (compare-overlay.ts); null takes it off. */
  async setCompare(pieces: ComparePieceView[] | null): Promise<void> {
    await this.ready;
    // the overlay's code (and its label placement) loads with the first comparison shown; until
    // then there is nothing to take off. Calls keep their order: all wait for the same load.
    if (!pieces?.length && !this.compareLoad) return;
    this.compareLoad ??= import('./compare-overlay.ts').then((m) => (this.compareOverlay = m));
    (await this.compareLoad).showCompare(this.map, pieces);
  }

  private compareLoad: Promise<typeof import('./compare-overlay.ts')> | null = null;
  private compareOverlay: typeof import('./compare-overlay.ts') | null = null;

  /** The comparison's labels placed on screen now (for tests). */
  compareLabels(): { piece: number; change: string; label: string }[] {
    return this.compareOverlay?.renderedCompareLabels(this.map) ?? [];
  }

  private onTop: (() => void)[] = [];
  /** `raise` puts an overlay's layers (the review's conflicts) back on top after a rebuild. */
  keepOnTop(raise: () => void): () => void {
    this.onTop.push(raise);
    return () => {
      this.onTop = this.onTop.filter((r) => r !== raise);
    };
  }

  /** Replaces one layer's features (after an edit; only its labels when `features` is false). */
  updateLayer(layer: ProjectLayer, features = true): void {
    const src = () => ({ setData: (data: string | GeoJSON.GeoJSON) => this.batch.set(layer.id, data) });
    this.updateLabels(layer);
    if (!features) return;
    if (this.tiled(layer)) {
      if (this.map.getSource(rasterSourceId(layer.id)))
        this.tiles?.retile(layer, () => !!this.project?.layers.includes(layer));
      return;
    }
    if (this.largeLayerData && this.fromWorker(layer)) {
      void this.pending(this.largeLayerData(layer)).then(
        (url) => {
          // only if the layer is still the one shown
          if (this.project?.layers.includes(layer)) src().setData(url);
        },
        // without the worker the plots are drawn, only their below-threshold flag is missing
        () => src().setData(collectionOf(layer)),
      );
    } else src().setData(collectionOf(layer));
  }

  /** Fills a layer's label source, from the worker when there is one (only if the layer is still shown). */
  private updateLabels(layer: ProjectLayer): void {
    const id = labelSourceId(layer.id);
    if (!this.map.getSource(id)) return;
    const labels = () => ({ setData: (data: string | GeoJSON.GeoJSON) => this.batch.set(id, data) });
    const here = () =>
      import('./label-collection.ts').then(({ labelCollection }) => {
        if (this.project?.layers.includes(layer)) labels().setData(labelCollection(layer));
      });
    if (!this.labelData) {
      void here();
      return;
    }
    void this.pending(this.labelData(layer)).then((url) => {
      if (this.project?.layers.includes(layer)) labels().setData(url);
    }, here);
  }

  /** Large parcel layers are drawn from the tile worker (tiled-layers.ts). */
  private tiled(layer: ProjectLayer): boolean {
    return (
      !!this.tileWorker &&
      !this.tilesFailed &&
      layer.features.length > LARGE_LAYER &&
      TILED_ROLES.has(layer.role) &&
      canTile()
    );
  }

  /** The style layers of a layer as this map draws it. */
  private specsOf(layer: ProjectLayer): maplibregl.LayerSpecification[] {
    const specs = layerStyles(layer);
    return this.tiled(layer) && this.tiledModuleNow ? this.tiledModuleNow.tiledStyles(layer, specs) : specs;
  }

  /** Large layers, and layers whose display needs a measure, get their display data from the worker. */
  private fromWorker(layer: ProjectLayer): boolean {
    return !!this.largeLayerData && (layer.features.length > LARGE_LAYER || displayNeedsMeasure(layer));
  }

  setVisibility(layerId: string, visible: boolean): void {
    for (const id of this.styleLayerIds.get(layerId) ?? []) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    }
  }

  /** Scales every fill/line opacity of a layer by `opacity` (0–1) relative to its styled value. */
  setOpacity(layerId: string, opacity: number): void {
    const layer = this.project?.layers.find((l) => l.id === layerId);
    if (!layer) return;
    for (const spec of this.specsOf(layer)) {
      if (!this.map.getLayer(spec.id)) continue;
      const paint = (spec as { paint?: Record<string, unknown> }).paint ?? {};
      if (spec.type === 'raster') {
        const base = typeof paint['raster-opacity'] === 'number' ? paint['raster-opacity'] : 1;
        this.map.setPaintProperty(spec.id, 'raster-opacity', base * opacity);
      } else if (spec.type === 'fill') {
        const base = typeof paint['fill-opacity'] === 'number' ? paint['fill-opacity'] : 1;
        this.map.setPaintProperty(spec.id, 'fill-opacity', base * opacity);
      } else if (spec.type === 'line') {
        const base = typeof paint['line-opacity'] === 'number' ? paint['line-opacity'] : 1;
        this.map.setPaintProperty(spec.id, 'line-opacity', base * opacity);
      } else if (spec.type === 'symbol') {
        this.map.setPaintProperty(spec.id, 'text-opacity', opacity);
      }
    }
  }

  fitBounds(bounds: [number, number, number, number], animate = false): void {
    this.map.fitBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding: 40, animate },
    );
  }

  private handleClick(e: maplibregl.MapMouseEvent): void {
    // an editing tool takes the clicks; the inspector's picking waits
    if (this.picksSuspended) return;
    const emit = (pick: FeaturePick | null) => {
      for (const l of this.pickListeners) l(pick);
    };
    const rendered = this.renderedHits(e.point);
    // a tiled layer below street zoom is an image: its features come from the tile worker
    const tiles = this.tiles;
    if (!tiles?.asImages().length) {
      emit(this.pickFrom(rendered, e.point));
      return;
    }
    const at = this.map.unproject(e.point);
    void tiles.pickUnder([at.lng, at.lat]).then(
      (hits) => {
        // under everything drawn from features (the tiled layers are the map's lowest)
        const extra = hits.map((h, k) => ({ ...h, drawOrder: -1e9 - k }));
        emit(this.pickFrom([...rendered, ...extra], e.point));
      },
      () => emit(this.pickFrom(rendered, e.point)),
    );
  }

  /**
   * The features drawn under a screen point, most specific first (core's orderPicks). Labels are
   * not queried: a name over a plot stands for a feature that is itself under the pointer.
   */
  pickAt(point: { x: number; y: number }): FeaturePick | null {
    return this.pickFrom(this.renderedHits(point), point);
  }

  /** What MapLibre draws from features within 3 pixels of a point, topmost first. */
  private renderedHits(point: {
    x: number;
    y: number;
  }): { layerId: string; featureIndex: number; drawOrder: number }[] {
    const queryable = [...this.styleLayerIds.values()].flat().filter((id) => {
      const type = this.map.getLayer(id)?.type;
      return (
        type !== undefined &&
        type !== 'symbol' &&
        type !== 'raster' &&
        this.map.getLayoutProperty(id, 'visibility') !== 'none'
      );
    });
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - 3, point.y - 3],
      [point.x + 3, point.y + 3],
    ];
    const hits = this.map.queryRenderedFeatures(box, { layers: queryable });
    return hits.flatMap((h, k) =>
      h.id === undefined ? [] : [{ layerId: String(h.source), featureIndex: Number(h.id), drawOrder: -k }],
    );
  }

  private pickFrom(
    hits: { layerId: string; featureIndex: number; drawOrder: number }[],
    point: { x: number; y: number },
  ): FeaturePick | null {
    const project = this.project;
    if (!project) return null;
    // a feature drawn by several style layers (fill and outline) counts once
    const seen = new Set<string>();
    const candidates = [];
    for (const h of hits) {
      const key = `${h.layerId}#${h.featureIndex}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const geometry = project.layers.find((l) => l.id === h.layerId)?.features[h.featureIndex]?.geometry;
      if (geometry) candidates.push({ ...h, geometry });
    }
    if (candidates.length === 0) return null;
    const at = this.map.unproject([point.x, point.y]);
    const ordered = orderPicks(candidates, at.lng, at.lat).map(({ layerId, featureIndex }) => ({
      layerId,
      featureIndex,
    }));
    return {
      ...ordered[0]!,
      lngLat: [at.lng, at.lat],
      point: { x: point.x, y: point.y },
      candidates: ordered,
    };
  }

  /** Label features MapLibre placed on screen now (for tests: one per feature, none repeated). */
  renderedLabels(): { layer: string; featureIndex: number; name: string }[] {
    const labelLayers = [...this.styleLayerIds.values()]
      .flat()
      .filter((id) => this.map.getLayer(id)?.type === 'symbol');
    return this.map.queryRenderedFeatures(undefined, { layers: labelLayers }).map((f) => ({
      layer: f.layer.id,
      featureIndex: Number(f.id),
      name: String(f.properties?.zm_name ?? ''),
    }));
  }

  /** Resolves when the map has drawn everything queued so far (the batch flushed, then idle). */
  async whenIdle(): Promise<void> {
    // display data still coming from the worker first (a large layer's, labels), then the frame
    // (bounded: a worker that never answers leaves the map as it is after 20 s)
    const until = Date.now() + 20_000;
    while (this.requested.size && Date.now() < until)
      await Promise.race([
        Promise.allSettled([...this.requested]),
        new Promise((r) => setTimeout(r, Math.max(0, until - Date.now()))),
      ]);
    return new Promise((resolve) => {
      this.batch.flush();
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  /** Display data asked of the worker and not yet answered (whenIdle waits for them). */
  private requested = new Set<Promise<unknown>>();

  private pending<T>(p: Promise<T>): Promise<T> {
    this.requested.add(p);
    const done = () => this.requested.delete(p);
    p.then(done, done);
    return p;
  }

  /** Calls back once, the next time the map has finished drawing. */
  onceIdle(f: () => void): void {
    this.map.once('idle', f);
  }

  /** The screen point (CSS pixels in the map) of a lon/lat. */
  screenPoint(lonLat: readonly [number, number] | readonly number[]): { x: number; y: number } {
    const p = this.map.project([lonLat[0]!, lonLat[1]!]);
    return { x: p.x, y: p.y };
  }

  lonLatAt(point: { x: number; y: number }): [number, number] {
    const l = this.map.unproject([point.x, point.y]);
    return [l.lng, l.lat];
  }

  center(): [number, number] {
    const c = this.map.getCenter();
    return [c.lng, c.lat];
  }

  jumpTo(view: { center: [number, number]; zoom?: number; bearing?: number; pitch?: number }): void {
    this.map.jumpTo(view);
  }

  /** The camera now, and whether it is still moving (a flight or an ease). */
  camera(): { center: [number, number]; zoom: number; bearing: number; pitch: number; moving: boolean } {
    return {
      center: this.center(),
      zoom: this.map.getZoom(),
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
      moving: this.map.isMoving(),
    };
  }

  /** Project layer id → whether any of its style layers (its labels included) is drawn now. */
  shownLayers(): Record<string, boolean> {
    const shown: Record<string, boolean> = {};
    for (const l of this.map.getStyle().layers) {
      if (!('source' in l) || typeof l.source !== 'string') continue;
      const id = l.source.replace(/::(labels|raster)$/, '');
      shown[id] = (shown[id] ?? false) || this.map.getLayoutProperty(l.id, 'visibility') !== 'none';
    }
    return shown;
  }

  /** How many features MapLibre draws now in the given style layers (for tests and checks). */
  renderedCount(styleLayerIds: string[]): number {
    const present = styleLayerIds.filter((id) => this.map.getLayer(id));
    return present.length ? this.map.queryRenderedFeatures({ layers: present }).length : 0;
  }

  /** How many of a project layer's features MapLibre draws now (its fills, lines and points). */
  drawnFeatures(layerId: string): number {
    const image = this.tiles?.imageFeatures(layerId);
    if (image !== undefined && image !== null) return image;
    const ids = (this.styleLayerIds.get(layerId) ?? []).filter((id) => {
      const spec = this.map.getLayer(id);
      return spec && spec.source === layerId;
    });
    return this.renderedCount(ids);
  }

  /** How a layer is drawn now: as tile images, from features, or not at all. */
  drawnAs(layerId: string): 'image' | 'features' | 'none' {
    if (this.tiles?.asImages().some(([id]) => id === layerId)) return 'image';
    return this.drawnFeatures(layerId) > 0 ? 'features' : 'none';
  }

  /** Display data asked of the worker and not answered yet. */
  get waitingData(): number {
    return this.requested.size;
  }

  /** The highlighted feature's outlines drawn now. */
  highlightCount(): number {
    return this.renderedCount([HIGHLIGHT]);
  }

  /** Keeps the view in the page's URL (url-view.ts). */
  createUrlView(opts: UrlViewOptions): UrlView {
    return new UrlView(this.map, opts);
  }

  addCopyLink(onCopy: () => void): CopyLinkControl {
    return addCopyLinkControl(this.map, onCopy);
  }

  /** The project shown now. */
  shownProject(): Project | null {
    return this.project;
  }

  // ---- modes -------------------------------------------------------------------------------

  /** Registers a mode's handler; the mode's own file builds it with `modeContext()`. */
  registerMode(name: MapModeName, handler: MapModeHandler): void {
    this.modes.set(name, handler);
  }

  get mode(): MapModeName {
    return this.activeMode;
  }

  /** Leaves the active mode and enters `name` ('view' has no handler: the plain map). */
  async setMode(name: MapModeName): Promise<void> {
    if (name === this.activeMode) return;
    if (name !== 'view' && !this.modes.has(name)) throw new Error(`no map mode "${name}" registered`);
    await this.ready;
    this.modes.get(this.activeMode)?.leave();
    this.activeMode = name;
    await this.modes.get(name)?.enter();
  }

  /**
   * What a mode's handler may use: the MapLibre map itself stays inside src/map, handed only to
   * the handlers that live here, and the batched source updates.
   */
  modeContext(): ModeContext {
    return {
      map: this.map,
      project: () => this.project,
      setSourceData: (id, data) => this.batch.set(id, data),
      ready: () => this.ready,
      /** whether a layer is shown (its style layers visible) */
      visible: (layerId) =>
        (this.styleLayerIds.get(layerId) ?? []).some(
          (id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none',
        ),
      suspendPicks: (on) => {
        this.picksSuspended = on;
      },
    };
  }

  private picksSuspended = false;

  destroy(): void {
    for (const m of this.modes.values()) m.leave();
    this.map.remove();
  }
}

export interface ModeContext {
  map: maplibregl.Map;
  project(): Project | null;
  setSourceData(sourceId: string, data: GeoJSON.GeoJSON | string): void;
  ready(): Promise<void>;
  visible(layerId: string): boolean;
  suspendPicks(on: boolean): void;
}

/** The bounding box of a layer's features, or null when it has none. */
export function layerBounds(layer: ProjectLayer): [number, number, number, number] | null {
  const withGeometry = layer.features.filter((f) => f.geometry);
  if (withGeometry.length === 0) return null;
  const [minX, minY, maxX, maxY] = featuresExtent(withGeometry);
  return [minX, minY, maxX, maxY];
}

function sameLayerSet(a: Project, b: Project): boolean {
  return (
    a.layers.length === b.layers.length &&
    a.layers.every((l, i) => {
      const m = b.layers[i]!;
      return l.id === m.id && l.role === m.role && l.kind === m.kind;
    })
  );
}
