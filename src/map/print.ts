// Print-quality export of map views: PNG at 2× or 4× the screen's pixel density, and a PDF sheet
// (io/export/pdf-sheet.ts) per view. Loaded on demand: pdf-lib, fontkit and the CJK font stay out
// of the first page. A view is the current one or a stored camera with its visible layers (a
// presentation's slides), so one call can print several.
import type { Map as MapLibreMap } from 'maplibre-gl';
import fontUrl from '../io/export/fonts/NotoSansSC-GB2312.ttf?url';
import { metresPerPixel } from '../core/map-scale.ts';
import {
  makeSheetPdf,
  sheetFrames,
  type Orientation,
  type Paper,
  type SheetWords,
} from '../io/export/pdf-sheet.ts';
import type { MapFurniture } from './furniture.ts';
import { paintSymbol, SYMBOL_H, SYMBOL_W, type LegendGroup } from './legend.ts';
import { NORTH_ARROW_PATHS } from './north-arrow.ts';
import { mapScaleBar } from './scale-bar.ts';

export interface PrintCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface PrintView {
  title: string;
  /** where to look; the map's current camera when left out */
  camera?: PrintCamera;
  /** layer id → shown; the map's current visibility when left out */
  visible?: Record<string, boolean>;
}

/** What a print needs from the page's map: MapView's map and visibility switch, and its furniture. */
export interface PrintTarget {
  map: MapLibreMap;
  setVisibility(layerId: string, visible: boolean): void;
  furniture: MapFurniture;
  /** the legend for a visibility (the slides' own), in the page's language */
  legendFor(visible: Record<string, boolean>): LegendGroup[];
  /** what is shown now, layer id → visible */
  visibility(): Record<string, boolean>;
}

const FONT_STACK = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

function idle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

interface Rendered {
  canvas: HTMLCanvasElement;
  ratio: number;
  /** the map's size in CSS pixels */
  width: number;
  height: number;
  metresPerCssPx: number;
  bearing: number;
  legend: LegendGroup[];
}

/**
 * Renders the map at `ratio` device pixels per CSS pixel and copies the frame out: the live map is
 * switched to that pixel ratio for one frame, then back to the screen's. With `aspect` (width /
 * height, a sheet's map frame) the map's box takes that shape for the frame, keeping its area,
 * centre and scale, so the paper shows more of the surroundings rather than white margins.
 */
async function renderAt(
  target: PrintTarget,
  view: PrintView | undefined,
  ratio: number,
  aspect?: number,
): Promise<Rendered> {
  const { map } = target;
  const box = map.getContainer();
  const style = { width: box.style.width, height: box.style.height, flex: box.style.flex };
  if (aspect) {
    const area = box.clientWidth * box.clientHeight;
    box.style.flex = 'none';
    box.style.width = `${Math.round(Math.sqrt(area * aspect))}px`;
    box.style.height = `${Math.round(Math.sqrt(area / aspect))}px`;
    map.resize();
  }
  const before = {
    center: map.getCenter(),
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
  };
  const shown = target.visibility();
  if (view?.camera) map.jumpTo(view.camera);
  const visible = view?.visible ?? shown;
  if (view?.visible) for (const [id, on] of Object.entries(view.visible)) target.setVisibility(id, on);
  map.setPixelRatio(ratio);
  try {
    await idle(map);
    const source = map.getCanvas();
    const width = source.clientWidth;
    const height = source.clientHeight;
    const got = source.width / width;
    if (got < ratio * 0.99)
      throw new Error(
        `this browser's graphics allow ${source.width} × ${source.height} pixels, not ${Math.round(width * ratio)} × ${Math.round(height * ratio)}: make the window smaller or export at a lower density`,
      );
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    canvas.getContext('2d')!.drawImage(source, 0, 0);
    return {
      canvas,
      ratio: got,
      width,
      height,
      metresPerCssPx: metresPerPixel(map.getCenter().lat, map.getZoom()),
      bearing: map.getBearing(),
      legend: target.legendFor(visible),
    };
  } finally {
    // no override: back to the screen's devicePixelRatio
    map.setPixelRatio(null as unknown as number);
    if (aspect) {
      Object.assign(box.style, style);
      map.resize();
    }
    if (view?.visible)
      for (const id of Object.keys(view.visible)) target.setVisibility(id, shown[id] ?? true);
    if (view?.camera) map.jumpTo(before);
  }
}

function font(px: number): string {
  return `${px}px ${FONT_STACK}`;
}

