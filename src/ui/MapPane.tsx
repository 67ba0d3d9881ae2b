import { useEffect, useRef } from 'react';
import { MapView, type BasemapOption } from '../map/map-view.ts';
import { store, useAppState } from '../state/store.ts';
import { displayUrl, labelUrl } from '../state/analysis.ts';
import { markDrawn } from '../state/safe-start.ts';
import type { Project } from '../core/types.ts';
import { attachLink, openProjectView } from './link-view.ts';
import { installTestHook } from '../map/test-hook.ts';
import { attachPresenter } from '../map/present.ts';
import { clickPicks } from '../state/edit.ts';
import { selected, selectionAt } from '../state/selection.ts';

function basemapFromUrl(): BasemapOption | undefined {
  // ?basemap=<tile URL template>, e.g. Tianditu with its key, or a local tile server.
  const url = new URLSearchParams(location.search).get('basemap');
  return url ? { tiles: [url] } : undefined;
}

export function MapPane() {
  const container = useRef<HTMLDivElement>(null);
  const view = useRef<MapView | null>(null);
  const shownProject = useRef<Project | null>(null);
  const project = useAppState((s) => s.project);
  const visibility = useAppState((s) => s.visibility);
  const opacity = useAppState((s) => s.opacity);
  const focus = useAppState((s) => s.focus);
  const selection = useAppState((s) => s.selection);
  const lang = useAppState((s) => s.lang);

  useEffect(() => {
    const v = new MapView(container.current!, {
      basemap: basemapFromUrl(),
      largeLayerData: (layer) => displayUrl(store.get().project!, layer),
      labelData: (layer) => labelUrl(store.get().project!, layer),
      lang: store.get().lang,
    });
    view.current = v;
    (window as unknown as { __zonemapMap?: unknown }).__zonemapMap = v.map;
    const offHook = installTestHook(v);
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
    const detachLink = attachLink(v);
    const detachPresenter = attachPresenter(v);
    return () => {
      off();
      offHook();
      detachLink();
      detachPresenter();
      v.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v || !project) return;
    let cancelled = false;
    // Fit the view when a project opens, not after each edit or import within it.
    const opening =
      shownProject.current?.name !== project.name || shownProject.current?.extra !== project.extra;
    shownProject.current = project;
    void v.setProject(project).then(() => {
      if (cancelled) return;
      // the first time as the page's link says (view, feature), afterwards the zone
      if (opening) openProjectView(v, project);
      const s = store.get();
      for (const l of project.layers) {
        v.setVisibility(l.id, s.visibility[l.id] ?? true);
        v.setOpacity(l.id, s.opacity[l.id] ?? 1);
      }
      v.map.once('idle', () => {
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

  return <div className="map" ref={container} data-testid="map" />;
}
