import type { ReactNode } from 'react';
import { messages, useT } from '../i18n';

const M = messages({ dismiss: 'Dismiss' }, { dismiss: 'বন্ধ করুন' });

interface BannerProps {
  kind?: 'error' | 'success' | 'info';
  children: ReactNode;
  onClose?: () => void;
}

export function Banner({ kind = 'error', children, onClose }: BannerProps) {
  const t = useT(M);
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="banner-text">{children}</div>
      {onClose ? (
        <button type="button" className="banner-close" aria-label={t.dismiss} onClick={onClose}>
          ×
        </button>
      ) : null}
    </div>
  );
}
