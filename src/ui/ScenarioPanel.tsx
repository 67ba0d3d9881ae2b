// The scenarios (方案) of the project: the one shown and edited is marked 当前; save the current
// boundaries as a new scenario with a note, switch, duplicate, delete (asked first), and compare two.
import { useState } from 'react';
import { BASE_SCENARIO_ID, scenariosOf } from '../core/scenarios.ts';
import { openCompare } from '../state/compare.ts';
import {
  boundaryLayerIds,
  deleteScenario,
  duplicateScenario,
  saveAsScenario,
  switchScenario,
} from '../state/scenarios.ts';
import { useAppState } from '../state/store.ts';
import { useScenarioWords } from './scenario-words.ts';

export function ScenarioPanel() {
  const { sw } = useScenarioWords();
  const project = useAppState((s) => s.project);
  const readOnly = useAppState((s) => s.save.state === 'readonly');
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [from, setFrom] = useState(BASE_SCENARIO_ID);
  const [to, setTo] = useState('');
  if (!project) return null;
  const sc = scenariosOf(project);
  const title = (id: string, n: string) => (id === BASE_SCENARIO_ID ? sw('base') : n);
  const canSave = !readOnly && (sc.layerIds.length > 0 || boundaryLayerIds(project).length > 0);
  const others = sc.list.filter((s) => s.id !== from);
  const target = others.some((s) => s.id === to)
    ? to
    : (others.find((s) => s.id === sc.active) ?? others[0])?.id;
  return (
    <section className="panel scenario-panel" aria-label={sw('scenarios')} data-testid="scenarios">
      <h2>{sw('scenarios')}</h2>
      <p className="muted small">{sw('scenarioHint')}</p>
      <ul className="scenario-list">
        {sc.list.map((s) => {
          const active = s.id === sc.active;
          return (
            <li key={s.id} data-testid="scenario-row" data-scenario={s.id} data-active={active || undefined}>
              <span className="scenario-name">
                {title(s.id, s.name)}
                {active && <b className="badge"> · {sw('current')}</b>}
              </span>
              {s.note && <span className="muted small scenario-note"> {s.note}</span>}
              <span className="scenario-actions">
                {!active && (
                  <button
                    className="link"
                    data-testid="scenario-switch"
                    disabled={readOnly}
                    onClick={() => switchScenario(s.id)}
                  >
                    {sw('switchTo')}
                  </button>
                )}
                <button
                  className="link"
                  data-testid="scenario-duplicate"
                  disabled={!canSave}
                  onClick={() => duplicateScenario(s.id, '')}
                >
                  {sw('duplicate')}
                </button>
                {s.id !== BASE_SCENARIO_ID && (
                  <button
                    className="link"
                    data-testid="scenario-delete"
                    disabled={readOnly || active}
                    title={active ? sw('cannotDeleteCurrent') : undefined}
                    onClick={() => {
                      if (window.confirm(sw('confirmDelete', { name: s.name }))) deleteScenario(s.id);
                    }}
                  >
                    {sw('delete')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {saving ? (
        <form
          className="scenario-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (saveAsScenario(name, note)) {
              setSaving(false);
              setName('');
              setNote('');
            }
          }}
        >
          <input
            data-testid="scenario-name"
            placeholder={sw('scenarioName')}
            aria-label={sw('scenarioName')}
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
          />
          <input
            data-testid="scenario-note"
            placeholder={sw('scenarioNote')}
            aria-label={sw('scenarioNote')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" className="primary" data-testid="scenario-save" disabled={!name.trim()}>
            {sw('save')}
          </button>
          <button type="button" onClick={() => setSaving(false)}>
            {sw('cancel')}
          </button>
        </form>
      ) : (
        <button data-testid="scenario-save-as" disabled={!canSave} onClick={() => setSaving(true)}>
          {sw('saveAs')}
        </button>
      )}
      {sc.list.length > 1 && (
        <div className="scenario-compare">
          <h3>{sw('compare')}</h3>
          <label>
            {sw('compareFrom')}{' '}
            <select data-testid="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
              {sc.list.map((s) => (
                <option key={s.id} value={s.id}>
                  {title(s.id, s.name)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {sw('compareTo')}{' '}
            <select data-testid="compare-to" value={target ?? ''} onChange={(e) => setTo(e.target.value)}>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {title(s.id, s.name)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            data-testid="compare-run"
            disabled={!target}
            onClick={() => target && openCompare(from, target)}
          >
            {sw('compareRun')}
          </button>
        </div>
      )}
    </section>
  );
}
