import { useEffect, useRef } from 'react';
import { MapView, layerBounds, type BasemapOption } from '../map/map-view.ts';
import { store, useAppState } from '../state/store.ts';
import { displayUrl, labelUrl } from '../state/analysis.ts';
import { markDrawn } from '../state/safe-start.ts';
import type { Project } from '../core/types.ts';
import { attachPresenter } from '../map/present-target.ts';
import { clickPicks, editLayerFeatures } from '../state/edit.ts';
import { LazyEditMode } from '../map/edit-mode-lazy.ts';
import { EditToolbar } from './EditToolbar.tsx';
import { editSession } from './edit-session.ts';
import { selected, selectionAt } from '../state/selection.ts';
import { useCompareView } from '../state/compare.ts';
import { useReviewMap } from './review-map.ts';
import { MapFurniture } from '../map/furniture.ts';
import { legendGroups } from '../map/legend.ts';
import { setPrintTarget } from '../map/print-target.ts';
import { translate, translateDynamic } from './i18n.ts';
import { layerTitle } from './layer-title.ts';

/** The on-map legend of the layers shown, in the page's language. */
function legendOf(project: Project, visible: Record<string, boolean>) {
  const lang = store.get().lang;
  const td = (key: string, fallback: string) => translateDynamic(lang, key, fallback);
  return legendGroups(project, visible, td, (layer) => layerTitle(layer, td));
}

function basemapFromUrl(): BasemapOption | undefined {
  // ?basemap=<tile URL template>, e.g. Tianditu with its key, or a local tile server.
  const url = new URLSearchParams(location.search).get('basemap');
  return url ? { tiles: [url] } : undefined;
}

