// Types for polylabel 2 (no published types): the pole of inaccessibility of a polygon.
declare module 'polylabel' {
  /** rings as [x, y] positions, outer ring first; `precision` in the coordinates' units */
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
    debug?: boolean,
  ): [number, number] & { distance: number };
}
