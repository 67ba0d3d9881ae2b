// The named changes the UI asks for. Project changes are commands (commands.ts) applied through
// one path that records them for undo (history.ts); the store's listener in load-project.ts saves
// every applied command's project as before. View changes (selection, language) are not undone.
import type { Feature, Problem, ProjectLayer } from '../core/types.ts';
import type { FeatureId } from '../core/feature-ids.ts';
import { CommandError, type Command, type Doc } from './commands.ts';
import * as H from './history.ts';
import { afterClick, stepPick } from './picks.ts';
import { setState, store, type AppState, type Selection } from './store.ts';
import type { Lang } from '../ui/i18n.ts';
import type { Presentation } from '../core/presentation.ts';

function docOf(s: AppState): Doc | null {
  return s.project
    ? { project: s.project, problems: s.problems, visibility: s.visibility, opacity: s.opacity }
    : null;
}

type Step = (h: H.History, doc: Doc) => { history: H.History; doc: Doc };

function step(f: Step): boolean {
  const s = store.get();
  const doc = docOf(s);
  if (!doc) return false;
  let out: ReturnType<Step>;
  try {
    out = f(s.history, doc);
  } catch (e) {
    // A command that no longer fits (its layer went meanwhile) changes nothing and says so.
    if (!(e instanceof CommandError)) throw e;
    setState((st) => ({ notices: [...st.notices, e.message] }));
    return false;
  }
  const { doc: d, history } = out;
  // A selection whose feature went with the change is dropped.
  const sel = s.selection;
  const kept =
    !sel ||
    d.project.layers.some((l) => l.id === sel.layerId && l.features.some((f) => f.id === sel.featureId));
  setState({
    project: d.project,
    problems: d.problems,
    visibility: d.visibility,
    opacity: d.opacity,
    history,
    ...(kept ? {} : { selection: null, pickStack: null }),
  });
  return true;
}

/** The one write path of the project: applies a command and records its inverse. */
export const applyCommand = (cmd: Command): boolean => step((h, doc) => H.apply(h, doc, cmd));
export const undo = (): boolean => step(H.undo);
export const redo = (): boolean => step(H.redo);
/** From here to `endCapture`, every command is one history entry (a slider drag, a vertex drag). */
export const beginCapture = (): void => setState((s) => ({ history: H.begin(s.history) }));
export const endCapture = (): void => setState((s) => ({ history: H.end(s.history) }));

export const setLayerVisible = (layerId: string, visible: boolean) =>
  applyCommand({ kind: 'set-visibility', layerId, visible });
export const setLayerOpacity = (layerId: string, opacity: number) =>
  applyCommand({ kind: 'set-opacity', layerId, opacity });
export const removeLayer = (layerId: string) => applyCommand({ kind: 'remove-layer', layerId });
export const renameLayer = (layerId: string, name: string) =>
  applyCommand({ kind: 'rename-layer', layerId, ...(name.trim() ? { name: name.trim() } : {}) });

/** An imported layer, shown at full opacity, its problems listed. */
export const addImportedLayer = (layer: ProjectLayer, problems: Problem[]) =>
  applyCommand({ kind: 'add-layer', layer, problems, visible: true, opacity: 1 });

/** New data for an existing layer (an import that replaces it): the layer keeps its id and name. */
export const replaceLayerData = (layer: ProjectLayer, problems: Problem[]) =>
  applyCommand({ kind: 'replace-layer', layer, problems });

/** One feature replaced (a repair); the problems it resolves go off the list; a notice says what. */
export function replaceFeature(
  layerId: string,
  featureId: FeatureId,
  feature: Feature,
  resolved: Problem[],
  notice?: string,
): boolean {
  const ok = applyCommand({ kind: 'replace-feature', layerId, featureId, feature, resolved });
  if (ok && notice) setState((s) => ({ notices: [...s.notices, notice] }));
  return ok;
}

/**
 * A map edit of one layer (a vertex drag with the parts sharing it, a split, a merge, a new part):
 * the layer's features as they are to be, applied as one command, so it is one history entry.
 * Features kept keep their ids; only the changed ones are replaced when none came or went.
 */
export function editLayerFeatures(layerId: string, features: Feature[]): boolean {
  const layer = store.get().project?.layers.find((l) => l.id === layerId);
  if (!layer) return false;
  const sameIds =
    features.length === layer.features.length && features.every((f, i) => f.id === layer.features[i]!.id);
  if (!sameIds) return applyCommand({ kind: 'replace-layer', layer: { ...layer, features } });
  const commands: Command[] = features.flatMap((f, i) =>
    f === layer.features[i]
      ? []
      : [{ kind: 'replace-feature' as const, layerId, featureId: f.id!, feature: f }],
  );
  if (commands.length === 0) return false;
  return applyCommand(commands.length === 1 ? commands[0]! : { kind: 'batch', commands });
}

/** Problems taken off the list without a change of the project (a repair that found nothing). */
export function resolveProblems(resolved: Problem[], notice?: string): boolean {
  const ok = applyCommand({
    kind: 'set-problems',
    problems: store.get().problems.filter((p) => !resolved.includes(p)),
  });
  if (ok && notice) setState((s) => ({ notices: [...s.notices, notice] }));
  return ok;
}

// The view: what is selected and shown. Not part of the history.
export const select = (selection: Selection | null): void => setState({ selection });
export const setLang = (lang: Lang): void => setState({ lang });
export const setAreaMethod = (areaMethod: AppState['areaMethod']): void => setState({ areaMethod });
export const focusOn = (bbox: [number, number, number, number]): void =>
  setState((s) => ({ focus: { bbox, seq: (s.focus?.seq ?? 0) + 1 } }));
/** A click on the map that found `items` (most specific first) at `point`. */
export const clickPicks = (items: Selection[], point: { x: number; y: number }): void =>
  setState((s) => afterClick(s.pickStack, s.selection, items, point));
export const stepSelection = (dir: 1 | -1): void =>
  setState((s) => ({ selection: stepPick(s.pickStack, s.selection, dir) }));

/** The presentation replaced as one undoable change (a slide added, moved, retitled …). */
export const setPresentation = (presentation: Presentation | undefined): boolean =>
  applyCommand({ kind: 'set-presentation', ...(presentation ? { presentation } : {}) });
