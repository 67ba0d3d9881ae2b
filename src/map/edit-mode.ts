// The map's edit mode: zone parts edited with terra-draw and its MapLibre adapter. terra-draw
// does the pointer work (selecting, dragging vertices, midpoints, drawing outlines and lines);
// what an edit means is core's (src/core/edit): the vertex that moved is moved in every part
// that shares it, lines split or reshape, outlines cut holes or become parts, two parts merge,
// and an invalid result is refused with the validity engine's reason. A finished edit leaves
// here as the layer's new feature list, which the UI hands to the one write path (state/edit.ts):
// one drag, one history entry.
import type { TerraDraw, TerraDrawMouseEvent, SnappableContext, GeoJSONStoreFeatures } from 'terra-draw';
import type { Feature, Geometry, Position, ProjectLayer } from '../core/types.ts';
import type { FeatureId } from '../core/feature-ids.ts';
import {
  applyShared,
  cutHole,
  diffRing,
  editRefusal,
  mergeParts,
  reshapePolygon,
  restoreExact,
  splitPolygon,
  openRing,
  samePos,
  type RingEdit,
  type Snapped,
} from '../core/edit/index.ts';
import { polygonsOf } from '../core/polygons.ts';
import type { MapModeHandler } from './modes.ts';
import type { MapView, ModeContext } from './map-view.ts';
import { SNAP_ROLES, SnapIndex, type SnapHit } from './snap-index.ts';

export type EditTool = 'select' | 'draw-part' | 'cut-hole' | 'split' | 'reshape' | 'merge';

export interface EditMessage {
  kind: 'refused' | 'hint' | 'done';
  /** a short code for tests and styling */
  code: string;
  zh: string;
  en: string;
}

export interface EditState {
  tool: EditTool;
  /** the selected zone part, by feature id */
  selected: FeatureId | null;
  snapping: boolean;
}

export interface EditEvents {
  /** a finished edit: the zone layer's features as they are to be */
  change(layerId: string, features: Feature[]): void;
  message(m: EditMessage): void;
  state(s: EditState): void;
}

const HINT = 'zm-snap-hint';
const SNAP_PX = 12;
const PREFIX = 'zm|';

const tdId = (featureId: FeatureId, poly: number) => `${PREFIX}${JSON.stringify(featureId)}|${poly}`;
function parseTdId(id: unknown): { featureId: FeatureId; poly: number } | null {
  if (typeof id !== 'string' || !id.startsWith(PREFIX)) return null;
  const bar = id.lastIndexOf('|');
  try {
    return {
      featureId: JSON.parse(id.slice(PREFIX.length, bar)) as FeatureId,
      poly: Number(id.slice(bar + 1)),
    };
  } catch {
    return null;
  }
}

const msg = (kind: EditMessage['kind'], code: string, zh: string, en: string): EditMessage => ({
  kind,
  code,
  zh,
  en,
});

const LINE_FAILURE = {
  'line-misses': msg(
    'refused',
    'line-misses',
    '画的线没有穿过所选分区的边界两次，未分割。',
    "The line does not cross the selected part's boundary twice; nothing was split.",
  ),
  'line-crosses-hole': msg(
    'refused',
    'line-crosses-hole',
    '画的线穿过了分区中的洞，请在洞的两侧分别分割。',
    'The line crosses a hole of the part; split on either side of the hole.',
  ),
};

function withGeometry(f: Feature, geometry: Geometry): Feature {
  return { ...f, geometry };
}

function polygonGeometry(polys: Position[][][]): Geometry {
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0]! }
    : { type: 'MultiPolygon', coordinates: polys };
}

