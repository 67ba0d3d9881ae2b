// The three-plan review (审查): the summary a leader reads in ten seconds, the conflicts by area
// (a click shows one on the map), the decision on the conflict in focus, the marks no longer found,
// and the swipe between two plans or a plan and the zone.
import './words-figures.ts';
import './words-review.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { catalogueLabel, landUseNameLabel, ruleLabel } from '../core/labels.ts';
import {
  DECISION_LABELS,
  DECISIONS,
  matchResolutions,
  resolutionStateLabel,
  today,
  type Decision,
  type ResolutionRow,
} from '../core/conflict-resolutions.ts';
import type { Project } from '../core/types.ts';
import { formatMu } from '../core/units.ts';
import {
  conflictsOf,
  dropStaleMarks,
  focusConflict,
  markConflict,
  openReview,
  setReviewConflicts,
  setSwipe,
  showLayers,
  unfocusConflict,
  unmarkConflict,
  useReview,
  type ReviewConflict,
} from '../state/review.ts';
import { store, useAppState } from '../state/store.ts';
import { useReport } from '../state/use-report.ts';
import { fillMessage, translate, type Lang } from './i18n.ts';
import { useT } from './i18n-context.ts';
import { SortableTable, type SortColumn } from './SortableTable.tsx';
import '../../styles/review.css';
import { exportStatsXlsx } from './export-stats.ts';

/**
 * A plan's words: its kind from the catalogue (a constraint side too: 城镇开发边界外 has its one
 * wording there), else the layer's name or id.
 */
export function planName(project: Project | null, plan: string, lang: Lang): string {
  const kind = catalogueLabel(`kind.${plan}`, lang);
  if (kind) return kind;
  const layer = project?.layers.find((l) => l.id === plan);
  return layer?.name ?? plan;
}

type Row = ResolutionRow<ReviewConflict>;

/** "判定：建设用地占永久基本农田": the compatibility rule that made a conflict, in the catalogue's words. */
export const ruleLine = (rule: string, lang: Lang): string =>
  `${translate(lang, 'reviewRule')}${lang === 'zh' ? '：' : ': '}${ruleLabel(rule, lang)}`;

interface ConflictWords {
  planA: string;
  classA: string;
  planB: string;
  classB: string;
  nameA?: string;
  nameB?: string;
}

/**
 * "产业集聚区规划 1001 工业用地 ↔ 永久基本农田": each side's plan and class (code and name); a
 * constraint side (its class is its kind) is named once.
 */
export function conflictWords(c: ConflictWords, name: (plan: string) => string, lang: Lang = 'zh'): string {
  const side = (plan: string, cls: string, clsName?: string) =>
    cls === plan
      ? name(plan)
      : [name(plan), cls, clsName && clsName !== cls ? landUseNameLabel(clsName, lang) : '']
          .filter(Boolean)
          .join(' ');
  return `${side(c.planA, c.classA, c.nameA)} ↔ ${side(c.planB, c.classB, c.nameB)}`;
}

