import { store, useAppState } from '../state/store.ts';
import { useT } from './i18n-context.ts';
import { layerTitle } from './layer-title.ts';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Properties of the clicked feature. Text is rendered as React text nodes, so nothing in the data can run. */
export function Inspector() {
  const { t, td } = useT();
  const selection = useAppState((s) => s.selection);
  const project = useAppState((s) => s.project);
  const layer = selection && project?.layers.find((l) => l.id === selection.layerId);
  const feature = layer?.features[selection!.featureIndex];
  return (
    <section className="panel inspector" aria-label={t('inspector')} data-testid="inspector">
      <h2>
        {t('inspector')}
        {feature && (
          <button className="link" onClick={() => store.set({ selection: null })}>
            {t('close')}
          </button>
        )}
      </h2>
      {!layer || !feature ? (
        <p className="muted">{t('noSelection')}</p>
      ) : (
        <>
          <p className="muted">
            {t('layer')}: {layerTitle(layer, td)} · {t('feature')} #{selection!.featureIndex}
          </p>
          <table className="props">
            <tbody>
              {Object.entries(feature.properties ?? {}).map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td>{show(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
