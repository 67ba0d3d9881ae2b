// A "copy link" button among the map's controls. What the link holds and how it reaches the
// clipboard is the page's business: the control only reports the click.
import type * as maplibregl from 'maplibre-gl';

const SVG = 'http://www.w3.org/2000/svg';

// Two chain links, drawn as strokes so the icon follows the control's colour.
function linkIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  for (const d of [
    'M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5',
    'M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5',
  ]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2.2');
    path.setAttribute('stroke-linecap', 'round');
    svg.appendChild(path);
  }
  return svg;
}

export class CopyLinkControl implements maplibregl.IControl {
  private container: HTMLDivElement | undefined;
  private button: HTMLButtonElement | undefined;
  private label = '';

  constructor(private readonly onCopy: () => void) {}

  onAdd(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group zm-copy-link';
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.testid = 'map-copy-link';
    button.appendChild(linkIcon());
    button.addEventListener('click', () => this.onCopy());
    container.appendChild(button);
    this.container = container;
    this.button = button;
    this.setLabel(this.label);
    return container;
  }

  onRemove(): void {
    this.container?.remove();
    this.container = undefined;
    this.button = undefined;
  }

  /** The button's tooltip and accessible name, in the page's language. */
  setLabel(label: string): void {
    this.label = label;
    if (!this.button) return;
    this.button.title = label;
    this.button.setAttribute('aria-label', label);
  }
}

/** Adds the control below the zoom buttons; returns it so its label can follow the language. */
export function addCopyLinkControl(map: maplibregl.Map, onCopy: () => void): CopyLinkControl {
  const control = new CopyLinkControl(onCopy);
  map.addControl(control, 'top-right');
  return control;
}