export function ReviewPanel() {
  const { t, lang } = useT();
  const project = useAppState((s) => s.project);
  const { report, busy, error } = useReport();
  const focused = useReview((s) => s.focused);
  const conflicts = useMemo(() => conflictsOf(report), [report]);
  useEffect(() => setReviewConflicts(conflicts), [conflicts]);
  const rows = useMemo(() => matchResolutions(conflicts, project?.resolutions), [conflicts, project]);
  const live = rows.filter((r) => !r.stale && !r.conflict!.sliver);
  const slivers = rows.filter((r) => !r.stale && r.conflict!.sliver);
  const stale = rows.filter((r) => r.stale);
  const summary = report?.conflictSummary;
  const marks = project?.resolutions ?? {};
  const decided = live.filter((r) => Object.hasOwn(marks, r.id)).length;
  // core lists the conflicts largest first, the slivers after them
  const largest = conflicts.filter((c) => !c.sliver).slice(0, 3);
  const plans = project?.layers.filter((l) => l.role === 'plan') ?? [];
  // The plans are what the conflicts lie over: switched on when the review opens or they arrive.
  const planIds = plans.map((l) => l.id).join('\n');
  useEffect(() => {
    const s = store.get();
    if (planIds) showLayers(planIds.split('\n'), s.visibility);
  }, [planIds]);
  const name = (plan: string) => planName(project, plan, lang);
  const what = (c: ConflictWords) => conflictWords(c, name, lang);
  const town = (s: string) => s || t('reviewNoTownship');

  const columns: SortColumn<Row>[] = [
    {
      title: t('colMu'),
      text: (r) => formatMu(r.conflict!.area_m2),
      value: (r) => r.conflict!.area_m2,
      num: true,
    },
    { title: t('colConflict'), text: (r) => what(r.conflict!), value: (r) => what(r.conflict!) },
    {
      title: t('colTownship'),
      text: (r) => town(r.conflict!.township),
      value: (r) => r.conflict!.township,
      nowrap: true,
    },
    {
      title: t('colVillage'),
      text: (r) => r.conflict!.village,
      value: (r) => r.conflict!.village,
      nowrap: true,
    },
    {
      title: t('colDecision'),
      text: (r) => resolutionStateLabel(r, lang),
      value: (r) => resolutionStateLabel(r, lang),
    },
  ];
  const focusedRow = rows.find((r) => r.id === focused && !r.stale);

  return (
    <section className="panel review" data-testid="review-panel">
      <h2>
        {t('reviewTitle')}
        <button className="link" data-testid="review-close" onClick={() => openReview(false)}>
          {t('reviewClose')}
        </button>
      </h2>
      {plans.length === 0 && <p className="muted">{t('reviewNoPlans')}</p>}
      {error && <p className="error">{error}</p>}
      {!report && busy && <p className="muted">{t('reviewWaiting')}</p>}
      {report && (
        <div className="review-summary" data-testid="review-summary">
          {!summary || summary.count === 0 ? (
            <p className="review-total">{t('reviewNone')}</p>
          ) : (
            <>
              <p className="review-total" data-testid="review-total">
                {fillMessage(t('reviewTotal'), { n: summary.count, mu: formatMu(summary.area_m2) })}
                <span className="muted">
                  {' · '}
                  {fillMessage(t('reviewDecided'), { k: decided, n: summary.count })}
                </span>
              </p>
              <h3>{t('reviewLargest')}</h3>
              <ol className="review-largest">
                {largest.map((c) => (
                  <li key={c.id}>
                    <button className="link" onClick={() => focusConflict(c)}>
                      <b>{formatMu(c.area_m2)}</b> {t('mu')} · {what(c)} · {town(c.township)}
                    </button>
                  </li>
                ))}
              </ol>
              <h3>{t('reviewByTownship')}</h3>
              <p className="review-towns" data-testid="review-towns">
                {report.conflictsByTownship
                  .filter((x) => x.count > 0)
                  .map((x) => `${town(x.township)} ${formatMu(x.area_m2)} ${t('mu')}`)
                  .join('；')}
              </p>
            </>
          )}
          {summary && summary.slivers > 0 && (
            <p className="muted">
              {fillMessage(t('reviewSlivers'), {
                n: summary.slivers,
                mu: formatMu(summary.sliver_m2),
              })}
            </p>
          )}
        </div>
      )}
      <SwipeChooser />
      {focusedRow?.conflict && (
        <MarkForm key={focusedRow.id} row={focusedRow} what={what(focusedRow.conflict)} />
      )}
      {live.length > 0 && (
        <>
          <h3>{t('reviewTable')}</h3>
          <SortableTable
            columns={columns}
            rows={live}
            rowKey={(r) => r.id}
            testid="conflict-table"
            lang={lang}
            defaultSort={{ col: 0, dir: -1 }}
            onRowClick={(r) => focusConflict(r.conflict!)}
            selectedKey={focused}
          />
        </>
      )}
      {slivers.length > 0 && (
        <details>
          <summary>
            {t('reviewSliverTable')} ({slivers.length})
          </summary>
          <SortableTable
            columns={columns}
            rows={slivers}
            rowKey={(r) => r.id}
            testid="sliver-table"
            lang={lang}
            defaultSort={{ col: 0, dir: -1 }}
            onRowClick={(r) => focusConflict(r.conflict!)}
            selectedKey={focused}
          />
        </details>
      )}
      {report && (live.length > 0 || stale.length > 0) && (
        <p>
          <button
            data-testid="review-export-xlsx"
            onClick={() =>
              void exportStatsXlsx(report, project?.name ?? 'zonemap', lang, project?.resolutions)
            }
          >
            {t('reviewExport')} XLSX
          </button>
        </p>
      )}
      {stale.length > 0 && project && (
        <div data-testid="stale-marks">
          <h3>{t('reviewStale')}</h3>
          <ul className="review-stale">
            {stale.map((r) => (
              <li key={r.id} data-key={r.id}>
                <b>{resolutionStateLabel(r, lang)}</b> · {what(r.resolution!.conflict)} ·{' '}
                {formatMu(r.resolution!.conflict.area_m2)} {t('mu')} · {town(r.resolution!.conflict.township)}{' '}
                · {r.resolution!.date}
                {r.resolution!.note ? ` · ${r.resolution!.note}` : ''}
              </li>
            ))}
          </ul>
          <button onClick={() => dropStaleMarks(stale.map((r) => r.id))} data-testid="drop-stale">
            {t('reviewDropStale')}
          </button>
        </div>
      )}
    </section>
  );
}

