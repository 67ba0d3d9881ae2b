import { useAppState } from '../state/store.ts';
import { useT } from './i18n-context.ts';

/** Problems found while loading, each naming its file, feature and what to do. */
export function ProblemList() {
  const { t } = useT();
  const problems = useAppState((s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <section className="panel problems" data-testid="problems">
      <h2>
        {t('problems')} ({problems.length})
      </h2>
      <ul>
        {problems.slice(0, 50).map((p, i) => (
          <li key={i} className={p.severity}>
            <code>{p.code}</code> {p.file ?? p.layer ?? ''}
            {p.feature !== undefined ? ` #${p.feature}` : ''}
            {p.name ? ` (${p.name})` : ''}: {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
