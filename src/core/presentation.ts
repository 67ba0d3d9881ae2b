// A presentation (汇报演示, contract §7): slides that each say where the camera goes, which layers
// show, what is highlighted, and which figures of the report are shown as cards. The figures are
// named here and computed from the report (presentation-cards.ts), never stored.
import type { Feature } from 'geojson';
import { fieldText } from './fields.ts';
import type { Project } from './types.ts';

export interface Camera {
  /** [lon, lat] in degrees */
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface SlideHighlight {
  layer: string;
  names: string[];
}

export const CARD_IDS = [
  'planned_km2',
  'built_km2',
  'development_km2',
  'control_km2',
  'enterprises',
  'enterprises_producing',
  'enterprises_building',
  'investment_yi',
  'revenue_yi',
  'tax_yi',
  'employees',
  'quota_used',
  'villages_relocated',
  'road_km',
  'farmland_mu',
  'redline_mu',
  'urban_outside_mu',
] as const;
export type CardId = (typeof CARD_IDS)[number];
export const isCardId = (s: unknown): s is CardId => CARD_IDS.includes(s as CardId);

export const CHART_IDS = ['landuse-shares', 'investment-by-park', 'village-land', 'quota-used'] as const;
export type ChartId = (typeof CHART_IDS)[number];
export const isChartId = (s: unknown): s is ChartId => CHART_IDS.includes(s as ChartId);

export interface Slide {
  title: string;
  caption?: string;
  camera: Camera;
  /** the ids of the layers shown; absent: the layers as they are */
  layers?: string[];
  highlight?: SlideHighlight;
  cards: CardId[];
  chart?: ChartId;
  /** keys of the manifest's slide that zonemap does not know, kept so saving loses nothing */
  extra?: Record<string, unknown>;
}

export interface Presentation {
  title: string;
  slides: Slide[];
  extra?: Record<string, unknown>;
}

// Slide editing as pure operations: each returns a new presentation and leaves the old one as it was.

export function addSlide(p: Presentation, slide: Slide, at = p.slides.length): Presentation {
  const slides = [...p.slides];
  slides.splice(Math.max(0, Math.min(at, slides.length)), 0, slide);
  return { ...p, slides };
}

export function removeSlide(p: Presentation, index: number): Presentation {
  return { ...p, slides: p.slides.filter((_, i) => i !== index) };
}

/** Moves the slide at `from` so that it ends up at `to` (both indices of the list before). */
export function moveSlide(p: Presentation, from: number, to: number): Presentation {
  if (from === to || !p.slides[from] || to < 0 || to >= p.slides.length) return p;
  const slides = [...p.slides];
  const [moved] = slides.splice(from, 1);
  slides.splice(to, 0, moved!);
  return { ...p, slides };
}

export function updateSlide(p: Presentation, index: number, patch: Partial<Slide>): Presentation {
  const old = p.slides[index];
  if (!old) return p;
  const next: Slide = { ...old, ...patch };
  // an emptied caption or chart is taken off rather than kept as ""
  for (const key of ['caption', 'chart', 'layers', 'highlight'] as const)
    if (key in patch && (patch[key] === undefined || patch[key] === '')) delete next[key];
  return { ...p, slides: p.slides.map((s, i) => (i === index ? next : s)) };
}

/** The features a slide highlights: those of its layer whose name is one of its names. */
export function highlightedFeatures(project: Project, highlight: SlideHighlight | undefined): Feature[] {
  if (!highlight) return [];
  const layer = project.layers.find((l) => l.id === highlight.layer);
  if (!layer) return [];
  const names = new Set(highlight.names);
  return layer.features.filter((f, i) => f.geometry && names.has(fieldText(layer, f, 'name') ?? `#${i}`));
}