function MarkForm({ row, what }: { row: Row; what: string }) {
  const { t, lang } = useT();
  const c = row.conflict!;
  const mark = row.resolution;
  const [decision, setDecision] = useState<Decision>(mark?.decision ?? 'adjust-zone');
  const [note, setNote] = useState(mark?.note ?? '');
  const [date, setDate] = useState(mark?.date ?? today());
  const rule = c.rule;
  const card = useRef<HTMLDivElement>(null);
  // The card stands above the list: a row clicked far down brings it into sight (the list keeps
  // its place in its own scroll box). A block body: Chromium's scrollIntoView returns a promise,
  // which React would take for the effect's cleanup and call.
  useEffect(() => {
    card.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div className="review-focus" data-testid="review-focus" data-key={c.id} ref={card}>
      <h3>
        {t('reviewFocus')}
        <button className="link" data-testid="review-unfocus" title={t('close')} onClick={unfocusConflict}>
          ×
        </button>
      </h3>
      <p>
        <b>{formatMu(c.area_m2)}</b> {t('mu')} · {what} · {c.township} {c.village}
      </p>
      {typeof rule === 'string' && rule && (
        <p className="muted" data-testid="review-rule">
          {ruleLine(rule, lang)}
        </p>
      )}
      <p>
        <b>{resolutionStateLabel(row, lang)}</b>
        {mark ? ` · ${mark.date}${mark.note ? ` · ${mark.note}` : ''}` : ''}
      </p>
      <fieldset className="review-decisions">
        {DECISIONS.map((d) => (
          <label key={d}>
            <input
              type="radio"
              name="decision"
              value={d}
              data-testid={`decision-${d}`}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />
            {DECISION_LABELS[d][lang]}
          </label>
        ))}
      </fieldset>
      <label className="review-field">
        {t('reviewNote')}
        <textarea
          data-testid="decision-note"
          value={note}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <label className="review-field">
        {t('reviewDate')}
        <input
          type="date"
          data-testid="decision-date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </label>
      <div className="review-actions">
        <button
          data-testid="decision-save"
          disabled={!/^\d{4}-\d{2}-\d{2}$/.test(date)}
          onClick={() => markConflict(c, decision, note, date, row.markId)}
        >
          {t('reviewSave')}
        </button>
        {mark && (
          <button data-testid="decision-unmark" onClick={() => unmarkConflict(row.markId ?? c.id)}>
            {t('reviewUnmark')}
          </button>
        )}
      </div>
      <p className="muted small">{t('reviewUndoHint')}</p>
    </div>
  );
}

function SwipeChooser() {
  const { t, lang } = useT();
  const project = useAppState((s) => s.project);
  const swipe = useReview((s) => s.swipe);
  const choices = (project?.layers ?? []).filter((l) => l.role === 'plan' || l.role === 'zone');
  const label = (id: string) => {
    const l = choices.find((x) => x.id === id);
    if (!l) return id;
    return (
      l.name ?? (l.kind ? planName(project, l.kind, lang) : (catalogueLabel(`role.${l.role}`, lang) ?? l.id))
    );
  };
  const plans = choices.filter((l) => l.role === 'plan');
  const [left, setLeft] = useState(plans[0]?.id ?? choices[0]?.id ?? '');
  const [right, setRight] = useState(plans[1]?.id ?? choices.find((l) => l.id !== left)?.id ?? '');
  if (choices.length < 2) return null;
  const same = left === right;
  return (
    <div className="review-swipe-chooser" data-testid="swipe-chooser">
      <h3>{t('reviewSwipe')}</h3>
      <label>
        {t('reviewSwipeLeft')}
        <select data-testid="swipe-left" value={left} onChange={(e) => setLeft(e.target.value)}>
          {choices.map((l) => (
            <option key={l.id} value={l.id}>
              {label(l.id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reviewSwipeRight')}
        <select data-testid="swipe-right" value={right} onChange={(e) => setRight(e.target.value)}>
          {choices.map((l) => (
            <option key={l.id} value={l.id}>
              {label(l.id)}
            </option>
          ))}
        </select>
      </label>
      {swipe ? (
        <button data-testid="swipe-stop" onClick={() => setSwipe(null)}>
          {t('reviewSwipeStop')}
        </button>
      ) : (
        <button
          data-testid="swipe-start"
          disabled={same}
          onClick={() => setSwipe({ left, right, titles: [label(left), label(right)] })}
        >
          {t('reviewSwipeStart')}
        </button>
      )}
      {same && <span className="muted small"> {t('reviewSwipeSame')}</span>}
    </div>
  );
}
