// Where a sample is drawn: a plane in metres (a local transverse Mercator, or a Gauss-Kruger zone)
// and its conversion to longitude/latitude on the 1e-7° lattice the samples are written on.
import proj4 from 'proj4';
import { geod, type Pt } from './geo.ts';

export interface Frame {
  /** the plane's proj4 definition */
  def: string;
  /** a plane point as the layer files hold it: lon/lat on the 1e-7° lattice, or plane mm */
  write(p: Pt): Pt;
  /** longitude/latitude of the point as written (what every reader measures) */
  toLonLat(p: Pt): Pt;
  fromLonLat(p: Pt): Pt;
  /** one step of the written lattice, in plane metres (x, y) */
  step: Pt;
}

export const rnd7 = (x: number): number => Math.round(x * 1e7) / 1e7;
export const rnd3 = (x: number): number => Math.round(x * 1e3) / 1e3;

/**
 * A local plane with its origin (0, 0) at the given point, x east and y north in metres, mapped
 * linearly to lon/lat (metres per degree at the origin, on CGCS2000). Linear, so that a straight
 * edge here is straight in lon/lat too, as every reader draws and clips it: a cut point computed
 * here then lies on the written edge (a transverse Mercator would put it decimetres off).
 */
export function localFrame(lon0: number, lat0: number): Frame {
  const kx = geod.Inverse(lat0, lon0 - 0.005, lat0, lon0 + 0.005).s12! / 0.01;
  const ky = geod.Inverse(lat0 - 0.005, lon0, lat0 + 0.005, lon0).s12! / 0.01;
  const lonlat = (p: Pt): Pt => [rnd7(lon0 + p[0] / kx), rnd7(lat0 + p[1] / ky)];
  return {
    def: `linear lon/lat about ${lon0}, ${lat0}`,
    write: lonlat,
    toLonLat: lonlat,
    fromLonLat: (p) => [(p[0] - lon0) * kx, (p[1] - lat0) * ky],
    step: [1e-7 * kx, 1e-7 * ky],
  };
}

/** Layers written in lon/lat (to 1e-7°) or in the plane itself (to the mm), e.g. a Gauss-Kruger zone. */
export function planeFrame(def: string, written: 'lonlat' | 'plane'): Frame {
  const t = proj4('EPSG:4326', def);
  const inv = (p: Pt) => t.inverse([p[0], p[1]]) as Pt;
  const lonlat = (p: Pt): Pt => {
    const [lon, lat] = inv(p);
    return [rnd7(lon), rnd7(lat)];
  };
  return {
    def,
    write: written === 'lonlat' ? lonlat : (p) => [rnd3(p[0]), rnd3(p[1])],
    toLonLat: written === 'lonlat' ? lonlat : (p) => inv([rnd3(p[0]), rnd3(p[1])]),
    fromLonLat: (p) => t.forward([p[0], p[1]]) as Pt,
    // lon/lat frames here are only ever local ones; a plane one writes millimetres
    step: written === 'plane' ? [1e-3, 1e-3] : [0.01, 0.01],
  };
}

/** A ring (open, counter-clockwise) closed for GeoJSON. */
export function closed(ring: readonly Pt[]): Pt[] {
  return [...ring, ring[0]!];
}

/** A GeoJSON Polygon from plane rings, written by `write` (consecutive repeats dropped, closed). */
export function polygon(rings: readonly (readonly Pt[])[], write: (p: Pt) => Pt): object {
  return { type: 'Polygon', coordinates: rings.map((r) => writeRing(r, write)) };
}

export function multiPolygon(polys: readonly (readonly Pt[])[], write: (p: Pt) => Pt): object {
  return { type: 'MultiPolygon', coordinates: polys.map((r) => [writeRing(r, write)]) };
}

export function lineString(line: readonly Pt[], write: (p: Pt) => Pt): object {
  return { type: 'LineString', coordinates: line.map(write) };
}

function writeRing(ring: readonly Pt[], write: (p: Pt) => Pt): Pt[] {
  const out: Pt[] = [];
  for (const p of ring) {
    const q = write(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const f = out[0]!;
  const l = out[out.length - 1]!;
  if (f[0] === l[0] && f[1] === l[1]) out.pop();
  return closed(out);
}
