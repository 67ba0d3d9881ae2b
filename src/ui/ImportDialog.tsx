import './words-data.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { crsShortName } from '../core/crs.ts';
import { CANONICAL_FIELDS, resolveFieldMapping } from '../core/fields.ts';
import { LAYER_ROLES, type LayerRole, type Problem } from '../core/types.ts';
import { searchCrs } from '../io/coords/crs-catalog.ts';
import { layerBounds } from '../map/map-view.ts';
import { openProjectFiles } from '../state/open-project.ts';
import { groupImportFiles } from '../state/group-files.ts';
import { uniqueLayerId } from '../state/project-edit.ts';
import { addImportedLayer, replaceLayerData } from '../state/edit.ts';
import { importAsScenario } from '../state/scenarios.ts';
import { useScenarioWords } from './scenario-words.ts';
import { layerTitle } from './layer-title.ts';
import { store, useAppState } from '../state/store.ts';
import type { ImportOptions, ImportResult } from '../worker/import-api.ts';
import { importInWorker } from '../worker/import-client.ts';
import { useT } from './i18n-context.ts';
import { ProblemItems } from './ProblemList.tsx';

const KINDS: Partial<Record<LayerRole, string[]>> = {
  admin: ['county', 'township', 'village'],
  constraint: ['basic-farmland', 'ecological-redline', 'urban-boundary'],
  plan: ['industry-plan', 'land-use-plan', 'urban-plan'],
};

const UNUSABLE = new Set([
  'projected-without-crs',
  'coordinate-out-of-range',
  'unknown-crs',
  'file-too-large',
  'layer-too-large',
  'invalid-json',
]);

/** Guess a role from the file name, as planners name their files. */
export function guessRole(fileName: string): LayerRole {
  const n = fileName.toLowerCase();
  if (/road|道路|路网/.test(n)) return 'road';
  if (/village|村庄|搬迁/.test(n)) return 'village';
  if (/town|乡镇|行政|county|县界/.test(n)) return 'admin';
  if (/dltb|landuse|地类|现状|三调/.test(n)) return 'landuse';
  if (/farm|农田|redline|红线|开发边界|ubound/.test(n)) return 'constraint';
  if (/enterprise|企业|项目/.test(n)) return 'enterprise';
  if (/park|园区/.test(n)) return 'park';
  if (/zone|规划范围|集聚区|四至/.test(n)) return 'zone';
  if (/plan|规划/.test(n)) return 'plan';
  return 'landuse';
}

function projectCentreLon(): number | undefined {
  const project = store.get().project;
  const zone = project?.layers.find((l) => l.role === 'zone') ?? project?.layers[0];
  const b = zone && layerBounds(zone);
  return b ? (b[0] + b[2]) / 2 : undefined;
}

