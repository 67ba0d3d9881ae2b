// GeoJSON text as the samples are committed: one feature per line, so diffs stay readable.

export interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: object;
}

export function fc(features: Feature[], extra?: Record<string, unknown>): string {
  const head = { type: 'FeatureCollection', ...(extra ?? {}) };
  const h = JSON.stringify(head).slice(0, -1);
  return `${h},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

export function feat(properties: Record<string, unknown>, geometry: object): Feature {
  return { type: 'Feature', properties, geometry };
}
