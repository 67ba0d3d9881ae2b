// Refuses values nested deeper than any map data needs. A property nested 10 000 deep is valid
// JSON, but structured clone (postMessage to and from the import worker) and every recursive walk
// overflow the stack on it, so the CLI and the app both refuse it here, by one limit, with a message
// naming the file, the feature and the property. The walk itself is iterative.
import type { Feature } from 'geojson';
import { flatOf } from '../core/flat-coords.ts';
import { errorOf, type IoProblem } from './problem.ts';

/** Levels below a feature; a MultiPolygon position is 6 deep, so this leaves room for any property. */
export const MAX_NESTING = 64;

/**
 * Whether anything below `value` lies deeper than `limit` levels: a recursion at most `limit` deep,
 * allocating nothing, so the common answer (no) costs one pass over the values.
 */
function deeperThan(value: object, limit: number): boolean {
  if (limit < 0) return true;
  if (Array.isArray(value)) {
    if (typeof value[0] === 'number') return false; // a position
    for (const child of value as unknown[])
      if (typeof child === 'object' && child !== null && deeperThan(child, limit - 1)) return true;
    return false;
  }
  const flat = flatOf(value) !== undefined;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key) || (flat && key === 'coordinates')) continue;
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && deeperThan(child, limit - 1)) return true;
  }
  return false;
}

/** The path (keys) to the first value deeper than `limit` below `root`, or undefined. */
export function tooDeepPath(root: unknown, limit = MAX_NESTING): string[] | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  if (!deeperThan(root, limit)) return undefined;
  const stack: { value: object; depth: number; path: string[] }[] = [{ value: root, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (depth > limit) return path;
    // A position (numbers only) ends the descent at once: most of a layer's values are these.
    if (Array.isArray(value) && typeof value[0] === 'number') continue;
    // Flat coordinates (flat-coords.ts) are positions by construction: not built to be walked.
    const flat = flatOf(value) !== undefined;
    for (const key of Object.keys(value)) {
      if (flat && key === 'coordinates') continue;
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null)
        stack.push({ value: child, depth: depth + 1, path: path.length < 2 ? [...path, key] : path });
    }
  }
  return undefined;
}

/** One problem per feature nested too deep (at most `max` listed). */
export function tooDeepProblems(features: readonly Feature[], file?: string, max = 20): IoProblem[] {
  const problems: IoProblem[] = [];
  for (let i = 0; i < features.length && problems.length < max; i++) {
    const path = tooDeepPath(features[i]);
    if (!path) continue;
    // Name the property itself when the depth is in the properties, else the feature member.
    const key = path[0] === 'properties' && path[1] !== undefined ? path[1] : (path[0] ?? '');
    problems.push(
      errorOf(
        'property-too-deep',
        { feature: i, key: key.slice(0, 80), limit: MAX_NESTING },
        { file, feature: i },
      ),
    );
  }
  return problems;
}