export function ImportDialog({ files, onClose }: { files: File[]; onClose: () => void }) {
  const { t, td, lang } = useT();
  const project = useAppState((s) => s.project);
  const [loaded, setLoaded] = useState<(ImportResult & { fileName: string }) | null>(null);
  const [progress, setProgress] = useState(0);
  const [running, setRunning] = useState<{ cancel(): void } | null>(null);
  const [role, setRole] = useState<LayerRole>('landuse');
  const [kind, setKind] = useState<string>('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [opts, setOpts] = useState<ImportOptions>({});
  const [crsQuery, setCrsQuery] = useState('');
  const [projectChecked, setProjectChecked] = useState(false);
  const [projectProblems, setProjectProblems] = useState<Problem[]>([]);
  const { sw } = useScenarioWords();
  // A file of a role the project has a layer of already: replace it, add beside it, or keep it as
  // a scenario; asked every time, so two boundaries are never counted together unasked.
  const [same, setSame] = useState<'replace' | 'add' | 'scenario' | null>(null);
  const [target, setTarget] = useState('');
  const [scenarioName, setScenarioName] = useState('');
  // Several files are imported one after another; loose Shapefile parts count as one.
  const [queue, setQueue] = useState<File[]>([]);
  const [index, setIndex] = useState(0);
  const file = queue[index];
  const next = () => {
    if (index + 1 >= queue.length) return onClose();
    setOpts({});
    setIndex(index + 1);
  };

  // The parent passes a new onClose on each render; the effects below must not restart for that.
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // Once per set of files: a zonemap.json (with its files) or a project bundle opens as a whole
  // project; anything else becomes the queue of layers to import (loose Shapefile parts zipped).
  useEffect(() => {
    let live = true;
    void openProjectFiles(files).then(({ opened, problems }) => {
      if (!live) return;
      if (opened) onCloseRef.current();
      else
        void groupImportFiles(files).then((grouped) => {
          if (!live) return;
          setQueue(grouped);
          setProjectProblems(problems);
          setProjectChecked(true);
        });
    });
    return () => {
      live = false;
    };
  }, [files]);

  useEffect(() => {
    if (!file || !projectChecked || projectProblems.length > 0) return;
    setLoaded(null);
    setProgress(0);
    const job = importInWorker(file, { hintLon: projectCentreLon(), ...opts }, setProgress);
    setRunning(job);
    void job.result.then((r) => {
      setRunning(null);
      if (r) setLoaded({ ...r, fileName: file.name });
    });
    return () => job.cancel();
  }, [file, projectChecked, projectProblems, opts]);

  useEffect(() => {
    if (file) setRole(guessRole(file.name));
    setSame(null);
    setScenarioName(file ? file.name.replace(/\.[^.]+$/, '') : '');
  }, [file]);

  useEffect(() => {
    if (!loaded) return;
    setMapping(resolveFieldMapping(role, loaded.features));
    setKind(KINDS[role]?.[0] ?? '');
  }, [loaded, role]);

  const propertyNames = useMemo(() => {
    const names = new Set<string>();
    for (const f of loaded?.features.slice(0, 500) ?? [])
      for (const k of Object.keys(f.properties ?? {})) names.add(k);
    return [...names];
  }, [loaded]);
  const crsChoices = useMemo(() => (crsQuery.trim() ? searchCrs(crsQuery, 30) : []), [crsQuery]);
  const likelyCrs = loaded?.problems.find((p) => p.code === 'projected-without-crs') as
    { params?: { likely?: string } } | undefined;

  const sameRole = (project?.layers ?? []).filter(
    (l) => l.role === role && (!KINDS[role] || (l.kind ?? '') === kind),
  );
  const into = sameRole.find((l) => l.id === target) ?? sameRole[0];

  function add() {
    if (!loaded || !project) return;
    if (into && !same) return;
    const id = into && same !== 'add' ? into.id : uniqueLayerId(project, loaded.fileName);
    const layer = {
      id,
      ...(into && same === 'replace' && into.name !== undefined ? { name: into.name } : {}),
      role,
      ...(kind ? { kind } : {}),
      file: loaded.fileName,
      crs: loaded.crs,
      fields: mapping,
      features: loaded.features,
    };
    const layerProblems = loaded.problems.map((p) => ({ ...p, layer: id }));
    if (into && same === 'replace') replaceLayerData(layer, layerProblems);
    else if (into && same === 'scenario') importAsScenario(into.id, layer, scenarioName);
    else addImportedLayer(layer, layerProblems);
    next();
  }

  // Coordinates that are not lon/lat yet cannot go on the map; other problems are listed for repair.
  const fatal =
    !loaded ||
    loaded.features.length === 0 ||
    loaded.problems.some((p) => p.severity === 'error' && UNUSABLE.has(p.code));
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="import-dialog">
      <div className="modal">
        <h2>
          {t('importTitle')} <span className="muted">{file?.name}</span>
        </h2>
        {projectProblems.length > 0 && (
          <div className="problems" data-testid="import-problems">
            <ProblemItems problems={projectProblems} />
          </div>
        )}
        {running && (
          <div className="progress" data-testid="import-progress">
            <progress value={progress} max={1} /> {Math.round(progress * 100)}%
            <button onClick={() => running.cancel()} data-testid="import-cancel">
              {t('cancel')}
            </button>
          </div>
        )}
        {loaded && (
          <>
            {loaded.features.length > 0 && (
              <p data-testid="import-summary">
                {loaded.features.length} {t('featuresRead')} · {t('crs')}:{' '}
                <code title={loaded.crs}>{crsShortName(loaded.crs)}</code>
              </p>
            )}
            {loaded.problems.length > 0 && (
              <div className="problems" data-testid="import-problems">
                <ProblemItems problems={loaded.problems} />
              </div>
            )}
            <details open={!!likelyCrs} className="crs-options">
              <summary>{t('coordinateOptions')}</summary>
              <div className="form-grid">
                <label>{t('crs')}</label>
                <div>
                  <input
                    placeholder={t('crsSearchHint')}
                    value={crsQuery}
                    onChange={(e) => setCrsQuery(e.target.value)}
                    data-testid="crs-search"
                  />
                  {likelyCrs?.params?.likely && (
                    <button
                      onClick={() => setOpts({ ...opts, crs: likelyCrs.params!.likely })}
                      data-testid="crs-use-likely"
                    >
                      {t('useCrs')} {likelyCrs.params.likely}
                    </button>
                  )}
                  {crsChoices.length > 0 && (
                    <select
                      size={Math.min(6, crsChoices.length)}
                      onChange={(e) => setOpts({ ...opts, crs: e.target.value })}
                      data-testid="crs-choices"
                    >
                      {crsChoices.map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.code} · {c.label[lang]}
                        </option>
                      ))}
                    </select>
                  )}
                </div>
                <label>{t('offsetSystem')}</label>
                <select
                  value={opts.offset ?? ''}
                  onChange={(e) =>
                    setOpts({ ...opts, offset: (e.target.value || undefined) as ImportOptions['offset'] })
                  }
                >
                  <option value="">{t('offsetNone')}</option>
                  <option value="GCJ02">GCJ-02（高德、腾讯）</option>
                  <option value="BD09">BD-09（百度）</option>
                </select>
                <label>{t('swapAxes')}</label>
                <input
                  type="checkbox"
                  checked={!!opts.swapAxes}
                  onChange={(e) => setOpts({ ...opts, swapAxes: e.target.checked })}
                />
              </div>
            </details>
            {!fatal && (
              <>
                <label>
                  {t('role')}{' '}
                  <select
                    value={role}
                    onChange={(e) => setRole(e.target.value as LayerRole)}
                    data-testid="import-role"
                  >
                    {LAYER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {td(`role.${r}`, r)}
                      </option>
                    ))}
                  </select>
                </label>{' '}
                {KINDS[role] && (
                  <select value={kind} onChange={(e) => setKind(e.target.value)}>
                    {KINDS[role]!.map((k) => (
                      <option key={k} value={k}>
                        {td(`kind.${k}`, k)}
                      </option>
                    ))}
                  </select>
                )}
                {into && (
                  <fieldset className="same-role" data-testid="import-same-role">
                    <legend>{sw('sameRole', { layer: layerTitle(into, td) })}</legend>
                    {sameRole.length > 1 && (
                      <select
                        value={into.id}
                        onChange={(e) => setTarget(e.target.value)}
                        data-testid="import-same-target"
                      >
                        {sameRole.map((l) => (
                          <option key={l.id} value={l.id}>
                            {layerTitle(l, td)} ({l.id})
                          </option>
                        ))}
                      </select>
                    )}
                    {(['replace', 'add', 'scenario'] as const).map((choice) => (
                      <label key={choice} className="same-choice">
                        <input
                          type="radio"
                          name="same-role"
                          value={choice}
                          checked={same === choice}
                          onChange={() => setSame(choice)}
                          data-testid={`import-same-${choice}`}
                        />{' '}
                        {sw(
                          choice === 'replace'
                            ? 'sameReplace'
                            : choice === 'add'
                              ? 'sameAdd'
                              : 'sameScenario',
                        )}
                      </label>
                    ))}
                    {same === 'scenario' && (
                      <input
                        value={scenarioName}
                        aria-label={sw('scenarioFrom')}
                        placeholder={sw('scenarioFrom')}
                        onChange={(e) => setScenarioName(e.target.value)}
                        data-testid="import-scenario-name"
                      />
                    )}
                  </fieldset>
                )}
                <h3>{t('fieldMapping')}</h3>
                <table className="stats compact" data-testid="field-mapping">
                  <tbody>
                    {CANONICAL_FIELDS[role].map((c) => (
                      <tr key={c}>
                        <th>{td(`field.${c}`, c)}</th>
                        <td>
                          <select
                            value={mapping[c] ?? ''}
                            onChange={(e) => setMapping({ ...mapping, [c]: e.target.value })}
                          >
                            <option value="">—</option>
                            {propertyNames.map((p) => (
                              <option key={p} value={p}>
                                {p}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
        <div className="modal-actions">
          <button onClick={onClose}>{t('close')}</button>
          {queue.length > 1 && (
            <button onClick={next}>
              {t('skip')} ({index + 1}/{queue.length})
            </button>
          )}
          <button
            className="primary"
            onClick={add}
            disabled={fatal || (!!into && !same)}
            title={into && !same ? sw('chooseFirst') : undefined}
            data-testid="import-add"
          >
            {t('addLayer')}
          </button>
        </div>
      </div>
    </div>
  );
}
