// Safe mode: the saved project's layers listed, not drawn, with the choice to open it, export what
// can be saved, or discard it. Shown when the last opening never drew or a record is damaged.
import { useState } from 'react';
import { openRecovered, resetToSample } from '../state/load-project.ts';
import { useAppState } from '../state/store.ts';
import './durable-words-later.ts';
import { useWords } from './durable-words.ts';
import { issueText } from './saved-issue-words.ts';
import { downloadProject } from './SaveStatus.tsx';
import { reasonText } from './SaveTrouble.tsx';

export function SafeMode() {
  const { w, lang } = useWords();
  const safe = useAppState((s) => s.safe);
  const [busy, setBusy] = useState(false);
  if (!safe) return null;
  const p = safe.project;
  return (
    <section className="safe-mode" data-testid="safe-mode" role="alert">
      <h2>{w('safeTitle')}</h2>
      {safe.reason === 'crashed' && <p>{w('safeCrashed')}</p>}
      {safe.reason === 'damaged' && <p>{w('safeDamaged')}</p>}
      {safe.reason === 'unreadable' && safe.error && (
        <p>
          {w('safeUnreadable')}：{reasonText(safe.error.name, safe.error.message, lang)}
        </p>
      )}
      {safe.issues.length > 0 && (
        <ul className="safe-issues" data-testid="safe-issues">
          {safe.issues.slice(0, 50).map((issue, i) => (
            <li key={i}>{issueText(issue, lang)}</li>
          ))}
          {safe.issues.length > 50 && <li>… +{safe.issues.length - 50}</li>}
        </ul>
      )}
      {p ? (
        <>
          <h3>
            {w('safeLayers')} · {p.name}
          </h3>
          <ul className="safe-layers" data-testid="safe-layers">
            {p.layers.map((l) => (
              <li key={l.id} data-safe-layer={l.id}>
                {l.id} <span className="muted">({l.role})</span> · {l.features.length.toLocaleString()}{' '}
                {w('features')}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{w('nothingRecovered')}</p>
      )}
      <div className="modal-actions">
        {p && (
          <>
            <button className="primary" data-testid="safe-open" onClick={() => openRecovered()}>
              {safe.issues.length > 0 ? w('openRecovered') : w('openAnyway')}
            </button>
            <button
              data-testid="safe-export"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void downloadProject(p, safe.issues.length > 0 ? '-recovered' : '').finally(() =>
                  setBusy(false),
                );
              }}
            >
              {w('exportRecovered')}
            </button>
          </>
        )}
        {safe.reason === 'unreadable' && (
          <button className="primary" data-testid="safe-reload" onClick={() => location.reload()}>
            {w('reload')}
          </button>
        )}
        <button
          data-testid="safe-discard"
          onClick={() => {
            if (window.confirm(w('confirmDiscard'))) void resetToSample();
          }}
        >
          {w('discard')}
        </button>
      </div>
    </section>
  );
}
