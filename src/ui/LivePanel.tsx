// 实时指标 / Live figures: while a zone layer is being edited, the edited parts' areas and their
// change, the composition check, the townships and villages that gain or lose land, and the 三区三线
// conflicts, all measured by core in the worker (core/live-figures.ts) against the project as it was
// when the editing began.
import './words-figures.ts';
import type { LiveConstraint, LiveFigures, LiveUnit } from '../core/live-figures.ts';
import { catalogueLabel } from '../core/labels.ts';
import { formatHa, formatKm2, formatMu } from '../core/units.ts';
import { endLiveSession, startLiveSession, useLiveFigures } from '../state/live.ts';
import { useT } from './i18n-context.ts';
import { useLiveWords } from './live-words.ts';

/** A change with its sign; one that rounds to zero shows as 0. */
function signed(text: string): string {
  if (/^-?0(\.0+)?$/.test(text)) return text.replace('-', '');
  return text.startsWith('-') ? text : `+${text}`;
}
const dMu = (m2: number) => signed(formatMu(m2));
const dKm2 = (m2: number) => signed(formatKm2(m2));

/** Below this a change is rounding between two triangulations, not land (0.5 m²). */
const NOISE_M2 = 0.5;

function Parts({ f }: { f: LiveFigures }) {
  const { w } = useLiveWords();
  const { t } = useT();
  if (!f.parts.length) return null;
  // The part's name on a line of its own: the panel is narrow and names are long.
  return (
    <table className="stats" data-testid="live-parts">
      <caption>{w('parts')}</caption>
      <thead>
        <tr>
          <th>{t('km2')}</th>
          <th>{t('mu')}</th>
          <th>{t('ha')}</th>
          <th>
            {w('change')} ({t('mu')})
          </th>
        </tr>
      </thead>
      {f.parts.map((p) => (
        <tbody
          key={`${p.layer}/${p.featureId}`}
          data-testid="live-part"
          data-feature-id={String(p.featureId)}
        >
          <tr className="part-name">
            <th colSpan={4} title={p.name}>
              {p.name}
              {p.removed ? ` (${w('removedPart')})` : ''}
            </th>
          </tr>
          <tr>
            <td className="num km2">{formatKm2(p.area_m2)}</td>
            <td className="num mu">{formatMu(p.area_m2)}</td>
            <td className="num ha">{formatHa(p.area_m2)}</td>
            <td className="num delta-mu" title={`${dKm2(p.delta_m2)} ${t('km2')}`}>
              {dMu(p.delta_m2)}
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}

function Check({ f }: { f: LiveFigures }) {
  const { w } = useLiveWords();
  const { t } = useT();
  const { before, now } = f.composition;
  const rows = [
    ['planned', now.planned_m2, before.planned_m2],
    ['unassigned', now.unassigned_m2, before.unassigned_m2],
    ['overlap', now.overlap_m2, before.overlap_m2],
    ['outside', now.outside_m2, before.outside_m2],
  ] as const;
  return (
    <table className="stats" data-testid="live-check">
      <caption>{w('check')}</caption>
      <thead>
        <tr>
          <th />
          <th>{t('km2')}</th>
          <th>{t('mu')}</th>
          <th>
            {w('change')} ({t('mu')})
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, n, b]) => (
          <tr
            key={key}
            data-testid={`live-check-${key}`}
            className={key !== 'planned' && n >= NOISE_M2 ? 'warn' : ''}
          >
            <th>{t(key)}</th>
            <td className="num km2">{formatKm2(n)}</td>
            <td className="num mu">{formatMu(n)}</td>
            <td className="num delta-mu">{dMu(n - b)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Units({ f }: { f: LiveFigures }) {
  const { w } = useLiveWords();
  const { t } = useT();
  // Changes shown in whole 亩, as reports give them: a unit whose change rounds to 0 亩 is left out;
  // the county holds the whole zone and says nothing a township does not.
  const rows: LiveUnit[] = [...f.admin, ...f.villages].filter(
    (u) => Math.abs(u.delta_mu) >= 0.5 && u.kind !== 'county',
  );
  return (
    <table className="stats" data-testid="live-units">
      <caption>{w('units')}</caption>
      {rows.length ? (
        <>
          <thead>
            <tr>
              <th />
              <th>
                {w('now')} ({t('mu')})
              </th>
              <th>
                {w('change')} ({t('mu')})
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr
                key={`${u.layer}/${u.featureId}`}
                data-testid="live-unit"
                data-name={u.name}
                className={u.delta_m2 > 0 ? 'gain' : 'loss'}
              >
                <th>{u.name}</th>
                <td className="num mu">{formatMu(u.now_m2)}</td>
                <td className="num delta-mu">{dMu(u.delta_m2)}</td>
              </tr>
            ))}
          </tbody>
        </>
      ) : (
        <tbody>
          <tr>
            <td className="muted">{w('noUnits')}</td>
          </tr>
        </tbody>
      )}
    </table>
  );
}

function Constraints({ f }: { f: LiveFigures }) {
  const { w, lang } = useLiveWords();
  const { t } = useT();
  if (!f.constraints.length) return null;
  const kindName = (c: LiveConstraint) => catalogueLabel(`kind.${c.kind}`, lang) ?? c.layer;
  return (
    <table className="stats" data-testid="live-constraints">
      <caption>{w('constraints')}</caption>
      <thead>
        <tr>
          <th />
          <th>
            {w('now')} ({t('mu')})
          </th>
          <th>
            {w('change')} ({t('mu')})
          </th>
          <th>{w('newParcels')}</th>
        </tr>
      </thead>
      <tbody>
        {f.constraints.map((c) => (
          <tr
            key={c.layer}
            data-testid="live-constraint"
            data-layer={c.layer}
            className={c.delta_m2 >= NOISE_M2 ? 'warn' : ''}
          >
            <th>
              {c.measure === 'outside' ? w('outsideOf') : w('overlapWith')} {kindName(c)}
            </th>
            <td className="num mu">{formatMu(c.now_m2)}</td>
            <td className="num delta-mu">{dMu(c.delta_m2)}</td>
            <td className="num new">{c.measure === 'overlap' ? c.newFeatures : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LivePanel() {
  const { w } = useLiveWords();
  const { figures, ms, error, active } = useLiveFigures();
  if (!active) return null;
  return (
    <section
      className="panel live-panel"
      aria-label={w('title')}
      data-testid="live-figures"
      data-ready={figures ? 'true' : 'false'}
      data-ms={ms === null ? '' : ms.toFixed(1)}
      data-compute-ms={figures ? figures.ms.toFixed(1) : ''}
    >
      <h2>
        {w('title')}
        <span className="spacer" />
        <button data-testid="live-from-here" onClick={startLiveSession}>
          {w('fromHere')}
        </button>
        <button data-testid="live-close" onClick={endLiveSession} aria-label={w('close')}>
          ×
        </button>
      </h2>
      <p className="muted" data-testid="live-timing">
        {w('since')}
        {figures && ms !== null
          ? ` · ${w('computed')} ${figures.ms.toFixed(0)} ms (${w('roundTrip')} ${ms.toFixed(0)} ms)`
          : ''}
      </p>
      {error && <p className="error">{`${w('failed')}: ${error}`}</p>}
      {!figures && !error && <p className="muted">{w('computing')}</p>}
      {figures && (
        <>
          <Parts f={figures} />
          <Check f={figures} />
          <Units f={figures} />
          <Constraints f={figures} />
        </>
      )}
    </section>
  );
}
