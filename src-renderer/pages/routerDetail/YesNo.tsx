/** A green/red badge for a yes-or-no fact about the router. */
export function YesNo({ value, yes = 'Yes', no = 'No' }: { value: boolean; yes?: string; no?: string }) {
  return <span className={`badge nocap badge-${value ? 'green' : 'red'}`}>{value ? yes : no}</span>;
}
