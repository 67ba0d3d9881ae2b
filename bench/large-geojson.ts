// A large 三调-like GeoJSON of irregular parcels near 罗山 for the import and panning benchmarks.
/** The land-use codes and names the parcels take in turn (parcel i has class i mod 8). */
export const CODES = ['0101', '0103', '0601', '0701', '0702', '1006', '1104', '05H1'];
export const NAMES = [
  '水田',
  '旱地',
  '工业用地',
  '城镇住宅用地',
  '农村宅基地',
  '农村道路',
  '坑塘水面',
  '商业服务业设施用地',
];
/** The grid's step in degrees. */
export const STEP = 0.0006;

/** Parcel i's centre in a file of n parcels (the parcels lie on a square grid from 114.3° E, 32.0° N). */
export function parcelCentre(i: number, n: number): [number, number] {
  const side = Math.ceil(Math.sqrt(n));
  return [114.3 + (i % side) * STEP, 32.0 + Math.floor(i / side) * STEP];
}

export function generate(n: number): Uint8Array {
  const parts: string[] = [];
  const side = Math.ceil(Math.sqrt(n));
  const step = STEP;
  const codes = CODES;
  const names = NAMES;
  for (let i = 0; i < n; i++) {
    const x0 = 114.3 + (i % side) * step;
    const y0 = 32.0 + Math.floor(i / side) * step;
    // Irregular 7-vertex parcels with real-looking precision (what 三调 exports carry).
    const ring: number[][] = [];
    for (let k = 0; k < 6; k++) {
      const a = (k / 6) * 2 * Math.PI;
      const r = step * (0.42 + 0.05 * Math.sin(i + k));
      ring.push([+(x0 + r * Math.cos(a)).toFixed(9), +(y0 + r * Math.sin(a)).toFixed(9)]);
    }
    ring.push(ring[0]!);
    const c = i % codes.length;
    parts.push(
      JSON.stringify({
        type: 'Feature',
        properties: {
          BSM: `4115212${String(i).padStart(9, '0')}`,
          DLBM: codes[c],
          DLMC: names[c],
          ZLDWMC: `村${i % 97}`,
          TBMJ: 1200.5 + (i % 1000),
        },
        geometry: { type: 'Polygon', coordinates: [ring] },
      }),
    );
  }
  return new TextEncoder().encode(`{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}\n`);
}
