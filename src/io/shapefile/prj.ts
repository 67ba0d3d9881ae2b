// Maps a .prj (ESRI or OGC WKT) to a CRS code that src/core/crs.ts understands. The parameters
// (ellipsoid, central meridian, false easting) decide, not the names, because every program spells
// the names differently ("CGCS2000_3_Degree_GK_CM_114E", "CGCS_2000_GK_Zone_38", "Xian_1980_...").
import { gaussKrugerCode, wktName, wktProblem, type Datum } from '../../core/crs.ts';

const GEOGRAPHIC_CODE: Record<Datum, string> = {
  WGS84: 'EPSG:4326',
  CGCS2000: 'EPSG:4490',
  Xian1980: 'EPSG:4610',
  Beijing1954: 'EPSG:4214',
};

function datumOf(wkt: string): Datum | undefined {
  const m = /SPHEROID\s*\[\s*"[^"]*"\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(wkt);
  const upper = wkt.toUpperCase();
  if (m) {
    const a = Number(m[1]);
    const rf = Number(m[2]);
    if (a === 6378140) return 'Xian1980';
    if (a === 6378245) return 'Beijing1954';
    if (a === 6378137) {
      if (Math.abs(rf - 298.257222101) < 1e-8) return 'CGCS2000';
      if (Math.abs(rf - 298.257223563) < 1e-8) return upper.includes('2000') ? 'CGCS2000' : 'WGS84';
    }
    return undefined;
  }
  if (upper.includes('2000')) return 'CGCS2000';
  if (upper.includes('XIAN')) return 'Xian1980';
  if (upper.includes('BEIJING')) return 'Beijing1954';
  if (upper.includes('WGS')) return 'WGS84';
  return undefined;
}

function parameter(wkt: string, name: RegExp): number | undefined {
  const re = /PARAMETER\s*\[\s*"([^"]+)"\s*,\s*(-?[\d.eE+-]+)/gi;
  for (let m = re.exec(wkt); m; m = re.exec(wkt)) {
    if (name.test(m[1]!)) return Number(m[2]);
  }
  return undefined;
}

/** The top-level AUTHORITY["EPSG","nnnn"] of an OGC WKT: the last one in the string. */
function topAuthority(wkt: string): number | undefined {
  const all = [...wkt.matchAll(/AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = all[all.length - 1];
  // The last authority belongs to the outermost element only when it closes the WKT.
  if (!last || !/^\s*\]\s*$/.test(wkt.slice(last.index + last[0].length))) return undefined;
  return Number(last[1]);
}

export interface PrjResult {
  /** an EPSG code, a proj4 string or the WKT itself; undefined when not understood */
  crs?: string;
  /** what the .prj named itself, for messages */
  name: string;
  /** why it was not understood */
  reason?: string;
}

/** The number of the projected CRS's own UNIT (the last top-level one in WKT 1), if any. */
function linearUnit(wkt: string): number | undefined {
  let depth = 0;
  let found: number | undefined;
  for (let i = 0; i < wkt.length; i++) {
    const c = wkt[i];
    if (c === '[') {
      depth++;
      if (depth === 2 && /UNIT\s*$/i.test(wkt.slice(Math.max(0, i - 8), i))) {
        const m = /^\[\s*"[^"]*"\s*,\s*([-+\d.eE]+)/.exec(wkt.slice(i));
        found = m ? Number(m[1]) : undefined;
      }
    } else if (c === ']') depth--;
  }
  return found;
}

function inMetres(wkt: string): boolean {
  if (/^PROJCS/i.test(wkt)) return linearUnit(wkt) === 1;
  // WKT 2 gives a LENGTHUNIT to every length (parameters, axes): all of them must be metres.
  const units = [...wkt.matchAll(/LENGTHUNIT\s*\[\s*"[^"]*"\s*,\s*([-+\d.eE]+)/gi)];
  return units.length > 0 && units.every((m) => Number(m[1]) === 1);
}

/** Any other WKT goes to proj4js through core, which refuses what it cannot read for certain. */
function generic(text: string): PrjResult {
  const name = wktName(text);
  const reason = wktProblem(text);
  return reason ? { name, reason } : { crs: text, name };
}

export function crsFromPrj(wkt: string): PrjResult {
  const text = wkt.trim();
  const name = /^\w+\s*\[\s*"([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 60);
  const datum = datumOf(text);
  const isProjected = /^PROJCS|^PROJCRS/i.test(text);
  if (!isProjected) {
    const auth = topAuthority(text);
    if (auth && [4326, 4490, 4610, 4214].includes(auth)) return { crs: `EPSG:${auth}`, name };
    return datum ? { crs: GEOGRAPHIC_CODE[datum], name } : generic(text);
  }
  // Our own readings below assume metres; a .prj in feet (US State Plane) or any other unit goes
  // to proj4js, which scales the coordinates and the false easting/northing by the unit.
  if (!inMetres(text)) return generic(text);
  const projection = /PROJECTION\s*\[\s*"([^"]+)"/i.exec(text)?.[1] ?? '';
  const cm = parameter(text, /^(central_meridian|longitude_of_origin|longitude of natural origin)$/i);
  const fe = parameter(text, /^false_easting$|^false easting$/i) ?? 0;
  const fn = parameter(text, /^false_northing$|^false northing$/i) ?? 0;
  const k = parameter(text, /^scale_factor$|^scale factor at natural origin$/i) ?? 1;
  const lat0 = parameter(text, /^latitude_of_origin$|^latitude of natural origin$/i) ?? 0;
  if (/gauss|transverse_mercator|transverse mercator/i.test(projection) && cm !== undefined && datum) {
    if (k === 1 && lat0 === 0 && fn === 0 && datum !== 'WGS84') {
      const code = gkCode(datum, cm, fe, name);
      if (code) return { crs: code, name };
    }
    const ellps = {
      CGCS2000: '+ellps=GRS80',
      WGS84: '+ellps=WGS84',
      Xian1980: '+a=6378140 +rf=298.257',
      Beijing1954: '+ellps=krass',
    }[datum];
    return {
      crs: `+proj=tmerc +lat_0=${lat0} +lon_0=${cm} +k=${k} +x_0=${fe} +y_0=${fn} ${ellps} +units=m +no_defs`,
      name,
    };
  }
  if (/mercator_auxiliary_sphere|pseudo.?mercator/i.test(projection + name) || topAuthority(text) === 3857) {
    return {
      crs: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs',
      name,
    };
  }
  return generic(text);
}

function gkCode(datum: Datum, cm: number, fe: number, name: string): string | undefined {
  const prefixZone = Math.floor(fe / 1_000_000);
  const prefixed = fe !== 500_000;
  if (prefixed && fe !== prefixZone * 1_000_000 + 500_000) return undefined;
  const says6 = /6_?deg|6度/i.test(name);
  const says3 = /3_?deg|3度/i.test(name);
  const fits3 = cm % 3 === 0 && (!prefixed || prefixZone * 3 === cm);
  const fits6 = (cm + 3) % 6 === 0 && (!prefixed || prefixZone * 6 - 3 === cm);
  // A CM such as 111° is both 3-degree zone 37 and 6-degree zone 19; both give the same projection,
  // so the name breaks the tie and 3-degree (what county data mostly uses) is the default.
  const width: 3 | 6 | undefined =
    fits3 && fits6 ? (says6 && !says3 ? 6 : 3) : fits3 ? 3 : fits6 ? 6 : undefined;
  if (!width) return undefined;
  const zone = width === 3 ? cm / 3 : (cm + 3) / 6;
  return gaussKrugerCode(datum, width, zone, prefixed);
}
