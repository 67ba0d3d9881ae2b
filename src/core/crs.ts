// Coordinate reference systems planners hand us: geographic WGS84/CGCS2000 and the Gauss-Kruger
// families of CGCS2000, Xian 1980 and Beijing 1954 (domain.md). EPSG numbering follows the EPSG
// registry; every definition is built from the zone's parameters rather than a stored table.
import proj4 from 'proj4';
import { gaussKrugerConverter } from './gauss-kruger.ts';
import type { Position } from './types.ts';

export type Datum = 'CGCS2000' | 'WGS84' | 'Xian1980' | 'Beijing1954';

export interface GaussKruger {
  datum: Datum;
  zoneWidth: 3 | 6;
  zone: number;
  centralMeridian: number;
  /** whether the easting carries the zone number (FE = zone·10⁶ + 500 000) */
  zonePrefix: boolean;
  falseEasting: number;
}

export interface CrsInfo {
  /** canonical name: "EPSG:nnnn" or the proj4 string as given */
  code: string;
  def: string;
  geographic: boolean;
  datum: Datum | 'other';
  gk?: GaussKruger;
  label: { zh: string; en: string };
}

const ELLIPSOID: Record<Datum, string> = {
  CGCS2000: '+ellps=GRS80',
  WGS84: '+ellps=WGS84',
  // Xian 1980 uses the IAG-75 ellipsoid; Beijing 1954 Krassowsky. No towgs84 is invented (domain.md):
  // their coordinates are treated as lying on their own ellipsoid without a datum shift.
  Xian1980: '+a=6378140 +rf=298.257',
  Beijing1954: '+ellps=krass',
};

const DATUM_ZH: Record<Datum, string> = {
  CGCS2000: 'CGCS2000',
  WGS84: 'WGS84',
  Xian1980: '西安80',
  Beijing1954: '北京54',
};

interface GkFamily {
  datum: Datum;
  zoneWidth: 3 | 6;
  zonePrefix: boolean;
  firstCode: number;
  firstZone: number;
  lastZone: number;
}

// 3-degree zones 25–45 (CM 75°–135°), 6-degree zones 13–23 (CM 75°–135°).
const GK_FAMILIES: GkFamily[] = [
  { datum: 'CGCS2000', zoneWidth: 3, zonePrefix: true, firstCode: 4513, firstZone: 25, lastZone: 45 },
  { datum: 'CGCS2000', zoneWidth: 3, zonePrefix: false, firstCode: 4534, firstZone: 25, lastZone: 45 },
  { datum: 'CGCS2000', zoneWidth: 6, zonePrefix: true, firstCode: 4491, firstZone: 13, lastZone: 23 },
  { datum: 'CGCS2000', zoneWidth: 6, zonePrefix: false, firstCode: 4502, firstZone: 13, lastZone: 23 },
  { datum: 'Xian1980', zoneWidth: 3, zonePrefix: true, firstCode: 2349, firstZone: 25, lastZone: 45 },
  { datum: 'Xian1980', zoneWidth: 3, zonePrefix: false, firstCode: 2370, firstZone: 25, lastZone: 45 },
  { datum: 'Xian1980', zoneWidth: 6, zonePrefix: true, firstCode: 2327, firstZone: 13, lastZone: 23 },
  { datum: 'Xian1980', zoneWidth: 6, zonePrefix: false, firstCode: 2338, firstZone: 13, lastZone: 23 },
  { datum: 'Beijing1954', zoneWidth: 3, zonePrefix: true, firstCode: 2401, firstZone: 25, lastZone: 45 },
  { datum: 'Beijing1954', zoneWidth: 3, zonePrefix: false, firstCode: 2422, firstZone: 25, lastZone: 45 },
  { datum: 'Beijing1954', zoneWidth: 6, zonePrefix: true, firstCode: 21413, firstZone: 13, lastZone: 23 },
  { datum: 'Beijing1954', zoneWidth: 6, zonePrefix: false, firstCode: 21453, firstZone: 13, lastZone: 23 },
];

