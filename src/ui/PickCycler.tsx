import './words-figures.ts';
import { useEffect } from 'react';
import { stackPosition } from '../state/picks.ts';
import { useAppState } from '../state/store.ts';
import { stepSelection } from '../state/edit.ts';
import { useT } from './i18n-context.ts';

function step(dir: 1 | -1): void {
  stepSelection(dir);
}

/** "◂ 1/3 ▸" in the inspector's header when several features lie under the last click. */
export function PickCycler() {
  const { t } = useT();
  const stack = useAppState((s) => s.pickStack);
  const selection = useAppState((s) => s.selection);
  const pos = stackPosition(stack, selection);
  const shown = !!pos && pos.count > 1;
  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (target?.isContentEditable || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ']') step(1);
      else if (e.key === '[') step(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown]);
  if (!shown) return null;
  return (
    <span className="pick-cycler" data-testid="pick-cycler">
      <button
        className="link"
        aria-label={t('pickPrev')}
        title={`${t('pickPrev')} ([)`}
        onClick={() => step(-1)}
      >
        ◂
      </button>
      <span title={t('pickCount')} data-testid="pick-position">
        {pos.index + 1}/{pos.count}
      </span>
      <button
        className="link"
        aria-label={t('pickNext')}
        title={`${t('pickNext')} (])`}
        data-testid="pick-next"
        onClick={() => step(1)}
      >
        ▸
      </button>
    </span>
  );
}
