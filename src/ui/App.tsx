import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { isSampleId, resetToSample, SAMPLES, startProject } from '../state/load-project.ts';
import { useAppState } from '../state/store.ts';
import { setLang } from '../state/edit.ts';
import { useUndoKeys } from './undo-keys.ts';
import { openReview, useReview } from '../state/review-store.ts';
import { useT } from './i18n-context.ts';
import { ensureLang } from './english.ts';
import { Inspector } from './Inspector.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { MapPane } from './MapPane.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { Toasts } from './Toasts.tsx';
import { PresentControls } from './present/PresentControls.tsx';
import { DrawerToggles } from './DrawerToggles.tsx';

// The readers (Shapefile, KML, CSV) load only when the user imports something.
const ExportDialog = lazy(() => import('./ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));
// Printing (pdf-lib, fontkit, the CJK font) loads only when asked for.
const PrintDialog = lazy(() => import('./PrintDialog.tsx').then((m) => ({ default: m.PrintDialog })));
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));
// Out of the first page too: the statistics wait for the worker's report anyway, the problem list
// shows only when there are problems, safe mode only after a failed start.
const StatsPanel = lazy(() => import('./StatsPanel.tsx').then((m) => ({ default: m.StatsPanel })));
const ProblemList = lazy(() => import('./ProblemList.tsx').then((m) => ({ default: m.ProblemList })));
const SafeMode = lazy(() => import('./SafeMode.tsx').then((m) => ({ default: m.SafeMode })));
// Shows itself only while a zone layer is edited (state/live.ts).
const LivePanel = lazy(() => import('./LivePanel.tsx').then((m) => ({ default: m.LivePanel })));
const ScenarioPanel = lazy(() => import('./ScenarioPanel.tsx').then((m) => ({ default: m.ScenarioPanel })));
const ComparePanel = lazy(() => import('./ComparePanel.tsx').then((m) => ({ default: m.ComparePanel })));
const ReviewPanel = lazy(() => import('./ReviewPanel.tsx').then((m) => ({ default: m.ReviewPanel })));

export function App() {
  const { t, lang } = useT();
  const status = useAppState((s) => s.status);
  const name = useAppState((s) => s.project?.name);
  const selected = useAppState((s) => s.selection !== null);
  // A second tab of the project only looks: nothing it does could be saved.
  const readOnly = useAppState((s) => s.save.state === 'readonly');
  const reviewing = useReview((s) => s.open);
  const [importing, setImporting] = useState<File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [printing, setPrinting] = useState(false);
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
          <span className="project-name" title={name}>
            {name ?? ''}
          </span>
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
        <button
          data-testid="review-toggle"
          aria-pressed={reviewing}
          title={t('reviewHint')}
          onClick={() => openReview(!reviewing)}
        >
          {t('review')}
        </button>
        <PresentControls />
        <button data-testid="export-button" onClick={() => setExporting(true)}>
          {t('export')}
        </button>
        <button data-testid="print-button" onClick={() => setPrinting(true)}>
          {t('print')}
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
          onClick={() => {
            const next = lang === 'zh' ? 'en' : 'zh';
            // English words load apart (english.ts); a failed download leaves the page in zh-CN
            ensureLang(next).then(
              () => setLang(next),
              () => undefined,
            );
          }}
        >
          {t('language')}
        </button>
      </header>
      <aside className="left">
        {status === 'loading' && <p className="muted">{t('loading')}</p>}
        <LayerPanel />
        <Suspense fallback={null}>
          <ScenarioPanel />
        </Suspense>
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
      {printing && (
        <Suspense fallback={null}>
          <PrintDialog onClose={() => setPrinting(false)} />
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
          <ComparePanel />
        </Suspense>
        <Suspense fallback={null}>
          <ProblemList />
        </Suspense>
        <Suspense fallback={null}>
          <LivePanel />
        </Suspense>
        {/* A clicked feature's properties come first, where the eye is; the hint waits below. */}
        {selected && <Inspector />}
        {/* the review reads the report in place of the statistics (one report request at a time) */}
        <Suspense fallback={null}>{reviewing ? <ReviewPanel /> : <StatsPanel />}</Suspense>
        {!selected && <Inspector />}
      </aside>
    </div>
  );
}
