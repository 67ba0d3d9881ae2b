// The inspector's place in the right column. With nothing selected it is a hint; the properties
// and measure of a clicked feature (InspectorDetails) load with the first click, not the first page.
import { lazy, Suspense } from 'react';
import { useAppState } from '../state/store.ts';
import { useT } from './i18n-context.ts';

const InspectorDetails = lazy(() =>
  import('./InspectorDetails.tsx').then((m) => ({ default: m.InspectorDetails })),
);

function Hint({ loading }: { loading?: boolean }) {
  const { t } = useT();
  return (
    <section className="panel inspector" aria-label={t('inspector')} data-testid="inspector">
      <h2>{t('inspector')}</h2>
      {!loading && <p className="muted">{t('noSelection')}</p>}
    </section>
  );
}

export function Inspector() {
  const selected = useAppState((s) => s.selection !== null);
  if (!selected) return <Hint />;
  return (
    <Suspense fallback={<Hint loading />}>
      <InspectorDetails />
    </Suspense>
  );
}