export function MapPane() {
  const container = useRef<HTMLDivElement>(null);
  const view = useRef<MapView | null>(null);
  const edit = useRef<LazyEditMode | null>(null);
  const furniture = useRef<MapFurniture | null>(null);
  const shownProject = useRef<Project | null>(null);
  // The view link's code (link-view.ts: the URL's view, feature and mode, the copy-link control)
  // loads with the map instead of before the first render; the project waits for it to open.
  const linkView = useRef<Promise<typeof import('./link-view.ts') | null> | null>(null);
  const project = useAppState((s) => s.project);
  const visibility = useAppState((s) => s.visibility);
  const opacity = useAppState((s) => s.opacity);
  const focus = useAppState((s) => s.focus);
  const selection = useAppState((s) => s.selection);
  const lang = useAppState((s) => s.lang);
  const compare = useCompareView();

  useEffect(() => {
    const v = new MapView(container.current!, {
      basemap: basemapFromUrl(),
      largeLayerData: (layer) => displayUrl(store.get().project!, layer),
      labelData: (layer) => labelUrl(store.get().project!, layer),
      // loaded with the first large parcel layer, one worker for the page
      tileWorker: () => import('../worker/tile-client.ts').then((m) => m.tileClient()),
      lang: store.get().lang,
    });
    view.current = v;
    const editMode = new LazyEditMode(v, {
      change: (layerId, features) => editLayerFeatures(layerId, features),
      message: (message) => editSession.set({ message }),
      state: (state) => editSession.set({ state }),
    });
    v.registerMode('edit', editMode);
    edit.current = editMode;
    // the browser tests' window.__zonemapTest, in a chunk of its own (it is there long before the
    // first map is drawn, which the tests wait for)
    let offHook = () => {};
    let unmounted = false;
    void import('../map/test-hook.ts').then((m) => {
      if (!unmounted) offHook = m.installTestHook(v);
    });
    const off = v.onPick((pick) => {
      // The map counts features by index; the selection names them by id.
      const project = store.get().project;
      const items = (pick?.candidates ?? []).flatMap((c) => {
        const layer = project?.layers.find((l) => l.id === c.layerId);
        const s = layer && selectionAt(layer, c.featureIndex);
        return s ? [s] : [];
      });
      clickPicks(items, pick?.point ?? { x: 0, y: 0 });
    });
    let detachLink = () => {};
    let gone = false;
    linkView.current = import('./link-view.ts').then(
      (m) => {
        if (!gone) detachLink = m.attachLink(v);
        return m;
      },
      () => null, // not loaded (offline before the app was cached): the zone is shown, no link kept
    );
    const f = new MapFurniture(v, translate(store.get().lang, 'northUp'));
    furniture.current = f;
    setPrintTarget({
      view: v,
      setVisibility: (id, on) => v.setVisibility(id, on),
      furniture: f,
      legendFor: (visible) => {
        const p = store.get().project;
        return p ? legendOf(p, visible) : [];
      },
      visibility: () => store.get().visibility,
    });
    const detachPresenter = attachPresenter(v);
    return () => {
      setPrintTarget(null);
      f.destroy();
      furniture.current = null;
      off();
      unmounted = true;
      offHook();
      gone = true;
      detachLink();
      detachPresenter();
      v.destroy();
      view.current = null;
      edit.current = null;
      editSession.set({ editing: false, message: null });
    };
  }, []);

  useReviewMap(view);

  useEffect(() => {
    const v = view.current;
    if (!v || !project) return;
    let cancelled = false;
    // Fit the view when a project opens, not after each edit or import within it.
    const opening =
      shownProject.current?.name !== project.name || shownProject.current?.extra !== project.extra;
    shownProject.current = project;
    void Promise.all([v.setProject(project), linkView.current]).then(([, link]) => {
      if (cancelled) return;
      // the first time as the page's link says (view, feature), afterwards the zone
      if (opening && link) link.openProjectView(v, project);
      else if (opening) {
        const zone = project.layers.find((l) => l.role === 'zone');
        const bounds = zone ? layerBounds(zone) : null;
        if (bounds) v.fitBounds(bounds);
      }
      const s = store.get();
      for (const l of project.layers) {
        v.setVisibility(l.id, s.visibility[l.id] ?? true);
        v.setOpacity(l.id, s.opacity[l.id] ?? 1);
      }
      v.onceIdle(() => {
        markDrawn();
        document.body.setAttribute('data-map-ready', 'true');
      });
    });
    return () => {
      cancelled = true;
    };
  }, [project]);

  useEffect(() => {
    const v = view.current;
    if (!v || !project) return;
    void v.whenReady().then(() => {
      for (const l of project.layers) v.setVisibility(l.id, visibility[l.id] ?? true);
    });
  }, [visibility, project]);

  useEffect(() => {
    const v = view.current;
    if (!v || !project) return;
    void v.whenReady().then(() => {
      for (const l of project.layers) v.setOpacity(l.id, opacity[l.id] ?? 1);
    });
  }, [opacity, project]);

  useEffect(() => {
    if (project) furniture.current?.setLegend(legendOf(project, visibility), translate(lang, 'legend'));
    furniture.current?.setNorthTitle(translate(lang, 'northUp'));
  }, [project, visibility, lang]);

  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    view.current?.setLang(lang);
  }, [lang]);

  useEffect(() => {
    if (focus) view.current?.fitBounds(focus.bbox, true);
  }, [focus]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const geometry = selected(project, selection)?.feature.geometry ?? null;
    void v.whenReady().then(() => v.setHighlight(geometry));
  }, [selection, project]);

  // The scenario comparison's pieces over the map; the view goes to them when a comparison opens.
  const compared = compare?.result;
  const shownCompare = useRef<string | null>(null);
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    let stale = false;
    // the pieces' words load with the first comparison (compare-map.ts), not with the page
    const pieces = compared
      ? import('./compare-map.ts').then((m) => m.comparePieces(compared, lang))
      : Promise.resolve({ pieces: null, bbox: null });
    void pieces.then((shown) => {
      if (stale) return; // a newer comparison (or none) is on its way
      void v.setCompare(shown.pieces).then(() => {
        const key = compared ? `${compared.from}\u0000${compared.to}` : null;
        if (key && key !== shownCompare.current && shown.bbox) v.fitBounds(shown.bbox, false);
        shownCompare.current = key;
      });
    });
    return () => {
      stale = true;
    };
  }, [compared, lang]);

  return (
    <>
      <div className="map" ref={container} data-testid="map" />
      <EditToolbar view={view} edit={edit} />
    </>
  );
}
