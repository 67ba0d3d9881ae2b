import { useEffect } from 'react';
import { loadSampleProject } from '../state/load-project.ts';
import { store, useAppState } from '../state/store.ts';
import { useT } from './i18n-context.ts';
import { Inspector } from './Inspector.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { MapPane } from './MapPane.tsx';
import { ProblemList } from './ProblemList.tsx';
import { StatsPanel } from './StatsPanel.tsx';

export function App() {
  const { t, lang } = useT();
  const status = useAppState((s) => s.status);
  const name = useAppState((s) => s.project?.name);

  useEffect(() => {
    void loadSampleProject();
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = name ? `${name} · ${t('appTitle')}` : t('appTitle');
  }, [lang, name, t]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <span className="project-name">{name ?? ''}</span>
          <span className="app-name">{t('appTitle')}</span>
        </h1>
        <div className="spacer" />
        <button
          className="lang"
          data-testid="lang-switch"
          onClick={() => store.set({ lang: lang === 'zh' ? 'en' : 'zh' })}
        >
          {t('language')}
        </button>
      </header>
      <aside className="left">
        {status === 'loading' && <p className="muted">{t('loading')}</p>}
        <LayerPanel />
      </aside>
      <main className="center">
        <MapPane />
      </main>
      <aside className="right">
        {status === 'error' && <h2 className="error">{t('loadFailed')}</h2>}
        <ProblemList />
        <StatsPanel />
        <Inspector />
      </aside>
    </div>
  );
}
