import type { Problem } from '../core/types.ts';
import { useAppState } from '../state/store.ts';
import { useT } from './i18n-context.ts';

function text(p: Problem, lang: 'zh' | 'en'): string {
  const en = (p as Problem & { messageEn?: string }).messageEn;
  return lang === 'en' && en ? en : p.message;
}

/** Problems, each naming its file, feature and what to do. Text only: nothing in a message can run. */
export function ProblemItems({ problems, limit = 100 }: { problems: readonly Problem[]; limit?: number }) {
  const { lang } = useT();
  return (
    <ul>
      {problems.slice(0, limit).map((p, i) => (
        <li key={i} className={p.severity} data-code={p.code}>
          <code>{p.code}</code> {p.file ?? p.layer ?? ''}
          {p.feature !== undefined ? ` #${p.feature}` : ''}
          {p.name ? ` (${p.name})` : ''}: {text(p, lang)}
        </li>
      ))}
      {problems.length > limit && <li className="muted">… +{problems.length - limit}</li>}
    </ul>
  );
}

/** Problems found while loading the project. */
export function ProblemList() {
  const { t } = useT();
  const problems = useAppState((s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <section className="panel problems" data-testid="problems">
      <h2>
        {t('problems')} ({problems.length})
      </h2>
      <ProblemItems problems={problems} limit={50} />
    </section>
  );
}
