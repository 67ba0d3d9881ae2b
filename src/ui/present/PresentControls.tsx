// The topbar's 汇报演示 and 幻灯片 buttons. The presentation and the slide editor (and ECharts with
// them) load only when opened; `?mode=present` in the page's link starts the presentation.
import { lazy, Suspense, useEffect } from 'react';
import { readMode } from '../../state/link.ts';
import { openSlideEditor, startPresentation, usePresentState } from '../../state/present.ts';
import { useAppState } from '../../state/store.ts';
import { word } from './words.ts';

const PresentationMode = lazy(() =>
  import('./PresentationMode.tsx').then((m) => ({ default: m.PresentationMode })),
);
const SlideEditor = lazy(() => import('./SlideEditor.tsx').then((m) => ({ default: m.SlideEditor })));

let linkFollowed = false;

export function PresentControls() {
  const lang = useAppState((s) => s.lang);
  const ready = useAppState((s) => s.status === 'ready');
  const slide = usePresentState((s) => s.slide);
  const editing = usePresentState((s) => s.editing);

  useEffect(() => {
    if (!ready || linkFollowed) return;
    linkFollowed = true;
    const mode = readMode(location.search);
    if (mode.kind === 'ok' && mode.mode === 'present') {
      const n = Number(new URLSearchParams(location.search).get('slide') ?? '1');
      startPresentation(Number.isInteger(n) && n > 0 ? n - 1 : 0);
    }
  }, [ready]);

  return (
    <>
      <button
        data-testid="present-button"
        disabled={!ready}
        title={word(lang, 'presentHint')}
        onClick={() => startPresentation(0)}
      >
        ▶ {word(lang, 'present')}
      </button>
      <button
        data-testid="slides-button"
        disabled={!ready}
        title={word(lang, 'slidesHint')}
        onClick={openSlideEditor}
      >
        {word(lang, 'slides')}
      </button>
      <Suspense fallback={null}>
        {slide !== null && <PresentationMode />}
        {editing && slide === null && <SlideEditor />}
      </Suspense>
    </>
  );
}
