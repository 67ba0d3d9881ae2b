// The undo history as read back from IndexedDB: an import's entry names the layer's own record
// instead of holding its features a second time (persist.ts's writer); here those names become the
// project's layers again. Loaded with the saved project's checks, not on the first page.
import type { Project, ProjectLayer } from '../core/types.ts';
import { mapCommandLayers } from './commands.ts';
import type { Entry, History } from './history.ts';
import { isSavedRef, type SavedLayerRef } from './persist.ts';

/**
 * The history read back with each layer it names by record (the writer's SavedLayerRef) replaced by
 * that layer of the project as checked, the very object (so the layer is held once again); 'lost'
 * when it names a layer the project does not have (a damaged record was dropped).
 */
export function resolveSavedLayers(history: History, project: Project | null): History | 'lost' {
  let lost = false;
  const resolve = (l: ProjectLayer): ProjectLayer => {
    if (!isSavedRef(l)) return l;
    const layer = project?.layers.find((x) => x.id === (l as SavedLayerRef).savedLayer);
    if (!layer) lost = true;
    return layer ?? l;
  };
  const entries = (list: Entry[]) =>
    list.map((e) => {
      const redo = mapCommandLayers(e.redo, resolve);
      const undo = mapCommandLayers(e.undo, resolve);
      return redo === e.redo && undo === e.undo ? e : { redo, undo };
    });
  const out: History = { past: entries(history.past), future: entries(history.future), open: null };
  return lost ? 'lost' : out;
}
