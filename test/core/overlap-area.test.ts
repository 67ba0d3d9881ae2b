// plannedOverlapArea (the land-use table's overlap without a Shape per simple parcel) gives what
// plannedOverlap gives, with the same warnings, on random parcels inside, outside and across an
// irregular zone: simple quads either way round, with repeated or missing closing positions,
// bow-ties, parcels with holes or two parts, more vertices than the zone, and in both area methods
// (the plane one measuring the layer's own Gauss-Kruger metres).
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
  FlatGeometry,
  flatGeometry,
  setSourcePositions,
  type FlatCoords,
} from '../../src/core/flat-coords.ts';
import { plannedOverlapArea } from '../../src/core/overlap-area.ts';
import { makeContext, plannedOverlap } from '../../src/core/report-context.ts';
import { shapeOf } from '../../src/core/shape.ts';
import type { Feature, Geometry, Project, ProjectLayer } from '../../src/core/types.ts';
import { mulberry32 } from '../../scripts/samples/kit/prng.ts';

const GK = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const toGk = proj4('+proj=longlat +ellps=GRS80 +no_defs', GK);

const CX = 114.5;
const CY = 32.2;
// A 24-gon of radius 0.02–0.03° round (CX, CY).
function zoneRing(rnd: () => number): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k < 24; k++) {
    const t = (2 * Math.PI * k) / 24;
    const r = 0.02 + 0.01 * rnd();
    ring.push([CX + r * Math.cos(t), CY + r * Math.sin(t)]);
  }
  ring.push(ring[0]!);
  return ring;
}

type Kind = 'quad' | 'cw' | 'repeat' | 'open' | 'bowtie' | 'hole' | 'two' | 'many' | 'nan';
const KINDS: Kind[] = [
  'quad',
  'quad',
  'quad',
  'cw',
  'repeat',
  'open',
  'bowtie',
  'hole',
  'two',
  'many',
  'nan',
];

/** A parcel's rings (lon/lat) of the given kind at (x, y), size s degrees. */
function parcelRings(kind: Kind, x: number, y: number, s: number, rnd: () => number): number[][][][] {
  const j = () => (rnd() - 0.5) * s * 0.3;
  const quad = [
    [x + j(), y + j()],
    [x + s + j(), y + j()],
    [x + s + j(), y + s + j()],
    [x + j(), y + s + j()],
  ];
  const close = (r: number[][]) => [...r, r[0]!];
  switch (kind) {
    case 'quad':
      return [[close(quad)]];
    case 'cw':
      return [[close(quad.slice().reverse())]];
    case 'repeat':
      return [[close([quad[0]!, quad[1]!, quad[1]!, quad[2]!, quad[3]!])]];
    case 'open':
      return [[quad]];
    case 'bowtie':
      return [[close([quad[0]!, quad[2]!, quad[1]!, quad[3]!])]];
    case 'nan':
      return [[close([quad[0]!, [NaN, y], quad[1]!, quad[2]!, quad[3]!])]];
    case 'hole': {
      const h = [
        [x + 0.3 * s, y + 0.3 * s],
        [x + 0.3 * s, y + 0.6 * s],
        [x + 0.6 * s, y + 0.6 * s],
        [x + 0.6 * s, y + 0.3 * s],
      ];
      return [[close(quad), close(h)]];
    }
    case 'two':
      return [[close(quad)], [close(quad.map(([a, b]) => [a! + 2 * s, b!]))]];
    case 'many': {
      // 40 vertices round a circle: more than the zone's 25.
      const r: number[][] = [];
      for (let k = 0; k < 40; k++) {
        const t = (-2 * Math.PI * k) / 40;
        r.push([x + s * Math.cos(t), y + s * Math.sin(t)]);
      }
      return [[close(r)]];
    }
  }
}

/** Flat coordinates of polygons (depth 3 for one, 4 for several). */
function flatOfPolys(polys: number[][][][], map: (p: number[]) => number[]): FlatCoords {
  const xy: number[] = [];
  const ends: number[] = [];
  const parts: number[] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      for (const p of ring) xy.push(...map(p));
      ends.push(xy.length / 2);
    }
    parts.push(ends.length);
  }
  return {
    depth: polys.length === 1 ? 3 : 4,
    xy: Float64Array.from(xy),
    ends: Uint32Array.from(ends),
    parts: polys.length === 1 ? new Uint32Array(0) : Uint32Array.from(parts),
  };
}

/** A fresh FlatGeometry of the polygons, with its Gauss-Kruger positions as the layer's source. */
function geometry(polys: number[][][][]): Geometry {
  const g = flatGeometry(flatOfPolys(polys, (p) => p));
  const gk = flatOfPolys(polys, (p) => (Number.isFinite(p[0]!) ? toGk.forward([p[0]!, p[1]!]) : [NaN, NaN]));
  setSourcePositions(g, 'EPSG:4547', gk.xy);
  return g;
}

