// Puts a link on the clipboard and says so; where the clipboard is refused (no permission, an
// insecure address) the link is shown selected in a field to copy by hand.
import { showToast } from '../state/toasts.ts';

export async function copyLink(url: string): Promise<void> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(url);
    showToast({ kind: 'done', parts: [{ key: 'linkCopied' }], link: url });
  } catch {
    showToast({ kind: 'copy', parts: [{ key: 'linkCopyByHand' }], link: url });
  }
}
