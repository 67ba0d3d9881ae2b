// A map sheet as a planning institute draws one (规划图): a double frame, the title across the top,
// the map, and beside it (landscape) or below it (portrait) the north arrow, a graphic and a numeric
// scale, the legend and a title block with the date, the data source and the area method. One page
// per view. Text is set in the bundled Noto Sans SC subset (fonts/OFL.txt), embedded by pdf-lib
// with only the glyphs used, so Chinese renders in any PDF reader.
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { scaleBar, scaleDenominator } from '../../core/map-scale.ts';

export type Paper = 'A4' | 'A3';
export type Orientation = 'landscape' | 'portrait';

/** Paper sizes in points (1/72 in), portrait. */
export const PAPER_PT: Record<Paper, [number, number]> = {
  A4: [595.28, 841.89],
  A3: [841.89, 1190.55],
};

export interface SheetLegendEntry {
  label: string;
  color: string;
  shape: 'fill' | 'line' | 'dash' | 'hatch' | 'outline' | 'point';
  hatch?: { kind: '/' | '\\' | 'x'; backgroundAlpha: number };
}

export interface SheetLegendGroup {
  title: string;
  entries: SheetLegendEntry[];
  more: number;
}

export interface SheetView {
  title: string;
  /** the rendered map, PNG or JPEG bytes */
  image: Uint8Array;
  imageType: 'png' | 'jpeg';
  widthPx: number;
  heightPx: number;
  /** ground metres per image pixel at the view's centre, along the parallel */
  metresPerPx: number;
  /** degrees clockwise from north of the view's up direction */
  bearing: number;
  legend: SheetLegendGroup[];
}

export interface SheetWords {
  legend: string;
  scale: string;
  date: string;
  source: string;
  areaMethod: string;
  crs: string;
}

export interface SheetOptions {
  paper: Paper;
  orientation: Orientation;
  views: SheetView[];
  date: string;
  source: string;
  areaMethod: string;
  crs: string;
  words: SheetWords;
  /** a TrueType font with the CJK glyphs (the bundled Noto Sans SC subset) */
  font: Uint8Array;
}

/** Where things went on a page, in PDF points from the bottom left (for tests and callers). */
export interface SheetPageLayout {
  page: [number, number];
  map: { x: number; y: number; width: number; height: number };
  scaleBar: { x: number; y: number; length: number; metres: number; label: string };
  denominator: number;
}

const PT_M = 0.0254 / 72;
const INK = rgb(0.1, 0.1, 0.1);