const GEOGRAPHIC: Record<number, { datum: Datum; def: string; zh: string; en: string }> = {
  4326: {
    datum: 'WGS84',
    def: '+proj=longlat +datum=WGS84 +no_defs',
    zh: 'WGS84 经纬度',
    en: 'WGS 84 geographic',
  },
  4490: {
    datum: 'CGCS2000',
    def: '+proj=longlat +ellps=GRS80 +no_defs',
    zh: 'CGCS2000 经纬度',
    en: 'CGCS2000 geographic',
  },
  4610: {
    datum: 'Xian1980',
    def: `+proj=longlat ${ELLIPSOID.Xian1980} +no_defs`,
    zh: '西安80 经纬度',
    en: 'Xian 1980 geographic',
  },
  4214: {
    datum: 'Beijing1954',
    def: `+proj=longlat ${ELLIPSOID.Beijing1954} +no_defs`,
    zh: '北京54 经纬度',
    en: 'Beijing 1954 geographic',
  },
};

export function centralMeridian(zoneWidth: 3 | 6, zone: number): number {
  return zoneWidth === 3 ? 3 * zone : 6 * zone - 3;
}

export function gaussKrugerDef(gk: Omit<GaussKruger, 'centralMeridian' | 'falseEasting'>): string {
  const cm = centralMeridian(gk.zoneWidth, gk.zone);
  const fe = gk.zonePrefix ? gk.zone * 1_000_000 + 500_000 : 500_000;
  return `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${fe} +y_0=0 ${ELLIPSOID[gk.datum]} +units=m +no_defs`;
}

/** The EPSG code of a Gauss-Kruger zone, or undefined outside the registry's range. */
export function gaussKrugerCode(
  datum: Datum,
  zoneWidth: 3 | 6,
  zone: number,
  zonePrefix: boolean,
): string | undefined {
  const fam = GK_FAMILIES.find(
    (f) => f.datum === datum && f.zoneWidth === zoneWidth && f.zonePrefix === zonePrefix,
  );
  if (!fam || zone < fam.firstZone || zone > fam.lastZone) return undefined;
  return `EPSG:${fam.firstCode + zone - fam.firstZone}`;
}

/** The 3-degree zone number whose central meridian is nearest a longitude. */
export function gk3ZoneForLon(lon: number): number {
  return Math.round(lon / 3);
}

/** Reads "EPSG:4547", "epsg:4547", "4547", "urn:ogc:def:crs:EPSG::4547", "CRS84" → EPSG number. */
export function epsgNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^(urn:ogc:def:crs:OGC:1\.3:)?CRS84$/i.test(t)) return 4326;
  const m = /^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\d.]*:|)(\d{4,5})$/i.exec(t);
  return m ? Number(m[1]) : undefined;
}

function labelGk(gk: GaussKruger): { zh: string; en: string } {
  const zh = `${DATUM_ZH[gk.datum]} ${gk.zoneWidth}度带 第${gk.zone}带 (中央经线 ${gk.centralMeridian}°${gk.zonePrefix ? '，带号' : '，无带号'})`;
  const en = `${gk.datum} ${gk.zoneWidth}° Gauss-Kruger zone ${gk.zone} (CM ${gk.centralMeridian}°E${gk.zonePrefix ? ', zone-prefixed easting' : ''})`;
  return { zh, en };
}

