// How much one tab can hold. Measured on the bench machine (README, "Large imports"): 300 000
// parcels of 7 vertices (104 MB) import, draw and pan; 1 000 000 points (119 MB) or polygons
// (212 MB) grow the tab past 4.6 GB and it dies. Layers above these limits are refused in the
// import worker, before a feature reaches the page or the saved project.
import type { Feature, Geometry } from 'geojson';

export const MAX_LAYER_FEATURES = 300_000;
export const MAX_LAYER_VERTICES = 4_000_000;

function geometryVertices(g: Geometry | null | undefined): number {
  if (!g) return 0;
  switch (g.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
    case 'Polygon': {
      let n = 0;
      for (const part of g.coordinates) n += part.length;
      return n;
    }
    case 'MultiPolygon': {
      let n = 0;
      for (const poly of g.coordinates) for (const ring of poly) n += ring.length;
      return n;
    }
    case 'GeometryCollection': {
      let n = 0;
      for (const part of g.geometries) n += geometryVertices(part);
      return n;
    }
  }
}

/** Feature and vertex counts; stops counting vertices once past the limit (the answer is known). */
export function layerSize(features: readonly Feature[]): { features: number; vertices: number } {
  let vertices = 0;
  for (const f of features) {
    vertices += geometryVertices(f?.geometry);
    if (vertices > MAX_LAYER_VERTICES) break;
  }
  return { features: features.length, vertices };
}

export function overBudget(size: { features: number; vertices: number }): boolean {
  return size.features > MAX_LAYER_FEATURES || size.vertices > MAX_LAYER_VERTICES;
}

const fmt = (n: number): string => n.toLocaleString('en-US').replace(/,/g, ' ');

/** The refusal, as a Problem with the Chinese message and the English one beside it. */
export function layerTooLargeProblem(
  file: string,
  size: { features: number; vertices: number },
): { code: string; severity: 'error'; file: string; message: string; messageEn: string } {
  const vertices =
    size.vertices > MAX_LAYER_VERTICES ? `超过 ${fmt(MAX_LAYER_VERTICES)}` : fmt(size.vertices);
  const verticesEn =
    size.vertices > MAX_LAYER_VERTICES ? `over ${fmt(MAX_LAYER_VERTICES)}` : fmt(size.vertices);
  return {
    code: 'layer-too-large',
    severity: 'error',
    file,
    message:
      `${file}：${fmt(size.features)} 个要素、${vertices} 个顶点，超过本页面能容纳的上限` +
      `（每个图层最多 ${fmt(MAX_LAYER_FEATURES)} 个要素、${fmt(MAX_LAYER_VERTICES)} 个顶点），未导入，也未保存。` +
      `请先在 GIS 软件中按区域裁剪或拆分后再导入；整个文件可用命令行 zonemap report 统计。`,
    messageEn:
      `${file}: ${fmt(size.features)} features, ${verticesEn} vertices, more than this page can hold ` +
      `(at most ${fmt(MAX_LAYER_FEATURES)} features and ${fmt(MAX_LAYER_VERTICES)} vertices per layer); ` +
      `nothing was imported or saved. Clip or split it in a GIS first; the command line (zonemap report) ` +
      `handles the whole file.`,
  };
}
