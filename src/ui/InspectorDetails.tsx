import './words-figures.ts';
import { useEffect, useState } from 'react';
import type { FeatureMeasure } from '../core/feature-measure.ts';
import type { Feature, ProjectLayer } from '../core/types.ts';
import { formatHa, formatKm, formatKm2, formatMu } from '../core/units.ts';
import { measureFeature } from '../state/analysis.ts';
import { useAppState } from '../state/store.ts';
import { select } from '../state/edit.ts';
import { selected } from '../state/selection.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { useT } from './i18n-context.ts';
import { layerTitle } from './layer-title.ts';
import { valueLabel } from './value-label.ts';
import { LongText } from './LongText.tsx';
import { PickCycler } from './PickCycler.tsx';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

interface Measured {
  feature: Feature;
  method: FeatureMeasure['method'];
  m: FeatureMeasure | null;
}

function Measure({ layer, feature, index }: { layer: ProjectLayer; feature: Feature; index: number }) {
  const { t } = useT();
  const project = useAppState((s) => s.project);
  const method = useAppState((s) => s.areaMethod);
  // measured in the analysis worker, so the first page carries no CRS or geometry code
  const [measured, setMeasured] = useState<Measured | null>(null);
  useEffect(() => {
    if (!project) return;
    let live = true;
    measureFeature(project, layer, index, method).then(
      (m) => live && setMeasured({ feature, method, m }),
      () => live && setMeasured({ feature, method, m: null }),
    );
    return () => {
      live = false;
    };
  }, [project, layer, feature, index, method]);
  // a measure of another feature or method is not shown while the new one is on its way
  const m = measured && measured.feature === feature && measured.method === method ? measured.m : null;
  if (!m || (m.area_m2 === undefined && m.length_m === undefined)) return null;
  return (
    <p className="feature-measure" data-testid="feature-measure">
      {m.area_m2 !== undefined && (
        <>
          <b>{formatMu(m.area_m2)}</b> {t('mu')} · {formatKm2(m.area_m2)} {t('km2')} · {formatHa(m.area_m2)}{' '}
          {t('ha')}
        </>
      )}
      {m.length_m !== undefined && (
        <>
          <b>{formatKm(m.length_m)}</b> km
        </>
      )}
      <span className="muted">
        {' '}
        {/* a length is measured along geodesics or plane lines, not by an area method */}(
        {m.area_m2 === undefined
          ? t(method === 'ellipsoidal' ? 'lengthEllipsoidal' : 'lengthPlane')
          : t(method)}
        {m.planeCrs ? `, ${m.planeCrs}` : ''})
      </span>
    </p>
  );
}

/** Properties of the clicked feature. Text is rendered as React text nodes, so nothing in the data can run. */
export function InspectorDetails() {
  const { t, td, lang } = useT();
  const selection = useAppState((s) => s.selection);
  const project = useAppState((s) => s.project);
  const found = selected(project, selection);
  const layer = found?.layer;
  const feature = found?.feature;
  return (
    <section
      className="panel inspector"
      aria-label={t('inspector')}
      data-testid="inspector"
      data-selected={found ? `${found.layer.id}#${found.index}` : undefined}
      data-feature-id={found ? String(found.feature.id) : undefined}
    >
      <h2>
        {t('inspector')}
        <PickCycler />
        {found && <CopyLinkButton selection={selection!} />}
        {feature && (
          <button className="link" onClick={() => select(null)}>
            {t('close')}
          </button>
        )}
      </h2>
      {!layer || !feature ? (
        <p className="muted">{t('noSelection')}</p>
      ) : (
        <>
          <p className="muted">
            {t('layer')}: {layerTitle(layer, td)} · {t('feature')} #{found!.index}
          </p>
          <Measure layer={layer} feature={feature} index={found!.index} />
          <table className="props">
            <tbody>
              {Object.entries(feature.properties ?? {}).map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td title={valueLabel(layer, k, v, lang) === undefined ? undefined : show(v)}>
                    {valueLabel(layer, k, v, lang) ?? <LongText text={show(v)} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
