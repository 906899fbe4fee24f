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

/** A form's two banners: what went wrong (closing it clears the errors) and what it just did. */
export function FormBanners({ error, onClear, done, onDoneClose }: { error: string | null; onClear: () => void; done: string | null; onDoneClose: () => void }) {
  return (
    <>
      {error ? <Banner onClose={onClear}>{error}</Banner> : null}
      {done ? (
        <Banner kind="success" onClose={onDoneClose}>
          {done}
        </Banner>
      ) : null}
    </>
  );
}
