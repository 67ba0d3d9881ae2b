// Ellipsoidal (CGCS2000) polygon ring areas and geodesic lengths. Edges are geodesics between the
// vertices (contract §3: GeographicLib's geodesic polygon area is the reference).
//
// A ring's area is the sum of its edges' terms. GeographicLib's Inverse gives a term in ≈ 0.8 µs,
// most of a 100 000-parcel report, so short edges take a series instead (shortGeodesicTerm) that
// agrees with GeographicLib to its own rounding; long edges and rings round a pole go to
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

// Edge terms: the signed area between an edge and the equator (negative going east in the north),
// so that a closed counter-clockwise ring sums to its positive area. A ring's area and the pieces an
// overlay cuts from it are measured with the same edge terms, so pieces add up to the whole.

const A2_HALF = (CGCS2000_A * CGCS2000_A) / 2;

function wrapDeltaLon(dl: number): number {
  return dl > Math.PI ? dl - 2 * Math.PI : dl < -Math.PI ? dl + 2 * Math.PI : dl;
}

/** Largest lon/lat extent, in degrees, of an edge whose geodesic term is taken from the short-edge series. */
export const SHORT_EDGE_MAX_DEG = 0.02;

/**
 * Term of a short geodesic edge without GeographicLib's Inverse (≈ 0.8 µs an edge, most of a
 * 100 000-parcel report). The term is −(a²/2)∫q(φ)dλ along the edge. On the lon/lat chord, the mean
 * of q is q(φm) + q″(φm)·Δφ²/24; the geodesic leaves the chord by ½·Γ(Δ,Δ)·t(1−t) (Γ the Christoffel
 * symbols of the ellipsoid's metric M²dφ² + r²dλ², r = N·cosφ), which adds q′·(GφΔλ − GλΔφ)/12.
 * Left out are terms of fourth order in the edge's extent: against GeographicLib's S12 the
 * difference is below its own rounding (≈ 5e-5 m²) up to 2 km (test/core/geodesic-area.test.ts).
 */
function shortGeodesicTerm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dl = wrapDeltaLon((lon2 - lon1) * DEG);
  if (dl === 0 && lat1 === lat2) return 0;
  const dp = (lat2 - lat1) * DEG;
  const phi = ((lat1 + lat2) / 2) * DEG;
  const s = Math.sin(phi);
  const c = Math.cos(phi);
  const w2 = 1 - E2 * s * s;
  const q = authalicQ(s);
  const q1 = (2 * (1 - E2) * c) / (w2 * w2);
  const q2 = ((2 * (1 - E2) * s) / (w2 * w2)) * ((4 * E2 * c * c) / w2 - 1);
  // r/M and M/r (N = a/W, M = a(1−e²)/W³)
  const rOverM = (c * w2) / (1 - E2);
  const bow = s * dl * (rOverM * dl * dl + ((3 * E2 * c) / w2) * dp * dp + (2 / rOverM) * dp * dp);
  return -A2_HALF * (dl * (q + (q2 * dp * dp) / 24) + (q1 * bow) / 12);
}

/** Term of a geodesic edge: the short-edge series, or GeographicLib's −S12 for longer edges. */
export function geodesicEdgeTerm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (Math.abs(lon2 - lon1) <= SHORT_EDGE_MAX_DEG && Math.abs(lat2 - lat1) <= SHORT_EDGE_MAX_DEG)
    return shortGeodesicTerm(lon1, lat1, lon2, lat2);
  if (lon1 === lon2 && lat1 === lat2) return 0;
  return -(cgcs2000.Inverse(lat1, lon1, lat2, lon2, AREA_MASK).S12 ?? 0);
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

/** Σ of the longitude steps of a closed ring in radians: ±2π when it goes round a pole, else 0. */
export function ringLonWinding(ring: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) sum += wrapDeltaLon((ring[i + 2]! - ring[i]!) * DEG);
  return sum;
}

/**
 * Signed ellipsoidal area of a closed flat lon/lat ring with geodesic edges: the sum of its edge
 * terms (the same terms overlay pieces are measured with), compensated (Neumaier) since the terms
 * are far larger than their sum. A ring round a pole goes to GeographicLib's PolygonArea, which
 * counts the pole's cap.
 */
export function ellipsoidalRingArea(ring: ArrayLike<number>): number {
  const n = ring.length;
  if (n < 8) return 0;
  if (Math.abs(ringLonWinding(ring)) > Math.PI) return geographicLibRingArea(ring);
  let sum = 0;
  let comp = 0;
  for (let i = 0; i + 3 < n; i += 2) {
    const t = geodesicEdgeTerm(ring[i]!, ring[i + 1]!, ring[i + 2]!, ring[i + 3]!);
    const u = sum + t;
    comp += Math.abs(sum) >= Math.abs(t) ? sum - u + t : t - u + sum;
    sum = u;
  }
  return sum + comp;
}

/** Geodesic distance in metres between two lon/lat points on CGCS2000. */
export function geodesicDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return 0;
  return cgcs2000.Inverse(lat1, lon1, lat2, lon2).s12 ?? 0;
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

/**
 * The area between the geodesic of an edge piece and its lon/lat chord, signed as edge terms are:
 * the loop c1 → g1 → (geodesic) → g2 → c2 → (chord) → c1, where c1, c2 are the piece's ends on the
 * chord (where clipping cut it) and g1, g2 the same ends on the geodesics (where the geodesic edges
 * cross). With g = c (an edge's own vertices) it is the sliver between an edge's geodesic and chord.
 */
export function geodesicCorrection(
  c1x: number,
  c1y: number,
  c2x: number,
  c2y: number,
  g1x = c1x,
  g1y = c1y,
  g2x = c2x,
  g2y = c2y,
): number {
  let sum = geodesicEdgeTerm(g1x, g1y, g2x, g2y) - chordEdgeTerm(c1x, c1y, c2x, c2y);
  if (g1x !== c1x || g1y !== c1y) sum += chordEdgeTerm(c1x, c1y, g1x, g1y);
  if (g2x !== c2x || g2y !== c2y) sum += chordEdgeTerm(g2x, g2y, c2x, c2y);
  return sum;
}
