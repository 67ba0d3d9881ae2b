// The CGCS2000 ellipsoid (GRS80 shape): official areas and lengths are measured on it (contract §3).
import * as geographiclibNs from 'geographiclib-geodesic';

export const CGCS2000_A = 6378137;
export const CGCS2000_F = 1 / 298.257222101;

// geographiclib-geodesic is a UMD bundle: Vite sees its named exports, Node's ESM loader only a default.
type Lib = typeof geographiclibNs;
const lib: Lib =
  (geographiclibNs as Partial<Lib>).Geodesic !== undefined
    ? geographiclibNs
    : (geographiclibNs as unknown as { default: Lib }).default;

/** GeographicLib's geodesic solver on CGCS2000; one shared instance, it holds no per-call state. */
export const cgcs2000 = new lib.Geodesic.Geodesic(CGCS2000_A, CGCS2000_F);

/** GeographicLib's output mask for S12, the area between a geodesic and the equator. */
export const AREA_MASK: number = lib.Geodesic.AREA;
