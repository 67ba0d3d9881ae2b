// Reads the presentation of a manifest or of a saved project (contract §7) and writes it back. A
// slide that cannot be shown (no usable camera) is left out with an error naming the slide; a value
// that can be done without (an unknown card, a layer not in the project) is dropped with a warning.
// The issues are data (a code and its params); io words them and names the file.
import {
  CARD_IDS,
  CHART_IDS,
  isCardId,
  isChartId,
  type Camera,
  type CardId,
  type Presentation,
  type Slide,
} from './presentation.ts';
import { unknownKeys } from './unknown-keys.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const SLIDE_KEYS = new Set(['title', 'caption', 'camera', 'layers', 'highlight', 'cards', 'chart']);
const TOP_KEYS = new Set(['title', 'slides']);

const show = (v: unknown): string => {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** The camera's problem in words, or its values. */
function readCamera(raw: unknown): Camera | string {
  if (!isObject(raw))
    return '应为对象 {center, zoom, bearing, pitch} / should be an object {center, zoom, bearing, pitch}';
  const c = raw.center;
  if (!Array.isArray(c) || c.length < 2 || !finite(c[0]) || !finite(c[1]))
    return `center 应为 [经度, 纬度] / center should be [lon, lat], not ${show(c)}`;
  if (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90)
    return `center ${show(c)} 超出经纬度范围 / is outside ±180, ±90`;
  if (!finite(raw.zoom) || raw.zoom < 0 || raw.zoom > 24)
    return `zoom 应为 0–24 的数 / zoom should be a number 0–24, not ${show(raw.zoom)}`;
  if (raw.bearing !== undefined && !finite(raw.bearing))
    return `bearing 应为数（度）/ bearing should be a number of degrees, not ${show(raw.bearing)}`;
  if (raw.pitch !== undefined && (!finite(raw.pitch) || raw.pitch < 0 || raw.pitch > 85))
    return `pitch 应为 0–85 的数 / pitch should be a number 0–85, not ${show(raw.pitch)}`;
  return {
    center: [c[0], c[1]],
    zoom: raw.zoom,
    bearing: finite(raw.bearing) ? raw.bearing : 0,
    pitch: finite(raw.pitch) ? raw.pitch : 0,
  };
}

export interface PresentationIssue {
  code: 'presentation-invalid' | 'slide-invalid' | 'slide-bad-value';
  severity: 'error' | 'warning';
  params: Record<string, string | number>;
}

type IssueParams = PresentationIssue['params'];
const issue =
  (severity: PresentationIssue['severity']) =>
  (code: PresentationIssue['code'], params: IssueParams): PresentationIssue => ({ code, severity, params });
const errorOf = issue('error');
const warningOf = issue('warning');

/**
 * A presentation (a manifest's `presentation` value) checked against the project's layer ids; the
 * issues name the slide (its number from 1 and its title), the key and what is wrong.
 */
export function readPresentation(
  raw: unknown,
  layerIds: readonly string[],
): { presentation?: Presentation; issues: PresentationIssue[] } {
  const problems: PresentationIssue[] = [];
  if (raw === undefined) return { issues: problems };
  if (!isObject(raw)) {
    problems.push(errorOf('presentation-invalid', { detail: '应为对象 / should be an object' }));
    return { issues: problems };
  }
  if (!Array.isArray(raw.slides)) {
    problems.push(errorOf('presentation-invalid', { detail: '缺少 slides 数组 / no "slides" array' }));
    return { issues: problems };
  }
  const known = new Set(layerIds);
  const slides: Slide[] = [];
  raw.slides.forEach((s: unknown, i) => {
    const slide = i + 1;
    if (!isObject(s)) {
      problems.push(errorOf('slide-invalid', { slide, key: 'slide', detail: '不是对象 / not an object' }));
      return;
    }
    const title = typeof s.title === 'string' ? s.title : '';
    const bad = (key: string, value: unknown, allowed: string) =>
      problems.push(warningOf('slide-bad-value', { slide, title, key, value: show(value), allowed }));
    if (s.title !== undefined && typeof s.title !== 'string') bad('title', s.title, '文字 / text');
    const camera = readCamera(s.camera);
    if (typeof camera === 'string') {
      problems.push(errorOf('slide-invalid', { slide, title, key: 'camera', detail: camera }));
      return;
    }
    const out: Slide = { title, camera, cards: [] };
    if (typeof s.caption === 'string' && s.caption !== '') out.caption = s.caption;
    else if (s.caption !== undefined && typeof s.caption !== 'string')
      bad('caption', s.caption, '文字 / text');
    if (Array.isArray(s.layers)) {
      out.layers = [];
      for (const id of s.layers as unknown[]) {
        if (typeof id === 'string' && known.has(id)) out.layers.push(id);
        else bad('layers', id, layerIds.join(' '));
      }
    } else if (s.layers !== undefined) bad('layers', s.layers, '图层 id 数组 / an array of layer ids');
    if (s.highlight !== undefined) {
      const h = s.highlight;
      if (isObject(h) && typeof h.layer === 'string' && known.has(h.layer) && Array.isArray(h.names)) {
        out.highlight = {
          layer: h.layer,
          names: (h.names as unknown[]).filter((n) => typeof n === 'string'),
        };
      } else
        bad(
          'highlight',
          h,
          '{ "layer": 图层 id, "names": [名称…] } / { "layer": a layer id, "names": [names…] }',
        );
    }
    if (Array.isArray(s.cards)) {
      const seen = new Set<CardId>();
      for (const c of s.cards as unknown[]) {
        if (isCardId(c)) {
          if (!seen.has(c)) out.cards.push(c);
          seen.add(c);
        } else bad('cards', c, CARD_IDS.join(' '));
      }
    } else if (s.cards !== undefined) bad('cards', s.cards, CARD_IDS.join(' '));
    if (s.chart !== undefined) {
      if (isChartId(s.chart)) out.chart = s.chart;
      else bad('chart', s.chart, CHART_IDS.join(' '));
    }
    const extra = unknownKeys(s, SLIDE_KEYS);
    if (extra) out.extra = extra;
    slides.push(out);
  });
  const presentation: Presentation = {
    title: typeof raw.title === 'string' ? raw.title : '',
    slides,
  };
  const extra = unknownKeys(raw, TOP_KEYS);
  if (extra) presentation.extra = extra;
  return { presentation, issues: problems };
}

/** The manifest's `presentation` value: contract §7's keys in its order, unknown keys kept. */
export function presentationJson(p: Presentation): Record<string, unknown> {
  return {
    ...(p.extra ?? {}),
    title: p.title,
    slides: p.slides.map((s) => ({
      ...(s.extra ?? {}),
      title: s.title,
      ...(s.caption ? { caption: s.caption } : {}),
      camera: {
        center: [s.camera.center[0], s.camera.center[1]],
        zoom: s.camera.zoom,
        bearing: s.camera.bearing,
        pitch: s.camera.pitch,
      },
      ...(s.layers ? { layers: [...s.layers] } : {}),
      ...(s.highlight ? { highlight: { layer: s.highlight.layer, names: [...s.highlight.names] } } : {}),
      cards: [...s.cards],
      ...(s.chart ? { chart: s.chart } : {}),
    })),
  };
}

/**
 * A presentation as the app saved it (the Presentation object, its unknown keys under `extra`),
 * checked as a manifest's would be: what storage gives back may be anything.
 */
export function parseSavedPresentation(
  raw: unknown,
  layerIds: readonly string[],
): { presentation?: Presentation; issues: PresentationIssue[] } {
  const flat = (o: unknown): unknown => {
    if (!isObject(o)) return o;
    const { extra, ...rest } = o;
    return isObject(extra) ? { ...extra, ...rest } : rest;
  };
  const top = flat(raw);
  const manifestForm =
    isObject(top) && Array.isArray(top.slides)
      ? { ...top, slides: (top.slides as unknown[]).map(flat) }
      : top;
  return readPresentation(manifestForm, layerIds);
}
