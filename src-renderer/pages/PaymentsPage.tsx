import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../../src-shared/api';
import type { Payment, PaymentMethod, PaymentStatus } from '../../src-shared/domain';
import { formatTaka, localDigits } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';
import { ActionError } from '../components/ActionError';
import { ConfirmButton } from '../components/ConfirmButton';
import { Banner } from '../components/Banner';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { PaymentsTable } from '../components/PaymentsTable';
import { RecoverPayment } from '../components/RecoverPayment';
import { RefundPanel, type RefundDone } from '../components/RefundPanel';
import { SendMoneyToConfirm } from '../components/SendMoneyToConfirm';
import { call } from '../api';
import { ExportButton } from '../components/ExportButton';
import { VoidButton } from '../components/VoidButton';
import { useReceiptStore } from '../stores/receiptStore';
import { methodOptionsFor, statusOptionsFor, canRecheck, isSendMoneyMethod, outcomeText } from '../paymentLabels';
import { shopDaysFilter, shopToday } from '../shopTime';
import { useRole } from '../stores/authStore';
import { emptyPaymentFilters, PAYMENTS_PAGE_SIZE, usePaymentsStore, type PaymentFilters } from '../stores/paymentsStore';

type TextFilter = 'phone' | 'invoiceNo' | 'gatewayRef' | 'trxId';
// Label key in the catalogue, and an example value (not translated: it is what the owner types).
const TEXT_FILTERS: Array<[TextFilter, 'phone' | 'invoice' | 'gatewayRef' | 'trxId', string]> = [
  ['phone', 'phone', '01712345678'],
  ['invoiceNo', 'invoice', 'INV-…'],
  ['gatewayRef', 'gatewayRef', 'paymentID / tran_id'],
  ['trxId', 'trxId', 'CJU0PZQ3U6'],
];

