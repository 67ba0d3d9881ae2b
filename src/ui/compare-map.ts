// The comparison's pieces as the map draws them: each with its label, and the box they fill.
import type { ScenarioComparison } from '../core/compare.ts';
import type { ComparePieceView } from '../map/compare-overlay.ts';
import type { Lang } from './i18n.ts';
import { pieceLabel } from './scenario-words.ts';

export function comparePieces(
  result: ScenarioComparison | undefined,
  lang: Lang,
): { pieces: ComparePieceView[] | null; bbox: [number, number, number, number] | null } {
  if (!result) return { pieces: null, bbox: null };
  const pieces = result.pieces.map((p) => ({
    change: p.change,
    geometry: p.geometry,
    label: pieceLabel(p, lang),
  }));
  let box: [number, number, number, number] | null = null;
  for (const p of result.pieces)
    for (const ring of p.geometry.coordinates)
      for (const [x, y] of ring) {
        if (x === undefined || y === undefined) continue;
        box = box
          ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)]
          : [x, y, x, y];
      }
  return { pieces, bbox: box };
}
