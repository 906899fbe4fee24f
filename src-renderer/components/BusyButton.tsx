import type { ReactNode } from 'react';

interface BusyButtonProps {
  busy: boolean;
  /** Shown while busy, e.g. "Testing…". */
  busyLabel: string;
  onClick(): void;
  children: ReactNode;
  primary?: boolean;
  small?: boolean;
  disabled?: boolean;
}

/** A button for a long router call: shows a spinner and cannot be pressed again until it ends. */
export function BusyButton({ busy, busyLabel, onClick, children, primary, small, disabled }: BusyButtonProps) {
  return (
    <button
      type="button"
      className={`btn${primary ? ' btn-primary' : ''}${small ? ' btn-small' : ''}`}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
      onClick={() => {
        if (!busy) onClick();
      }}
    >
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {busyLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