/** An id no feature of the layer has. */
function freshId(features: readonly Feature[], taken: Set<string> = new Set()): FeatureId {
  const used = new Set(features.map((f) => String(f.id)));
  for (let n = features.length + 1; ; n++) {
    const id = `e${n}`;
    if (!used.has(id) && !taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export class EditMode implements MapModeHandler {
  private draw: TerraDraw | null = null;
  private tool: EditTool = 'select';
  private selectedTd: string | null = null;
  private mergeFrom: string | null = null;
  private loaded = new Map<string, Position[]>();
  private snapIndex: SnapIndex | null = null;
  private snapIndexFor: unknown = null;
  private altHeld = false;
  private lastSnap: Snapped | null = null;
  private pointer: { x: number; y: number } | null = null;
  private ctx: ModeContext;
  private removeListeners: (() => void)[] = [];

  constructor(
    view: MapView,
    private readonly events: EditEvents,
  ) {
    this.ctx = view.modeContext();
  }

  /** The layer edited: the project's zone layer. */
  private layer(): ProjectLayer | null {
    return this.ctx.project()?.layers.find((l) => l.role === 'zone') ?? null;
  }

  async enter(): Promise<void> {
    await this.ctx.ready();
    const [
      { TerraDraw, TerraDrawSelectMode, TerraDrawPolygonMode, TerraDrawLineStringMode },
      { TerraDrawMapLibreGLAdapter },
    ] = await Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);
    const map = this.ctx.map;
    const snapping = { toCustom: (e: TerraDrawMouseEvent, c: SnappableContext) => this.snapFor(e, c) };
    let n = 0;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 12, prefixId: 'zm-td' }),
      idStrategy: { isValidId: (id) => typeof id === 'string', getId: () => `td-${++n}` },
      modes: [
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: {
                // a whole part is not dragged: it would tear from its neighbours
                draggable: false,
                // a crossing drag is let through and refused at its end, with the reason shown
                selfIntersectable: true,
                coordinates: {
                  draggable: true,
                  deletable: true,
                  midpoints: { draggable: true },
                  snappable: snapping,
                },
              },
            },
          },
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
          styles: {
            selectedPolygonColor: '#00b8d4',
            selectedPolygonFillOpacity: 0.15,
            selectedPolygonOutlineColor: '#00838f',
            selectedPolygonOutlineWidth: 3,
            selectionPointColor: '#ffffff',
            selectionPointOutlineColor: '#00838f',
            selectionPointWidth: 5,
            selectionPointOutlineWidth: 2,
            midPointColor: '#00838f',
            midPointOutlineColor: '#ffffff',
            midPointWidth: 3,
          },
        }),
        new TerraDrawPolygonMode({
          snapping,
          keyEvents: { cancel: null, finish: 'Enter' },
          // the parts not selected: a thin outline over the map's own drawing of them
          styles: {
            fillColor: '#00838f',
            fillOpacity: 0.04,
            outlineColor: '#00838f',
            outlineWidth: 1.5,
          },
        }),
        new TerraDrawLineStringMode({
          snapping,
          keyEvents: { cancel: null, finish: 'Enter' },
          styles: { lineStringColor: '#ff6f00', lineStringWidth: 3 },
        }),
      ],
    });
    draw.start();
    this.draw = draw;
    draw.on('finish', (id, c) => this.guarded(() => this.finished(String(id), c.mode, c.action)));
    draw.on('select', (id) => this.selected(String(id)));
    draw.on('deselect', () => {
      this.selectedTd = null;
      this.emitState();
    });
    this.addHint();
    this.ctx.suspendPicks(true);
    const keys = (e: KeyboardEvent) => {
      this.altHeld = e.altKey;
    };
    const blur = () => {
      this.altHeld = false;
    };
    const canvas = map.getCanvasContainer();
    const move = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      this.pointer = { x: e.clientX - r.left, y: e.clientY - r.top };
      this.altHeld = e.altKey;
    };
    window.addEventListener('keydown', keys);
    window.addEventListener('keyup', keys);
    window.addEventListener('blur', blur);
    canvas.addEventListener('pointermove', move);
    this.removeListeners = [
      () => window.removeEventListener('keydown', keys),
      () => window.removeEventListener('keyup', keys),
      () => window.removeEventListener('blur', blur),
      () => canvas.removeEventListener('pointermove', move),
    ];
    this.sync();
    draw.setMode('select');
    this.tool = 'select';
    this.emitState();
  }

  leave(): void {
    for (const off of this.removeListeners) off();
    this.removeListeners = [];
    if (this.draw) {
      this.draw.stop();
      this.draw = null;
    }
    this.loaded.clear();
    this.selectedTd = null;
    this.mergeFrom = null;
    this.removeHint();
    this.ctx.suspendPicks(false);
  }

  projectChanged(): void {
    if (this.draw) this.sync();
  }

  // ---- tools -------------------------------------------------------------------------------

  setTool(tool: EditTool): void {
    const draw = this.draw;
    if (!draw) return;
    const needsPart = tool === 'cut-hole' || tool === 'split' || tool === 'reshape' || tool === 'merge';
    if (needsPart && !this.selectedTd) {
      this.events.message(
        msg('hint', 'select-first', '请先点击选择一个分区。', 'Select a zone part first (click it).'),
      );
      return;
    }
    this.tool = tool;
    this.mergeFrom = tool === 'merge' ? this.selectedTd : null;
    const td =
      tool === 'draw-part' || tool === 'cut-hole'
        ? 'polygon'
        : tool === 'split' || tool === 'reshape'
          ? 'linestring'
          : 'select';
    draw.setMode(td);
    const hints: Record<EditTool, EditMessage> = {
      select: msg(
        'hint',
        'tool-select',
        '点击分区选择；拖动顶点修改，拖动边中点加点，右键或 Delete 删点；按住 Alt 不吸附。',
        'Click a part to select it; drag a vertex to move it, a midpoint to add one; right-click or Delete removes one; hold Alt not to snap.',
      ),
      'draw-part': msg(
        'hint',
        'tool-draw-part',
        '逐点点击画出新分区，点回起点或按 Enter 完成；Esc 退出。',
        "Click the new part's corners; click the first again or press Enter to finish; Esc leaves.",
      ),
      'cut-hole': msg(
        'hint',
        'tool-cut-hole',
        '在所选分区内画出要挖去的范围，Enter 完成。',
        'Draw the outline to cut out of the selected part; Enter finishes.',
      ),
      split: msg(
        'hint',
        'tool-split',
        '画一条穿过所选分区的线，Enter 完成。',
        'Draw a line across the selected part; Enter finishes.',
      ),
      reshape: msg(
        'hint',
        'tool-reshape',
        '从边界上一点沿新边界画到另一点，Enter 完成。',
        'Draw the new outline from one point of the boundary to another; Enter finishes.',
      ),
      merge: msg(
        'hint',
        'tool-merge',
        '点击要并入所选分区的另一个分区。',
        'Click the part to merge into the selected one.',
      ),
    };
    this.events.message(hints[tool]);
    this.emitState();
  }

  /** Esc: leaves the current tool (back to selecting), or clears the selection when selecting. */
  escape(): void {
    const draw = this.draw;
    if (!draw) return;
    if (this.tool !== 'select') {
      this.tool = 'select';
      this.mergeFrom = null;
      draw.setMode('select');
      this.clearHint();
    } else if (this.selectedTd) {
      draw.deselectFeature(this.selectedTd);
      this.selectedTd = null;
    }
    this.emitState();
  }

  /** Delete: the selected part's vertex under the pointer, else the selected part itself. */
  deleteSelected(): void {
    const layer = this.layer();
    const sel = this.selectedTd && parseTdId(this.selectedTd);
    if (!layer || !sel) return;
    const f = layer.features.find((x) => x.id === sel.featureId);
    const ring = f && polygonsOf(f.geometry)[sel.poly]?.[0];
    if (!f || !ring) return;
    if (this.pointer) {
      const p = this.pointer;
      const open = openRing(ring);
      const near = open.findIndex((q) => {
        const s = this.toScreen(q);
        return Math.hypot(s.x - p.x, s.y - p.y) <= SNAP_PX;
      });
      if (near >= 0) {
        this.applyVertexEdit(layer, { kind: 'delete', v: open[near]! });
        return;
      }
    }
    this.selectedTd = null;
    this.events.change(
      layer.id,
      layer.features.filter((x) => x !== f),
    );
    this.events.message(
      msg(
        'done',
        'part-deleted',
        '已删除所选分区（Ctrl+Z 可撤销）。',
        'The selected part was deleted (Ctrl+Z undoes it).',
      ),
    );
  }

  get state(): EditState {
    return {
      tool: this.tool,
      selected: parseTdId(this.selectedTd)?.featureId ?? null,
      snapping: !this.altHeld,
    };
  }

  // ---- terra-draw's store follows the project ---------------------------------------------

  /** Loads the zone parts' outer rings into terra-draw, updating only what changed. */
  private sync(): void {
    const draw = this.draw;
    const layer = this.layer();
    if (!draw) return;
    const want = new Map<string, Position[]>();
    for (const f of layer?.features ?? [])
      polygonsOf(f.geometry).forEach((p, k) => {
        if (p[0] && f.id !== undefined) want.set(tdId(f.id, k), p[0]);
      });
    const gone = [...this.loaded.keys()].filter((id) => !want.has(id));
    if (gone.length) {
      if (this.selectedTd && gone.includes(this.selectedTd)) this.selectedTd = null;
      draw.removeFeatures(gone.filter((id) => draw.hasFeature(id)));
    }
    const add: GeoJSONStoreFeatures[] = [];
    for (const [id, ring] of want) {
      const before = this.loaded.get(id);
      if (before === ring) continue;
      const geometry = { type: 'Polygon' as const, coordinates: [ring.map((p) => [p[0]!, p[1]!])] };
      if (before && draw.hasFeature(id)) draw.updateFeatureGeometry(id, geometry);
      else add.push({ id, type: 'Feature', geometry, properties: { mode: 'polygon' } });
    }
    if (add.length) {
      const results = draw.addFeatures(add);
      results.forEach((r, i) => {
        if (!r.valid) want.delete(String(add[i]!.id));
      });
    }
    this.loaded = want;
    this.snapIndex = null;
  }

  // ---- snapping ----------------------------------------------------------------------------

  private toScreen = (p: Position) => this.ctx.map.project([p[0]!, p[1]!]);
  private toLonLat = (p: { x: number; y: number }): [number, number] => {
    const l = this.ctx.map.unproject([p.x, p.y]);
    return [l.lng, l.lat];
  };

  private index(): SnapIndex {
    const project = this.ctx.project();
    if (!this.snapIndex || this.snapIndexFor !== project) {
      const layers = (project?.layers ?? []).filter((l) => SNAP_ROLES.has(l.role) && this.ctx.visible(l.id));
      this.snapIndex = new SnapIndex(layers);
      this.snapIndexFor = project;
    }
    return this.snapIndex;
  }

  private snapFor(e: TerraDrawMouseEvent, c: SnappableContext): Position | undefined {
    if (this.altHeld || e.heldKeys.includes('Alt')) {
      this.lastSnap = null;
      this.clearHint();
      return undefined;
    }
    // the dragged vertex and every copy of it in other parts move with the pointer: not targets
    const exclude: Position[] = [];
    const at = parseTdId(c.currentId);
    if (at && c.currentCoordinate !== undefined) {
      const ring = this.loaded.get(String(c.currentId));
      const v = ring?.[c.currentCoordinate];
      if (v) exclude.push(v);
    }
    const s = this.index().snap(
      { x: e.containerX, y: e.containerY },
      SNAP_PX,
      this.toScreen,
      this.toLonLat,
      exclude,
    );
    this.lastSnap = s;
    this.showHint(s, { x: e.containerX, y: e.containerY });
    return s ? [s.at[0]!, s.at[1]!] : undefined;
  }

  private addHint(): void {
    const map = this.ctx.map;
    if (map.getSource(HINT)) return;
    map.addSource(HINT, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: `${HINT}-edge`,
      type: 'line',
      source: HINT,
      filter: ['==', ['get', 'kind'], 'edge'],
      paint: { 'line-color': '#ff00aa', 'line-width': 5, 'line-opacity': 0.85 },
    });
    map.addLayer({
      id: `${HINT}-reach`,
      type: 'circle',
      source: HINT,
      filter: ['==', ['get', 'kind'], 'reach'],
      paint: {
        'circle-radius': SNAP_PX,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#ff00aa',
        'circle-stroke-width': 1,
        'circle-stroke-opacity': 0.7,
      },
    });
    map.addLayer({
      id: `${HINT}-point`,
      type: 'circle',
      source: HINT,
      filter: ['==', ['get', 'kind'], 'target'],
      paint: {
        'circle-radius': 7,
        'circle-color': ['match', ['get', 'snap'], 'vertex', '#ff00aa', '#ff9800'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
  }

  private removeHint(): void {
    const map = this.ctx.map;
    for (const id of [`${HINT}-edge`, `${HINT}-reach`, `${HINT}-point`])
      if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(HINT)) map.removeSource(HINT);
  }

  private clearHint(): void {
    this.ctx.setSourceData(HINT, { type: 'FeatureCollection', features: [] });
  }

  /** The snapping hint: the reach around the pointer, the target and the edge it lies on. */
  private showHint(s: SnapHit | null, pointer: { x: number; y: number }): void {
    const features: GeoJSON.Feature[] = [
      {
        type: 'Feature',
        properties: { kind: 'reach' },
        geometry: { type: 'Point', coordinates: this.toLonLat(pointer) },
      },
    ];
    if (s) {
      features.push({
        type: 'Feature',
        properties: { kind: 'target', snap: s.kind },
        geometry: { type: 'Point', coordinates: s.at },
      });
      if (s.edge)
        features.push({
          type: 'Feature',
          properties: { kind: 'edge' },
          geometry: { type: 'LineString', coordinates: s.edge },
        });
    }
    this.ctx.setSourceData(HINT, { type: 'FeatureCollection', features });
    // above terra-draw's own layers and anything added since
    const map = this.ctx.map;
    for (const id of [`${HINT}-edge`, `${HINT}-reach`, `${HINT}-point`])
      if (map.getLayer(id)) map.moveLayer(id);
  }

  // ---- finished edits ----------------------------------------------------------------------

  private selected(id: string): void {
    if (this.tool === 'merge' && this.mergeFrom && id !== this.mergeFrom) {
      const from = this.mergeFrom;
      this.tool = 'select';
      this.mergeFrom = null;
      this.merge(from, id);
      this.selectedTd = id;
      this.emitState();
      return;
    }
    this.selectedTd = parseTdId(id) ? id : null;
    this.emitState();
  }

  private emitState(): void {
    this.events.state(this.state);
  }

  private finished(id: string, mode: string, action: string): void {
    const layer = this.layer();
    const draw = this.draw;
    if (!layer || !draw) return;
    const snapped = this.lastSnap;
    this.lastSnap = null;
    this.clearHint();
    if (mode === 'select') {
      if (action === 'dragCoordinate' || action === 'insertMidpoint' || action === 'deleteCoordinate')
        this.vertexEdited(layer, id, snapped);
      return;
    }
    // a drawn outline or line is a tool's input, not a feature: it leaves terra-draw's store
    const drawn = draw.getSnapshotFeature(id);
    if (draw.hasFeature(id)) draw.removeFeatures([id]);
    const tool = this.tool;
    this.tool = 'select';
    draw.setMode('select');
    if (this.selectedTd && draw.hasFeature(this.selectedTd)) draw.selectFeature(this.selectedTd);
    this.emitState();
    if (!drawn) return;
    const g = drawn.geometry;
    if (g.type === 'Polygon' && (tool === 'draw-part' || tool === 'cut-hole')) {
      const ring = g.coordinates[0]!;
      if (tool === 'draw-part') this.addPart(layer, ring);
      else this.cut(layer, ring);
    } else if (g.type === 'LineString' && (tool === 'split' || tool === 'reshape'))
      this.lineEdit(layer, tool, g.coordinates);
  }

  /** Runs an edit step; one that throws changes nothing, puts the shapes back and says why. */
  private guarded(f: () => void): void {
    try {
      f();
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      try {
        this.reverted();
      } catch {
        // the editor's store could not be reset: the project itself is unchanged
      }
      this.events.message(
        msg(
          'refused',
          'edit-failed',
          `编辑失败，未保存：${text}`,
          `The edit failed and was not kept: ${text}`,
        ),
      );
    }
  }

  private reverted(): void {
    // terra-draw shows what was dragged: put the stored rings back
    this.loaded = new Map([...this.loaded].map(([k]) => [k, [] as Position[]]));
    this.sync();
  }

  private refuse(m: EditMessage): void {
    this.reverted();
    this.events.message(m);
  }

  private vertexEdited(layer: ProjectLayer, id: string, snapped: Snapped | null): void {
    const at = parseTdId(id);
    const f = at && layer.features.find((x) => x.id === at.featureId);
    const before = f && polygonsOf(f.geometry)[at.poly]?.[0];
    const after = this.draw?.getSnapshotFeature(id)?.geometry;
    if (!before || !after || after.type !== 'Polygon') return;
    const exact = restoreExact(after.coordinates[0]!, snapped ? [...before, snapped.at] : before);
    const edit = diffRing(before, exact);
    if (!edit) {
      this.refuse(
        msg(
          'refused',
          'unsupported-edit',
          '无法识别此次编辑，未保存。',
          'This edit could not be read; it was not kept.',
        ),
      );
      return;
    }
    this.applyVertexEdit(layer, edit);
  }

  /** A vertex moved, inserted or deleted in every part that has it; refused when a part turns invalid. */
  private applyVertexEdit(layer: ProjectLayer, edit: RingEdit): void {
    const before = layer.features.map((f) => f.geometry);
    const after = applyShared(before, edit);
    const features = layer.features.map((f, i) => (after[i] === before[i] ? f : withGeometry(f, after[i]!)));
    this.commit(layer, features, before.filter((g, i) => g !== after[i]).length > 1 ? 'shared' : 'vertex');
  }

  private commit(layer: ProjectLayer, features: Feature[], what: string): void {
    for (const f of features) {
      if (layer.features.includes(f)) continue;
      const refusal = editRefusal(f.geometry);
      if (refusal) {
        this.refuse(msg('refused', refusal.code, refusal.zh, refusal.en));
        return;
      }
    }
    this.events.change(layer.id, features);
    if (what === 'shared')
      this.events.message(
        msg(
          'done',
          'shared-moved',
          '共用顶点已在所有相邻分区中同步移动。',
          'The shared vertex moved in every part that has it.',
        ),
      );
  }

  private selectedPart(layer: ProjectLayer): { f: Feature; poly: number } | null {
    const at = parseTdId(this.selectedTd);
    const f = at && layer.features.find((x) => x.id === at.featureId);
    return f && at ? { f, poly: at.poly } : null;
  }

  private addPart(layer: ProjectLayer, ring: Position[]): void {
    const sel = this.selectedPart(layer);
    const feature: Feature = {
      type: 'Feature',
      id: freshId(layer.features),
      // a new part is of the selected part's kind (its category and names), else bare
      properties: sel ? { ...sel.f.properties } : {},
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    this.commit(layer, [...layer.features, feature], 'add');
  }

  private cut(layer: ProjectLayer, ring: Position[]): void {
    const sel = this.selectedPart(layer);
    if (!sel) return;
    const r = cutHole(sel.f.geometry, ring);
    if (!r.ok) {
      this.refuse(
        msg(
          'refused',
          r.reason,
          '挖洞失败：所画范围覆盖了整个分区或无法计算。',
          'The cut failed: the outline covers the whole part or could not be computed.',
        ),
      );
      return;
    }
    this.commit(
      layer,
      layer.features.map((f) => (f === sel.f ? withGeometry(f, r.geometry) : f)),
      'cut',
    );
  }

  private lineEdit(layer: ProjectLayer, tool: 'split' | 'reshape', line: Position[]): void {
    const sel = this.selectedPart(layer);
    if (!sel) return;
    const polys = polygonsOf(sel.f.geometry);
    const polygon = polys[sel.poly];
    if (!polygon) return;
    const r = tool === 'split' ? splitPolygon(polygon, line) : reshapePolygon(polygon, line);
    if (!r.ok) {
      this.refuse(LINE_FAILURE[r.reason]);
      return;
    }
    const [first, ...rest] = r.pieces;
    const own = polygonGeometry(polys.map((p, k) => (k === sel.poly ? first! : p)));
    const taken = new Set<string>();
    const added: Feature[] = rest.map((p) => ({
      type: 'Feature',
      id: freshId(layer.features, taken),
      properties: { ...sel.f.properties },
      geometry: { type: 'Polygon', coordinates: p },
    }));
    let features = layer.features.map((f) => (f === sel.f ? withGeometry(f, own) : f));
    if (tool === 'split') features = withCrossingsShared(features, sel.f, polygon[0]!, r.pieces);
    this.commit(layer, [...features, ...added], tool);
  }

  private merge(fromTd: string, intoTd: string): void {
    const layer = this.layer();
    const a = parseTdId(fromTd);
    const b = parseTdId(intoTd);
    const fa = a && layer?.features.find((x) => x.id === a.featureId);
    const fb = b && layer?.features.find((x) => x.id === b.featureId);
    if (!layer || !fa || !fb || fa === fb) {
      this.events.message(
        msg('refused', 'merge-same', '请点击另一个分区进行合并。', 'Click another part to merge with.'),
      );
      return;
    }
    const r = mergeParts(fa.geometry, fb.geometry);
    if (!r.ok) {
      this.refuse(
        msg(
          'refused',
          r.reason,
          '合并失败：无法计算两个分区的并集。',
          'The merge failed: the union of the two parts could not be computed.',
        ),
      );
      return;
    }
    this.commit(
      layer,
      layer.features.filter((f) => f !== fb).map((f) => (f === fa ? withGeometry(f, r.geometry) : f)),
      'merge',
    );
  }
}

/**
 * The points where a split line crossed the part's outline, inserted into the neighbouring parts
 * that share the crossed edge, so a later move of such a point moves them too.
 */
function withCrossingsShared(
  features: Feature[],
  part: Feature,
  outerBefore: Position[],
  pieces: Position[][][],
): Feature[] {
  const old = openRing(outerBefore);
  const inserts: RingEdit[] = [];
  for (const piece of pieces)
    for (const p of openRing(piece[0]!)) {
      if (old.some((q) => samePos(q, p)) || inserts.some((e) => e.kind === 'insert' && samePos(e.p, p)))
        continue;
      for (let i = 0; i < old.length; i++) {
        const a = old[i]!;
        const b = old[(i + 1) % old.length]!;
        if (onSegment(p, a, b)) {
          inserts.push({ kind: 'insert', a, b, p });
          break;
        }
      }
    }
  let out = features;
  for (const e of inserts) {
    const geoms = applyShared(
      out.map((f) => (f.id === part.id ? null : f.geometry)),
      e,
    );
    out = out.map((f, i) => (f.id === part.id || geoms[i] === f.geometry ? f : withGeometry(f, geoms[i]!)));
  }
  return out;
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  const cross = (b[0]! - a[0]!) * (p[1]! - a[1]!) - (b[1]! - a[1]!) * (p[0]! - a[0]!);
  const len = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
  if (len === 0 || Math.abs(cross) / len > 1e-12) return false;
  const t = ((p[0]! - a[0]!) * (b[0]! - a[0]!) + (p[1]! - a[1]!) * (b[1]! - a[1]!)) / (len * len);
  return t > 0 && t < 1;
}
