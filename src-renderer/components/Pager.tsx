import { localDigits } from '../../src-shared/format';
import { messages, useT } from '../i18n';

interface PagerProps {
  offset: number;
  pageSize: number;
  total: number;
  onChange(offset: number): void;
}

const M = messages(
  { range: (from: number, to: number, total: number) => `${from}–${to} of ${total}`, previous: '‹ Previous', next: 'Next ›' },
  {
    range: (from, to, total) => `${localDigits(String(total), 'bn')}টির মধ্যে ${localDigits(String(from), 'bn')}–${localDigits(String(to), 'bn')}`,
    previous: '‹ আগের পাতা',
    next: 'পরের পাতা ›',
  },
);

/** Previous/next over a list the server pages (offset and total come from its reply). */
export function Pager({ offset, pageSize, total, onChange }: PagerProps) {
  const t = useT(M);
  if (total <= pageSize) return null;
  const from = offset + 1;
  const to = Math.min(offset + pageSize, total);
  return (
    <div className="pager">
      <span>{t.range(from, to, total)}</span>
      <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        {t.previous}
      </button>
      <button type="button" className="btn btn-small" disabled={to >= total} onClick={() => onChange(offset + pageSize)}>
        {t.next}
      </button>
    </div>
  );
}
