import type { ReactNode } from 'react';

interface BannerProps {
  kind?: 'error' | 'success' | 'info';
  children: ReactNode;
  onClose?: () => void;
}

export function Banner({ kind = 'error', children, onClose }: BannerProps) {
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="banner-text">{children}</div>
      {onClose ? (
        <button type="button" className="banner-close" aria-label="Dismiss" onClick={onClose}>
          ×
        </button>
      ) : null}
    </div>
  );
}
