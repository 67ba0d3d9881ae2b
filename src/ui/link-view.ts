// Ties the map to the page's link: the view in the hash, ?select= and ?mode= followed when the
// first project opens, the map's copy-link button, and notices for what could not be followed.
import { geometryExtent } from '../core/geojson-bbox.ts';
import type { Project } from '../core/types.ts';
import { layerBounds, type MapView } from '../map/map-view.ts';
import type { UrlView, HashCheck } from '../map/url-view.ts';
import { hashWithView, type Extent } from '../map/view-hash.ts';
import {
  availableModes,
  featureLinkId,
  linkUrl,
  readMode,
  readSelect,
  type SelectRead,
} from '../state/link.ts';
import { store, type Selection } from '../state/store.ts';
import { select as selectFeature } from '../state/edit.ts';
import { selected } from '../state/selection.ts';
import { showToast as showToastNow, type Toast } from '../state/toasts.ts';
import { copyLink } from './copy-link.ts';
import { translate } from './i18n.ts';

type Part = Toast['parts'][number];

// the notices' words load when there is one to show (words-link.ts); in order, as they were raised
const showToast = (toast: Parameters<typeof showToastNow>[0]): void =>
  void import('./words-link.ts').then(
    () => showToastNow(toast),
    () => undefined, // offline before the first visit cached it: the map still shows what it can
  );

let active: UrlView | null = null;
// The page's link is followed once, for the first project shown; later openings fit the zone.
let linkFollowed = false;

const extents = new WeakMap<Project, Extent | null>();
function projectExtent(project: Project | null): Extent | null {
  if (!project) return null;
  if (!extents.has(project)) {
    let e: Extent | null = null;
    for (const layer of project.layers) {
      const b = layerBounds(layer);
      if (b)
        e = e ? [Math.min(e[0], b[0]), Math.min(e[1], b[1]), Math.max(e[2], b[2]), Math.max(e[3], b[3])] : b;
    }
    extents.set(project, e);
  }
  return extents.get(project) ?? null;
}

function hashProblem(check: Extract<HashCheck, { kind: 'malformed' | 'outside' }>): Part {
  return check.kind === 'malformed'
    ? { key: 'linkHashMalformed', params: { text: check.text.slice(0, 80) } }
    : { key: 'linkHashOutside', params: { lat: check.view.lat.toFixed(4), lon: check.view.lon.toFixed(4) } };
}

function selectProblem(read: SelectRead): Part | null {
  switch (read.kind) {
    case 'none':
    case 'ok':
      return null;
    case 'malformed':
      return { key: 'linkSelectMalformed', params: { text: read.text.slice(0, 80) } };
    case 'no-layer':
      return { key: 'linkNoLayer', params: { layer: read.layerId.slice(0, 80) } };
    case 'no-feature':
      return {
        key: 'linkNoFeature',
        params: { layer: read.layerId, feature: read.featureId.slice(0, 80), n: read.count },
      };
  }
}

/** The hash of a link to what the map shows now (the address bar's may lag by a throttle step). */
export function currentHash(): string {
  return active ? hashWithView(location.hash, active.view()) : location.hash;
}

/** A link to the current view with this feature selected, or to the view alone. */
export function linkTo(selection: Selection | null): string {
  const found = selected(store.get().project, selection);
  const layer = found?.layer;
  const featureId = found ? featureLinkId(found.layer, found.index) : null;
  return linkUrl(
    location.href,
    currentHash(),
    layer && featureId !== null ? `${layer.id}/${featureId}` : null,
  );
}

/** Starts keeping the view in the URL and adds the copy-link control; returns the undo. */
export function attachLink(v: MapView): () => void {
  const urlView = v.createUrlView({
    extent: () => projectExtent(store.get().project),
    // at once: the hash's words are the first page's (a changed hash must not wait for a download)
    onRejected: (check) =>
      showToastNow({ kind: 'notice', parts: [hashProblem(check), { key: 'linkKeepsView' }] }),
  });
  const control = v.addCopyLink(() => void copyLink(linkTo(null)));
  const label = () => control.setLabel(translate(store.get().lang, 'copyViewLink'));
  label();
  const off = store.subscribe(label);
  active = urlView;
  return () => {
    off();
    urlView.destroy();
    if (active === urlView) active = null;
  };
}

function padded(b: Extent, min: number): Extent {
  const dx = Math.max(0, min - (b[2] - b[0])) / 2;
  const dy = Math.max(0, min - (b[3] - b[1])) / 2;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

/** Shows a project that has just opened: as the page's link says the first time, else the zone. */
export function openProjectView(v: MapView, project: Project): void {
  const zone = project.layers.find((l) => l.role === 'zone');
  const zoneBounds = zone ? layerBounds(zone) : null;
  const urlView = active;
  if (linkFollowed || !urlView) {
    if (zoneBounds) v.fitBounds(zoneBounds);
    return;
  }
  linkFollowed = true;
  const notices: Part[][] = [];
  const select = readSelect(location.search, project);
  const selectIssue = selectProblem(select);
  if (selectIssue) notices.push([selectIssue]);
  const mode = readMode(location.search);
  if (mode.kind === 'unavailable') notices.push([{ key: 'modeUnavailable', params: { mode: mode.mode } }]);
  if (mode.kind === 'unknown')
    notices.push([
      { key: 'modeUnknown', params: { mode: mode.mode.slice(0, 40), modes: availableModes().join(', ') } },
    ]);

  let featureBounds: Extent | null = null;
  if (select.kind === 'ok') {
    selectFeature(select.selection);
    const f = selected(project, select.selection)?.feature;
    // ~300 m at least, so a small plot is not shown at the map's deepest zoom
    if (f?.geometry) featureBounds = padded(geometryExtent(f.geometry), 0.003);
  }

  const hash = urlView.check();
  if (hash.kind === 'view') urlView.jumpTo(hash.view);
  else {
    const bounds = featureBounds ?? zoneBounds;
    if (bounds) v.fitBounds(bounds);
    if (hash.kind !== 'none')
      notices.unshift([hashProblem(hash), { key: featureBounds ? 'linkShowsFeature' : 'linkShowsProject' }]);
  }
  urlView.follow();
  for (const parts of notices) showToast({ kind: 'notice', parts });
}
