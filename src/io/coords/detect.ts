// Recognises what the numbers in a file are: longitude/latitude, latitude/longitude (swapped), or
// Gauss-Kruger metres, and proposes the CRS (domain.md: an 8-digit easting carries the zone number).
import type { Feature, Geometry, Position } from 'geojson';
import { eachFlatPosition, flatOf } from '../../core/flat-coords.ts';
import { gaussKrugerCode, gk3ZoneForLon, resolveCrs } from '../../core/crs.ts';

export interface CrsProposal {
  code: string;
  label: { zh: string; en: string };
  /** why this one, in a few words */
  reason: { zh: string; en: string };
}

export type CoordinateVerdict =
  | { kind: 'geographic' }
  | { kind: 'empty' }
  | { kind: 'swapped'; sample: Position; feature: number }
  | { kind: 'out-of-range'; sample: Position; feature: number }
  | { kind: 'projected'; sample: Position; feature: number; swapped: boolean; proposals: CrsProposal[] };

/** Calls `visit` with every position of a geometry, stopping when it returns false. */
export function eachPosition(
  g: Geometry | null | undefined,
  visit: (p: Position) => boolean | void,
): boolean {
  if (!g) return true;
  const flat = flatOf(g);
  if (flat) return eachFlatPosition(flat, (x, y) => visit([x, y]));
  if (g.type === 'GeometryCollection') {
    for (const part of g.geometries ?? []) if (!eachPosition(part, visit)) return false;
    return true;
  }
  const walk = (c: unknown): boolean => {
    if (!Array.isArray(c) || c.length === 0) return true;
    // An array whose first item is not an array is a position.
    if (!Array.isArray(c[0])) return visit(c as Position) !== false;
    for (const x of c) if (!walk(x)) return false;
    return true;
  };
  return walk((g as { coordinates?: unknown }).coordinates);
}

interface Sampled {
  position: Position;
  feature: number;
}

/** Up to `max` finite positions spread over the features (first position of evenly spaced features). */
export function samplePositions(features: readonly Feature[], max = 2000): Sampled[] {
  const out: Sampled[] = [];
  const step = Math.max(1, Math.floor(features.length / max));
  for (let i = 0; i < features.length && out.length < max; i += step) {
    let taken = 0;
    eachPosition(features[i]?.geometry, (p) => {
      if (
        typeof p[0] === 'number' &&
        typeof p[1] === 'number' &&
        Number.isFinite(p[0]) &&
        Number.isFinite(p[1])
      ) {
        out.push({ position: p, feature: i });
        taken++;
      }
      return taken < 4;
    });
  }
  return out;
}

const inLonLat = (x: number, y: number): boolean => Math.abs(x) <= 180 && Math.abs(y) <= 90;
const digits = (v: number): number => (Math.abs(v) < 1 ? 1 : Math.floor(Math.log10(Math.abs(v))) + 1);
/** Northings in China run from about 1 000 km (Hainan) to 6 000 km (Mohe). */
const isNorthing = (v: number): boolean => v > 300_000 && v < 6_500_000;
const isEasting = (v: number): boolean => {
  const d = digits(v);
  return d === 6 || (d === 8 && Math.floor(v / 1_000_000) >= 13 && Math.floor(v / 1_000_000) <= 45);
};

function labelled(code: string, reason: { zh: string; en: string }): CrsProposal | undefined {
  const info = resolveCrs(code);
  return info ? { code: info.code, label: info.label, reason } : undefined;
}

/**
 * CRS proposals for metre coordinates. `easting` decides: 8 digits → the zone number is in it;
 * 6 digits → a zone without the prefix, whose central meridian comes from `hintLon` (the project's
 * longitude) or, lacking one, Henan's three zones.
 */
export function proposeProjectedCrs(easting: number, hintLon?: number): CrsProposal[] {
  const out: (CrsProposal | undefined)[] = [];
  if (digits(easting) === 8) {
    const zone = Math.floor(easting / 1_000_000);
    const why = {
      zh: `横坐标 8 位，前两位 ${zone} 是带号`,
      en: `8-digit easting; its first two digits ${zone} are the zone number`,
    };
    if (zone >= 25 && zone <= 45) {
      out.push(labelled(gaussKrugerCode('CGCS2000', 3, zone, true)!, why));
      out.push(labelled(gaussKrugerCode('Xian1980', 3, zone, true)!, why));
      out.push(labelled(gaussKrugerCode('Beijing1954', 3, zone, true)!, why));
    } else if (zone >= 13 && zone <= 23) {
      out.push(labelled(gaussKrugerCode('CGCS2000', 6, zone, true)!, why));
      out.push(labelled(gaussKrugerCode('Xian1980', 6, zone, true)!, why));
      out.push(labelled(gaussKrugerCode('Beijing1954', 6, zone, true)!, why));
    }
  } else {
    const zones = hintLon !== undefined && Number.isFinite(hintLon) ? [gk3ZoneForLon(hintLon)] : [38, 37, 39];
    for (const zone of zones) {
      const why =
        hintLon !== undefined
          ? {
              zh: `横坐标 6 位（无带号），按项目所在经度 ${hintLon.toFixed(1)}° 取中央经线 ${zone * 3}°`,
              en: `6-digit easting (no zone number); central meridian ${zone * 3}° from the project's longitude ${hintLon.toFixed(1)}°`,
            }
          : {
              zh: `横坐标 6 位（无带号），中央经线未知，河南常用 ${zone * 3}°`,
              en: `6-digit easting (no zone number); central meridian unknown, ${zone * 3}° is common in Henan`,
            };
      const code = gaussKrugerCode('CGCS2000', 3, zone, false);
      if (code) out.push(labelled(code, why));
    }
  }
  return out.filter((p): p is CrsProposal => p !== undefined);
}

/** Judges a file's coordinates read as geographic. A majority of the sample decides. */
export function classifyCoordinates(features: readonly Feature[], hintLon?: number): CoordinateVerdict {
  const sample = samplePositions(features);
  if (sample.length === 0) return { kind: 'empty' };
  let outside = 0;
  let swapped = 0;
  let projected = 0;
  let projectedSwapped = 0;
  let firstOutside: Sampled | undefined;
  let firstProjected: Sampled | undefined;
  for (const s of sample) {
    const [x, y] = s.position as [number, number];
    if (inLonLat(x, y)) continue;
    outside++;
    firstOutside ??= s;
    if (inLonLat(y, x)) swapped++;
    else if (isEasting(x) && isNorthing(y)) {
      projected++;
      firstProjected ??= s;
    } else if (isEasting(y) && isNorthing(x)) {
      projectedSwapped++;
      firstProjected ??= s;
    }
  }
  if (outside === 0) return { kind: 'geographic' };
  if (projected + projectedSwapped > outside / 2 && firstProjected) {
    const isSwapped = projectedSwapped > projected;
    const easting = isSwapped ? firstProjected.position[1]! : firstProjected.position[0]!;
    return {
      kind: 'projected',
      sample: firstProjected.position,
      feature: firstProjected.feature,
      swapped: isSwapped,
      proposals: proposeProjectedCrs(easting, hintLon),
    };
  }
  if (swapped > outside / 2)
    return { kind: 'swapped', sample: firstOutside!.position, feature: firstOutside!.feature };
  return { kind: 'out-of-range', sample: firstOutside!.position, feature: firstOutside!.feature };
}
