// The comparison of two scenarios as a table of every figure with its difference (core/compare.ts,
// computed in the worker): the zone composition, the land added and removed and each piece of it
// with its township and village, every admin unit, village and 三区三线 constraint. The map draws the
// pieces (compare-map.ts); this panel computes again whenever the project or the area method changes.
import './words-figures.ts';
import { useEffect } from 'react';
import type { ChangeRow, ScenarioComparison } from '../core/compare.ts';
import { findScenario, BASE_SCENARIO_ID } from '../core/scenarios.ts';
import { formatKm2, formatMu } from '../core/units.ts';
import { warningText } from '../core/warning-text.ts';
import { closeCompare, runCompare, useCompareView } from '../state/compare.ts';
import { useAppState } from '../state/store.ts';
import { useT } from './i18n-context.ts';
import { COMPARE_COLORS } from '../map/compare-overlay.ts';
import { useScenarioWords } from './scenario-words.ts';

const signed = (text: string, v: number) => (v > 0 && !text.startsWith('-') ? `+${text}` : text);
const muDelta = (m2: number) => signed(formatMu(m2), Math.round(m2 / (2000 / 3)));
const kmDelta = (m2: number) => signed(formatKm2(m2), Math.round(m2 / 100));

function MuCells({ row }: { row: ChangeRow }) {
  return (
    <>
      <td className="num">{formatMu(row.from_m2)}</td>
      <td className="num">{formatMu(row.to_m2)}</td>
      <td className="num" data-delta={row.delta_m2 > 0 ? 'up' : row.delta_m2 < 0 ? 'down' : 'same'}>
        {muDelta(row.delta_m2)}
      </td>
    </>
  );
}

function Tables({ c, names }: { c: ScenarioComparison; names: [string, string] }) {
  const { t, td, lang } = useT();
  const { sw } = useScenarioWords();
  const head = (first: string, unit: string) => (
    <thead>
      <tr>
        <th>{first}</th>
        <th>
          {names[0]} ({unit})
        </th>
        <th>
          {names[1]} ({unit})
        </th>
        <th>
          {sw('delta')} ({unit})
        </th>
      </tr>
    </thead>
  );
  return (
    <>
      <table className="stats compact" data-testid="compare-zones">
        {head(sw('figure'), sw('km2'))}
        <tbody>
          {c.zones.map((z) => (
            <tr key={z.category} data-category={z.category}>
              <th>{t(z.category)}</th>
              <td className="num">{formatKm2(z.from_m2)}</td>
              <td className="num">{formatKm2(z.to_m2)}</td>
              <td className="num">{kmDelta(z.delta_m2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="stats compact" data-testid="compare-zones-mu">
        {head(sw('figure'), sw('mu'))}
        <tbody>
          {c.zones.map((z) => (
            <tr key={z.category} data-category={z.category}>
              <th>{t(z.category)}</th>
              <MuCells row={z} />
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="compare-totals">
        <span className="swatch" style={{ background: COMPARE_COLORS.added }} /> {sw('added')}{' '}
        <b data-testid="compare-added">{formatMu(c.added_m2)}</b> {sw('mu')} ({formatKm2(c.added_m2)}{' '}
        {sw('km2')}) · <span className="swatch" style={{ background: COMPARE_COLORS.removed }} />{' '}
        {sw('removed')} <b data-testid="compare-removed">{formatMu(c.removed_m2)}</b> {sw('mu')} (
        {formatKm2(c.removed_m2)} {sw('km2')})
      </p>
      <h3>{sw('pieces')}</h3>
      <table className="stats compact" data-testid="compare-pieces">
        <thead>
          <tr>
            <th>{sw('change')}</th>
            <th>{sw('mu')}</th>
            <th>{sw('township')}</th>
            <th>{sw('village')}</th>
          </tr>
        </thead>
        <tbody>
          {c.pieces.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {sw('none')}
              </td>
            </tr>
          )}
          {c.pieces.map((p, i) => (
            <tr key={i} data-testid="compare-piece" data-change={p.change}>
              <td style={{ color: COMPARE_COLORS[p.change] }}>{sw(p.change)}</td>
              <td className="num">{formatMu(p.area_m2)}</td>
              <td>{p.townships.join('、') || '—'}</td>
              <td>{p.villages.join('、') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.admin.length > 0 && (
        <>
          <h3>{sw('admin')}</h3>
          <table className="stats compact" data-testid="compare-admin">
            {head(sw('admin'), sw('mu'))}
            <tbody>
              {c.admin.map((a) => (
                <tr key={`${a.layer}/${a.name}/${a.code}`}>
                  <th>{a.name}</th>
                  <MuCells row={a} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {c.villages.length > 0 && (
        <>
          <h3>{sw('villages')}</h3>
          <table className="stats compact" data-testid="compare-villages">
            {head(sw('village'), sw('mu'))}
            <tbody>
              {c.villages.map((v) => (
                <tr key={`${v.layer}/${v.name}`}>
                  <th>{v.name}</th>
                  {v.from_inside !== undefined ? (
                    <>
                      <td>{v.from_inside ? '●' : '○'}</td>
                      <td>{v.to_inside ? '●' : '○'}</td>
                      <td>{v.from_inside === v.to_inside ? '' : v.to_inside ? '+' : '−'}</td>
                    </>
                  ) : (
                    <MuCells row={v} />
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {c.constraints.length > 0 && (
        <>
          <h3>{sw('constraints')}</h3>
          <table className="stats compact" data-testid="compare-constraints">
            {head(sw('constraints'), sw('mu'))}
            <tbody>
              {c.constraints.map((k) => (
                <tr key={k.layer}>
                  <th>
                    {td(`kind.${k.kind}`, k.kind)}
                    {k.measure === 'outside' ? ` (${t('outside')})` : ''}
                  </th>
                  <MuCells row={k} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {c.warnings.length > 0 && (
        <ul className="muted small" data-testid="compare-warnings">
          {c.warnings.slice(0, 20).map((w, i) => (
            <li key={i}>{warningText(w, lang, w.message)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ComparePanel() {
  const { sw } = useScenarioWords();
  const view = useCompareView();
  const project = useAppState((s) => s.project);
  const method = useAppState((s) => s.areaMethod);
  const from = view?.from;
  const to = view?.to;
  useEffect(() => {
    if (!project || !from || !to) return;
    // A scenario deleted meanwhile (or the project replaced) ends the comparison.
    if (!findScenario(project, from) || !findScenario(project, to)) {
      closeCompare();
      return;
    }
    void runCompare(project, from, to, method);
  }, [project, from, to, method]);
  if (!view || !project) return null;
  const name = (id: string) =>
    id === BASE_SCENARIO_ID ? sw('base') : (findScenario(project, id)?.name ?? id);
  const names: [string, string] = [name(view.from), name(view.to)];
  return (
    <section
      className="panel compare-panel"
      data-testid="compare"
      data-status={view.status}
      aria-label={sw('compareTitle')}
    >
      <h2>
        {sw('compareTitle')}: {names[0]} → {names[1]}
        <button className="link" data-testid="compare-close" onClick={closeCompare} aria-label="×">
          ×
        </button>
      </h2>
      {view.status === 'running' && <p className="muted">{sw('compareRunning')}</p>}
      {view.status === 'failed' && (
        <p className="error" role="alert">
          {sw('compareFailed')}: {view.error}
        </p>
      )}
      {view.result && <Tables c={view.result} names={names} />}
    </section>
  );
}
