const TONE: Record<string, string> = {
  active: 'green',
  completed: 'green',
  sent: 'green',
  sending: 'blue',
  new: 'green',
  queued: 'blue',
  pending: 'amber',
  used: 'grey',
  expired: 'grey',
  exhausted: 'grey',
  archived: 'grey',
  cancelled: 'red',
  disabled: 'red',
  failed: 'red',
  void: 'red',
  refund: 'amber',
  refunded: 'amber',
};

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${TONE[status] ?? 'grey'}`}>{label ?? status}</span>;
}
