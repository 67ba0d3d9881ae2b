// ESRI-style .prj text for the CRSs zonemap writes, built from the zone's parameters in the form
// ArcGIS and GDAL write themselves, so both recognise the zone.
import { resolveCrs, type Datum } from '../../core/crs.ts';

const GEOGCS: Record<Datum, string> = {
  CGCS2000:
    'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  WGS84:
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  Xian1980:
    'GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  Beijing1954:
    'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
};

const PREFIX: Record<Datum, string> = {
  CGCS2000: 'CGCS2000',
  WGS84: 'WGS_1984',
  Xian1980: 'Xian_1980',
  Beijing1954: 'Beijing_1954',
};

const num = (n: number): string => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/** The .prj text of a geographic or Gauss-Kruger CRS; undefined for anything else. */
export function prjFor(crs: string): string | undefined {
  const info = resolveCrs(crs);
  if (!info || info.datum === 'other') return undefined;
  if (info.geographic) return GEOGCS[info.datum];
  const gk = info.gk;
  if (!gk) return undefined;
  const degrees = gk.zoneWidth === 3 ? '3_Degree_' : '';
  const name = gk.zonePrefix
    ? `${PREFIX[gk.datum]}_${degrees}GK_Zone_${gk.zone}`
    : `${PREFIX[gk.datum]}_${degrees}GK_CM_${gk.centralMeridian}E`;
  return (
    `PROJCS["${name}",${GEOGCS[gk.datum]},PROJECTION["Gauss_Kruger"],` +
    `PARAMETER["False_Easting",${num(gk.falseEasting)}],PARAMETER["False_Northing",0.0],` +
    `PARAMETER["Central_Meridian",${num(gk.centralMeridian)}],PARAMETER["Scale_Factor",1.0],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}
