// Coordinate reference systems planners hand us: geographic WGS84/CGCS2000 and the Gauss-Kruger
// families of CGCS2000, Xian 1980 and Beijing 1954 (domain.md). EPSG numbering follows the EPSG
// registry; every definition is built from the zone's parameters rather than a stored table.
import proj4 from 'proj4';
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
  return undefined;
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
  if (proj === 'tmerc' && datum !== 'other' && k === 1 && Number.isFinite(lon0)) {
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
  if (info.geographic) {
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
