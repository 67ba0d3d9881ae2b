// Keeps the map's view in the URL hash (contract section 8): written as the map moves, followed
// when the hash changes, checked against the project's extent. Query parameters are never touched.
import type * as maplibregl from 'maplibre-gl';
import {
  hashWithView,
  nearExtent,
  readViewHash,
  type Extent,
  type HashRead,
  type ViewState,
} from './view-hash.ts';

export type HashCheck = HashRead | { kind: 'outside'; view: ViewState; text: string };

/** At most one history entry rewrite per this many ms (Safari refuses more than 100 per 30 s). */
export const HASH_WRITE_MS = 300;

export interface UrlViewOptions {
  /** the open project's extent, or null while none is open or it has no geometry */
  extent(): Extent | null;
  /** a hash the user changed to that cannot be followed; the map stays where it is */
  onRejected(check: Extract<HashCheck, { kind: 'malformed' | 'outside' }>): void;
}

/** Test hook: the map's view as the hash would carry it, and a way to move the map. */
export interface ViewHook {
  view(): ViewState;
  jumpTo(view: Partial<ViewState>): void;
}

export class UrlView {
  private following = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWrite = 0;
  private readonly onMove = () => this.schedule();
  private readonly onHashChange = () => this.hashChanged();
  private readonly hook: ViewHook;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly opts: UrlViewOptions,
  ) {
    map.on('move', this.onMove);
    map.on('moveend', this.onMove);
    addEventListener('hashchange', this.onHashChange);
    this.hook = { view: () => this.view(), jumpTo: (v) => this.jumpTo({ ...this.view(), ...v }) };
    (window as unknown as { __zonemapView?: ViewHook }).__zonemapView = this.hook;
  }

  /** What the current hash says, judged against the map's limits and the project's extent. */
  check(hash = location.hash): HashCheck {
    const read = readViewHash(hash, {
      minZoom: this.map.getMinZoom(),
      maxZoom: this.map.getMaxZoom(),
      minPitch: this.map.getMinPitch(),
      maxPitch: this.map.getMaxPitch(),
    });
    if (read.kind !== 'view') return read;
    const extent = this.opts.extent();
    if (extent && !nearExtent(read.view, extent))
      return { kind: 'outside', view: read.view, text: read.text };
    return read;
  }

  view(): ViewState {
    const c = this.map.getCenter();
    return {
      zoom: this.map.getZoom(),
      lat: c.lat,
      lon: c.lng,
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
    };
  }

  jumpTo(view: ViewState): void {
    this.map.jumpTo({
      center: [view.lon, view.lat],
      zoom: view.zoom,
      bearing: view.bearing,
      pitch: view.pitch,
    });
  }

  /**
   * From now on the hash follows the map and the map follows hash changes. Called once the first
   * project's view is settled, so the link being opened is not overwritten by the default view.
   */
  follow(): void {
    this.following = true;
    this.write();
  }

  destroy(): void {
    this.map.off('move', this.onMove);
    this.map.off('moveend', this.onMove);
    removeEventListener('hashchange', this.onHashChange);
    clearTimeout(this.timer);
    const w = window as unknown as { __zonemapView?: ViewHook };
    if (w.__zonemapView === this.hook) delete w.__zonemapView;
  }

  private schedule(): void {
    if (!this.following || this.timer !== undefined) return;
    const wait = Math.max(0, this.lastWrite + HASH_WRITE_MS - Date.now());
    // The write reads the map when it runs, so the last position of a move is the one kept.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, wait);
  }

  private write(): void {
    this.lastWrite = Date.now();
    const hash = hashWithView(location.hash, this.view());
    if (hash === location.hash) return;
    const url = location.href.replace(/(#.*)?$/, hash);
    history.replaceState(history.state, '', url);
  }

  private hashChanged(): void {
    if (!this.following) return;
    const check = this.check();
    if (check.kind === 'view') this.jumpTo(check.view);
    else if (check.kind !== 'none') {
      this.opts.onRejected(check);
      // the address bar shows where the map really is
      this.write();
    }
  }
}
