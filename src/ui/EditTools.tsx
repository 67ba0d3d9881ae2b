// The editing toolbar's tools and the edit mode's messages, shown while the boundary is edited:
// loaded when editing starts (EditToolbar.tsx), so the first page carries only the toggle (issue
// 13, item 5). The map's edit mode (map/edit-mode.ts) does the editing; this only switches tools
// and shows what it says. Keys while editing: Delete removes the vertex under the pointer or the
// selected part, Esc leaves the tool; Ctrl+Z / Ctrl+Y stay those of undo-keys.ts.
import './words-edit.ts';
import { useEffect, type RefObject } from 'react';
import type { EditTool } from '../map/edit-mode.ts';
import type { LazyEditMode } from '../map/edit-mode-lazy.ts';
import { redo, undo } from '../state/edit.ts';
import { useEditSession } from './edit-session.ts';
import { useT } from './i18n-context.ts';
import type { MessageKey } from './i18n.ts';

const TOOLS: [EditTool, MessageKey][] = [
  ['select', 'editSelect'],
  ['draw-part', 'editDrawPart'],
  ['cut-hole', 'editCutHole'],
  ['split', 'editSplit'],
  ['merge', 'editMerge'],
  ['reshape', 'editReshape'],
];

function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable);
}

export function EditTools({ edit }: { edit: RefObject<LazyEditMode | null> }) {
  const { t, lang } = useT();
  const state = useEditSession((s) => s.state);
  const message = useEditSession((s) => s.message);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inTextField(e.target)) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        edit.current?.deleteSelected();
      } else if (e.key === 'Escape') {
        edit.current?.escape();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [edit]);

  return (
    <>
      <div
        role="toolbar"
        aria-label={t('editToolbar')}
        className="edit-tools"
        data-testid="edit-tools"
        data-tool={state.tool}
        data-selected={state.selected === null ? '' : String(state.selected)}
      >
        {TOOLS.map(([tool, key]) => (
          <button
            key={tool}
            type="button"
            data-tool={tool}
            aria-pressed={state.tool === tool}
            className={state.tool === tool ? 'on' : undefined}
            onClick={() => edit.current?.setTool(tool)}
          >
            {t(key)}
          </button>
        ))}
        <button type="button" data-tool="delete" onClick={() => edit.current?.deleteSelected()}>
          {t('editDelete')}
        </button>
        <button type="button" onClick={() => undo()} title="Ctrl+Z">
          {t('editUndo')}
        </button>
        <button type="button" onClick={() => redo()} title="Ctrl+Y">
          {t('editRedo')}
        </button>
        <span className="muted edit-snap" data-testid="edit-snapping" data-on={state.snapping}>
          {t('editSnapping')} · {t('editSnapOff')}
        </span>
      </div>
      {message && (
        <p
          className={message.kind === 'refused' ? 'edit-message refused' : 'edit-message'}
          data-testid="edit-message"
          data-kind={message.kind}
          data-code={message.code}
          role={message.kind === 'refused' ? 'alert' : 'status'}
        >
          {lang === 'zh' ? message.zh : message.en}
        </p>
      )}
    </>
  );
}