const M = messages(
  {
    title: 'Payments',
    sub: 'The ledger: every payment, newest first. Nothing is ever edited or deleted; a refund or a void is a new row.',
    phone: 'Phone',
    invoice: 'Invoice',
    gatewayRef: 'Gateway reference',
    trxId: 'Transaction ID',
    search: 'Search',
    findPayment: 'Find a payment',
    searchLabel: 'Search payments',
    searchPlaceholder: 'Invoice, reference, TrxID or phone',
    filters: 'Filters',
    method: 'Method',
    status: 'Status',
    all: 'All',
    from: 'From',
    to: 'To',
    today: 'Today',
    clear: 'Clear filters',
    receipt: 'Receipt',
    asking: 'Asking…',
    recheck: 'Recheck',
    activateAsPaid: (amount: string) => `Activate it as paid (${amount})?`,
    yesConfirm: 'Yes, confirm',
    confirm: 'Confirm',
    rejectAsUnpaid: 'Reject it as not paid?',
    yesReject: 'Yes, reject',
    reject: 'Reject',
    refund: 'Refund',
    decided: (invoice: string, what: 'confirm' | 'reject', outcome: string) => `${invoice}: ${what === 'confirm' ? 'confirmed' : 'rejected'}. ${outcome}`,
    refunded: (amount: string, invoice: string, refundInvoice: string) => `Refunded ${amount} of ${invoice}: refund row ${refundInvoice}.`,
    handBack: 'Hand the money back to the customer yourself: this gateway has no refund through HotspotDesk.',
    gatewayRefunds: 'The gateway sends the money back.',
    noMatch: 'No payment matches these filters.',
    none: 'No payments yet.',
    count: (total: number, shown: number) => `${total} payment${total === 1 ? '' : 's'}${total > shown ? ` (showing ${shown})` : ''} · net on this page (sales less refunds and voids)`,
    reviewNote: 'A payment that needs review activated nothing. Check it in the gateway’s merchant panel; Recheck asks the gateway again.',
  },
  {
    title: 'পেমেন্ট',
    sub: 'খাতা: প্রতিটি পেমেন্ট, নতুনটি আগে। কিছুই বদলানো বা মোছা হয় না; টাকা ফেরত বা বাতিল একটি নতুন সারি।',
    phone: 'ফোন',
    invoice: 'ইনভয়েস',
    gatewayRef: 'গেটওয়ে রেফারেন্স',
    trxId: 'ট্রানজ্যাকশন আইডি',
    search: 'খুঁজুন',
    findPayment: 'পেমেন্ট খুঁজুন',
    searchLabel: 'পেমেন্ট খুঁজুন (এক ঘরে)',
    searchPlaceholder: 'ইনভয়েস, রেফারেন্স, TrxID বা ফোন',
    filters: 'ছাঁকনি',
    method: 'মাধ্যম',
    status: 'অবস্থা',
    all: 'সব',
    from: 'থেকে',
    to: 'পর্যন্ত',
    today: 'আজ',
    clear: 'ছাঁকনি মুছুন',
    receipt: 'রসিদ',
    asking: 'জিজ্ঞেস করা হচ্ছে…',
    recheck: 'আবার যাচাই',
    activateAsPaid: (amount) => `পরিশোধিত হিসেবে চালু করবেন (${amount})?`,
    yesConfirm: 'হ্যাঁ, নিশ্চিত করুন',
    confirm: 'নিশ্চিত করুন',
    rejectAsUnpaid: 'পরিশোধ হয়নি বলে বাতিল করবেন?',
    yesReject: 'হ্যাঁ, বাতিল করুন',
    reject: 'বাতিল',
    refund: 'টাকা ফেরত',
    decided: (invoice, what, outcome) => `${invoice}: ${what === 'confirm' ? 'নিশ্চিত করা হয়েছে' : 'বাতিল করা হয়েছে'}। ${outcome}`,
    refunded: (amount, invoice, refundInvoice) => `${invoice}-এর ${amount} ফেরত দেওয়া হয়েছে: ফেরতের সারি ${refundInvoice}।`,
    handBack: 'টাকাটা আপনি নিজে গ্রাহককে ফেরত দিন: এই গেটওয়ের টাকা ফেরত HotspotDesk দিয়ে হয় না।',
    gatewayRefunds: 'গেটওয়ে টাকা ফেরত পাঠাবে।',
    noMatch: 'এই ছাঁকনিতে কোনো পেমেন্ট মেলেনি।',
    none: 'এখনো কোনো পেমেন্ট নেই।',
    count: (total, shown) =>
      `${localDigits(String(total), 'bn')}টি পেমেন্ট${total > shown ? ` (দেখানো হচ্ছে ${localDigits(String(shown), 'bn')}টি)` : ''} · এই পাতায় নিট (বিক্রি থেকে ফেরত ও বাতিল বাদে)`,
    reviewNote: 'পর্যালোচনার অপেক্ষায় থাকা পেমেন্ট কিছুই চালু করেনি। গেটওয়ের মার্চেন্ট প্যানেলে দেখে নিন; "আবার যাচাই" গেটওয়েকে আবার জিজ্ঞেস করে।',
  },
);

