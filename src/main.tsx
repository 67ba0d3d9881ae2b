import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { installStateTestHook } from './state/test-hook.ts';
import { store } from './state/store.ts';
import { setLang } from './state/edit.ts';
import { ensureLang, preloadEnglishWhenIdle } from './ui/english.ts';
import '../styles/app.css';
import '../styles/layout.css';

installStateTestHook();
// The first render waits for the English words only when the page starts in English (english.ts);
// if they cannot be fetched, it starts in zh-CN, whose words are always here. (Not a top-level
// await: the words' chunk imports from this entry chunk, which must have finished evaluating.)
const startLang = store.get().lang;
void ensureLang(startLang)
  .catch(() => setLang('zh'))
  .then(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    );
    if (startLang === 'zh') preloadEnglishWhenIdle();
  });

// Offline after one visit (vite.config.ts precaches the build). Not in the dev server, whose
// modules change under it. Registered once the first map is drawn (or after 30 s if it never is),
// so the 9 MB of precache downloads never compete with the first view; a failed registration only
// means no offline copy.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    watch.disconnect();
    void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  };
  const watch = new MutationObserver(() => {
    if (document.body.dataset.mapReady === 'true') register();
  });
  watch.observe(document.body, { attributes: true, attributeFilter: ['data-map-ready'] });
  setTimeout(register, 30_000);
}
