// The English words of the UI load apart from the first page (issue 13, item 5): zh-CN is the
// default, so the start screen carries one language. main.tsx loads them before the first render
// when the page starts in English (`?lang=en` or the saved preference); the language switch loads
// them before it switches (ensureLang); otherwise they load when the page is idle, so the switch
// has no visible wait. The page's language only becomes English once they are here.
import type { Lang } from '../core/labels.ts';
import type * as Words from './english-words.ts';

let loaded: typeof Words | null = null;
let pending: Promise<typeof Words> | null = null;

export function loadEnglish(): Promise<typeof Words> {
  pending ??= import('./english-words.ts').then(
    (m) => (loaded = m),
    (e: unknown) => {
      pending = null; // a failed download (offline before the first visit cached it) may be retried
      throw e;
    },
  );
  return pending;
}

/** The English words, once loaded. Reading them earlier is a bug of the caller (the language is
 * only set to English after loadEnglish resolves). */
export function englishWords(): typeof Words {
  if (!loaded) throw new Error('the English words were used before they loaded (loadEnglish)');
  return loaded;
}

/** Resolves when `lang`'s words are here (zh-CN always is). */
export async function ensureLang(lang: Lang): Promise<void> {
  if (lang === 'en') await loadEnglish();
}

/** Loads the English words when the browser is idle (within 5 s), so switching is immediate. */
export function preloadEnglishWhenIdle(): void {
  const go = () => void loadEnglish().catch(() => undefined);
  if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 5000 });
  else setTimeout(go, 2000);
}
