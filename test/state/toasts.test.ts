import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentToasts, dismissToast, DONE_MS, showToast } from '../../src/state/toasts.ts';

afterEach(() => {
  for (const t of currentToasts()) dismissToast(t.id);
  vi.useRealTimers();
});

describe('toasts', () => {
  it('a confirmation fades after DONE_MS; a notice stays until closed', () => {
    vi.useFakeTimers();
    showToast({ kind: 'done', parts: [{ key: 'linkCopied' }] });
    const notice = showToast({ kind: 'notice', parts: [{ key: 'linkKeepsView' }] });
    vi.advanceTimersByTime(DONE_MS - 1);
    expect(currentToasts().map((t) => t.kind)).toEqual(['done', 'notice']);
    vi.advanceTimersByTime(1);
    expect(currentToasts().map((t) => t.kind)).toEqual(['notice']);
    vi.advanceTimersByTime(60_000);
    expect(currentToasts().map((t) => t.id)).toEqual([notice]);
    dismissToast(notice);
    expect(currentToasts()).toEqual([]);
  });

  it('a new copy result replaces the last one; notices pile up', () => {
    vi.useFakeTimers();
    showToast({ kind: 'notice', parts: [{ key: 'linkNoLayer', params: { layer: 'a' } }] });
    showToast({ kind: 'notice', parts: [{ key: 'linkNoLayer', params: { layer: 'b' } }] });
    showToast({ kind: 'copy', parts: [{ key: 'linkCopyByHand' }], link: 'http://h/#1/2/3' });
    const done = showToast({ kind: 'done', parts: [{ key: 'linkCopied' }], link: 'http://h/#4/5/6' });
    expect(currentToasts().map((t) => t.kind)).toEqual(['notice', 'notice', 'done']);
    // the replaced one's timer does not remove the newer one early
    showToast({ kind: 'done', parts: [{ key: 'linkCopied' }] });
    expect(currentToasts().some((t) => t.id === done)).toBe(false);
    vi.advanceTimersByTime(DONE_MS);
    expect(currentToasts().map((t) => t.kind)).toEqual(['notice', 'notice']);
  });
});
