// The part of @maplibre/maplibre-gl-compare 0.5 the review uses (the package ships no types).
declare module '@maplibre/maplibre-gl-compare' {
  import type { Map } from 'maplibre-gl';
  export default class Compare {
    constructor(
      a: Map,
      b: Map,
      container: HTMLElement | string,
      options?: { orientation?: 'vertical' | 'horizontal'; mousemove?: boolean },
    );
    currentPosition: number;
    setSlider(x: number): void;
    on(type: 'slideend', fn: (e: { currentPosition: number }) => void): this;
    off(type: 'slideend', fn: (e: { currentPosition: number }) => void): this;
    remove(): void;
  }
}
