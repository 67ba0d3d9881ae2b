// The 图层 and 统计 buttons of a tablet-sized window (shown by styles/layout.css there only): they
// slide the panels in as drawers over the full-width map. A class on <body> says which is open.
import { useState } from 'react';
import { useAppState } from '../state/store.ts';
import { word } from './present/words.ts';

type Side = 'left' | 'right';

export function DrawerToggles() {
  const lang = useAppState((s) => s.lang);
  const [, redraw] = useState(0);
  const toggle = (side: Side) => {
    const b = document.body.classList;
    const open = !b.contains(`drawer-${side}`);
    b.remove('drawer-left', 'drawer-right');
    if (open) b.add(`drawer-${side}`);
    redraw((n) => n + 1);
  };
  const pressed = (side: Side) => document.body.classList.contains(`drawer-${side}`);
  return (
    <>
      <button
        className="drawer-toggle"
        data-testid="toggle-left"
        aria-pressed={pressed('left')}
        onClick={() => toggle('left')}
      >
        ☰ {word(lang, 'layersPanel')}
      </button>
      <button
        className="drawer-toggle"
        data-testid="toggle-right"
        aria-pressed={pressed('right')}
        onClick={() => toggle('right')}
      >
        {word(lang, 'statsPanel')}
      </button>
      <div
        className="drawer-scrim"
        data-testid="drawer-scrim"
        onClick={() => {
          document.body.classList.remove('drawer-left', 'drawer-right');
          redraw((n) => n + 1);
        }}
      />
    </>
  );
}
