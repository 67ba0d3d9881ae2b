// The scenario comparison on the map: land added (green) and removed (red) between two scenarios,
// each piece labelled with its 亩 and the township and village it lies in. Drawn above every layer
// of the project; map-view.ts calls these and raises the overlay after it rebuilds its layers.
import type * as maplibregl from 'maplibre-gl';
import type { Polygon } from 'geojson';
import { labelPoint } from '../core/label-point.ts';

export interface ComparePieceView {
  change: 'added' | 'removed';
  geometry: Polygon;
  /** the label's text (its 亩 and where it lies) */
  label: string;
}

const SOURCE = 'zm-compare';
const LABELS = 'zm-compare-labels';
const FILL = 'zm-compare-fill';
const LINE = 'zm-compare-line';
const TEXT = 'zm-compare-text';
export const COMPARE_COLORS = { added: '#2e9d3a', removed: '#d32f2f' } as const;

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

function ensure(map: maplibregl.Map): void {
  if (map.getSource(SOURCE)) return;
  map.addSource(SOURCE, { type: 'geojson', data: empty() });
  map.addSource(LABELS, { type: 'geojson', data: empty() });
  const color: maplibregl.ExpressionSpecification = [
    'match',
    ['get', 'change'],
    'added',
    COMPARE_COLORS.added,
    COMPARE_COLORS.removed,
  ];
  map.addLayer({
    id: FILL,
    type: 'fill',
    source: SOURCE,
    paint: { 'fill-color': color, 'fill-opacity': 0.45 },
  });
  map.addLayer({ id: LINE, type: 'line', source: SOURCE, paint: { 'line-color': color, 'line-width': 2 } });
  map.addLayer({
    id: TEXT,
    type: 'symbol',
    source: LABELS,
    layout: {
      'text-field': ['get', 'label'],
      'text-font': ['Noto Sans Regular'],
      'text-size': 13,
      'text-allow-overlap': true,
      'text-ignore-placement': true,
      'text-justify': 'center',
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  });
}

/** Shows the pieces (null or none: takes the overlay off the map). */
export function showCompare(map: maplibregl.Map, pieces: ComparePieceView[] | null): void {
  if (!pieces?.length) {
    if (map.getSource(SOURCE)) {
      for (const id of [TEXT, LINE, FILL]) if (map.getLayer(id)) map.removeLayer(id);
      map.removeSource(SOURCE);
      map.removeSource(LABELS);
    }
    return;
  }
  ensure(map);
  const features: GeoJSON.Feature[] = pieces.map((p, i) => ({
    type: 'Feature',
    id: i,
    geometry: p.geometry,
    properties: { change: p.change, label: p.label },
  }));
  const labels: GeoJSON.Feature[] = pieces.flatMap((p, i) => {
    const at = labelPoint(p.geometry);
    return at
      ? [
          {
            type: 'Feature' as const,
            id: i,
            geometry: { type: 'Point' as const, coordinates: [at.lon, at.lat] },
            properties: { change: p.change, label: p.label, rank: i },
          },
        ]
      : [];
  });
  (map.getSource(SOURCE) as maplibregl.GeoJSONSource).setData({ type: 'FeatureCollection', features });
  (map.getSource(LABELS) as maplibregl.GeoJSONSource).setData({
    type: 'FeatureCollection',
    features: labels,
  });
  raiseCompare(map);
}

/** Puts the overlay back on top (after the project's layers were rebuilt under it). */
export function raiseCompare(map: maplibregl.Map): void {
  for (const id of [FILL, LINE, TEXT]) if (map.getLayer(id)) map.moveLayer(id);
}

/** The labels MapLibre placed on screen now (for tests), one per piece. */
export function renderedCompareLabels(
  map: maplibregl.Map,
): { piece: number; change: string; label: string }[] {
  if (!map.getLayer(TEXT)) return [];
  return map.queryRenderedFeatures(undefined, { layers: [TEXT] }).map((f) => ({
    piece: Number(f.id),
    change: String(f.properties?.change ?? ''),
    label: String(f.properties?.label ?? ''),
  }));
}
