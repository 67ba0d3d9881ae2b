// Krüger's series on arrays (src/core/gauss-kruger.ts, used by crsArrayTransforms) against PROJ's
// cs2cs over 罗山县 and out to the edges of each zone (test/fixtures/gauss-kruger/make-cs2cs.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crsArrayTransforms, crsTransforms } from '../../src/core/crs.ts';

interface Case {
  crs: string;
  lonlat: [number, number][];
  xy: [number, number][];
  lonlatFromXy: [number, number][];
}
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/gauss-kruger/cs2cs.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

const flat = (ps: [number, number][]) => Float64Array.from(ps.flat());
const RAD = Math.PI / 180;

describe('Gauss-Kruger on whole arrays (Krüger series) against cs2cs', () => {
  for (const c of fixture.cases) {
    it(`${c.crs}: lon/lat → metres within 1 mm (cs2cs prints µm)`, () => {
      const out = new Float64Array(c.lonlat.length * 2);
      crsArrayTransforms(c.crs).fromLonLat(flat(c.lonlat), out);
      let worst = 0;
      c.xy.forEach(
        ([x, y], i) => (worst = Math.max(worst, Math.hypot(out[2 * i]! - x, out[2 * i + 1]! - y))),
      );
      // cs2cs rounds to 1e-6 m: anything above that is the series' own error
      expect(worst).toBeLessThan(1e-3);
      expect(worst).toBeLessThan(2e-6);
    });
    it(`${c.crs}: metres → lon/lat within 1 mm on the ground`, () => {
      const out = new Float64Array(c.xy.length * 2);
      crsArrayTransforms(c.crs).toLonLat(flat(c.xy), out);
      let worst = 0;
      c.lonlatFromXy.forEach(([lon, lat], i) => {
        const dy = (out[2 * i + 1]! - lat) * RAD * 6378137;
        const dx = (out[2 * i]! - lon) * RAD * 6378137 * Math.cos(lat * RAD);
        worst = Math.max(worst, Math.hypot(dx, dy));
      });
      expect(worst).toBeLessThan(1e-3);
      expect(worst).toBeLessThan(1e-4); // cs2cs prints 1e-12°, about 0.1 µm
    });
  }

  it('agrees with the point transforms (proj4js) far below the figures’ 1e-9', () => {
    const c = fixture.cases[0]!;
    const out = new Float64Array(c.xy.length * 2);
    crsArrayTransforms(c.crs).toLonLat(flat(c.xy), out);
    const point = crsTransforms(c.crs).toLonLat;
    c.xy.forEach((p, i) => {
      const q = point(p);
      expect(Math.abs(out[2 * i]! - q[0]!)).toBeLessThan(1e-11);
      expect(Math.abs(out[2 * i + 1]! - q[1]!)).toBeLessThan(1e-11);
    });
  });

  it('keeps the point transforms for a CRS it has no series for', () => {
    const t = crsArrayTransforms('+proj=merc +lon_0=0 +ellps=WGS84 +units=m +no_defs');
    const out = new Float64Array(2);
    t.fromLonLat([114, 32], out);
    const q = crsTransforms('+proj=merc +lon_0=0 +ellps=WGS84 +units=m +no_defs').fromLonLat([114, 32]);
    expect([out[0], out[1]]).toEqual(q);
  });
});
