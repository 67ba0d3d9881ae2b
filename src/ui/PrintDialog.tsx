import './words-print.ts';
import { useState } from 'react';
import type { Slide } from '../core/presentation.ts';
import type { PrintView } from '../map/print.ts';
import { printTarget } from '../map/print-target.ts';
import { useAppState } from '../state/store.ts';
import { download } from './download.ts';
import { fillMessage } from './i18n.ts';
import { useT } from './i18n-context.ts';

type Format = 'pdf' | 'png2' | 'png4';
type Pages = 'view' | 'slides';

/** A slide as a print view: its camera, and its layers (or the map's, when it names none). */
function slideViews(
  project: { layers: { id: string }[]; presentation?: { slides: Slide[] } },
  visibility: Record<string, boolean>,
): PrintView[] {
  return (project.presentation?.slides ?? []).map((slide) => {
    const visible: Record<string, boolean> = {};
    for (const l of project.layers)
      visible[l.id] = slide.layers ? slide.layers.includes(l.id) : (visibility[l.id] ?? true);
    return { title: slide.title, camera: slide.camera, visible };
  });
}

/** The source line of a sheet: the manifest's `source` when it has one, else the project's layers. */
function defaultSource(
  project: { name: string; layers: unknown[]; extra?: Record<string, unknown> },
  text: string,
) {
  const given = project.extra?.source;
  if (typeof given === 'string' && given.trim()) return given.trim();
  return fillMessage(text, { name: project.name, count: project.layers.length });
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function PrintDialog({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const project = useAppState((s) => s.project);
  const method = useAppState((s) => s.areaMethod);
  const [format, setFormat] = useState<Format>('pdf');
  const [pages, setPages] = useState<Pages>('view');
  const visibility = useAppState((s) => s.visibility);
  const [paper, setPaper] = useState<'A4' | 'A3'>('A4');
  const [orientation, setOrientation] = useState<'landscape' | 'portrait'>('landscape');
  const [title, setTitle] = useState(() =>
    fillMessage(t('printDefaultTitle'), { name: project?.name ?? '' }),
  );
  const [source, setSource] = useState(() =>
    project ? defaultSource(project, t('printSourceDefault')) : '',
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!project) return null;

  const run = async () => {
    const target = printTarget();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const print = await import('../map/print.ts');
      const base = title.trim() || project.name;
      const slides = pages === 'slides' ? slideViews(project, visibility) : [];
      if (format === 'pdf') {
        const views = slides.length ? slides : [{ title: base }];
        const bytes = await print.exportPdf(target, views, {
          paper,
          orientation,
          date: today(),
          source,
          areaMethod: t(method),
          crs: 'CGCS2000 (EPSG:4490)',
          words: {
            legend: t('legend'),
            scale: t('sheetScale'),
            date: t('sheetDate'),
            source: t('printSource'),
            areaMethod: t('sheetAreaMethod'),
            crs: t('sheetCrs'),
          },
        });
        download(bytes, `${base}-${paper}-${orientation}.pdf`, 'application/pdf');
      } else if (slides.length) {
        // one PNG per slide, numbered, in one zip
        const ratio = format === 'png4' ? 4 : 2;
        const files: [string, Uint8Array][] = [];
        for (const [i, view] of slides.entries()) {
          const blob = await print.exportPng(target, ratio, view);
          const name = `${String(i + 1).padStart(2, '0')}-${view.title.replace(/[\\/:*?"<>|]/g, '_')}@${ratio}x.png`;
          files.push([name, new Uint8Array(await blob.arrayBuffer())]);
        }
        const { zipFiles } = await import('../io/zip.ts');
        download(await zipFiles(files, 0), `${base}-slides@${ratio}x.zip`, 'application/zip');
      } else {
        const ratio = format === 'png4' ? 4 : 2;
        const blob = await print.exportPng(target, ratio);
        download(new Uint8Array(await blob.arrayBuffer()), `${base}@${ratio}x.png`, 'image/png');
      }
      onClose();
    } catch (e) {
      setError(t('printFailed') + (e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="print-dialog">
      <div className="modal">
        <h2>{t('printTitle')}</h2>
        <div className="form-grid">
          <label>{t('printFormat')}</label>
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
            data-testid="print-format"
          >
            <option value="pdf">{t('printPdf')}</option>
            <option value="png2">{t('printPng2')}</option>
            <option value="png4">{t('printPng4')}</option>
          </select>
          {(project.presentation?.slides.length ?? 0) > 0 && (
            <>
              <label>{t('printPages')}</label>
              <select
                value={pages}
                onChange={(e) => setPages(e.target.value as Pages)}
                data-testid="print-pages"
              >
                <option value="view">{t('printPagesView')}</option>
                <option value="slides">
                  {fillMessage(t('printPagesSlides'), { count: project.presentation?.slides.length ?? 0 })}
                </option>
              </select>
            </>
          )}
          <label>{t('printSheetTitle')}</label>
          <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="print-title" />
          {format === 'pdf' && (
            <>
              <label>{t('printPaper')}</label>
              <select
                value={paper}
                onChange={(e) => setPaper(e.target.value as 'A4' | 'A3')}
                data-testid="print-paper"
              >
                <option value="A4">A4</option>
                <option value="A3">A3</option>
              </select>
              <label>{t('printOrientation')}</label>
              <select
                value={orientation}
                onChange={(e) => setOrientation(e.target.value as 'landscape' | 'portrait')}
                data-testid="print-orientation"
              >
                <option value="landscape">{t('printLandscape')}</option>
                <option value="portrait">{t('printPortrait')}</option>
              </select>
              <label>{t('printSource')}</label>
              <input value={source} onChange={(e) => setSource(e.target.value)} data-testid="print-source" />
            </>
          )}
        </div>
        {busy && <p className="muted">{t('printBusy')}</p>}
        {error && (
          <p className="error" data-testid="print-error">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button onClick={onClose}>{t('close')}</button>
          <button className="primary" disabled={busy} onClick={() => void run()} data-testid="print-run">
            {t('printRun')}
          </button>
        </div>
      </div>
    </div>
  );
}
