// The 图层 and 统计 buttons: on a tablet they slide the panels in as drawers over a full-width map;
// at the desk they fold a panel away to give the map room. A class on <body> says which.
import { useState } from 'react';
import { useAppState } from '../state/store.ts';
import { word } from './present/words.ts';

type Side = 'left' | 'right';

const tablet = () => window.matchMedia('(max-width: 1100px)').matches;

export function DrawerToggles() {
  const lang = useAppState((s) => s.lang);
  const [, redraw] = useState(0);
  const toggle = (side: Side) => {
    const b = document.body.classList;
    if (tablet()) {
      const open = !b.contains(`drawer-${side}`);
      b.remove('drawer-left', 'drawer-right');
      if (open) b.add(`drawer-${side}`);
    } else b.toggle(`collapse-${side}`);
    // the map fills what the panel left
    window.dispatchEvent(new Event('resize'));
    redraw((n) => n + 1);
  };
  const pressed = (side: Side) => {
    const b = document.body.classList;
    return tablet() ? b.contains(`drawer-${side}`) : !b.contains(`collapse-${side}`);
  };
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
