import { messages, useT } from '../../i18n';

const M = messages({ yes: 'Yes', no: 'No' }, { yes: 'হ্যাঁ', no: 'না' });

/** A green/red badge for a yes-or-no fact about the router. */
export function YesNo({ value, yes, no }: { value: boolean; yes?: string; no?: string }) {
  const t = useT(M);
  return <span className={`badge nocap badge-${value ? 'green' : 'red'}`}>{value ? (yes ?? t.yes) : (no ?? t.no)}</span>;
}
