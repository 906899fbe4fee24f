import { messages, useT } from '../i18n';

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

// English shows the status word as the API spells it (e2e specs and the owner's habits know it);
// Bangla names the ones we know and keeps any other word as it came.
const BN_STATUS: Record<string, string> = {
  active: 'চালু',
  completed: 'সম্পন্ন',
  sent: 'পাঠানো হয়েছে',
  sending: 'পাঠানো হচ্ছে',
  new: 'নতুন',
  queued: 'অপেক্ষায়',
  pending: 'বাকি',
  used: 'ব্যবহৃত',
  expired: 'মেয়াদ শেষ',
  exhausted: 'ডেটা শেষ',
  archived: 'আর্কাইভ করা',
  cancelled: 'বাতিল',
  disabled: 'বন্ধ',
  failed: 'ব্যর্থ',
  void: 'বাতিল (ভয়েড)',
  refund: 'ফেরত',
  refunded: 'টাকা ফেরত',
};

const M = messages(
  { status: (status: string) => status },
  { status: (status) => BN_STATUS[status] ?? status },
);

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const t = useT(M);
  return <span className={`badge badge-${TONE[status] ?? 'grey'}`}>{label ?? t.status(status)}</span>;
}
