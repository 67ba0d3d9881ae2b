// A north arrow that turns with the map's bearing; a click turns the map back to north up.
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The arrow's drawing, 28 × 40 units, pointing up: a split head (half filled) over an "N". */
export const NORTH_ARROW_PATHS = {
  left: 'M14 2 L4 30 L14 24 Z',
  right: 'M14 2 L24 30 L14 24 Z',
} as const;

export class NorthArrowControl implements IControl {
  private el = document.createElement('button');
  private svg = document.createElementNS(SVG_NS, 'svg');
  private map?: MapLibreMap;
  private readonly update = () => this.render();

  constructor(title: string) {
    this.el.type = 'button';
    this.el.className = 'maplibregl-ctrl zm-north';
    this.el.title = title;
    this.el.setAttribute('aria-label', title);
    this.el.setAttribute('data-testid', 'north-arrow');
    this.svg.setAttribute('viewBox', '0 0 28 44');
    this.svg.setAttribute('width', '28');
    this.svg.setAttribute('height', '44');
    const left = document.createElementNS(SVG_NS, 'path');
    left.setAttribute('d', NORTH_ARROW_PATHS.left);
    left.setAttribute('fill', '#222');
    const right = document.createElementNS(SVG_NS, 'path');
    right.setAttribute('d', NORTH_ARROW_PATHS.right);
    right.setAttribute('fill', '#fff');
    right.setAttribute('stroke', '#222');
    right.setAttribute('stroke-width', '1.2');
    const n = document.createElementNS(SVG_NS, 'text');
    n.setAttribute('x', '14');
    n.setAttribute('y', '42');
    n.setAttribute('text-anchor', 'middle');
    n.setAttribute('font-size', '12');
    n.setAttribute('font-weight', 'bold');
    n.setAttribute('font-family', 'sans-serif');
    n.textContent = 'N';
    this.svg.append(left, right, n);
    this.el.append(this.svg);
    this.el.addEventListener('click', () => this.map?.easeTo({ bearing: 0, pitch: 0 }));
  }

  setTitle(title: string): void {
    this.el.title = title;
    this.el.setAttribute('aria-label', title);
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    map.on('rotate', this.update);
    this.render();
    return this.el;
  }

  onRemove(): void {
    this.map?.off('rotate', this.update);
    this.el.remove();
    this.map = undefined;
  }

  private render(): void {
    const bearing = this.map?.getBearing() ?? 0;
    this.svg.style.transform = `rotate(${-bearing}deg)`;
    this.el.setAttribute('data-bearing', String(bearing));
  }
}
