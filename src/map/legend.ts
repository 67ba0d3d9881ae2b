// The legend drawn on the map itself: one group per visible layer, topmost layer first, each entry
// with the symbol the map draws (fills, the hatch tiles of hatch.ts, solid and dashed lines,
// outlines, points). The same groups and the same symbol painter serve the PNG and PDF exports.
import type { IControl } from 'maplibre-gl';
import type { Project, ProjectLayer } from '../core/types.ts';
import { displayProps } from './display-props.ts';
import { fieldText } from '../core/fields.ts';
import { hatchImage } from './hatch.ts';
import { HATCHES, legendFor, ROLE_ORDER, type HatchSpec, type LegendItem } from './style.ts';

export interface LegendEntry {
  /** the text shown, already translated */
  label: string;
  color: string;
  shape: LegendItem['shape'];
  /** the hatch tile the map fills with, for shape 'hatch' */
  hatch?: HatchSpec;
}

export interface LegendGroup {
  layerId: string;
  title: string;
  entries: LegendEntry[];
  /** entries left out to keep the legend short */
  more: number;
}

/** At most this many entries per layer (land use can have dozens of classes). */
export const LEGEND_MAX_ENTRIES = 10;

/** The hatch tile the style registers for a legend item's colour and direction. */
function hatchFor(item: LegendItem): HatchSpec | undefined {
  return Object.values(HATCHES).find((h) => h.color === item.color && h.kind === (item.hatch ?? h.kind));
}

const legendCache = new WeakMap<ProjectLayer, LegendItem[]>();

/**
 * The display properties of one feature per class and name, each with the number of features it
 * stands for (zm_n): a colour is worked out per class, not per parcel (300 000 parcels: 40 ms
 * instead of 0.2–0.3 s, a task that held the page after a county's import).
 */
function classCounts(layer: ProjectLayer): Record<string, string | number>[] {
  const pairs = new Map<string, { rep: (typeof layer.features)[number]; n: number }>();
  for (const f of layer.features) {
    const key = `${fieldText(layer, f, 'class') ?? ''}\u0000${fieldText(layer, f, 'name') ?? ''}`;
    const p = pairs.get(key);
    if (p) p.n++;
    else pairs.set(key, { rep: f, n: 1 });
  }
  return [...pairs.values()].map(({ rep, n }) => ({ ...displayProps(layer, rep), zm_n: n }));
}

/**
 * A layer's legend items, once per layer object (a layer is replaced, never changed in place). Only
 * the land-use and plan legends count their features' classes; for them the display properties are
 * worked out once, not at every change of what is shown (300 000 parcels take a third of a second).
 */
export function layerLegend(layer: ProjectLayer): LegendItem[] {
  let items = legendCache.get(layer);
  if (!items) {
    const counted = layer.role === 'landuse' || layer.role === 'plan';
    items = legendFor(layer, counted ? classCounts(layer) : []);
    legendCache.set(layer, items);
  }
  return items;
}

/**
 * The legend of the layers shown now (the zone first, then topmost first): `visible[id]` false hides a layer (missing means shown).
 * `translate` turns an item's key into words, `title` names a layer.
 */
export function legendGroups(
  project: Project,
  visible: Record<string, boolean>,
  translate: (key: string, fallback: string) => string,
  title: (layer: ProjectLayer) => string,
): LegendGroup[] {
  return (
    [...project.layers]
      .filter((l) => (visible[l.id] ?? true) && l.features.length > 0)
      // the zone, the map's subject, first; then the layers as they lie, topmost first
      .sort(
        (a, b) =>
          Number(b.role === 'zone') - Number(a.role === 'zone') || ROLE_ORDER[b.role] - ROLE_ORDER[a.role],
      )
      .map((layer) => {
        const items = layerLegend(layer);
        const entries = items.slice(0, LEGEND_MAX_ENTRIES).map((item) => ({
          // "1001 工业用地" → "1001 Industrial land": the code kept, the class's name translated
          label: item.landUse
            ? [item.landUse.code, translate(`landuse.${item.landUse.name}`, item.landUse.name)]
                .filter(Boolean)
                .join(' ')
            : translate(item.label, item.label),
          color: item.color,
          shape: item.shape,
          ...(item.shape === 'hatch' ? { hatch: hatchFor(item) } : {}),
        }));
        return { layerId: layer.id, title: title(layer), entries, more: items.length - entries.length };
      })
  );
}

/** A hatch tile as a canvas, to fill with as a pattern. */
function hatchCanvas(spec: HatchSpec): HTMLCanvasElement {
  const img = hatchImage(
    spec.color,
    spec.backgroundAlpha,
    spec.size,
    spec.spacing,
    spec.lineWidth,
    spec.kind,
  );
  const c = document.createElement('canvas');
  c.width = img.width;
  c.height = img.height;
  c.getContext('2d')!.putImageData(
    new ImageData(new Uint8ClampedArray(img.data), img.width, img.height),
    0,
    0,
  );
  return c;
}

