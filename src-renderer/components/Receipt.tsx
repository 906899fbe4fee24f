import type { Payment } from '../../src-shared/domain';
import { formatDateTime, formatTaka, localPhone } from '../../src-shared/format';
import { messages, useLang, useT } from '../i18n';
import { useShopTimeDisplay } from '../shopTime';
import { useSettingsStore } from '../stores/settingsStore';
import { methodLabelFor } from '../paymentLabels';

// The customer takes this home: it prints in the admin language (the words the shop speaks).
const M = messages(
  {
    help: (phone: string) => `Help: ${phone}`,
    receipt: 'RECEIPT',
    receiptVoided: 'RECEIPT — VOIDED',
    receiptRefunded: 'RECEIPT — REFUNDED',
    invoice: 'Invoice',
    date: 'Date',
    customer: 'Customer',
    package: 'Package',
    paidBy: 'Paid by',
    servedBy: 'Served by',
    total: 'Total',
    logIn: (phone: string) => `Log in: join the WiFi and open any page; enter your mobile number ${phone}.`,
    portal: (url: string) => `Portal: ${url}`,
    thanks: 'Thank you!',
  },
  {
    help: (phone) => `সাহায্য: ${phone}`,
    receipt: 'রসিদ',
    receiptVoided: 'রসিদ — বাতিল',
    receiptRefunded: 'রসিদ — টাকা ফেরত',
    invoice: 'ইনভয়েস',
    date: 'তারিখ',
    customer: 'গ্রাহক',
    package: 'প্যাকেজ',
    paidBy: 'যেভাবে টাকা দিয়েছেন',
    servedBy: 'কর্মী',
    total: 'মোট',
    logIn: (phone) => `লগ ইন: ওয়াইফাইতে যুক্ত হয়ে যেকোনো ওয়েবসাইট খুলুন; আপনার মোবাইল নম্বর ${phone} লিখুন।`,
    portal: (url) => `পোর্টাল: ${url}`,
    thanks: 'ধন্যবাদ!',
  },
);

/**
 * A counter sale's receipt: the shop, the invoice, what was sold and for how much. The same
 * markup on every paper; the print styles narrow it for thermal rolls.
 */
export function Receipt({ payment: p }: { payment: Payment }) {
  const t = useT(M);
  const lang = useLang();
  const time = useShopTimeDisplay();
  const settings = useSettingsStore((s) => s.settings);
  const shop = settings?.shop;
  const portal = settings?.network.portalUrl;
  const voided = p.reversedBy?.kind === 'void';
  return (
    <div className="receipt" data-testid="receipt" lang={lang}>
      <div className="receipt-head">
        {shop?.logo ? <img className="receipt-logo" src={shop.logo} alt="" /> : null}
        <div className="receipt-shop">{shop?.name ?? 'WiFi'}</div>
        {shop?.supportPhone ? <div>{t.help(localPhone(shop.supportPhone, lang))}</div> : null}
      </div>
      <div className="receipt-title">{voided ? t.receiptVoided : p.reversedBy ? t.receiptRefunded : t.receipt}</div>
      <dl className="receipt-lines">
        <dt>{t.invoice}</dt>
        <dd className="mono">{p.invoiceNo}</dd>
        <dt>{t.date}</dt>
        <dd>{formatDateTime(p.completedAt ?? p.createdAt, time, lang)}</dd>
        <dt>{t.customer}</dt>
        <dd>{localPhone(p.customerPhone, lang)}</dd>
        <dt>{t.package}</dt>
        <dd>{p.packageName ?? '—'}</dd>
        <dt>{t.paidBy}</dt>
        <dd>{methodLabelFor(lang)[p.method] ?? p.method}</dd>
        {p.createdBy && p.method === 'cash' ? (
          <>
            <dt>{t.servedBy}</dt>
            <dd>{p.createdBy}</dd>
          </>
        ) : null}
      </dl>
      <div className="receipt-total">
        <span>{t.total}</span>
        <span>{formatTaka(p.amount, lang)}</span>
      </div>
      <div className="receipt-foot">
        <p>{t.logIn(localPhone(p.customerPhone, lang))}</p>
        {portal ? <p>{t.portal(portal)}</p> : null}
        <p>{t.thanks}</p>
      </div>
    </div>
  );
}
