// CSV with coordinate columns (经度/纬度, lon/lat, x/y) or a WKT column → features.
import type { Feature, Geometry } from 'geojson';
import { setOwn } from '../shapefile/dbf.ts';
import { errorOf, warningOf, type IoProblem } from '../problem.ts';
import { makeFeature, type RawLayer } from '../read-types.ts';
import { decodeText, type TextEncodingName } from '../text-encoding.ts';
import { parseWkt } from '../wkt.ts';
import { cellValue, parseCsv, type Cell } from './csv-text.ts';

const X_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经', 'easting', 'e', 'x坐标', '横坐标'];
const Y_NAMES = ['lat', 'latitude', 'y', '纬度', '北纬', 'northing', 'n', 'y坐标', '纵坐标'];
const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', '几何', '图形'];

function findColumn(header: string[], names: string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const i = lower.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

export interface CsvColumns {
  x: number;
  y: number;
  wkt: number;
}

export function coordinateColumns(header: string[]): CsvColumns {
  return {
    x: findColumn(header, X_NAMES),
    y: findColumn(header, Y_NAMES),
    wkt: findColumn(header, WKT_NAMES),
  };
}

function numberOf(cell: Cell | undefined): number {
  const t = cell?.text.trim() ?? '';
  return t === '' ? NaN : Number(t);
}

export function readCsvBytes(bytes: Uint8Array, file?: string, encoding?: TextEncodingName): RawLayer {
  const { text } = decodeText(bytes, encoding);
  const rows = parseCsv(text);
  const problems: IoProblem[] = [];
  // Header names are text as written, less the ' an export put before a would-be formula.
  const header = (rows[0] ?? []).map((c) => (c.quoted ? String(cellValue(c)) : c.text));
  const cols = coordinateColumns(header);
  const usePoints = cols.wkt < 0 && cols.x >= 0 && cols.y >= 0;
  if (cols.wkt < 0 && !usePoints) {
    return { features: [], problems: [errorOf('csv-no-coordinates', {}, { file })] };
  }
  const geometryColumns = new Set(usePoints ? [cols.x, cols.y] : [cols.wkt]);
  const features: Feature[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const props: Record<string, unknown> = {};
    header.forEach((name, c) => {
      if (!geometryColumns.has(c)) setOwn(props, name, row[c] ? cellValue(row[c]) : null);
    });
    let geometry: Geometry | null = null;
    const feature = features.length;
    if (usePoints) {
      const x = numberOf(row[cols.x]);
      const y = numberOf(row[cols.y]);
      if (Number.isFinite(x) && Number.isFinite(y)) geometry = { type: 'Point', coordinates: [x, y] };
      else if (row[cols.x]?.text.trim() || row[cols.y]?.text.trim()) {
        problems.push(
          warningOf(
            'csv-bad-geometry',
            { row: r + 1, detail: `${row[cols.x]?.text}, ${row[cols.y]?.text}` },
            { file, feature },
          ),
        );
      }
    } else {
      const wkt = row[cols.wkt]?.text ?? '';
      try {
        geometry = parseWkt(wkt);
      } catch (e) {
        const detail = e instanceof Error ? e.message : 'WKT';
        problems.push(warningOf('csv-bad-geometry', { row: r + 1, detail }, { file, feature }));
      }
    }
    features.push(makeFeature(geometry, props));
  }
  return { features, problems };
}
