// The slide editor: a drawer listing the presentation's slides. The current view becomes a slide
// (camera, the layers shown, the selected feature highlighted); slides are reordered by dragging
// (or the arrow buttons), retitled, captioned and given figure cards and a chart. Every change
// is one command (set-presentation), so it is undone with Ctrl+Z and saved with the project.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { CARD_LABELS } from '../../core/presentation-cards.ts';
import { CHART_LABELS } from '../../core/presentation-charts.ts';
import {
  addSlide,
  CARD_IDS,
  CHART_IDS,
  isChartId,
  moveSlide,
  removeSlide,
  updateSlide,
  type CardId,
  type Presentation,
  type Slide,
} from '../../core/presentation.ts';
import { fieldText } from '../../core/fields.ts';
import { presenter } from '../../map/present.ts';
import { setPresentation } from '../../state/edit.ts';
import { closeSlideEditor, startPresentation } from '../../state/present.ts';
import { selected } from '../../state/selection.ts';
import { store, useAppState } from '../../state/store.ts';
import './words-show.ts';
import { word } from './words.ts';
import '../../../styles/present.css';

const DEFAULT_CARDS: CardId[] = ['planned_km2', 'built_km2'];

/** The current view as a slide: where the camera is, what is shown, the selected feature. */
function captureSlide(title: string): Omit<Slide, 'title' | 'cards'> & { title: string } {
  const s = store.get();
  const camera = presenter()?.camera() ?? {
    center: [0, 0] as [number, number],
    zoom: 2,
    bearing: 0,
    pitch: 0,
  };
  const layers = (s.project?.layers ?? []).filter((l) => s.visibility[l.id] ?? true).map((l) => l.id);
  const found = selected(s.project, s.selection);
  const name = found ? fieldText(found.layer, found.feature, 'name') : undefined;
  return {
    title,
    camera,
    layers,
    ...(found && name ? { highlight: { layer: found.layer.id, names: [name] } } : {}),
  };
}

function current(): Presentation {
  const s = store.get();
  return s.project?.presentation ?? { title: s.project?.name ?? '', slides: [] };
}

const change = (f: (p: Presentation) => Presentation) => setPresentation(f(current()));