function project(zone: number[][], parcels: number[][][][][]): { project: Project; copy: Project } {
  const make = (): Project => {
    const zones: ProjectLayer = {
      id: 'zones',
      role: 'zone',
      file: 'zones.geojson',
      crs: 'EPSG:4547',
      fields: {},
      features: [{ type: 'Feature', properties: {}, geometry: geometry([[zone]]) } as Feature],
    };
    const landuse: ProjectLayer = {
      id: 'landuse',
      role: 'landuse',
      file: 'landuse.geojson',
      crs: 'EPSG:4547',
      fields: { class: 'DLBM' },
      features: parcels.map(
        (polys, i) =>
          ({ type: 'Feature', properties: { DLBM: `c${i % 3}` }, geometry: geometry(polys) }) as Feature,
      ),
    };
    return {
      name: 't',
      crs: 'EPSG:4547',
      areaMethod: 'ellipsoidal',
      layers: [zones, landuse],
      settings: { intensityThreshold_wan_per_mu: 200 },
    };
  };
  // Two copies: a shape plannedOverlap builds is memoised on its geometry, which would send
  // plannedOverlapArea to plannedOverlap itself on the same objects.
  return { project: make(), copy: make() };
}

describe.each(['ellipsoidal', 'plane'] as const)('plannedOverlapArea, %s', (method) => {
  it('gives plannedOverlap’s area and warnings on 600 random parcels', () => {
    const rnd = mulberry32(7);
    const zone = zoneRing(rnd);
    const parcels: number[][][][][] = [];
    const kinds: Kind[] = [];
    for (let i = 0; i < 600; i++) {
      const kind = KINDS[Math.floor(rnd() * KINDS.length)]!;
      const s = kind === 'many' ? 0.004 : 0.002 + 0.004 * rnd();
      kinds.push(kind);
      parcels.push(parcelRings(kind, CX - 0.04 + 0.08 * rnd(), CY - 0.04 + 0.08 * rnd(), s, rnd));
    }
    // Parcels round the whole zone: its edges are inside their box, none near their edges.
    for (const s of [0.07, 0.1]) {
      kinds.push('quad');
      parcels.push([
        [
          [
            [CX - s, CY - s],
            [CX + s, CY - s],
            [CX + s, CY + s],
            [CX - s, CY + s],
            [CX - s, CY - s],
          ],
        ],
      ]);
    }
    const { project: p, copy } = project(zone, parcels);
    const fast = makeContext(p, method);
    const slow = makeContext(copy, method);
    const planned = shapeOf(p.layers[0]!.features[0]!.geometry, fast.ws)!;
    const plannedCopy = shapeOf(copy.layers[0]!.features[0]!.geometry, slow.ws)!;
    const seen = { in: 0, out: 0, across: 0 };
    const got: number[] = [];
    for (let i = 0; i < parcels.length; i++) {
      const a = plannedOverlapArea(fast, p.layers[1]!, p.layers[1]!.features[i]!, i, planned);
      const o = plannedOverlap(slow, copy.layers[1]!, copy.layers[1]!.features[i]!, i, plannedCopy);
      const b = o?.area ?? 0;
      expect(Math.abs(a - b), `${kinds[i]} parcel ${i}: ${a} against ${b}`).toBeLessThanOrEqual(
        1e-9 * Math.abs(b),
      );
      got.push(a);
      if (b === 0) seen.out++;
      else if (o && Math.abs(b - o.shape.area) <= 1e-9 * b) seen.in++;
      else seen.across++;
    }
    expect(fast.warnings.map((w) => [w.code, w.feature])).toEqual(
      slow.warnings.map((w) => [w.code, w.feature]),
    );
    // A second report on the same objects (the memoised bits, the shapes built) gives the same.
    const again = makeContext(p, method);
    for (let i = 0; i < parcels.length; i++)
      expect(plannedOverlapArea(again, p.layers[1]!, p.layers[1]!.features[i]!, i, planned)).toBe(got[i]);
    expect(fast.warnings.length).toBeGreaterThan(20);
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(30);
  });
});

describe('plannedOverlapArea on a simple lon/lat parcel', () => {
  it('skips the pole and ±180° passes over its vertices, and still leaves out one across ±180°', () => {
    const zone = zoneRing(mulberry32(3));
    const quad = [
      [CX - 0.002, CY - 0.002],
      [CX + 0.002, CY - 0.002],
      [CX + 0.002, CY + 0.002],
      [CX - 0.002, CY + 0.002],
      [CX - 0.002, CY - 0.002],
    ];
    // Across ±180°: its lon/lat box is 359.8° wide, so the full tests run.
    const across = [
      [179.9, 32],
      [-179.9, 32],
      [-179.9, 32.1],
      [179.9, 32.1],
      [179.9, 32],
    ];
    const { project: p, copy } = project(zone, [[[quad]], [[across]]]);
    const fast = makeContext(p, 'ellipsoidal');
    const slow = makeContext(copy, 'ellipsoidal');
    const planned = shapeOf(p.layers[0]!.features[0]!.geometry, fast.ws)!;
    const plannedCopy = shapeOf(copy.layers[0]!.features[0]!.geometry, slow.ws)!;
    const lu = p.layers[1]!;
    const inside = plannedOverlapArea(fast, lu, lu.features[0]!, 0, planned);
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBe(
      plannedOverlap(slow, copy.layers[1]!, copy.layers[1]!.features[0]!, 0, plannedCopy)!.area,
    );
    const g = lu.features[0]!.geometry as unknown as FlatGeometry;
    expect(g.memo('pole')).toBeUndefined();
    expect(g.memo('antimeridian')).toBeUndefined();
    expect(plannedOverlapArea(fast, lu, lu.features[1]!, 1, planned)).toBe(0);
    expect(fast.warnings.map((w) => [w.feature, w.code])).toEqual([[1, 'crosses-antimeridian']]);
  });
});
