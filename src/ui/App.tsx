import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { isSampleId, resetToSample, SAMPLES, startProject } from '../state/load-project.ts';
import { useAppState } from '../state/store.ts';
import { setLang } from '../state/edit.ts';
import { useUndoKeys } from './undo-keys.ts';
import { useT } from './i18n-context.ts';
import { Inspector } from './Inspector.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { MapPane } from './MapPane.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { Toasts } from './Toasts.tsx';
import { PresentControls } from './present/PresentControls.tsx';
import { DrawerToggles } from './DrawerToggles.tsx';

// The readers (Shapefile, KML, CSV) load only when the user imports something.
const ExportDialog = lazy(() => import('./ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));
// Out of the first page too: the statistics wait for the worker's report anyway, the problem list
// shows only when there are problems, safe mode only after a failed start.
const StatsPanel = lazy(() => import('./StatsPanel.tsx').then((m) => ({ default: m.StatsPanel })));
const ProblemList = lazy(() => import('./ProblemList.tsx').then((m) => ({ default: m.ProblemList })));
const SafeMode = lazy(() => import('./SafeMode.tsx').then((m) => ({ default: m.SafeMode })));

export function App() {
  const { t, lang } = useT();
  const status = useAppState((s) => s.status);
  const name = useAppState((s) => s.project?.name);
  const selected = useAppState((s) => s.selection !== null);
  // A second tab of the project only looks: nothing it does could be saved.
  const readOnly = useAppState((s) => s.save.state === 'readonly');
  const [importing, setImporting] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const [exporting, setExporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  useUndoKeys();

  useEffect(() => {
    void startProject();
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = name ? `${name} · ${t('appTitle')}` : t('appTitle');
  }, [lang, name, t]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <span className="project-name">{name ?? ''}</span>
          <span className="app-name">{t('appTitle')}</span>
        </h1>
        <SaveStatus />
        <div className="spacer" />
        <DrawerToggles />
        <button
          data-testid="reset-sample"
          disabled={readOnly}
          onClick={() => {
            // The open project may hold the user's imports and repairs: ask before dropping them.
            if (window.confirm(t('confirmReset'))) void resetToSample();
          }}
        >
          {t('resetSample')}
        </button>
        <select
          data-testid="sample-picker"
          disabled={readOnly}
          value=""
          title={t('samplesNote')}
          onChange={(e) => {
            const id = e.target.value;
            if (isSampleId(id) && window.confirm(t('confirmReset'))) void resetToSample(id);
          }}
        >
          <option value="">{t('samples')}</option>
          {SAMPLES.map((s) => (
            <option key={s.id} value={s.id}>
              {lang === 'zh' ? s.zh : s.en} · {t('samplesNote')}
            </option>
          ))}
        </select>
        <button data-testid="open-folder" disabled={readOnly} onClick={() => folderInput.current?.click()}>
          {t('openFolder')}
        </button>
        <input
          ref={folderInput}
          type="file"
          hidden
          data-testid="folder-input"
          {...{ webkitdirectory: '', directory: '' }}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) setImporting(files);
          }}
        />
        <button
          data-testid="import-button"
          disabled={readOnly}
          onClick={() => fileInput.current?.click()}
          title={t('dropHint')}
        >
          {t('importFile')}
        </button>
        <PresentControls />
        <button data-testid="export-button" onClick={() => setExporting(true)}>
          {t('export')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          multiple
          data-testid="import-input"
          accept=".geojson,.json,.zip,.kml,.kmz,.csv"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) setImporting(files);
          }}
        />
        <button
          className="lang"
          data-testid="lang-switch"
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('language')}
        </button>
      </header>
      <aside className="left">
        {status === 'loading' && <p className="muted">{t('loading')}</p>}
        <LayerPanel />
      </aside>
      <main
        className={dragging ? 'center dragging' : 'center'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const files = [...e.dataTransfer.files];
          if (files.length && !readOnly) setImporting(files);
        }}
      >
        {status === 'safe' ? (
          <Suspense fallback={null}>
            <SafeMode />
          </Suspense>
        ) : (
          <MapPane />
        )}
        <Toasts />
        {dragging && <div className="drop-hint">{t('dropHint')}</div>}
      </main>
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog onClose={() => setExporting(false)} />
        </Suspense>
      )}
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog files={importing} onClose={() => setImporting(null)} />
        </Suspense>
      )}
      <aside className="right">
        {status === 'error' && <h2 className="error">{t('loadFailed')}</h2>}
        <Suspense fallback={null}>
          <ProblemList />
        </Suspense>
        {/* A clicked feature's properties come first, where the eye is; the hint waits below. */}
        {selected && <Inspector />}
        <Suspense fallback={null}>
          <StatsPanel />
        </Suspense>
        {!selected && <Inspector />}
      </aside>
    </div>
  );
}
