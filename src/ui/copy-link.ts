// Puts a link on the clipboard and says so; where the clipboard is refused (no permission, an
// insecure address) the link is shown selected in a field to copy by hand.
import { showToast } from '../state/toasts.ts';

export async function copyLink(url: string): Promise<void> {
  const words = import('./words-link.ts'); // the toast's words, loaded with the first copy
  let copied = true;
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(url);
  } catch {
    copied = false;
  }
  await words;
  if (copied) showToast({ kind: 'done', parts: [{ key: 'linkCopied' }], link: url });
  else showToast({ kind: 'copy', parts: [{ key: 'linkCopyByHand' }], link: url });
}