/** Draws the north arrow, the scale bar and the legend onto a rendered map, as the screen shows them. */
function drawFurniture(r: Rendered, map: MapLibreMap, heading: string): void {
  const ctx = r.canvas.getContext('2d')!;
  const s = r.ratio;
  ctx.save();
  // north arrow, top left
  ctx.translate(14 * s + 14 * s, 14 * s + 22 * s);
  ctx.rotate((-r.bearing * Math.PI) / 180);
  ctx.scale(s, s);
  ctx.translate(-14, -22);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(-3, -3, 34, 50);
  ctx.fillStyle = '#222';
  ctx.fill(new Path2D(NORTH_ARROW_PATHS.left));
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#222';
  ctx.lineWidth = 1.2;
  const right = new Path2D(NORTH_ARROW_PATHS.right);
  ctx.fill(right);
  ctx.stroke(right);
  ctx.fillStyle = '#222';
  ctx.font = `bold 12px sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText('N', 14, 42);
  ctx.restore();

  // scale bar, bottom left: the same bar as the screen's, in device pixels
  const bar = mapScaleBar(map);
  ctx.save();
  const bx = 12 * s;
  const by = r.canvas.height - 14 * s;
  ctx.font = font(11 * s);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(bx - 6 * s, by - 24 * s, bar.length * s + 12 * s + ctx.measureText(bar.label).width, 30 * s);
  ctx.strokeStyle = '#222';
  ctx.lineWidth = 2 * s;
  ctx.beginPath();
  ctx.moveTo(bx, by - 8 * s);
  ctx.lineTo(bx, by);
  ctx.lineTo(bx + bar.length * s, by);
  ctx.lineTo(bx + bar.length * s, by - 8 * s);
  ctx.stroke();
  ctx.fillStyle = '#222';
  ctx.fillText(bar.label, bx + 4 * s, by - 6 * s);
  ctx.restore();

  // legend, bottom right
  if (r.legend.length === 0) return;
  ctx.save();
  const line = 17 * s;
  const rows: { text: string; entry?: LegendGroup['entries'][number]; title?: boolean }[] = [
    { text: heading, title: true },
  ];
  for (const g of r.legend) {
    rows.push({ text: g.title, title: true });
    for (const e of g.entries) rows.push({ text: e.label, entry: e });
    if (g.more > 0) rows.push({ text: `… +${g.more}` });
  }
  ctx.font = font(11 * s);
  const textW = Math.max(...rows.map((row) => ctx.measureText(row.text).width));
  const boxW = textW + (SYMBOL_W + 18) * s;
  const boxH = rows.length * line + 10 * s;
  const x0 = r.canvas.width - boxW - 10 * s;
  const y0 = r.canvas.height - boxH - 10 * s;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#888';
  ctx.lineWidth = s;
  ctx.fillRect(x0, y0, boxW, boxH);
  ctx.strokeRect(x0, y0, boxW, boxH);
  ctx.textBaseline = 'middle';
  rows.forEach((row, i) => {
    const cy = y0 + 5 * s + i * line + line / 2;
    ctx.fillStyle = row.title ? '#222' : '#333';
    ctx.font = row.title ? `bold ${font(11 * s)}` : font(11 * s);
    if (row.entry) {
      paintSymbol(ctx, row.entry, x0 + 8 * s, cy - (SYMBOL_H * s) / 2, SYMBOL_W * s, SYMBOL_H * s, s);
      ctx.fillStyle = '#333';
      ctx.fillText(row.text, x0 + (SYMBOL_W + 13) * s, cy);
    } else ctx.fillText(row.text, x0 + 8 * s, cy);
  });
  ctx.restore();
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error(`the map could not be encoded as ${type}`))),
      type,
      quality,
    ),
  );
}

/** The view as a PNG at `ratio` × its CSS size, with the north arrow, scale bar and legend on it. */
export async function exportPng(target: PrintTarget, ratio: number, view?: PrintView): Promise<Blob> {
  const r = await renderAt(target, view, ratio);
  drawFurniture(r, target.map, target.furniture.legend.shown.heading);
  return toBlob(r.canvas, 'image/png');
}

export interface PdfOptions {
  paper: Paper;
  orientation: Orientation;
  date: string;
  source: string;
  areaMethod: string;
  crs: string;
  words: SheetWords;
}

/** Device pixels per CSS pixel of the map in a PDF: ≈ 200–300 dpi over the sheet's map frame. */
export const PDF_RATIO: Record<Paper, number> = { A4: 3, A3: 4 };

let fontBytes: Promise<Uint8Array> | null = null;
function loadFont(): Promise<Uint8Array> {
  fontBytes ??= fetch(fontUrl).then(async (res) => {
    if (!res.ok) throw new Error(`the PDF font ${fontUrl} did not load (${res.status})`);
    return new Uint8Array(await res.arrayBuffer());
  });
  fontBytes.catch(() => (fontBytes = null));
  return fontBytes;
}

/** One PDF page per view, laid out as a planning drawing. */
export async function exportPdf(
  target: PrintTarget,
  views: PrintView[],
  opts: PdfOptions,
): Promise<Uint8Array> {
  const fontPromise = loadFont();
  const sheets = [];
  const { frame } = sheetFrames(opts.paper, opts.orientation);
  for (const view of views) {
    const r = await renderAt(target, view, PDF_RATIO[opts.paper], frame.w / frame.h);
    const image = new Uint8Array(await (await toBlob(r.canvas, 'image/jpeg', 0.92)).arrayBuffer());
    sheets.push({
      title: view.title,
      image,
      imageType: 'jpeg' as const,
      widthPx: r.canvas.width,
      heightPx: r.canvas.height,
      metresPerPx: r.metresPerCssPx / r.ratio,
      bearing: r.bearing,
      legend: r.legend,
    });
  }
  const { bytes } = await makeSheetPdf({ ...opts, views: sheets, font: await fontPromise });
  return bytes;
}
