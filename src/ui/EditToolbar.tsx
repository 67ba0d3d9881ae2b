// The 编辑边界 (edit boundary) toggle over the map. The tools and the edit mode's messages
// (EditTools.tsx) load when editing starts, so the first page carries only this button.
import { lazy, Suspense, type RefObject } from 'react';
import type { LazyEditMode } from '../map/edit-mode-lazy.ts';
import type { MapView } from '../map/map-view.ts';
import { useAppState } from '../state/store.ts';
import { editSession, useEditSession } from './edit-session.ts';
import { useT } from './i18n-context.ts';

const loadTools = () => import('./EditTools.tsx');
const EditTools = lazy(() => loadTools().then((m) => ({ default: m.EditTools })));

export function EditToolbar({
  view,
  edit,
}: {
  view: RefObject<MapView | null>;
  edit: RefObject<LazyEditMode | null>;
}) {
  const { t } = useT();
  const editing = useEditSession((s) => s.editing);
  const hasZone = useAppState((s) => !!s.project?.layers.some((l) => l.role === 'zone'));
  const readOnly = useAppState((s) => s.status !== 'ready');

  const toggle = async () => {
    const v = view.current;
    if (!v) return;
    const next = !editing;
    // the tools download while the map's edit mode loads (they are small; it is terra-draw)
    const tools = next ? loadTools() : null;
    await v.setMode(next ? 'edit' : 'view');
    await tools?.catch(() => undefined); // if it failed, the lazy component retries and says so
    editSession.set({ editing: next, message: null });
  };

  return (
    <div className="edit-bar" data-testid="edit-bar">
      <button
        type="button"
        className={editing ? 'edit-toggle on' : 'edit-toggle'}
        data-testid="edit-toggle"
        aria-pressed={editing}
        disabled={readOnly || !hasZone}
        title={hasZone ? undefined : t('editNoZone')}
        onClick={() => void toggle()}
      >
        {editing ? t('editDone') : t('editBoundary')}
      </button>
      {editing && (
        <Suspense fallback={null}>
          <EditTools edit={edit} />
        </Suspense>
      )}
    </div>
  );
}
