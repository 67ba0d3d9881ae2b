import { useEffect, useRef } from 'react';
import { dismissToast, useToasts, type Toast } from '../state/toasts.ts';
import { useT } from './i18n-context.ts';
import { fillMessage } from './i18n.ts';
import '../../styles/link.css';

function CopyField({ link }: { link: string }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [link]);
  return (
    <input
      ref={field}
      className="toast-link-field"
      data-testid="copy-link-field"
      readOnly
      value={link}
      onFocus={(e) => e.currentTarget.select()}
    />
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const { t, lang } = useT();
  return (
    <div
      className={`toast toast-${toast.kind}`}
      role={toast.kind === 'done' ? 'status' : 'alert'}
      data-testid={`toast-${toast.kind}`}
    >
      {/* Chinese sentences follow each other without a space */}
      <p>{toast.parts.map((p) => fillMessage(t(p.key), p.params)).join(lang === 'zh' ? '' : ' ')}</p>
      {toast.kind === 'copy' && toast.link && <CopyField link={toast.link} />}
      {toast.kind === 'done' && toast.link && <p className="toast-link">{toast.link}</p>}
      {toast.kind !== 'done' && (
        <button className="link toast-close" onClick={() => dismissToast(toast.id)} aria-label={t('close')}>
          ×
        </button>
      )}
    </div>
  );
}

/** Messages over the map: link notices, copy confirmations. Text only; nothing in a link can run. */
export function Toasts() {
  const toasts = useToasts();
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" data-testid="toasts">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
