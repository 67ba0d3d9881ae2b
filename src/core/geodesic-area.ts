// Ellipsoidal (CGCS2000) polygon ring areas and geodesic lengths.
//
// GeographicLib's PolygonArea is the reference (contract §3). It costs ≈ 0.8 µs per edge, which is
// most of a 100 000-parcel report, so small rings take a fast path: the ellipsoid is mapped to its
// authalic sphere (an exact equal-area map, latitude → authalic latitude) and the ring's area is the
// sum of the spherical trapezoid terms of its great-circle edges. Geodesics and the images of great
// circles differ by O(e²·L/R), so the result differs from GeographicLib by about 1e-8 relative on
// rings up to 500 m across (checked in test/core/geodesic-area.test.ts); larger rings go to
// GeographicLib itself.
import { AREA_MASK, cgcs2000, CGCS2000_A, CGCS2000_F } from './ellipsoid.ts';

const E2 = CGCS2000_F * (2 - CGCS2000_F);
const E = Math.sqrt(E2);
const DEG = Math.PI / 180;

// q(φ) of Snyder's "Map Projections: A Working Manual" (eq. 3-12), the authalic latitude's kernel.
function authalicQ(sinPhi: number): number {
  const es = E * sinPhi;
  return (1 - E2) * (sinPhi / (1 - es * es) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}
const QP = authalicQ(1);
/** The authalic sphere's R² (R_q² = a²·q_p/2): its surface equals the ellipsoid's. */
const RQ2 = (CGCS2000_A * CGCS2000_A * QP) / 2;

/** Largest lon/lat extent, in degrees, measured on the authalic sphere rather than by GeographicLib. */
export const FAST_AREA_MAX_SPAN_DEG = 0.005;

/** tan(β/2) of the authalic latitude β of a geodetic latitude in degrees. */
function tanHalfAuthalic(latDeg: number): number {
  const sinBeta = Math.max(-1, Math.min(1, authalicQ(Math.sin(latDeg * DEG)) / QP));
  // tan(β/2) = sinβ / (1 + cosβ), stable away from the south pole.
  return sinBeta / (1 + Math.sqrt(1 - sinBeta * sinBeta));
}

/**
 * Signed area (m², counter-clockwise positive) of a closed flat lon/lat ring on the authalic sphere.
 * Edge term: the signed area between the great-circle edge and the pole, 2·atan(tan(Δλ/2)·(t₁+t₂)/(1+t₁t₂))
 * with t = tan(β/2) (the spherical-excess formula of a pole triangle).
 */
export function authalicRingArea(ring: ArrayLike<number>): number {
  const n = ring.length;
  if (n < 8) return 0;
  let sum = 0;
  let lon1 = ring[0]! * DEG;
  let t1 = tanHalfAuthalic(ring[1]!);
  for (let i = 2; i < n; i += 2) {
    const lon2 = ring[i]! * DEG;
    const t2 = tanHalfAuthalic(ring[i + 1]!);
    let dl = lon2 - lon1;
    if (dl > Math.PI) dl -= 2 * Math.PI;
    else if (dl < -Math.PI) dl += 2 * Math.PI;
    sum += 2 * Math.atan2(Math.tan(dl / 2) * (t1 + t2), 1 + t1 * t2);
    lon1 = lon2;
    t1 = t2;
  }
  return -sum * RQ2;
}

/** Signed area (m², counter-clockwise positive) of a closed flat lon/lat ring by GeographicLib. */
export function geographicLibRingArea(ring: ArrayLike<number>): number {
  const n = ring.length;
  if (n < 8) return 0;
  const poly = cgcs2000.Polygon(false);
  // The ring is closed; PolygonArea closes it itself, so the repeated last vertex is left out.
  for (let i = 0; i < n - 2; i += 2) poly.AddPoint(ring[i + 1]!, ring[i]!);
  return poly.Compute(false, true).area ?? 0;
}

/** Signed ellipsoidal area of a closed flat lon/lat ring, choosing the fast path for small rings. */
export function ellipsoidalRingArea(ring: ArrayLike<number>): number {
  const n = ring.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i += 2) {
    const x = ring[i]!;
    const y = ring[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return maxX - minX <= FAST_AREA_MAX_SPAN_DEG && maxY - minY <= FAST_AREA_MAX_SPAN_DEG
    ? authalicRingArea(ring)
    : geographicLibRingArea(ring);
}

/** Geodesic distance in metres between two lon/lat points on CGCS2000. */
export function geodesicDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return 0;
  return cgcs2000.Inverse(lat1, lon1, lat2, lon2).s12 ?? 0;
}

// Edge terms: the signed area between an edge and the equator (negative going east in the north),
// so that a closed counter-clockwise ring sums to its positive area.
//
// Overlays cut polygons along artificial lines (triangle sides), and a geodesic split at a point off
// it does not add up, so clipped pieces are measured with lon/lat-straight chords (whose terms add up
// exactly however a chord is split), and each real edge of the result then adds the difference
// between its geodesic and its chord (geodesicCorrection): the result is the geodesic polygon whose
// vertices are the input vertices and the crossing points, as GEOS-on-lon/lat plus GeographicLib has it.

const A2_HALF = (CGCS2000_A * CGCS2000_A) / 2;

function wrapDeltaLon(dl: number): number {
  return dl > Math.PI ? dl - 2 * Math.PI : dl < -Math.PI ? dl + 2 * Math.PI : dl;
}

/** Term of a great-circle edge on the authalic sphere (≈ the geodesic, see authalicRingArea). */
function authalicEdgeTerm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const t1 = tanHalfAuthalic(lat1);
  const t2 = tanHalfAuthalic(lat2);
  const dl = wrapDeltaLon((lon2 - lon1) * DEG);
  return -2 * Math.atan2(Math.tan(dl / 2) * (t1 + t2), 1 + t1 * t2) * RQ2;
}

