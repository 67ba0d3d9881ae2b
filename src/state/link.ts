// What a link names besides the view (contract section 8): `?select=LAYER_ID/FEATURE_ID` and
// `?mode=`. Reading them never throws; a link that cannot be followed says why.
import type { Project, ProjectLayer } from '../core/types.ts';
import { selectionAt } from './selection.ts';
import type { Selection } from './store.ts';

/**
 * The modes a link may name: viewing, the three-plan review and the presentation; edit is known so a
 * link to it gets "not yet" rather than "unknown" (editing starts from its button, on purpose).
 */
export const MODES = {
  view: { available: true },
  edit: { available: false },
  review: { available: true },
  present: { available: true },
} as const satisfies Record<string, { available: boolean }>;

export type ModeId = keyof typeof MODES;

export type ModeRead =
  | { kind: 'none' }
  | { kind: 'ok'; mode: ModeId }
  | { kind: 'unavailable'; mode: ModeId }
  | { kind: 'unknown'; mode: string };

export function availableModes(): ModeId[] {
  return (Object.keys(MODES) as ModeId[]).filter((m) => MODES[m].available);
}

export function readMode(search: string): ModeRead {
  const mode = new URLSearchParams(search).get('mode');
  if (mode === null || mode === '') return { kind: 'none' };
  if (!Object.hasOwn(MODES, mode)) return { kind: 'unknown', mode };
  const id = mode as ModeId;
  return MODES[id].available ? { kind: 'ok', mode: id } : { kind: 'unavailable', mode: id };
}

export type SelectRead =
  | { kind: 'none' }
  | { kind: 'ok'; selection: Selection }
  | { kind: 'malformed'; text: string }
  | { kind: 'no-layer'; layerId: string }
  | { kind: 'no-feature'; layerId: string; featureId: string; count: number };

/**
 * The feature a link's FEATURE_ID names in a layer: the one whose GeoJSON `id` member is that
 * text, else the feature at that index. Every loaded feature has an id (core/feature-ids.ts):
 * the file's own, or its index at load, so old links by index keep naming the same feature.
 */
export function resolveFeature(layer: ProjectLayer, featureId: string): number | undefined {
  const byId = layer.features.findIndex((f) => f.id !== undefined && String(f.id) === featureId);
  if (byId >= 0) return byId;
  if (!/^\d+$/.test(featureId)) return undefined;
  const index = Number(featureId);
  return index < layer.features.length ? index : undefined;
}

export function readSelect(search: string, project: Project): SelectRead {
  const text = new URLSearchParams(search).get('select');
  if (text === null || text === '') return { kind: 'none' };
  // Layer ids are the manifest's own words and might hold a slash; feature ids are taken last.
  const slash = text.lastIndexOf('/');
  if (slash <= 0 || slash === text.length - 1) return { kind: 'malformed', text };
  const layerId = text.slice(0, slash);
  const featureId = text.slice(slash + 1);
  const layer = project.layers.find((l) => l.id === layerId);
  if (!layer) return { kind: 'no-layer', layerId };
  const featureIndex = resolveFeature(layer, featureId);
  if (featureIndex === undefined)
    return { kind: 'no-feature', layerId, featureId, count: layer.features.length };
  return { kind: 'ok', selection: selectionAt(layer, featureIndex)! };
}

/**
 * FEATURE_ID for a link to this feature: its GeoJSON id where it has one, else its index; null
 * when neither leads back to it (an index that is also another feature's id).
 */
export function featureLinkId(layer: ProjectLayer, index: number): string | null {
  if (index < 0) return null;
  const feature = layer.features[index];
  if (!feature) return null;
  const candidates = feature.id !== undefined ? [String(feature.id), String(index)] : [String(index)];
  return candidates.find((c) => resolveFeature(layer, c) === index) ?? null;
}

const encodeSelect = (v: string) => encodeURIComponent(v).replace(/%2F/gi, '/');

/**
 * A link to the page with the given hash and `select` set (or removed when null). The other
 * query parameters are kept byte for byte: re-serialising them would re-encode a basemap URL.
 */
export function linkUrl(href: string, hash: string, select: string | null): string {
  const url = new URL(href);
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && decodeKey(part) !== 'select');
  if (select !== null) kept.push(`select=${encodeSelect(select)}`);
  return `${url.origin}${url.pathname}${kept.length ? `?${kept.join('&')}` : ''}${hash}`;
}

function decodeKey(part: string): string {
  const key = part.split('=')[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}