/** A text field that writes once, when it loses focus or on Enter: one undo step per edit. */
function CommitText({
  value,
  onCommit,
  multiline = false,
  label,
  testid,
}: {
  value: string;
  onCommit: (v: string) => void;
  multiline?: boolean;
  label: string;
  testid: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  const props = {
    value: draft ?? value,
    'aria-label': label,
    placeholder: label,
    'data-testid': testid,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
  };
  return multiline ? (
    <textarea rows={2} {...props} />
  ) : (
    <input
      type="text"
      {...props}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

function SlideItem({
  slide,
  index,
  count,
  onDragFrom,
  dragFrom,
}: {
  slide: Slide;
  index: number;
  count: number;
  onDragFrom: (i: number | null) => void;
  dragFrom: number | null;
}) {
  const lang = useAppState((s) => s.lang);
  const [over, setOver] = useState(false);
  const update = (patch: Partial<Slide>) => change((p) => updateSlide(p, index, patch));
  return (
    <li
      className={`slide-item${over ? ' drop-target' : ''}`}
      data-testid="slide-item"
      data-index={index}
      draggable
      onDragStart={(e) => {
        // a drag that starts in a text field selects or moves text, not the slide
        if ((e.target as HTMLElement).closest('input, textarea, select, button')) {
          e.preventDefault();
          return;
        }
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', slide.title);
        onDragFrom(index);
      }}
      onDragEnd={() => onDragFrom(null)}
      onDragOver={(e) => {
        if (dragFrom === null) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        // the slide dragged is the one this editor saw start, not what the drop's text says
        if (dragFrom !== null) change((p) => moveSlide(p, dragFrom, index));
        onDragFrom(null);
      }}
    >
      <div className="slide-item-head">
        <span className="drag-handle" title={word(lang, 'dragHint')} aria-hidden>
          ⠿
        </span>
        <span className="slide-no">{index + 1}</span>
        <CommitText
          value={slide.title}
          label={word(lang, 'slideTitle')}
          testid="slide-title-input"
          onCommit={(title) => update({ title })}
        />
      </div>
      <CommitText
        value={slide.caption ?? ''}
        multiline
        label={word(lang, 'caption')}
        testid="slide-caption-input"
        onCommit={(caption) => update({ caption })}
      />
      <details>
        <summary>
          {word(lang, 'cards')} ({slide.cards.length}) ·{' '}
          {word(lang, 'layersShown', { n: slide.layers?.length ?? '—' })}
        </summary>
        <div className="card-picks">
          {CARD_IDS.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                data-card-pick={id}
                checked={slide.cards.includes(id)}
                onChange={(e) =>
                  update({
                    // kept in the catalogue's order, so the cards read the same on every slide
                    cards: CARD_IDS.filter((c) => (c === id ? e.target.checked : slide.cards.includes(c))),
                  })
                }
              />
              {CARD_LABELS[id][lang]}
            </label>
          ))}
        </div>
      </details>
      <label className="chart-pick">
        {word(lang, 'chart')}{' '}
        <select
          value={slide.chart ?? ''}
          data-testid="slide-chart"
          onChange={(e) => update({ chart: isChartId(e.target.value) ? e.target.value : undefined })}
        >
          <option value="">{word(lang, 'noChart')}</option>
          {CHART_IDS.map((id) => (
            <option key={id} value={id}>
              {CHART_LABELS[id][lang]}
            </option>
          ))}
        </select>
      </label>
      <div className="slide-actions">
        <button
          onClick={() => {
            void presenter()?.show({ camera: slide.camera, visibility: {}, highlight: [] }, 1200);
          }}
        >
          {word(lang, 'goTo')}
        </button>
        <button
          data-testid="slide-recapture"
          onClick={() => {
            const { camera, layers, highlight } = captureSlide(slide.title);
            update({ camera, layers, highlight });
          }}
        >
          {word(lang, 'recapture')}
        </button>
        <button onClick={() => startPresentation(index)}>{word(lang, 'presentFrom')}</button>
        <button
          aria-label={word(lang, 'moveUp')}
          disabled={index === 0}
          onClick={() => change((p) => moveSlide(p, index, index - 1))}
        >
          ↑
        </button>
        <button
          aria-label={word(lang, 'moveDown')}
          disabled={index === count - 1}
          onClick={() => change((p) => moveSlide(p, index, index + 1))}
        >
          ↓
        </button>
        <button
          className="danger"
          data-testid="slide-remove"
          onClick={() => change((p) => removeSlide(p, index))}
        >
          {word(lang, 'remove')}
        </button>
      </div>
    </li>
  );
}

export function SlideEditor() {
  const lang = useAppState((s) => s.lang);
  const presentation = useAppState((s) => s.project?.presentation);
  const projectName = useAppState((s) => s.project?.name ?? '');
  const readOnly = useAppState((s) => s.save.state === 'readonly');
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const slides = presentation?.slides ?? [];
  return createPortal(
    <section className="slide-editor" data-testid="slide-editor" aria-label={word(lang, 'editorTitle')}>
      <header>
        <h2>{word(lang, 'editorTitle')}</h2>
        <button onClick={closeSlideEditor} aria-label={word(lang, 'close')} data-testid="slide-editor-close">
          ×
        </button>
      </header>
      <CommitText
        value={presentation?.title ?? projectName}
        label={word(lang, 'presentationTitle')}
        testid="presentation-title-input"
        onCommit={(title) => change((p) => ({ ...p, title }))}
      />
      <div className="slide-editor-actions">
        <button
          data-testid="capture-slide"
          disabled={readOnly}
          onClick={() =>
            change((p) =>
              addSlide(p, {
                ...captureSlide(word(lang, 'newSlide', { n: p.slides.length + 1 })),
                cards: DEFAULT_CARDS,
              }),
            )
          }
        >
          + {word(lang, 'capture')}
        </button>
        <button disabled={slides.length === 0} onClick={() => startPresentation(0)}>
          ▶ {word(lang, 'present')}
        </button>
      </div>
      <ol className="slide-list">
        {slides.map((slide, i) => (
          <SlideItem
            // the title in the key remounts a retitled item's fields, which then show the new text
            key={`${i}:${slide.title}`}
            slide={slide}
            index={i}
            count={slides.length}
            dragFrom={dragFrom}
            onDragFrom={setDragFrom}
          />
        ))}
      </ol>
    </section>,
    document.body,
  );
}
