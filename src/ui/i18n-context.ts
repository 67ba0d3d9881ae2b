import { useCallback } from 'react';
import { useAppState } from '../state/store.ts';
import { translate, translateDynamic, type MessageKey } from './i18n.ts';

/** The current language's translator. `td` takes keys built at run time and falls back to the text. */
export function useT() {
  const lang = useAppState((s) => s.lang);
  const t = useCallback((key: MessageKey) => translate(lang, key), [lang]);
  const td = useCallback((key: string, fallback: string) => translateDynamic(lang, key, fallback), [lang]);
  return { t, td, lang };
}
