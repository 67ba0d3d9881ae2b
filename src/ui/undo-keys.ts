// Ctrl+Z undoes the last command, Ctrl+Y and Ctrl+Shift+Z redo it (⌘ on a Mac). A text field keeps
// its own undo: the keys pass through while one has the focus.
import { useEffect } from 'react';
import { redo, undo } from '../state/edit.ts';

export function undoKeyAction(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

export function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) {
        // A checkbox or a slider has no undo of its own: the project's undo applies there too.
        const type = (target as HTMLInputElement).type;
        if (!(target.tagName === 'INPUT' && (type === 'checkbox' || type === 'range'))) return;
      }
      const action = undoKeyAction(e);
      if (!action) return;
      e.preventDefault();
      if (action === 'undo') undo();
      else redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
