// An edited geometry is kept only when it is valid: a self-crossing outline would be measured as
// repaired, not as drawn, so the edit is refused with the validity engine's reason instead.
import type { Geometry } from '../types.ts';
import { polygonsOf } from '../polygons.ts';
import { checkPolygon, withoutRepeatsFlat } from '../validity/index.ts';
import { validityMessage, type ValidityCode } from '../validity/issues.ts';

export interface EditRefusal {
  code: ValidityCode | 'too-few-vertices';
  at: [number, number];
  zh: string;
  en: string;
}

function flatRing(ring: readonly (readonly number[])[]): Float64Array {
  const out = new Float64Array(ring.length * 2);
  ring.forEach((p, i) => {
    out[2 * i] = p[0]!;
    out[2 * i + 1] = p[1]!;
  });
  return withoutRepeatsFlat(out);
}

function firstSentence(text: string, end: string): string {
  const i = text.indexOf(end);
  return i < 0 ? text : text.slice(0, i + end.trimEnd().length);
}

/** Why the edited geometry cannot be kept (its first error), or null when it is valid. */
export function editRefusal(g: Geometry | null): EditRefusal | null {
  for (const polygon of polygonsOf(g)) {
    const rings = polygon.map(flatRing);
    const short = rings.findIndex((r) => r.length < 8);
    if (short >= 0) {
      const p = polygon[short]![0]!;
      const at: [number, number] = [p[0]!, p[1]!];
      return {
        code: 'too-few-vertices',
        at,
        zh: '多边形至少需要 3 个不同的顶点，此次编辑未保存。',
        en: 'A polygon needs at least 3 distinct vertices; the edit was not kept.',
      };
    }
    const error = checkPolygon(rings).find((i) => i.severity === 'error');
    if (error) {
      const at: [number, number] = [error.x, error.y];
      return {
        code: error.code,
        at,
        // the first sentence, what is wrong and where; the rest advises on imported data
        zh: `编辑未保存：${firstSentence(validityMessage(error.code, at, error.count, 'zh'), '。')}`,
        en: `The edit was not kept: ${firstSentence(validityMessage(error.code, at, error.count, 'en'), '. ')}`,
      };
    }
  }
  return null;
}
