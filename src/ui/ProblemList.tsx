import './words-data.ts';
import { geometryExtent } from '../core/geojson-bbox.ts';
import type { Problem } from '../core/types.ts';
import { store, useAppState } from '../state/store.ts';
import { focusOn, replaceFeature, resolveProblems, select } from '../state/edit.ts';
import { selectionAt } from '../state/selection.ts';
import { useT } from './i18n-context.ts';
import { VALIDITY_CODES } from '../core/validity/issues.ts';

function text(p: Problem, lang: 'zh' | 'en'): string {
  const en = (p as Problem & { messageEn?: string }).messageEn;
  return lang === 'en' && en ? en : p.message;
}

function featureOf(p: Problem) {
  if (p.layer === undefined || p.feature === undefined) return undefined;
  return store.get().project?.layers.find((l) => l.id === p.layer)?.features[p.feature];
}

function zoomTo(p: Problem): void {
  const f = featureOf(p);
  let box: [number, number, number, number] | undefined;
  if (p.at) box = [p.at[0] - 0.002, p.at[1] - 0.002, p.at[0] + 0.002, p.at[1] + 0.002];
  else if (f?.geometry) box = geometryExtent(f.geometry);
  if (box) focusOn(box);
  const layer = p.layer !== undefined && store.get().project?.layers.find((l) => l.id === p.layer);
  const at = layer && p.feature !== undefined ? selectionAt(layer, p.feature) : null;
  if (at) select(at);
}

async function repair(p: Problem, lang: 'zh' | 'en'): Promise<void> {
  const f = featureOf(p);
  if (!f || p.layer === undefined || p.feature === undefined) return;
  const { REPAIR_FOR_CODE, repairFeature } = await import('../io/repair/index.ts');
  const name = REPAIR_FOR_CODE[p.code];
  if (!name) return;
  const r = repairFeature(f, name);
  const where = `${p.layer} #${p.feature}${p.name ? ` (${p.name})` : ''}`;
  // One command: undo brings the feature and its problem back together.
  const notice = `${where}: ${r.summary[lang]}`;
  if (r.changed && f.id !== undefined) replaceFeature(p.layer, f.id, r.feature, [p], notice);
  else resolveProblems([p], notice);
}

// Codes io can repair; kept here so the buttons show without loading the repair code first.
const REPAIRABLE = new Set<string>(['unclosed-ring', 'duplicate-vertex', 'wrong-winding', ...VALIDITY_CODES]);

/** Problems, each naming its file, feature and what to do. Text only: nothing in a message can run. */
export function ProblemItems({
  problems,
  limit = 100,
  actions = false,
}: {
  problems: readonly Problem[];
  limit?: number;
  actions?: boolean;
}) {
  const { t, lang } = useT();
  return (
    <ul>
      {problems.slice(0, limit).map((p, i) => (
        <li key={i} className={p.severity} data-code={p.code}>
          <code>{p.code}</code> {p.layer ?? p.file ?? ''}
          {p.feature !== undefined ? ` #${p.feature}` : ''}
          {p.name ? ` (${p.name})` : ''}: {text(p, lang)}
          {actions && (p.at || p.feature !== undefined) && (
            <button className="link" onClick={() => zoomTo(p)} data-testid="problem-zoom">
              {t('zoomTo')}
            </button>
          )}
          {actions && REPAIRABLE.has(p.code) && p.layer !== undefined && (
            <button className="link" onClick={() => void repair(p, lang)} data-testid="problem-repair">
              {t('repair')}
            </button>
          )}
        </li>
      ))}
      {problems.length > limit && <li className="muted">… +{problems.length - limit}</li>}
    </ul>
  );
}

/** Problems of the open project, with zoom-to and repair; and what repairs changed. */
export function ProblemList() {
  const { t } = useT();
  const problems = useAppState((s) => s.problems);
  const notices = useAppState((s) => s.notices);
  if (problems.length === 0 && notices.length === 0) return null;
  return (
    <section className="panel problems" data-testid="problems">
      <h2>
        {t('problems')} ({problems.length})
      </h2>
      <ProblemItems problems={problems} limit={50} actions />
      {notices.length > 0 && (
        <>
          <h3>{t('repaired')}</h3>
          <ul className="notices" data-testid="notices">
            {notices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
