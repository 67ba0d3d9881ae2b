// The MapLibre adapter: the only module that touches maplibre-gl. React hands it a project and
// display settings; it never re-renders the map, it updates sources and paint properties.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Project, ProjectLayer } from '../core/types.ts';
import {
  HATCH_CONTROL,
  ON_TOP,
  HATCH_FARMLAND,
  HATCH_REDLINE,
  layerStyles,
  ROLE_ORDER,
  ZONE_COLORS,
} from './style.ts';
import { hatchImage } from './hatch.ts';
import type { Geometry } from 'geojson';
import { displayCollection } from './decorate.ts';
import { bbox } from '@turf/bbox';

maplibregl.setWorkerUrl(workerUrl);

export interface FeaturePick {
  layerId: string;
  featureIndex: number;
  lngLat: [number, number];
}

const HIGHLIGHT = 'zm-highlight';

/** Layers with more features than this get their display data from `largeLayerData`. */
export const LARGE_LAYER = 20_000;

export interface BasemapOption {
  /** raster tile URL template ({z}/{x}/{y}); Tianditu needs its key in the URL */
  tiles: string[];
  attribution?: string;
}

const CJK_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export class MapView {
  readonly map: maplibregl.Map;
  private project: Project | null = null;
  private ready: Promise<void>;
  private pickListeners: ((pick: FeaturePick | null) => void)[] = [];
  private styleLayerIds = new Map<string, string[]>();

  private largeLayerData?: (layer: ProjectLayer) => Promise<string>;

  /**
   * `largeLayerData` returns a URL of a large layer's display GeoJSON made elsewhere (the analysis
   * worker), so MapLibre's worker fetches and parses it and the page never serialises it.
   */
  constructor(
    container: HTMLElement,
    opts: { basemap?: BasemapOption; largeLayerData?: (layer: ProjectLayer) => Promise<string> } = {},
  ) {
    this.largeLayerData = opts.largeLayerData;
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
      attributionControl: false,
      preserveDrawingBuffer: true,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    } as maplibregl.MapOptions);
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
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
    const src = this.map.getSource(HIGHLIGHT) as maplibregl.GeoJSONSource | undefined;
    if (src) {
      src.setData(data);
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

  private addHatches(): void {
    this.map.addImage(HATCH_CONTROL, hatchImage(ZONE_COLORS.control, 0.22));
    this.map.addImage(HATCH_REDLINE, hatchImage('#c62828', 0.12, 14, 7, 1.4));
    this.map.addImage(HATCH_FARMLAND, hatchImage('#7cb342', 0.18, 10, 5, 1.2));
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
    if (previous && sameLayerSet(previous, project)) {
      project.layers.forEach((layer, i) => {
        if (previous.layers[i] !== layer) this.updateLayer(layer);
      });
      return;
    }
    for (const ids of this.styleLayerIds.values())
      for (const id of ids) if (this.map.getLayer(id)) this.map.removeLayer(id);
    if (previous) for (const l of previous.layers) if (this.map.getSource(l.id)) this.map.removeSource(l.id);
    this.styleLayerIds.clear();
    const ordered = [...project.layers].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    // The planned boundary, then the labels, go last so they sit above every fill and line.
    const onTop: maplibregl.LayerSpecification[] = [];
    const symbols: maplibregl.LayerSpecification[] = [];
    for (const layer of ordered) {
      const large = this.largeLayerData && layer.features.length > LARGE_LAYER;
      this.map.addSource(layer.id, {
        type: 'geojson',
        data: large
          ? { type: 'FeatureCollection', features: [] }
          : displayCollection(layer, this.project?.settings?.intensityThreshold_wan_per_mu),
        tolerance: 0.2,
      });
      if (large) this.updateLayer(layer);
      const specs = layerStyles(layer);
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
    for (const spec of [...onTop, ...symbols]) this.map.addLayer(spec);
    if (this.map.getLayer(HIGHLIGHT)) this.map.moveLayer(HIGHLIGHT);
  }

  /** Replaces one layer's features (after an edit); at most one setData per layer per call. */
  updateLayer(layer: ProjectLayer): void {
    const src = () => this.map.getSource(layer.id) as maplibregl.GeoJSONSource | undefined;
    if (this.largeLayerData && layer.features.length > LARGE_LAYER) {
      void this.largeLayerData(layer).then(
        (url) => {
          // only if the layer is still the one shown
          if (this.project?.layers.includes(layer)) src()?.setData(url);
        },
        () => src()?.setData(displayCollection(layer, this.project?.settings?.intensityThreshold_wan_per_mu)),
      );
    } else src()?.setData(displayCollection(layer, this.project?.settings?.intensityThreshold_wan_per_mu));
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
    for (const spec of layerStyles(layer)) {
      if (!this.map.getLayer(spec.id)) continue;
      const paint = (spec as { paint?: Record<string, unknown> }).paint ?? {};
      if (spec.type === 'fill') {
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
    if (!this.project) return;
    const queryable = [...this.styleLayerIds.values()]
      .flat()
      .filter((id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none');
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [e.point.x - 3, e.point.y - 3],
      [e.point.x + 3, e.point.y + 3],
    ];
    const hits = this.map.queryRenderedFeatures(box, { layers: queryable });
    const hit = hits.find((h) => h.id !== undefined);
    const pick: FeaturePick | null = hit
      ? { layerId: String(hit.source), featureIndex: Number(hit.id), lngLat: [e.lngLat.lng, e.lngLat.lat] }
      : null;
    for (const l of this.pickListeners) l(pick);
  }

  destroy(): void {
    this.map.remove();
  }
}

/** The bounding box of a layer's features, or null when it has none. */
export function layerBounds(layer: ProjectLayer): [number, number, number, number] | null {
  const withGeometry = layer.features.filter((f) => f.geometry);
  if (withGeometry.length === 0) return null;
  const [minX, minY, maxX, maxY] = bbox({ type: 'FeatureCollection', features: withGeometry });
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
