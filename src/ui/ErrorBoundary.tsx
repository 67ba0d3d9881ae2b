// The last line: a render error shows what happened and the ways out (reload into safe mode, export
// what is saved, discard it) instead of a white page.
import { Component, type ReactNode } from 'react';
import { store } from '../state/store.ts';
import { loadSavedProject } from '../state/persist.ts';
import { markOpening } from '../state/safe-start.ts';
import { words } from './durable-words.ts';
import { downloadProject } from './SaveStatus.tsx';

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(): void {
    // The next start must not draw blindly what may have caused this.
    markOpening();
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const lang = store.get().lang;
    const w = (k: Parameters<typeof words>[1]) => words(lang, k);
    return (
      <div className="crash-screen" data-testid="crash-screen" role="alert">
        <h1>{w('crashTitle')}</h1>
        <p>{w('crashHint')}</p>
        <pre>{error.message.slice(0, 2000)}</pre>
        <div className="modal-actions">
          <button className="primary" onClick={() => location.reload()}>
            {w('reload')}
          </button>
          <button
            onClick={() =>
              void loadSavedProject(Infinity).then((s) => {
                if (s.kind === 'saved' && s.project) return downloadProject(s.project, '-recovered');
              })
            }
          >
            {w('exportSaved')}
          </button>
        </div>
      </div>
    );
  }
}