/**
 * Paints an entry's symbol into the box (x, y, w, h) of a 2D context, in CSS pixels times `scale`
 * (the hatch tile is scaled with it, as the map draws it at that pixel ratio).
 */
export function paintSymbol(
  ctx: CanvasRenderingContext2D,
  entry: LegendEntry,
  x: number,
  y: number,
  w: number,
  h: number,
  scale = 1,
): void {
  ctx.save();
  ctx.lineWidth = 2.5 * scale;
  ctx.strokeStyle = entry.color;
  ctx.fillStyle = entry.color;
  const midY = y + h / 2;
  switch (entry.shape) {
    case 'fill':
      ctx.globalAlpha = 0.75;
      ctx.fillRect(x, y, w, h);
      ctx.globalAlpha = 1;
      ctx.lineWidth = scale;
      ctx.strokeRect(x + scale / 2, y + scale / 2, w - scale, h - scale);
      break;
    case 'hatch': {
      if (entry.hatch) {
        const pattern = ctx.createPattern(hatchCanvas(entry.hatch), 'repeat');
        if (pattern) {
          pattern.setTransform(new DOMMatrix([scale, 0, 0, scale, x, y]));
          ctx.fillStyle = pattern;
        }
      }
      ctx.fillRect(x, y, w, h);
      ctx.lineWidth = scale;
      ctx.strokeRect(x + scale / 2, y + scale / 2, w - scale, h - scale);
      break;
    }
    case 'outline':
      ctx.strokeRect(x + ctx.lineWidth / 2, y + ctx.lineWidth / 2, w - ctx.lineWidth, h - ctx.lineWidth);
      break;
    case 'line':
    case 'dash':
      if (entry.shape === 'dash') ctx.setLineDash([6 * scale, 3 * scale]);
      ctx.beginPath();
      ctx.moveTo(x, midY);
      ctx.lineTo(x + w, midY);
      ctx.stroke();
      break;
    case 'point':
      ctx.beginPath();
      ctx.arc(x + w / 2, midY, Math.min(w, h) / 3, 0, 2 * Math.PI);
      ctx.fill();
      ctx.lineWidth = scale;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      break;
  }
  ctx.restore();
}

export const SYMBOL_W = 22;
export const SYMBOL_H = 12;

/** The legend as a MapLibre control: a box of groups, each a title over its entries. */
export class LegendControl implements IControl {
  private el = document.createElement('div');
  private groups: LegendGroup[] = [];
  private heading = '';
  /** folded to its heading (a click on it), to see the map under it on a small screen */
  private folded = false;

  constructor() {
    this.el.className = 'maplibregl-ctrl zm-legend';
    this.el.setAttribute('data-testid', 'map-legend');
  }

  onAdd(): HTMLElement {
    return this.el;
  }

  onRemove(): void {
    this.el.remove();
  }

  /** What the legend shows; an empty list hides it. */
  set(groups: LegendGroup[], heading: string): void {
    this.groups = groups;
    this.heading = heading;
    this.render();
  }

  get shown(): { groups: LegendGroup[]; heading: string } {
    return { groups: this.groups, heading: this.heading };
  }

  private render(): void {
    this.el.replaceChildren();
    this.el.hidden = this.groups.length === 0;
    const h = document.createElement('button');
    h.type = 'button';
    h.className = 'zm-legend-heading';
    h.textContent = `${this.folded ? '▸' : '▾'} ${this.heading}`;
    h.setAttribute('aria-expanded', String(!this.folded));
    h.addEventListener('click', () => {
      this.folded = !this.folded;
      this.render();
    });
    this.el.append(h);
    if (this.folded) return;
    const ratio = Math.max(1, Math.round(window.devicePixelRatio || 1));
    for (const g of this.groups) {
      const section = document.createElement('div');
      section.className = 'zm-legend-group';
      section.setAttribute('data-legend-layer', g.layerId);
      const title = document.createElement('div');
      title.className = 'zm-legend-title';
      title.textContent = g.title;
      section.append(title);
      for (const e of g.entries) {
        const row = document.createElement('div');
        row.className = 'zm-legend-entry';
        const c = document.createElement('canvas');
        c.width = SYMBOL_W * ratio;
        c.height = SYMBOL_H * ratio;
        c.style.width = `${SYMBOL_W}px`;
        c.style.height = `${SYMBOL_H}px`;
        const ctx = c.getContext('2d');
        if (ctx) paintSymbol(ctx, e, 0, 0, c.width, c.height, ratio);
        const label = document.createElement('span');
        label.textContent = e.label;
        row.append(c, label);
        section.append(row);
      }
      if (g.more > 0) {
        const more = document.createElement('div');
        more.className = 'zm-legend-more';
        more.textContent = `… +${g.more}`;
        section.append(more);
      }
      this.el.append(section);
    }
  }
}
