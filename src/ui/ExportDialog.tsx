import './words-data.ts';
import { useMemo, useState } from 'react';
import { gaussKrugerCode, gk3ZoneForLon, resolveCrs } from '../core/crs.ts';
import type { Project, ProjectLayer } from '../core/types.ts';
import { writeGeoJson } from '../io/export/geojson.ts';
import { writeKml } from '../io/export/kml.ts';
import { writeCsvFeatures } from '../io/export/csv.ts';
import { writeShapefileZip } from '../io/export/shapefile.ts';
import { writeProjectBundle } from '../io/export/project-bundle.ts';
import { layerBounds } from '../map/map-view.ts';
import { useAppState } from '../state/store.ts';
import { BASE_SCENARIO_ID, scenarioProject, scenariosOf } from '../core/scenarios.ts';
import { scenarioWord } from './scenario-words.ts';
import { download } from './download.ts';
import { useT } from './i18n-context.ts';
import { layerTitle } from './layer-title.ts';

type Format = 'geojson' | 'shapefile' | 'kml' | 'csv' | 'bundle';

/** The CGCS2000 3-degree zone of the project's centre, with and without the zone number. */
function gkChoices(project: Project): string[] {
  const zone = project.layers.find((l) => l.role === 'zone') ?? project.layers[0];
  const b = zone && layerBounds(zone);
  const lon = b ? (b[0] + b[2]) / 2 : 114;
  const n = gk3ZoneForLon(lon);
  return [
    gaussKrugerCode('CGCS2000', 3, n, false),
    gaussKrugerCode('CGCS2000', 3, n, true),
    'EPSG:4490',
  ].filter((c): c is string => c !== undefined);
}

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t, td, lang } = useT();
  const whole = useAppState((s) => s.project);
  // A layer is exported as one scenario has it (the current one unless chosen); a bundle holds all.
  const [scenario, setScenario] = useState<string>(whole ? scenariosOf(whole).active : BASE_SCENARIO_ID);
  const project = useMemo(() => (whole ? scenarioProject(whole, scenario) : null), [whole, scenario]);
  const [layerId, setLayerId] = useState<string>(project?.layers[0]?.id ?? '');
  const [format, setFormat] = useState<Format>('shapefile');
  const crsOptions = useMemo(() => (project ? gkChoices(project) : []), [project]);
  const [crs, setCrs] = useState<string>(crsOptions[0] ?? 'EPSG:4490');
  const [encoding, setEncoding] = useState<'utf-8' | 'gbk'>('gbk');
  const [notes, setNotes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (!project) return null;
  const layer: ProjectLayer | undefined = project.layers.find((l) => l.id === layerId);

  async function run() {
    if (!project) return;
    setError(null);
    setNotes([]);
    try {
      if (format === 'bundle') {
        if (whole) download(await writeProjectBundle(whole), `${whole.name}.zip`, 'application/zip');
        return;
      }
      if (!layer) return;
      const base = scenario === (whole && scenariosOf(whole).active) ? layer.id : `${layer.id}-${scenario}`;
      if (format === 'geojson')
        download(writeGeoJson(layer.features, { name: base }), `${base}.geojson`, 'application/geo+json');
      else if (format === 'kml')
        download(
          writeKml(layer.features, { name: base }),
          `${base}.kml`,
          'application/vnd.google-earth.kml+xml',
        );
      else if (format === 'csv')
        download(writeCsvFeatures(layer.features, { encoding }), `${base}.csv`, 'text/csv');
      else {
        const out = await writeShapefileZip(layer.features, { name: base, crs, encoding });
        setNotes(out.notes.map((n) => (lang === 'zh' ? n.zh : n.en)));
        download(out.bytes, `${base}.zip`, 'application/zip');
      }
    } catch (e) {
      setError(String((e as Error)?.message ?? e));
    }
  }

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="export-dialog">
      <div className="modal">
        <h2>{t('exportTitle')}</h2>
        <div className="form-grid">
          <label>{t('format')}</label>
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
            data-testid="export-format"
          >
            <option value="shapefile">Shapefile (.zip)</option>
            <option value="geojson">GeoJSON</option>
            <option value="kml">KML</option>
            <option value="csv">CSV</option>
            <option value="bundle">{t('projectBundle')}</option>
          </select>
          {format !== 'bundle' && whole && scenariosOf(whole).list.length > 1 && (
            <>
              <label>{scenarioWord(lang, 'exportScenario')}</label>
              <select
                value={scenario}
                onChange={(e) => setScenario(e.target.value)}
                data-testid="export-scenario"
              >
                {scenariosOf(whole).list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id === BASE_SCENARIO_ID ? scenarioWord(lang, 'base') : s.name}
                  </option>
                ))}
              </select>
            </>
          )}
          {format !== 'bundle' && (
            <>
              <label>{t('layer')}</label>
              <select value={layerId} onChange={(e) => setLayerId(e.target.value)} data-testid="export-layer">
                {project.layers.map((l) => (
                  <option key={l.id} value={l.id}>
                    {layerTitle(l, td)} ({l.id})
                  </option>
                ))}
              </select>
            </>
          )}
          {format === 'shapefile' && (
            <>
              <label>{t('crs')}</label>
              <select value={crs} onChange={(e) => setCrs(e.target.value)}>
                {crsOptions.map((c) => (
                  <option key={c} value={c}>
                    {c} · {resolveCrs(c)?.label[lang]}
                  </option>
                ))}
              </select>
            </>
          )}
          {(format === 'shapefile' || format === 'csv') && (
            <>
              <label>{t('encoding')}</label>
              <select value={encoding} onChange={(e) => setEncoding(e.target.value as 'utf-8' | 'gbk')}>
                <option value="gbk">GBK ({t('encodingGbkHint')})</option>
                <option value="utf-8">UTF-8</option>
              </select>
            </>
          )}
        </div>
        {notes.length > 0 && (
          <ul className="muted">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        {error && <p className="error">{error}</p>}
        <div className="modal-actions">
          <button onClick={onClose}>{t('close')}</button>
          <button className="primary" onClick={() => void run()} data-testid="export-run">
            {t('export')}
          </button>
        </div>
      </div>
    </div>
  );
}
