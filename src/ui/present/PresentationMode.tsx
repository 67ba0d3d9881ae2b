// 汇报演示: the map full screen, one slide at a time, with its title, caption, figure cards and
// chart in large type. Arrow keys, PageUp/PageDown (a presenter's clicker sends these), Space and
// Enter step; Home/End jump; Esc leaves. The camera flies from slide to slide.
import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { cardFigure } from '../../core/presentation-cards.ts';
import { chartData } from '../../core/presentation-charts.ts';
import { highlightedFeatures, type Slide } from '../../core/presentation.ts';
import type { Project } from '../../core/types.ts';
import type { Report } from '../../core/report.ts';
import { presenter, type SlideView } from '../../map/present.ts';
import { gotoSlide, presentState, stopPresentation, usePresentState } from '../../state/present.ts';
import { store, useAppState } from '../../state/store.ts';
import { useReport } from '../../state/use-report.ts';
import { Chart } from '../charts/Chart.tsx';
import './words-show.ts';
import { word } from './words.ts';
import '../../../styles/present.css';

/** How long the camera takes from one slide to the next, ms. */
export const FLIGHT_MS = 2200;

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

function slideView(project: Project, slide: Slide): SlideView {
  const shown = store.get().visibility;
  const visibility: Record<string, boolean> = {};
  for (const l of project.layers)
    visibility[l.id] = slide.layers ? slide.layers.includes(l.id) : (shown[l.id] ?? true);
  return { camera: slide.camera, visibility, highlight: highlightedFeatures(project, slide.highlight) };
}

function FigureCards({ slide, report }: { slide: Slide; report: Report }) {
  const lang = useAppState((s) => s.lang);
  if (slide.cards.length === 0) return null;
  return (
    <div className="figure-cards" data-testid="figure-cards">
      {slide.cards.map((id) => {
        const f = cardFigure(report, id, lang);
        return (
          <div className="figure-card" key={id} data-card={id} data-value={f.value}>
            <div className="card-label">{f.label}</div>
            <div className="card-value">
              <b>{f.text}</b>
              {f.unit && <span className="card-unit"> {f.unit}</span>}
            </div>
            {f.note && <div className="card-note">{f.note}</div>}
          </div>
        );
      })}
    </div>
  );
}

function SlideChart({ slide, report }: { slide: Slide; report: Report }) {
  const lang = useAppState((s) => s.lang);
  const data = useMemo(
    () => (slide.chart ? chartData(report, slide.chart, lang) : null),
    [slide.chart, report, lang],
  );
  if (!data) return null;
  return (
    <div className="slide-chart">
      <Chart
        data={data}
        height={data.kind === 'bar' ? Math.max(300, 90 + 28 * data.categories.length) : 360}
        large
      />
    </div>
  );
}

export function PresentationMode() {
  const index = usePresentState((s) => s.slide) ?? 0;
  const project = useAppState((s) => s.project);
  const lang = useAppState((s) => s.lang);
  const { report } = useReport();
  const presentation = project?.presentation;
  const slides = presentation?.slides ?? [];
  const count = slides.length;
  const slide = slides[index];
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.body.classList.add('presenting');
    const el = document.documentElement;
    let entered = false;
    // Full screen needs the user's gesture; a presentation opened by a link stays in the window.
    if (el.requestFullscreen && !document.fullscreenElement)
      el.requestFullscreen().then(
        () => (entered = true),
        () => {},
      );
    const onFullscreen = () => {
      if (entered && !document.fullscreenElement) stopPresentation();
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    root.current?.focus();
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
      document.body.classList.remove('presenting');
      document.body.removeAttribute('data-slide-shown');
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      presenter()?.end(store.get().visibility);
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const at = presentState.get().slide ?? 0;
      let to: number | null = null;
      if (NEXT.has(e.key)) to = at + 1;
      else if (PREV.has(e.key)) to = at - 1;
      else if (e.key === 'Home') to = 0;
      else if (e.key === 'End') to = count - 1;
      else if (e.key === 'Escape') stopPresentation();
      else return;
      // the map's own keyboard handler would pan with the arrows
      e.preventDefault();
      e.stopPropagation();
      if (to !== null) gotoSlide(to, count);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [count]);

  const first = useRef(true);
  useEffect(() => {
    const p = presenter();
    if (!p || !project || !slide) return;
    let current = true;
    document.body.removeAttribute('data-slide-shown');
    // A viewer who asked the system for less motion gets cuts between slides, not flights.
    const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const duration = still ? 0 : first.current ? FLIGHT_MS / 2 : FLIGHT_MS;
    first.current = false;
    void p
      .show(slideView(project, slide), duration)
      .then(() => p.idle())
      .then(() => {
        if (current) document.body.setAttribute('data-slide-shown', String(index));
      });
    return () => {
      current = false;
    };
    // a new slide, or the project's edit of it (the slide object changes), moves the camera
  }, [project, slide, index]);

  const overlay = (
    <div className="presentation" ref={root} tabIndex={-1} data-testid="presentation" data-slide={index}>
      {slide ? (
        <>
          <header className="slide-head">
            {presentation?.title && <div className="deck-title">{presentation.title}</div>}
            <h2 data-testid="slide-title">{slide.title}</h2>
            {slide.caption && <p className="slide-caption">{slide.caption}</p>}
          </header>
          <aside className="slide-side">
            {report ? (
              <>
                <FigureCards slide={slide} report={report} />
                <SlideChart slide={slide} report={report} />
              </>
            ) : (
              slide.cards.length > 0 && <p className="slide-wait">{word(lang, 'computing')}</p>
            )}
          </aside>
        </>
      ) : (
        <p className="slide-empty">{word(lang, 'noSlides')}</p>
      )}
      <nav className="slide-nav">
        <button
          onClick={() => gotoSlide(index - 1, count)}
          disabled={index <= 0}
          aria-label={word(lang, 'prev')}
        >
          ‹
        </button>
        <span className="slide-counter" data-testid="slide-counter">
          {count > 0 ? `${index + 1} / ${count}` : '0 / 0'}
        </span>
        <button
          onClick={() => gotoSlide(index + 1, count)}
          disabled={index >= count - 1}
          aria-label={word(lang, 'next')}
        >
          ›
        </button>
        <button className="slide-exit" onClick={stopPresentation} data-testid="exit-presentation">
          {word(lang, 'exit')} (Esc)
        </button>
      </nav>
      <div
        className="slide-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={count}
        aria-valuenow={count ? index + 1 : 0}
        aria-label={word(lang, 'counter', { i: index + 1, n: count })}
      >
        <div style={{ width: count ? `${((index + 1) / count) * 100}%` : 0 }} />
      </div>
    </div>
  );
  return createPortal(overlay, document.body);
}
