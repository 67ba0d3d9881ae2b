// The English words of saving, safe mode and the crash screen (durable-words.ts has the zh-CN
// ones). Loaded with the rest of the English words (english.ts).
import type { DurableKey } from './durable-words.ts';

export const en: Record<DurableKey, string> = {
  saving: 'Saving…',
  saved: 'Saved',
  saveFailed: 'Save failed',
  saveFailedHint:
    'Your changes are only in this page and are lost on close or reload. Export the project bundle to keep them.',
  exportProject: 'Export project bundle',
  readOnly: 'Read-only',
  readOnlyHint: 'This project is open in another tab; changes made here are not saved. Edit it in that tab.',
  readOnlyFree: 'The other tab has closed: reload to edit here.',
  reload: 'Reload',
  safeTitle: 'Safe mode: the project is not drawn',
  safeCrashed:
    'The last time this project opened, the page never finished drawing it (it crashed, hung or was closed). Its layers are listed, not drawn, so it cannot hang again.',
  safeDamaged:
    'The saved project has damaged records. What can be recovered is listed; the damaged parts will not open.',
  safeUnreadable: 'The saved project cannot be read',
  safeLayers: 'Saved layers',
  features: 'features',
  openAnyway: 'Open the project',
  openRecovered: 'Open what was recovered',
  exportRecovered: 'Export what was recovered',
  discard: 'Discard and open the sample',
  confirmDiscard: 'Discard the saved project? This cannot be undone (export it first if in doubt).',
  crashTitle: 'Something went wrong',
  crashHint: 'Saved changes are still there. After a reload the project opens in safe mode.',
  exportSaved: 'Export the saved project',
  showAll: 'Show all',
  showLess: 'Show less',
  chars: 'characters',
  nothingRecovered: 'Nothing could be recovered.',
};