/** Term of a geodesic edge by GeographicLib (−S12). */
function geodesicEdgeTerm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return 0;
  return -(cgcs2000.Inverse(lat1, lon1, lat2, lon2, AREA_MASK).S12 ?? 0);
}

// 3-point Gauss-Legendre nodes on [0, 1]: exact for polynomials of degree 5, and q(φ) along a chord
// of a few hundredths of a radian is far smoother than that needs.
const GL_T = [0.5 - Math.sqrt(15) / 10, 0.5, 0.5 + Math.sqrt(15) / 10];
const GL_W = [5 / 18, 8 / 18, 5 / 18];

/** Term of a lon/lat-straight chord: −(a²/2)·∫q(φ)dλ, with φ linear in λ along the chord. */
function chordEdgeTerm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dl = wrapDeltaLon((lon2 - lon1) * DEG);
  if (dl === 0) return 0;
  let mean = 0;
  for (let k = 0; k < 3; k++) mean += GL_W[k]! * authalicQ(Math.sin((lat1 + GL_T[k]! * (lat2 - lat1)) * DEG));
  return -A2_HALF * dl * mean;
}

/** Signed ellipsoidal area of a closed flat lon/lat ring whose edges are lon/lat-straight chords. */
export function chordRingArea(ring: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i + 3 < ring.length; i += 2)
    sum += chordEdgeTerm(ring[i]!, ring[i + 1]!, ring[i + 2]!, ring[i + 3]!);
  return sum;
}

/** Area between an edge's geodesic and its lon/lat chord, signed as the edge terms are. */
export function geodesicCorrection(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const small =
    Math.abs(lon2 - lon1) <= FAST_AREA_MAX_SPAN_DEG && Math.abs(lat2 - lat1) <= FAST_AREA_MAX_SPAN_DEG;
  const geo = small ? authalicEdgeTerm(lon1, lat1, lon2, lat2) : geodesicEdgeTerm(lon1, lat1, lon2, lat2);
  return geo - chordEdgeTerm(lon1, lat1, lon2, lat2);
}