function hex(color: string): RGB {
  const n = parseInt(color.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** Builds the PDF; returns its bytes and, per page, where the map and the scale bar went. */
export async function makeSheetPdf(
  opts: SheetOptions,
): Promise<{ bytes: Uint8Array; pages: SheetPageLayout[] }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(opts.font, { subset: true });
  doc.setTitle(opts.views[0]?.title ?? '');
  doc.setCreator('zonemap');
  const pages: SheetPageLayout[] = [];
  for (const view of opts.views) pages.push(await drawPage(doc, font, view, opts));
  return { bytes: await doc.save(), pages };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The parts of a sheet: page size, the inner frame, the title band's bottom, the map frame, the panel. */
export function sheetFrames(paper: Paper, orientation: Orientation) {
  const [pw, ph] = PAPER_PT[paper];
  const [W, H] = orientation === 'landscape' ? [ph, pw] : [pw, ph];
  const big = paper === 'A3' ? 1.35 : 1;
  const m = 28;
  const inner: Box = { x: m + 5, y: m + 5, w: W - 2 * m - 10, h: H - 2 * m - 10 };
  const titleSize = 20 * big;
  const bodyTop = inner.y + inner.h - titleSize * 2;
  const pad = 8;
  const landscape = orientation === 'landscape';
  const panelSize = landscape ? 170 * big : 200 * big;
  const frame: Box = landscape
    ? { x: inner.x + pad, y: inner.y + pad, w: inner.w - panelSize - 3 * pad, h: bodyTop - inner.y - 2 * pad }
    : {
        x: inner.x + pad,
        y: inner.y + panelSize + 2 * pad,
        w: inner.w - 2 * pad,
        h: bodyTop - inner.y - panelSize - 3 * pad,
      };
  const panel: Box = landscape
    ? { x: frame.x + frame.w + pad, y: inner.y + pad, w: panelSize, h: frame.h }
    : { x: inner.x + pad, y: inner.y + pad, w: inner.w - 2 * pad, h: panelSize };
  return { W, H, m, big, inner, titleSize, bodyTop, pad, landscape, frame, panel };
}

async function drawPage(
  doc: PDFDocument,
  font: PDFFont,
  view: SheetView,
  opts: SheetOptions,
): Promise<SheetPageLayout> {
  const { W, H, m, big, inner, titleSize, bodyTop, pad, landscape, frame, panel } = sheetFrames(
    opts.paper,
    opts.orientation,
  );
  const page = doc.addPage([W, H]);
  // the double frame of a drawing: a heavy outer line, a thin inner one
  page.drawRectangle({ x: m, y: m, width: W - 2 * m, height: H - 2 * m, borderColor: INK, borderWidth: 1.6 });
  page.drawRectangle({
    x: inner.x,
    y: inner.y,
    width: inner.w,
    height: inner.h,
    borderColor: INK,
    borderWidth: 0.5,
  });
  const titleWidth = font.widthOfTextAtSize(view.title, titleSize);
  const titleFits = Math.min(titleSize, (titleSize * (inner.w - 20)) / titleWidth);
  page.drawText(view.title, {
    x: inner.x + (inner.w - font.widthOfTextAtSize(view.title, titleFits)) / 2,
    y: inner.y + inner.h - titleSize * 1.45,
    size: titleFits,
    font,
    color: INK,
  });
  page.drawLine({
    start: { x: inner.x, y: bodyTop },
    end: { x: inner.x + inner.w, y: bodyTop },
    thickness: 0.5,
    color: INK,
  });

  const image = view.imageType === 'png' ? await doc.embedPng(view.image) : await doc.embedJpg(view.image);
  const ptPerPx = Math.min(frame.w / view.widthPx, frame.h / view.heightPx);
  const mw = view.widthPx * ptPerPx;
  const mh = view.heightPx * ptPerPx;
  const map = { x: frame.x + (frame.w - mw) / 2, y: frame.y + (frame.h - mh) / 2, width: mw, height: mh };
  page.drawImage(image, map);
  page.drawRectangle({ ...map, borderColor: INK, borderWidth: 0.8 });

  const metresPerPt = view.metresPerPx / ptPerPx;
  const denominator = scaleDenominator(metresPerPt, PT_M);
  const text = 8 * big;

  // north arrow and scales at the top of the panel (landscape) or its left (portrait)
  const arrowH = 46 * big;
  const topY = panel.y + panel.h;
  drawNorthArrow(page, font, panel.x + 18 * big, topY - 4, arrowH, view.bearing);
  const barMax = Math.min(landscape ? panel.w - 60 * big : 150 * big, 150 * big);
  const bar = scaleBar(metresPerPt, barMax);
  const barX = panel.x + 44 * big;
  const barY = topY - arrowH * 0.45;
  drawScaleBar(page, font, barX, barY, bar.length, bar.label, text);
  page.drawText(`${opts.words.scale} 1:${denominator.toLocaleString('en-US').replace(/,/g, ' ')}`, {
    x: barX,
    y: barY - text * 2.6,
    size: text,
    font,
    color: INK,
  });

  // the title block at the bottom (landscape) or the right (portrait)
  const rows: [string, string][] = [
    [opts.words.date, opts.date],
    [opts.words.source, opts.source],
    [opts.words.areaMethod, opts.areaMethod],
    [opts.words.crs, opts.crs],
  ];
  const blockW = landscape ? panel.w : Math.min(230 * big, panel.w * 0.42);
  const blockH = drawTitleBlock(
    page,
    font,
    landscape ? panel.x : panel.x + panel.w - blockW,
    panel.y,
    blockW,
    rows,
    text,
  );

  // the legend fills what is left
  const legendArea = landscape
    ? { x: panel.x, y: panel.y + blockH + pad, w: panel.w, top: barY - text * 4.5 }
    : { x: panel.x + 200 * big, y: panel.y, w: panel.w - blockW - 200 * big - pad, top: topY };
  drawLegend(page, font, legendArea, view.legend, opts.words.legend, text);

  return {
    page: [W, H],
    map,
    scaleBar: { x: barX, y: barY, length: bar.length, metres: bar.metres, label: bar.label },
    denominator,
  };
}

function drawNorthArrow(page: PDFPage, font: PDFFont, cx: number, top: number, h: number, bearing: number) {
  const s = h / 44;
  const cy = top - 16 * s;
  // the arrow's drawing in units around its centre (14, 16), y up, turned by −bearing
  const a = (-bearing * Math.PI) / 180;
  const p = (x: number, y: number) => {
    const dx = (x - 14) * s;
    const dy = (16 - y) * s;
    return `${cx + dx * Math.cos(a) - dy * Math.sin(a)} ${-(cy + dx * Math.sin(a) + dy * Math.cos(a))}`;
  };
  // drawSvgPath's y axis points down from the page's origin
  page.drawSvgPath(`M ${p(14, 2)} L ${p(4, 30)} L ${p(14, 24)} Z`, { x: 0, y: 0, color: INK });
  page.drawSvgPath(`M ${p(14, 2)} L ${p(24, 30)} L ${p(14, 24)} Z`, {
    x: 0,
    y: 0,
    color: rgb(1, 1, 1),
    borderColor: INK,
    borderWidth: 0.8,
  });
  const n = 11 * s;
  page.drawText('N', {
    x: cx - font.widthOfTextAtSize('N', n) / 2,
    y: top - h + 2,
    size: n,
    font,
    color: INK,
  });
}

/** A bar in four alternating black and white parts with 0 and the length under its ends. */
function drawScaleBar(
  page: PDFPage,
  font: PDFFont,
  x: number,
  y: number,
  length: number,
  label: string,
  size: number,
) {
  const h = size * 0.6;
  for (let i = 0; i < 4; i++)
    page.drawRectangle({
      x: x + (i * length) / 4,
      y,
      width: length / 4,
      height: h,
      color: i % 2 ? rgb(1, 1, 1) : INK,
      borderColor: INK,
      borderWidth: 0.5,
    });
  page.drawText('0', {
    x: x - font.widthOfTextAtSize('0', size) / 2,
    y: y - size * 1.3,
    size,
    font,
    color: INK,
  });
  page.drawText(label, {
    x: x + length - font.widthOfTextAtSize(label, size) / 2,
    y: y - size * 1.3,
    size,
    font,
    color: INK,
  });
}

/** Splits text into lines no wider than `width` (character by character: Chinese has no spaces). */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && font.widthOfTextAtSize(line + ch, size) > width) {
      lines.push(line);
      line = ch.trim() ? ch : '';
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The title block: a two-column table drawn up from (x, y); returns its height. */
function drawTitleBlock(
  page: PDFPage,
  font: PDFFont,
  x: number,
  y: number,
  w: number,
  rows: [string, string][],
  size: number,
): number {
  const keyW = Math.max(...rows.map(([k]) => font.widthOfTextAtSize(k, size))) + size;
  const room = w - keyW - size;
  const lead = size * 1.3;
  const cells = rows.map(([k, v]) => ({ k, lines: wrap(font, v, size, room).slice(0, 3) }));
  const heights = cells.map((c) => c.lines.length * lead + size * 0.9);
  const h = heights.reduce((a, b) => a + b, 0);
  page.drawRectangle({ x, y, width: w, height: h, borderColor: INK, borderWidth: 0.8 });
  page.drawLine({ start: { x: x + keyW, y }, end: { x: x + keyW, y: y + h }, thickness: 0.4, color: INK });
  let top = y + h;
  cells.forEach((c, i) => {
    const rowH = heights[i]!;
    if (i > 0) page.drawLine({ start: { x, y: top }, end: { x: x + w, y: top }, thickness: 0.4, color: INK });
    const first = top - size * 0.45 - size;
    page.drawText(c.k, { x: x + size / 2, y: first, size, font, color: INK });
    c.lines.forEach((line, j) =>
      page.drawText(line, { x: x + keyW + size / 2, y: first - j * lead, size, font, color: INK }),
    );
    top -= rowH;
  });
  return h;
}

type LegendRow =
  | { kind: 'title'; text: string }
  | { kind: 'entry'; entry: SheetLegendEntry }
  | { kind: 'more'; n: number }
  | { kind: 'gap' };

/**
 * The legend in as many columns as its rows need (column by column, a group's title never last in
 * a column); when even the widest layout is too tall the type gets smaller, then the tail is cut
 * with "… +n".
 */
function drawLegend(
  page: PDFPage,
  font: PDFFont,
  area: { x: number; y: number; w: number; top: number },
  groups: SheetLegendGroup[],
  heading: string,
  base: number,
) {
  page.drawText(heading, { x: area.x, y: area.top - base * 1.4, size: base * 1.25, font, color: INK });
  const top = area.top - base * 2.4;
  let size = base;
  let layout: { rows: LegendRow[]; columns: number; perColumn: number; cut: number } | null = null;
  for (; size >= base * 0.6; size *= 0.9) {
    const rowH = size * 1.6;
    const perColumn = Math.max(1, Math.floor((top - area.y) / rowH));
    const maxColumns = Math.max(1, Math.floor(area.w / (size * 9)));
    const rows: LegendRow[] = [];
    for (const g of groups) {
      // a title at a column's foot moves to the next column
      if ((rows.length + 1) % perColumn === 0) rows.push({ kind: 'gap' });
      rows.push({ kind: 'title', text: g.title });
      for (const entry of g.entries) rows.push({ kind: 'entry', entry });
      if (g.more > 0) rows.push({ kind: 'more', n: g.more });
    }
    const columns = Math.ceil(rows.length / perColumn);
    layout = { rows, columns: Math.min(columns, maxColumns), perColumn, cut: 0 };
    if (columns <= maxColumns) break;
  }
  if (!layout) return;
  size = Math.max(size, base * 0.6);
  const rowH = size * 1.6;
  const room = layout.columns * layout.perColumn;
  let rows = layout.rows;
  if (rows.length > room) {
    const left = rows
      .slice(room - 1)
      .reduce((n, r) => n + (r.kind === 'entry' ? 1 : r.kind === 'more' ? r.n : 0), 0);
    rows = [...rows.slice(0, room - 1), { kind: 'more', n: left }];
  }
  const colW = area.w / layout.columns;
  const symW = size * 2.6;
  const symH = size * 1.2;
  rows.forEach((row, i) => {
    const x = area.x + Math.floor(i / layout.perColumn) * colW;
    const y = top - ((i % layout.perColumn) + 1) * rowH;
    const text = (t: string, dx: number, color = INK, k = 1) => {
      const width = font.widthOfTextAtSize(t, size * k);
      const fit = Math.min(size * k, (size * k * (colW - dx - size * 0.5)) / width);
      page.drawText(t, { x: x + dx, y: y + size * 0.45, size: Math.max(size * 0.5, fit), font, color });
    };
    switch (row.kind) {
      case 'title':
        text(row.text, 0, rgb(0.25, 0.25, 0.25), 1.05);
        break;
      case 'entry':
        drawSymbol(page, row.entry, x, y + (rowH - symH) / 2 - size * 0.15, symW, symH);
        text(row.entry.label, symW + size * 0.5);
        break;
      case 'more':
        text(`… +${row.n}`, symW + size * 0.5);
        break;
      case 'gap':
        break;
    }
  });
}

/** A legend symbol in vector: fills, 45° hatching clipped to its box by hand, lines, outlines, points. */
function drawSymbol(page: PDFPage, e: SheetLegendEntry, x: number, y: number, w: number, h: number) {
  const color = hex(e.color);
  switch (e.shape) {
    case 'fill':
      page.drawRectangle({
        x,
        y,
        width: w,
        height: h,
        color,
        opacity: 0.75,
        borderColor: color,
        borderWidth: 0.5,
      });
      return;
    case 'hatch': {
      page.drawRectangle({ x, y, width: w, height: h, color, opacity: e.hatch?.backgroundAlpha ?? 0.2 });
      const kind = e.hatch?.kind ?? '/';
      const step = 3.2 * Math.SQRT2;
      const line = (x1: number, y1: number, x2: number, y2: number) =>
        page.drawLine({
          start: { x: x + x1, y: y + y1 },
          end: { x: x + x2, y: y + y2 },
          thickness: 0.7,
          color,
        });
      // '/' rises to the right: u − v = k; '\' falls: u + v = k (u across, v up, within w × h)
      if (kind !== '\\')
        for (let k = -h + step / 2; k < w; k += step)
          line(Math.max(0, -k) + k, Math.max(0, -k), Math.min(h, w - k) + k, Math.min(h, w - k));
      if (kind !== '/')
        for (let k = step / 2; k < w + h; k += step)
          line(k - Math.max(0, k - w), Math.max(0, k - w), k - Math.min(h, k), Math.min(h, k));
      page.drawRectangle({ x, y, width: w, height: h, borderColor: color, borderWidth: 0.6 });
      return;
    }
    case 'outline':
      page.drawRectangle({
        x: x + 0.8,
        y: y + 0.8,
        width: w - 1.6,
        height: h - 1.6,
        borderColor: color,
        borderWidth: 1.6,
      });
      return;
    case 'line':
    case 'dash':
      page.drawLine({
        start: { x, y: y + h / 2 },
        end: { x: x + w, y: y + h / 2 },
        thickness: 1.8,
        color,
        ...(e.shape === 'dash' ? { dashArray: [4, 2] } : {}),
      });
      return;
    case 'point':
      page.drawCircle({
        x: x + w / 2,
        y: y + h / 2,
        size: h / 3,
        color,
        borderColor: rgb(1, 1, 1),
        borderWidth: 0.6,
      });
      return;
  }
}
