import { useEffect, useState, type ReactNode } from 'react';
import { messages, useT } from '../i18n';

const M = messages({ yes: 'Yes', no: 'No' }, { yes: 'হ্যাঁ', no: 'না' });

interface ConfirmButtonProps {
  children: ReactNode;
  /** The question shown after the first click, e.g. "Archive 1 Day?" */
  confirm: string;
  confirmLabel?: string;
  onConfirm: () => void | Promise<void>;
  danger?: boolean;
  disabled?: boolean;
}

/**
 * A two-step button for destructive actions (no blocking window.confirm dialogs): the first
 * click asks, the second does it; it resets by itself after a few seconds.
 */
export function ConfirmButton({ children, confirm, confirmLabel, onConfirm, danger = true, disabled }: ConfirmButtonProps) {
  const t = useT(M);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!asking) return;
    const t = setTimeout(() => setAsking(false), 6000);
    return () => clearTimeout(t);
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className={`btn btn-small${danger ? ' btn-danger-outline' : ''}`} disabled={disabled} onClick={() => setAsking(true)}>
        {children}
      </button>
    );
  }
  return (
    <span className="confirm">
      <span className="confirm-q">{confirm}</span>
      <button
        type="button"
        className={`btn btn-small${danger ? ' btn-danger' : ' btn-primary'}`}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirmLabel ?? t.yes}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        {t.no}
      </button>
    </span>
  );
}