/** Resolves a CRS name or proj4 string; undefined when it is neither a known code nor a proj4 string. */
export function resolveCrs(text: string | undefined | null): CrsInfo | undefined {
  const raw = (text ?? 'EPSG:4326').trim();
  const n = epsgNumber(raw);
  if (n !== undefined) {
    const g = GEOGRAPHIC[n];
    if (g)
      return {
        code: `EPSG:${n}`,
        def: g.def,
        geographic: true,
        datum: g.datum,
        label: { zh: g.zh, en: g.en },
      };
    for (const fam of GK_FAMILIES) {
      const zone = n - fam.firstCode + fam.firstZone;
      if (zone >= fam.firstZone && zone <= fam.lastZone) {
        const cm = centralMeridian(fam.zoneWidth, zone);
        const gk: GaussKruger = {
          datum: fam.datum,
          zoneWidth: fam.zoneWidth,
          zone,
          centralMeridian: cm,
          zonePrefix: fam.zonePrefix,
          falseEasting: fam.zonePrefix ? zone * 1_000_000 + 500_000 : 500_000,
        };
        return {
          code: `EPSG:${n}`,
          def: gaussKrugerDef(gk),
          geographic: false,
          datum: fam.datum,
          gk,
          label: labelGk(gk),
        };
      }
    }
    return undefined;
  }
  if (raw.startsWith('+proj=')) return fromProj4String(raw);
  if (isWktCrs(raw)) return fromWkt(raw);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// CRSs given as WKT (a Shapefile's .prj): any projection proj4js implements, in any linear unit.
// proj4js parses the WKT; the checks below refuse what it would otherwise read by assumption.

const WKT_START = /^(PROJCS|GEOGCS|PROJCRS|PROJECTEDCRS|GEOGCRS|GEODCRS|GEODETICCRS)\s*\[/i;

export function isWktCrs(text: string): boolean {
  return WKT_START.test(text.trim());
}

/** The WKT handed to proj4js, with the one ESRI name it maps to the wrong projection corrected. */
function wktForProj4(wkt: string): string {
  // ESRI's Stereographic_North_Pole is the polar stereographic (lat_ts = Standard_Parallel_1), but
  // proj4js 2.22 lists the name under the oblique stereographic (sterea): points land 2 000 km off.
  // proj4js reads the south-pole twin correctly, taking the pole from the parallel's sign.
  // The Swiss oblique Mercator (azimuth 90° at the centre) is PROJ's somerc; proj4js's general
  // omerc differs from it by 6 cm at 30 km. PROJ makes the same substitution.
  const azimuth = /PARAMETER\s*\[\s*"azimuth"\s*,\s*([-+\d.eE]+)/i.exec(wkt)?.[1];
  if (azimuth !== undefined && Number(azimuth) === 90) {
    wkt = wkt.replace(/PROJECTION\s*\[\s*"Hotine_Oblique_Mercator_Azimuth_Center"/i, 'PROJECTION["somerc"');
  }
  return wkt.replace(
    /PROJECTION\s*\[\s*"Stereographic_North_Pole"/i,
    'PROJECTION["Stereographic_South_Pole"',
  );
}

interface WktProj {
  proj: proj4.ProjectionDefinition & {
    forward: (p: { x: number; y: number }) => { x: number; y: number } | undefined;
    inverse: (p: { x: number; y: number }) => { x: number; y: number } | undefined;
    long0?: number;
    lat0?: number;
  };
  geographic: boolean;
  /** metres per unit of the projected coordinates */
  toMetre: number;
}

const wktCache = new Map<string, WktProj | string>();
const RAD = Math.PI / 180;

/** A CRS as people read it: the code, or a WKT's name rather than its whole text. */
export function crsShortName(crs: string): string {
  return isWktCrs(crs) ? `${wktName(crs)} (WKT)` : crs;
}

/** The WKT's name, for labels and messages. */
export function wktName(wkt: string): string {
  return /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? wkt.trim().slice(0, 60);
}

/** The number of the first UNIT inside the element that `start` opens, skipping nested elements. */
function ownUnit(wkt: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < wkt.length; i++) {
    const c = wkt[i];
    if (c === '[' || c === '(') {
      depth++;
      if (
        depth === 2 &&
        /(?:^|[,\s])(UNIT|LENGTHUNIT|ANGLEUNIT)\s*$/i.test(wkt.slice(Math.max(0, i - 12), i))
      ) {
        const m = /^[[(]\s*"[^"]*"\s*,\s*([-+\d.eE]+)/.exec(wkt.slice(i));
        return m ? Number(m[1]) : undefined;
      }
    } else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0) return undefined;
    }
  }
  return undefined;
}

/** proj4js's reading of a WKT, or why it cannot be trusted. */
function parseWkt(wkt: string): WktProj | string {
  const cached = wktCache.get(wkt);
  if (cached) return cached;
  const result = parseWktUncached(wkt);
  wktCache.set(wkt, result);
  return result;
}

function parseWktUncached(wkt: string): WktProj | string {
  const text = wkt.trim();
  if (/^(PROJCRS|PROJECTEDCRS|GEOGCRS|GEODCRS|GEODETICCRS)/i.test(text)) {
    return 'WKT2 is not read; save the .prj as ESRI or OGC WKT 1 (what ArcGIS, QGIS and GDAL write)';
  }
  let proj: WktProj['proj'];
  try {
    proj = proj4.Proj(wktForProj4(text)) as unknown as WktProj['proj'];
  } catch (e) {
    return `proj4 cannot read it (${e instanceof Error ? e.message.slice(0, 120) : String(e).slice(0, 120)})`;
  }
  const geographic = proj.projName === 'longlat';
  // Angles of the geographic part must be degrees: proj4js takes every angle parameter as degrees.
  const geog = /GEOGCS\s*\[/i.exec(text);
  const angular = geog ? ownUnit(text, geog.index + geog[0].length - 1) : undefined;
  if (angular === undefined || Math.abs(angular / RAD - 1) > 1e-9) {
    return `its angular unit is ${angular === undefined ? 'missing' : `${angular} rad`}, not the degree`;
  }
  let toMetre = 1;
  if (!geographic) {
    // The linear unit is the projected CRS's own UNIT; without one a metre would be a guess.
    const linear = ownUnit(text, text.indexOf('['));
    if (linear === undefined || !(linear > 0) || !Number.isFinite(linear)) {
      return 'it names no linear unit (UNIT) for the projected coordinates';
    }
    if (proj.to_meter !== undefined && Math.abs(proj.to_meter - linear) > 1e-15) {
      return 'its linear unit is ambiguous';
    }
    toMetre = linear;
    // A projection proj4js cannot run (missing parameters, unsupported variant) gives NaN at its origin.
    const lon0 = proj.long0 ?? 0;
    const lat0 = Math.max(-1.5, Math.min(1.5, proj.lat0 ?? 0));
    const xy = proj.forward({ x: lon0 + 0.001, y: lat0 + 0.001 });
    const back = xy && proj.inverse({ x: xy.x, y: xy.y });
    if (
      !back ||
      !Number.isFinite(back.x) ||
      Math.abs(back.x - lon0 - 0.001) > 1e-9 ||
      Math.abs(back.y - lat0 - 0.001) > 1e-9
    ) {
      return `proj4 cannot project with it (projection ${proj.projName ?? '?'})`;
    }
  }
  return { proj, geographic, toMetre };
}

/** Why a WKT cannot be used as a CRS, or undefined when it can. */
export function wktProblem(wkt: string): string | undefined {
  const r = parseWkt(wkt);
  return typeof r === 'string' ? r : undefined;
}

function fromWkt(wkt: string): CrsInfo | undefined {
  const r = parseWkt(wkt);
  if (typeof r === 'string') return undefined;
  const name = wktName(wkt);
  const unit = r.geographic ? '' : r.toMetre === 1 ? ', m' : `, 1 unit = ${r.toMetre} m`;
  return {
    code: wkt.trim(),
    def: wkt.trim(),
    geographic: r.geographic,
    // 'other' even on a familiar ellipsoid: the CRS is described by its WKT, not by our families.
    datum: 'other',
    label: { zh: `${name}（WKT${unit}）`, en: `${name} (WKT${unit})` },
  };
}

/**
 * Transforms for a WKT CRS. The CRS's own projection is inverted onto its own ellipsoid and that
 * lon/lat is taken as CGCS2000, as for the Gauss-Kruger families: no datum shift is applied, also
 * not one proj4js would pick from the datum's name (see ELLIPSOID above).
 */
function wktTransforms(r: WktProj): { toLonLat: PointTransform; fromLonLat: PointTransform } {
  const pm = (r.proj.from_greenwich ?? 0) / RAD;
  if (r.geographic) {
    return { toLonLat: (p) => [p[0]! + pm, p[1]!], fromLonLat: (p) => [p[0]! - pm, p[1]!] };
  }
  const k = r.toMetre;
  const proj = r.proj;
  return {
    toLonLat: (p) => {
      const q = proj.inverse({ x: p[0]! * k, y: p[1]! * k });
      return q ? [q.x / RAD + pm, q.y / RAD] : [NaN, NaN];
    },
    fromLonLat: (p) => {
      const q = proj.forward({ x: (p[0]! - pm) * RAD, y: p[1]! * RAD });
      return q ? [q.x / k, q.y / k] : [NaN, NaN];
    },
  };
}

function fromProj4String(def: string): CrsInfo {
  const param = (k: string): string | undefined => new RegExp(`\\+${k}=(\\S+)`).exec(def)?.[1];
  const proj = param('proj');
  const geographic = proj === 'longlat' || proj === 'latlong';
  let datum: Datum | 'other' = 'other';
  const ellps = param('ellps');
  const a = param('a');
  if (ellps === 'GRS80' || param('datum') === 'CGCS2000') datum = 'CGCS2000';
  else if (ellps === 'WGS84' || param('datum') === 'WGS84') datum = 'WGS84';
  else if (ellps === 'krass') datum = 'Beijing1954';
  else if (a === '6378140') datum = 'Xian1980';
  let gk: GaussKruger | undefined;
  const lon0 = Number(param('lon_0'));
  const x0 = Number(param('x_0') ?? 0);
  const k = Number(param('k') ?? param('k_0') ?? 1);
  const toMeter = param('to_meter');
  const units = param('units');
  const metres = (units === undefined || units === 'm') && (toMeter === undefined || Number(toMeter) === 1);
  if (proj === 'tmerc' && datum !== 'other' && k === 1 && metres && Number.isFinite(lon0)) {
    const zoneWidth: 3 | 6 = lon0 % 3 === 0 && (lon0 + 3) % 6 !== 0 ? 3 : lon0 % 3 === 0 ? 3 : 6;
    const zone = zoneWidth === 3 ? lon0 / 3 : (lon0 + 3) / 6;
    gk = {
      datum,
      zoneWidth,
      zone,
      centralMeridian: lon0,
      zonePrefix: x0 !== 500_000,
      falseEasting: x0,
    };
  }
  const label = gk ? labelGk(gk) : { zh: def, en: def };
  return { code: def, def, geographic, datum, gk, label };
}

export type PointTransform = (p: Position) => Position;

const transformCache = new Map<string, { toLonLat: PointTransform; fromLonLat: PointTransform }>();
const WGS84_DEF = GEOGRAPHIC[4326]!.def;

/** Transforms between a CRS and lon/lat. Throws only for an unknown CRS: callers check resolveCrs first. */
export function crsTransforms(crs: string): { toLonLat: PointTransform; fromLonLat: PointTransform } {
  const info = resolveCrs(crs);
  if (!info) throw new Error(`unknown CRS: ${crs}`);
  const cached = transformCache.get(info.def);
  if (cached) return cached;
  let t: { toLonLat: PointTransform; fromLonLat: PointTransform };
  const wkt = isWktCrs(info.def) ? parseWkt(info.def) : undefined;
  if (typeof wkt === 'object') {
    t = wktTransforms(wkt);
  } else if (info.geographic) {
    const id: PointTransform = (p) => [p[0]!, p[1]!];
    t = { toLonLat: id, fromLonLat: id };
  } else {
    // Project through the CRS's own ellipsoid without a datum shift (see ELLIPSOID above): inverse to
    // geographic on that ellipsoid, taken as CGCS2000 lon/lat.
    const geoDef = info.def
      .replace(/\+proj=tmerc.*?(?=\+ellps|\+a=)/, '+proj=longlat ')
      .replace(/\+units=m\s*/, '');
    const conv = proj4(geoDef.includes('+proj=longlat') ? geoDef : WGS84_DEF, info.def);
    t = {
      toLonLat: (p) => conv.inverse([p[0]!, p[1]!]),
      fromLonLat: (p) => conv.forward([p[0]!, p[1]!]),
    };
  }
  transformCache.set(info.def, t);
  return t;
}

/** Reprojects every position of a geometry-like coordinate array tree. */
export function mapPositions<T>(coords: T, f: PointTransform): T {
  // A position is an array holding no arrays, whatever its members are (f judges them).
  if (Array.isArray(coords) && coords.length > 0 && !coords.some(Array.isArray)) {
    const out = f(coords as unknown as Position);
    return (coords.length > 2 ? [...out.slice(0, 2), ...coords.slice(2)] : out) as unknown as T;
  }
  if (Array.isArray(coords)) return coords.map((c) => mapPositions(c, f)) as unknown as T;
  return coords;
}

/** Converts x, y pairs of `src` into `dst` (which may be `src`); non-finite results stay non-finite. */
export type ArrayTransform = (src: ArrayLike<number>, dst: Float64Array) => void;

// Semi-major axis and flattening of the Gauss-Kruger datums (the ELLIPSOID strings above).
const AXES: Record<Datum, { a: number; f: number }> = {
  CGCS2000: { a: 6378137, f: 1 / 298.257222101 },
  WGS84: { a: 6378137, f: 1 / 298.257223563 },
  Xian1980: { a: 6378140, f: 1 / 298.257 },
  Beijing1954: { a: 6378245, f: 1 / 298.3 },
};

const arrayCache = new Map<string, { toLonLat: ArrayTransform; fromLonLat: ArrayTransform }>();

/**
 * Transforms between a CRS and lon/lat over whole arrays of x, y pairs. The Gauss-Kruger zones
 * zonemap defines use Krüger's series (gauss-kruger.ts, one pass, no array per vertex); any other
 * CRS runs its point transform over the pairs.
 */
export function crsArrayTransforms(crs: string): { toLonLat: ArrayTransform; fromLonLat: ArrayTransform } {
  const info = resolveCrs(crs);
  if (!info) throw new Error(`unknown CRS: ${crs}`);
  const cached = arrayCache.get(info.def);
  if (cached) return cached;
  let t: { toLonLat: ArrayTransform; fromLonLat: ArrayTransform };
  const gk = info.gk;
  if (gk && !isWktCrs(info.def) && info.def === gaussKrugerDef(gk)) {
    const conv = gaussKrugerConverter({
      ...AXES[gk.datum],
      lon0: gk.centralMeridian,
      falseEasting: gk.falseEasting,
    });
    t = { toLonLat: (s, d) => conv.inverse(s, d), fromLonLat: (s, d) => conv.forward(s, d) };
  } else {
    const p = crsTransforms(crs);
    const each =
      (f: PointTransform): ArrayTransform =>
      (s, d) => {
        for (let i = 0; i + 1 < s.length; i += 2) {
          const q = f([s[i]!, s[i + 1]!]);
          d[i] = q[0]!;
          d[i + 1] = q[1]!;
        }
      };
    t = { toLonLat: each(p.toLonLat), fromLonLat: each(p.fromLonLat) };
  }
  arrayCache.set(info.def, t);
  return t;
}
