import type { SortDir } from '../../src-shared/api/listQuery';
import { messages, useT } from '../i18n';

export interface SortState<K extends string> {
  by: K;
  dir: SortDir;
}

const M = messages(
  { sortBy: (label: string) => `Sort by ${label}` },
  { sortBy: (label) => `${label} অনুযায়ী সাজান` },
);

/**
 * A column header that sorts the table on the server: a button inside the <th> (keyboard and
 * screen readers reach it), `aria-sort` on the header while the table is sorted by it. A click on
 * the sorted column turns its direction round; on another column it starts at `firstDir` (the
 * key's natural order: newest and largest first, A→Z for words). The arrow is decoration only, so
 * the header's accessible name stays its label.
 */
export function SortHeader<K extends string>({
  label,
  sortKey,
  sort,
  firstDir,
  onSort,
  className,
}: {
  label: string;
  sortKey: K;
  sort: SortState<K>;
  firstDir: SortDir;
  onSort(next: SortState<K>): void;
  className?: string;
}) {
  const t = useT(M);
  const active = sort.by === sortKey;
  const next: SortState<K> = active ? { by: sortKey, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { by: sortKey, dir: firstDir };
  return (
    <th className={className} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="th-sort" title={t.sortBy(label)} onClick={() => onSort(next)}>
        {label}
        <span className="th-sort-arrow" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}
