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
// modules change under it; registered when the page is idle (within 5 s), so the precache downloads
// wait behind the first map; a failed registration only means no offline copy.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  window.addEventListener('load', () => {
    const register = () => void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5000 });
    else setTimeout(register, 2000);
  });
