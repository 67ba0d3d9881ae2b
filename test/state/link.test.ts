import { describe, expect, it } from 'vitest';
import type { Feature, Project, ProjectLayer } from '../../src/core/types.ts';
import { featureLinkId, linkUrl, readMode, readSelect, resolveFeature } from '../../src/state/link.ts';

const point = (name: string, id?: string | number): Feature => ({
  type: 'Feature',
  ...(id !== undefined ? { id } : {}),
  geometry: { type: 'Point', coordinates: [114.5, 32.1] },
  properties: { 名称: name },
});

const layer = (id: string, features: Feature[]): ProjectLayer => ({
  id,
  role: 'village',
  file: `${id}.geojson`,
  crs: 'EPSG:4326',
  fields: { name: '名称' },
  features,
});

const project: Project = {
  name: 'p',
  crs: 'EPSG:4326',
  areaMethod: 'ellipsoidal',
  settings: { intensityThreshold_wan_per_mu: 120 },
  layers: [
    layer('villages', [point('胡湾村'), point('周湾村'), point('李店村')]),
    layer('parks', [point('电子信息产业园', 'P-7'), point('现代物流园', 0), point('纺织服装产业园', 'P-9')]),
  ],
};

describe('?select=LAYER_ID/FEATURE_ID', () => {
  it('names a feature by its index in the layer', () => {
    expect(readSelect('?select=villages/2', project)).toEqual({
      kind: 'ok',
      selection: { layerId: 'villages', featureId: 2 },
    });
  });

  it("names a feature by the GeoJSON's own id member, which wins over an index", () => {
    expect(readSelect('?lang=en&select=parks/P-9', project)).toEqual({
      kind: 'ok',
      selection: { layerId: 'parks', featureId: 'P-9' },
    });
    // "0" is the id of feature 1 here
    expect(resolveFeature(project.layers[1]!, '0')).toBe(1);
    expect(resolveFeature(project.layers[1]!, '2')).toBe(2);
  });

  it('says what is wrong with a select that cannot be followed', () => {
    expect(readSelect('', project)).toEqual({ kind: 'none' });
    expect(readSelect('?select=', project)).toEqual({ kind: 'none' });
    expect(readSelect('?select=villages', project)).toEqual({ kind: 'malformed', text: 'villages' });
    expect(readSelect('?select=villages/', project)).toEqual({ kind: 'malformed', text: 'villages/' });
    expect(readSelect('?select=/3', project)).toEqual({ kind: 'malformed', text: '/3' });
    expect(readSelect('?select=roads/0', project)).toEqual({ kind: 'no-layer', layerId: 'roads' });
    expect(readSelect('?select=villages/3', project)).toEqual({
      kind: 'no-feature',
      layerId: 'villages',
      featureId: '3',
      count: 3,
    });
    for (const id of ['-1', '1.5', '1e1', 'abc', ' 1'])
      expect(readSelect(`?select=villages/${encodeURIComponent(id)}`, project).kind, id).toBe('no-feature');
  });

  it('a layer id holding a slash is split at the last one', () => {
    const p = { ...project, layers: [layer('plans/2020', [point('a')])] };
    expect(readSelect('?select=plans/2020/0', p)).toEqual({
      kind: 'ok',
      selection: { layerId: 'plans/2020', featureId: 0 },
    });
  });
});

describe('the feature id a copied link carries', () => {
  it('is the GeoJSON id where there is one, else the index', () => {
    expect(featureLinkId(project.layers[0]!, 1)).toBe('1');
    expect(featureLinkId(project.layers[1]!, 0)).toBe('P-7');
    expect(featureLinkId(project.layers[1]!, 1)).toBe('0');
    expect(featureLinkId(project.layers[0]!, 9)).toBeNull();
  });

  it('leads back to the same feature, or is null when nothing can', () => {
    // feature 0 has no id, and its index "0" is feature 1's id; two features share id "x"
    const l = layer('l', [point('a'), point('b', 0), point('c', 'x'), point('d', 'x')]);
    expect(featureLinkId(l, 0)).toBeNull();
    expect(featureLinkId(l, 2)).toBe('x');
    // "x" leads to feature 2, so feature 3 is linked by its index
    expect(featureLinkId(l, 3)).toBe('3');
    for (let i = 1; i < l.features.length; i++) expect(resolveFeature(l, featureLinkId(l, i)!)).toBe(i);
  });
});

describe('the copied link', () => {
  it('keeps every other query parameter byte for byte and sets select and the hash', () => {
    const basemap = 'basemap=https://t0.tianditu.gov.cn/DataServer?T=img_w%26x={x}%26y={y}%26l={z}%26tk=KEY';
    const href = `http://127.0.0.1:5173/?lang=en&${basemap}&select=villages/0#12/32/114`;
    expect(linkUrl(href, '#16/32.1842/114.5301', 'parks/P-7')).toBe(
      `http://127.0.0.1:5173/?lang=en&${basemap}&select=parks/P-7#16/32.1842/114.5301`,
    );
  });

  it('a link to the view alone drops select and keeps the rest', () => {
    expect(linkUrl('http://h/app/?select=a/1&mode=view', '#1/2/3', null)).toBe(
      'http://h/app/?mode=view#1/2/3',
    );
    expect(linkUrl('http://h/?select=a/1', '#1/2/3', null)).toBe('http://h/#1/2/3');
  });

  it('escapes what a query cannot hold in the layer and feature ids', () => {
    const url = linkUrl('http://h/', '#1/2/3', '规划 & 用地/#1');
    expect(url).toBe('http://h/?select=%E8%A7%84%E5%88%92%20%26%20%E7%94%A8%E5%9C%B0/%231#1/2/3');
    expect(new URL(url).searchParams.get('select')).toBe('规划 & 用地/#1');
  });
});

describe('?mode=', () => {
  it('view, review and present are the modes there are; edit is known but not yet here', () => {
    expect(readMode('')).toEqual({ kind: 'none' });
    expect(readMode('?mode=view')).toEqual({ kind: 'ok', mode: 'view' });
    expect(readMode('?mode=review')).toEqual({ kind: 'ok', mode: 'review' });
    expect(readMode('?mode=present')).toEqual({ kind: 'ok', mode: 'present' });
    for (const m of ['edit']) expect(readMode(`?mode=${m}`)).toEqual({ kind: 'unavailable', mode: m });
  });
  it('anything else is unknown, also names of Object.prototype', () => {
    for (const m of ['draw', 'toString', '__proto__', 'View'])
      expect(readMode(`?mode=${m}`)).toEqual({ kind: 'unknown', mode: m });
  });
});
