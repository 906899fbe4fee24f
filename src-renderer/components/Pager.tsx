interface PagerProps {
  offset: number;
  pageSize: number;
  total: number;
  onChange(offset: number): void;
}

export function Pager({ offset, pageSize, total, onChange }: PagerProps) {
  if (total <= pageSize) return null;
  const from = offset + 1;
  const to = Math.min(offset + pageSize, total);
  return (
    <div className="pager">
      <span>
        {from}–{to} of {total}
      </span>
      <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        ‹ Previous
      </button>
      <button type="button" className="btn btn-small" disabled={to >= total} onClick={() => onChange(offset + pageSize)}>
        Next ›
      </button>
    </div>
  );
}
