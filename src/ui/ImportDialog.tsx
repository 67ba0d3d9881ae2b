import { useEffect, useMemo, useState } from 'react';
import { CANONICAL_FIELDS, resolveFieldMapping } from '../core/fields.ts';
import { LAYER_ROLES, type LayerRole, type Problem } from '../core/types.ts';
import { readLayerFile } from '../io/read.ts';
import { addLayer, uniqueLayerId } from '../state/project-edit.ts';
import { store, useAppState } from '../state/store.ts';
import { useT } from './i18n-context.ts';
import { ProblemItems } from './ProblemList.tsx';

const KINDS: Partial<Record<LayerRole, string[]>> = {
  admin: ['county', 'township', 'village'],
  constraint: ['basic-farmland', 'ecological-redline', 'urban-boundary'],
  plan: ['industry-plan', 'land-use-plan', 'urban-plan'],
};

interface Loaded {
  fileName: string;
  features: Awaited<ReturnType<typeof readLayerFile>>['features'];
  crs: string;
  problems: Problem[];
}

/** Guess a role from the file name, as planners name their files. */
function guessRole(fileName: string): LayerRole {
  const n = fileName.toLowerCase();
  if (/zone|规划范围|集聚区|四至/.test(n)) return 'zone';
  if (/road|道路|路网/.test(n)) return 'road';
  if (/village|村庄|搬迁/.test(n)) return 'village';
  if (/town|乡镇|行政|county|县界/.test(n)) return 'admin';
  if (/dltb|landuse|地类|现状|三调/.test(n)) return 'landuse';
  if (/farm|农田|redline|红线|边界|ubound/.test(n)) return 'constraint';
  if (/plan|规划/.test(n)) return 'plan';
  if (/enterprise|企业|项目/.test(n)) return 'enterprise';
  if (/park|园区/.test(n)) return 'park';
  return 'landuse';
}

export function ImportDialog({ files, onClose }: { files: File[]; onClose: () => void }) {
  const { t, td } = useT();
  const project = useAppState((s) => s.project);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [role, setRole] = useState<LayerRole>('landuse');
  const [kind, setKind] = useState<string>('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const file = files[0];

  useEffect(() => {
    if (!file) return;
    const controller = new AbortController();
    setRole(guessRole(file.name));
    void (async () => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await readLayerFile(file.name, bytes, {
          onProgress: setProgress,
          signal: controller.signal,
        } as never);
        if (controller.signal.aborted) return;
        setLoaded({
          fileName: file.name,
          features: result.features,
          crs: result.crs,
          problems: result.problems,
        });
      } catch (e) {
        if (!controller.signal.aborted) setError(String((e as Error)?.message ?? e));
      }
    })();
    return () => controller.abort();
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

  const hasErrors = loaded?.problems.some((p) => p.severity === 'error') ?? false;

  function add() {
    if (!loaded || !project) return;
    const id = uniqueLayerId(project, loaded.fileName);
    const layer = {
      id,
      role,
      ...(kind ? { kind } : {}),
      file: loaded.fileName,
      crs: loaded.crs,
      fields: mapping,
      features: loaded.features,
    };
    store.set((s) => ({
      project: s.project ? addLayer(s.project, layer) : s.project,
      visibility: { ...s.visibility, [id]: true },
      opacity: { ...s.opacity, [id]: 1 },
    }));
    onClose();
  }

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" data-testid="import-dialog">
      <div className="modal">
        <h2>
          {t('importTitle')} <span className="muted">{file?.name}</span>
        </h2>
        {!loaded && !error && (
          <div className="progress">
            <progress value={progress} max={1} /> <button onClick={onClose}>{t('cancel')}</button>
          </div>
        )}
        {error && <p className="error">{error}</p>}
        {loaded && (
          <>
            <p>
              {loaded.features.length} {t('featuresRead')} · {t('crs')}: <code>{loaded.crs}</code>
            </p>
            {loaded.problems.length > 0 && (
              <div className="problems" data-testid="import-problems">
                <ProblemItems problems={loaded.problems} />
              </div>
            )}
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
            <h3>{t('fieldMapping')}</h3>
            <table className="stats compact">
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
            <div className="modal-actions">
              <button onClick={onClose}>{t('cancel')}</button>
              <button
                className="primary"
                onClick={add}
                disabled={hasErrors || loaded.features.length === 0}
                data-testid="import-add"
              >
                {t('addLayer')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