export function PaymentsPage() {
  const t = useT(M);
  const lang = useLang();
  const { items, total, offset, filters, sort, loaded, error, toConfirm, toConfirmError, reload, setFilters, setOffset, setSort } = usePaymentsStore();
  // The search box applies as the owner types, without a request per keystroke.
  const [searchText, setSearchText] = useState(filters.search);
  const [searchSeen, setSearchSeen] = useState(filters.search);
  if (searchSeen !== filters.search) {
    // "Clear filters" (or a refund) emptied it in the store: empty the box too. Only then: a
    // search the debounce applied may be behind what the owner has typed since.
    setSearchSeen(filters.search);
    if (filters.search === '') setSearchText('');
  }
  useEffect(() => {
    if (searchText === filters.search) return;
    const timer = setTimeout(() => setFilters({ search: searchText }), 250);
    return () => clearTimeout(timer);
  }, [searchText, filters.search, setFilters]);
  const owner = useRole() === 'owner';
  const showReceipt = useReceiptStore((st) => st.show);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [refunding, setRefunding] = useState<Payment | null>(null);
  const [refunded, setRefunded] = useState<RefundDone | null>(null);
  useEffect(() => {
    void reload();
  }, [reload]);

  // Net on this page: sales less refunds and voids (reversal rows are stored as refunded).
  const pageSum = items.reduce((sum, p) => sum + (p.status === 'completed' ? p.amount : p.status === 'refunded' ? -p.amount : 0), 0);
  const filtered = JSON.stringify(filters) !== JSON.stringify(emptyPaymentFilters);
  // Refund rows on this page name the payments they refund: those get no Refund button.
  const refundedIds = new Set(items.flatMap((p) => (p.refundOf ? [p.refundOf] : [])));

  async function recheck(p: Payment) {
    setBusyId(p.id);
    setNotice(null);
    setFailure(null);
    const r = await call('payments.recheck', { id: p.id });
    setBusyId(null);
    if (!r.ok) return setFailure(r.error);
    const o = outcomeText(r.value, lang);
    setNotice({ ok: o.ok, text: `${p.invoiceNo}: ${o.text}` });
    void reload();
  }

  async function decide(p: Payment, what: 'confirm' | 'reject') {
    setNotice(null);
    setFailure(null);
    const r = what === 'confirm' ? await call('payments.confirm', { id: p.id }) : await call('payments.reject', { id: p.id });
    if (!r.ok) return setFailure(r.error);
    const o = outcomeText(r.value, lang);
    setNotice({ ok: o.ok, text: t.decided(p.invoiceNo, what, o.text) });
    void reload();
  }

  function actions(p: Payment) {
    const buttons = [];
    if (p.status === 'completed' || p.reversedBy) {
      buttons.push(
        <button key="receipt" type="button" className="btn btn-small" onClick={() => showReceipt(p)}>
          {t.receipt}
        </button>,
      );
    }
    if (owner && p.method === 'cash' && p.status === 'completed' && !p.reversedBy) {
      buttons.push(<VoidButton key="void" payment={p} onVoided={() => void reload()} />);
    }
    if (canRecheck(p)) {
      buttons.push(
        <button key="recheck" type="button" className="btn btn-small" disabled={busyId === p.id} aria-busy={busyId === p.id || undefined} onClick={() => void recheck(p)}>
          {busyId === p.id ? t.asking : t.recheck}
        </button>,
      );
    }
    if (owner && p.status === 'needs_review') {
      // Nothing was activated: the owner checked the money (merchant panel, shop phone) and decides.
      buttons.push(
        <ConfirmButton key="confirm" danger={false} confirm={t.activateAsPaid(formatTaka(p.amount, lang))} confirmLabel={t.yesConfirm} onConfirm={() => decide(p, 'confirm')}>
          {t.confirm}
        </ConfirmButton>,
        <ConfirmButton key="reject" confirm={t.rejectAsUnpaid} confirmLabel={t.yesReject} onConfirm={() => decide(p, 'reject')}>
          {t.reject}
        </ConfirmButton>,
      );
    }
    if (owner && p.status === 'completed' && p.method !== 'voucher' && !p.reversedBy && !refundedIds.has(p.id)) {
      buttons.push(
        <button key="refund" type="button" className="btn btn-small btn-danger-outline" onClick={() => (setRefunded(null), setRefunding(p))}>
          {t.refund}
        </button>,
      );
    }
    return buttons.length ? buttons : null;
  }

  function onRefunded(r: RefundDone) {
    setRefunding(null);
    setRefunded(r);
    // Show the new row: the ledger is newest first, so clear the filters that would hide it.
    setFilters(emptyPaymentFilters);
    void reload();
  }

  return (
    <>
      <PageHeader title={t.title} sub={t.sub}>
        {owner ? <ExportButton run={() => call('exports.payments', shopDaysFilter(filters.from, filters.to))} /> : null}
      </PageHeader>
      <SendMoneyToConfirm items={toConfirm} error={toConfirmError} onDone={() => void reload()} canDecide={owner} />
      <RecoverPayment onDone={() => void reload()} />
      {refunding ? <RefundPanel payment={refunding} onCancel={() => setRefunding(null)} onDone={onRefunded} /> : null}
      {refunded ? (
        <Banner kind="success" onClose={() => setRefunded(null)}>
          {t.refunded(formatTaka(refunded.refund.amount, lang), refunded.original.invoiceNo, refunded.refund.invoiceNo)} {refunded.manual ? t.handBack : t.gatewayRefunds}
        </Banner>
      ) : null}
      <div className="toolbar" role="group" aria-label={t.filters}>
        <input
          type="search"
          className="search"
          aria-label={t.searchLabel}
          placeholder={t.searchPlaceholder}
          maxLength={50}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
        />
        <label className="inline-field">
          {t.method}
          <select value={filters.method} onChange={(e) => setFilters({ method: e.target.value as PaymentMethod | '' })}>
            <option value="">{t.all}</option>
            {methodOptionsFor(lang).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t.status}
          <select value={filters.status} onChange={(e) => setFilters({ status: e.target.value as PaymentStatus | '' })}>
            <option value="">{t.all}</option>
            {statusOptionsFor(lang).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t.from}
          <input type="date" value={filters.from} onChange={(e) => setFilters({ from: e.target.value })} />
        </label>
        <label className="inline-field">
          {t.to}
          <input type="date" value={filters.to} onChange={(e) => setFilters({ to: e.target.value })} />
        </label>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            const today = shopToday();
            setFilters({ from: today, to: today });
          }}
        >
          {t.today}
        </button>
        <SearchFilters filters={filters} onSearch={setFilters} />
        {filtered ? (
          <button type="button" className="btn btn-small" onClick={() => setFilters(emptyPaymentFilters)}>
            {t.clear}
          </button>
        ) : null}
      </div>
      {error ? <Banner>{error}</Banner> : null}
      {notice ? (
        <Banner kind={notice.ok ? 'success' : 'error'} onClose={() => setNotice(null)}>
          {notice.text}
        </Banner>
      ) : null}
      <ActionError error={failure} onClose={() => setFailure(null)} />
      {loaded && items.length === 0 ? (
        <div className="empty card">
          <p>{filtered ? t.noMatch : t.none}</p>
        </div>
      ) : (
        <div className="card flush">
          <PaymentsTable
            payments={items}
            detailed
            label={t.title}
            actions={actions}
            sort={sort}
            onSort={setSort}
            footer={
              <tfoot>
                <tr>
                  <td colSpan={5}>
                    {t.count(total, items.length)}
                  </td>
                  <td className="num strong">{formatTaka(pageSum, lang)}</td>
                  <td colSpan={2} />
                </tr>
              </tfoot>
            }
          />
          <Pager offset={offset} pageSize={PAYMENTS_PAGE_SIZE} total={total} onChange={setOffset} />
        </div>
      )}
      {items.some((p) => p.status === 'needs_review' && !isSendMoneyMethod(p.method)) ? (
        <p className="muted small">{t.reviewNote}</p>
      ) : null}
    </>
  );
}

