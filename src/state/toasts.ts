// Short messages over the map: a confirmation that fades, a notice that stays until closed, or a
// link to copy by hand. Held as message keys so they follow a change of language.
import { useSyncExternalStore } from 'react';
import type { MessageKey } from '../ui/i18n.ts';

export interface Toast {
  id: number;
  /** done: fades after DONE_MS; notice: stays until closed; copy: a link in a field to copy by hand */
  kind: 'done' | 'notice' | 'copy';
  /** one or more messages shown one after another, each with its {name} parameters */
  parts: { key: MessageKey; params?: Record<string, string | number> }[];
  /** the link, for kind `copy` */
  link?: string;
}

export const DONE_MS = 3000;

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit(): void {
  for (const l of listeners) l();
}

export function showToast(toast: Omit<Toast, 'id'>): number {
  const id = nextId++;
  // A new confirmation or copy field replaces the previous one; notices pile up until read.
  const replaced = toasts.filter((t) => t.kind !== 'notice' && toast.kind !== 'notice');
  for (const t of replaced) clearTimeout(timers.get(t.id));
  toasts = [...toasts.filter((t) => !replaced.includes(t)), { ...toast, id }];
  if (toast.kind === 'done')
    timers.set(
      id,
      setTimeout(() => dismissToast(id), DONE_MS),
    );
  emit();
  return id;
}

export function dismissToast(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function currentToasts(): readonly Toast[] {
  return toasts;
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}
