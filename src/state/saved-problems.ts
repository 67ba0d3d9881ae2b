// The problems found at import (and at load) are saved with the project, so after a reload the
// problem list still shows what the import dialog listed. Read back, each entry is checked: a
// damaged one is left out and counted (the start says how many, in words), never drawn as is.
import type { Problem } from '../core/types.ts';

export interface CheckedProblems {
  problems: Problem[];
  /** entries that could not be read back (not a problem, or of a layer no longer in the project) */
  dropped: number;
  /** the saved list itself was not a list */
  lost: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || ok(v);
const isString = (x: unknown) => typeof x === 'string';
const isIndex = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
const isLonLat = (x: unknown) =>
  Array.isArray(x) && x.length === 2 && x.every((v) => typeof v === 'number' && Number.isFinite(v));

function problemOf(v: unknown): Problem | null {
  if (!isObject(v)) return null;
  const { code, message, severity, file, layer, feature, name, at, messageEn } = v;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  if (severity !== 'error' && severity !== 'warning') return null;
  if (
    !optional(file, isString) ||
    !optional(layer, isString) ||
    !optional(feature, isIndex) ||
    !optional(name, isString) ||
    !optional(at, isLonLat) ||
    !optional(messageEn, isString)
  )
    return null;
  // only the fields a problem has: nothing else stored in the record comes back with it
  return {
    code,
    message,
    severity,
    ...(file !== undefined ? { file: file as string } : {}),
    ...(layer !== undefined ? { layer: layer as string } : {}),
    ...(feature !== undefined ? { feature: feature as number } : {}),
    ...(name !== undefined ? { name: name as string } : {}),
    ...(at !== undefined ? { at: at as [number, number] } : {}),
    ...(messageEn !== undefined ? { messageEn: messageEn as string } : {}),
  } as Problem;
}

/**
 * The saved problem list, checked: `raw` as read from the project's record (undefined when it was
 * saved before problems were kept), `layerIds` the layers of the project as it was recovered. A
 * problem of a layer that is gone (left out as damaged) goes with it.
 */
export function checkSavedProblems(raw: unknown, layerIds: readonly string[]): CheckedProblems {
  if (raw === undefined) return { problems: [], dropped: 0, lost: false };
  if (!Array.isArray(raw)) return { problems: [], dropped: 0, lost: true };
  const layers = new Set(layerIds);
  const problems: Problem[] = [];
  let dropped = 0;
  for (const v of raw as unknown[]) {
    const p = problemOf(v);
    if (p && (p.layer === undefined || layers.has(p.layer))) problems.push(p);
    else dropped++;
  }
  return { problems, dropped, lost: false };
}

/** The start's notice when saved problems could not all be read back; null when all were. */
export function savedProblemsNotice(c: CheckedProblems): string | null {
  if (c.lost)
    return '导入时发现的问题列表无法读取，已略去；项目本身完好 (the saved list of problems could not be read)';
  if (c.dropped > 0)
    return `保存的问题中有 ${c.dropped} 条无法读取，已略去；项目本身完好 (${c.dropped} saved problems could not be read)`;
  return null;
}