/** Phone, invoice, reference and TrxID: applied together on Search (not on every key). */
function SearchFilters({ filters, onSearch }: { filters: PaymentFilters; onSearch(f: Partial<PaymentFilters>): void }) {
  const t = useT(M);
  const [draft, setDraft] = useState(() => Object.fromEntries(TEXT_FILTERS.map(([k]) => [k, filters[k]])) as Record<TextFilter, string>);
  // "Clear filters" (or a refund) resets the store: show that in the boxes too.
  const applied = TEXT_FILTERS.map(([k]) => filters[k]).join('\u0000');
  const [seen, setSeen] = useState(applied);
  if (seen !== applied) {
    // Adjusting state while rendering (React's pattern for "reset when a prop changes").
    setSeen(applied);
    setDraft(Object.fromEntries(TEXT_FILTERS.map(([k]) => [k, filters[k]])) as Record<TextFilter, string>);
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onSearch(draft);
  }
  return (
    <form className="search-filters" onSubmit={onSubmit} role="search" aria-label={t.findPayment}>
      {TEXT_FILTERS.map(([k, label, placeholder]) => (
        <label key={k} className="inline-field">
          {t[label]}
          <input className={k === 'phone' ? undefined : 'mono'} value={draft[k]} placeholder={placeholder} maxLength={k === 'gatewayRef' ? 200 : 40} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
        </label>
      ))}
      <button type="submit" className="btn btn-small">
        {t.search}
      </button>
    </form>
  );
}
