// Every Gauss-Kruger CRS zonemap knows (CGCS2000, Xian 1980, Beijing 1954; 3- and 6-degree; with
// and without the zone number) plus the geographic ones, for a CRS picker searchable by EPSG code
// or by name ("4547", "CGCS2000 114", "西安80 38带", "北京54 6度 20").
import { gaussKrugerCode, resolveCrs, type CrsInfo, type Datum } from '../../core/crs.ts';

const DATUMS: Datum[] = ['CGCS2000', 'Xian1980', 'Beijing1954'];

export function crsCatalog(): CrsInfo[] {
  const out: CrsInfo[] = [];
  for (const code of ['EPSG:4490', 'EPSG:4326', 'EPSG:4610', 'EPSG:4214']) out.push(resolveCrs(code)!);
  for (const datum of DATUMS) {
    for (const width of [3, 6] as const) {
      const [first, last] = width === 3 ? [25, 45] : [13, 23];
      for (const prefix of [true, false]) {
        for (let zone = first; zone <= last; zone++) {
          const code = gaussKrugerCode(datum, width, zone, prefix);
          const info = code ? resolveCrs(code) : undefined;
          if (info) out.push(info);
        }
      }
    }
  }
  return out;
}

const ALIASES: [RegExp, string][] = [
  [/西安\s*80|西安\s*1980|xian\s*_?80|xian\s*_?1980/gi, 'xian1980'],
  [/北京\s*54|北京\s*1954|beijing\s*_?54|beijing\s*_?1954/gi, 'beijing1954'],
  [/国家\s*2000|cgcs\s*_?2000|2000\s*坐标/gi, 'cgcs2000'],
  [/(\d)\s*(度带|度|°|degree|deg)/gi, '$1deg'],
  [/第?(\d{2})\s*带|zone\s*(\d{2})/gi, 'zone$1$2'],
];

function normalise(text: string): string {
  let t = text;
  for (const [re, rep] of ALIASES) t = t.replace(re, rep);
  return t.toLowerCase();
}

function searchText(info: CrsInfo): string {
  const gk = info.gk;
  const parts = [info.code.toLowerCase(), info.code.replace('EPSG:', ''), info.datum.toLowerCase()];
  if (gk) {
    parts.push(
      `${gk.zoneWidth}deg`,
      `zone${gk.zone}`,
      String(gk.zone),
      `cm${gk.centralMeridian}`,
      String(gk.centralMeridian),
    );
    parts.push(gk.zonePrefix ? 'prefix 带号' : 'noprefix 无带号');
  } else parts.push('geographic 经纬度');
  return parts.join(' ');
}

/** Catalog entries matching every word of the query (EPSG numbers, datum names, zone, CM). */
export function searchCrs(query: string, limit = 50): CrsInfo[] {
  const words = normalise(query)
    .split(/[\s,，]+/)
    .filter(Boolean);
  if (words.length === 0) return [];
  const hits = crsCatalog().filter((info) => {
    const hay = searchText(info);
    return words.every((w) => (/^\d+$/.test(w) ? hay.split(' ').includes(w) : hay.includes(w)));
  });
  return hits.slice(0, limit);
}
