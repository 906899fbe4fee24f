import { useEffect, useState, type FormEvent } from 'react';
import { Banner, FormBanners } from '../components/Banner';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { formatDate, formatDateTime, formatTaka, localDigits, localPhone, type Lang } from '../../src-shared/format';
import { parseTaka } from '../../src-shared/units';
import { useSubmit } from '../formErrors';
import { shopDaysFilter, useShopTimeDisplay, useShopTimeZone } from '../shopTime';
import { messages, useLang, useT } from '../i18n';
import { useDistributorsStore } from '../stores/distributorsStore';
import { useSettingsStore } from '../stores/settingsStore';
import type { Distributor } from '../../src-shared/domain';

const M = messages(
  {
    theStart: 'the start',
    today: 'today',
    allDistributors: '‹ All distributors',
    statementOf: (name: string) => `Statement · ${name}`,
    statement: 'Statement',
    period: 'Period',
    from: 'From',
    fromDay: 'From day',
    to: 'To',
    toDay: 'To day',
    print: 'Print statement',
    commissionIs: (c: string) => `Commission: ${c}`,
    printed: (time: string) => `Printed ${time}`,
    totals: 'Totals',
    cardsTaken: 'Cards taken',
    cardsUsed: 'Cards used',
    faceValueUsed: 'Face value used',
    commission: 'Commission',
    owed: 'Owed',
    paid: 'Paid',
    balance: 'Balance',
    noCards: 'No card of theirs was used in this period.',
    used: 'Used',
    card: 'Card',
    package: 'Package',
    faceValue: 'Face value',
    cardRef: (voucher: string, batch: string) => `#${voucher} (batch #${batch})`,
    total: 'Total',
    paymentsReceived: 'Payments received',
    noPayments: 'No payment in this period.',
    when: 'When',
    note: 'Note',
    amount: 'Amount',
    percentOf: (p: string) => `${p}% of face value`,
    perCard: (taka: string) => `${taka} per card`,
    needAmount: 'Enter the taka received, e.g. 500 or 120.50.',
    recorded: (taka: string) => `Recorded ${taka} received.`,
    recordPayment: 'Record a payment',
    amountReceived: 'Amount received (৳)',
    noteOptional: 'Note (optional)',
    notePlaceholder: 'e.g. cash, bKash trxID',
    recording: 'Recording…',
    record: 'Record payment',
  },
  {
    theStart: 'শুরু',
    today: 'আজ',
    allDistributors: '‹ সব বিক্রেতা',
    statementOf: (name) => `হিসাব বিবরণী · ${name}`,
    statement: 'হিসাব বিবরণী',
    period: 'সময়কাল',
    from: 'থেকে',
    fromDay: 'শুরুর দিন',
    to: 'পর্যন্ত',
    toDay: 'শেষ দিন',
    print: 'বিবরণী প্রিন্ট করুন',
    commissionIs: (c) => `কমিশন: ${c}`,
    printed: (time) => `প্রিন্টের সময় ${time}`,
    totals: 'মোট হিসাব',
    cardsTaken: 'নেওয়া কার্ড',
    cardsUsed: 'ব্যবহৃত কার্ড',
    faceValueUsed: 'ব্যবহৃত কার্ডের দাম',
    commission: 'কমিশন',
    owed: 'পাওনা',
    paid: 'পরিশোধ',
    balance: 'বাকি',
    noCards: 'এই সময়ে তাঁর কোনো কার্ড ব্যবহার হয়নি।',
    used: 'ব্যবহারের সময়',
    card: 'কার্ড',
    package: 'প্যাকেজ',
    faceValue: 'কার্ডের দাম',
    cardRef: (voucher, batch) => `#${voucher} (ব্যাচ #${batch})`,
    total: 'মোট',
    paymentsReceived: 'পাওয়া টাকা',
    noPayments: 'এই সময়ে কোনো টাকা পাওয়া যায়নি।',
    when: 'কখন',
    note: 'নোট',
    amount: 'টাকা',
    percentOf: (p) => `কার্ডের দামের ${p}%`,
    perCard: (taka) => `প্রতি কার্ডে ${taka}`,
    needAmount: 'কত টাকা পেয়েছেন লিখুন, যেমন 500 বা 120.50।',
    recorded: (taka) => `${taka} পাওয়া লেখা হয়েছে।`,
    recordPayment: 'টাকা পাওয়া লিখুন',
    amountReceived: 'পাওয়া টাকা (৳)',
    noteOptional: 'নোট (ঐচ্ছিক)',
    notePlaceholder: 'যেমন নগদ, বিকাশ TrxID',
    recording: 'লেখা হচ্ছে…',
    record: 'টাকা পাওয়া লিখুন',
  },
);

/**
 * One distributor's statement for a period: cards used (by redeem time) with their face value and
 * commission, payments received (by payment time), and the balance. Printable: the sidebar,
 * the period picker and the payment form are left off paper (print CSS hides .nav and .no-print).
 */
export function DistributorStatementView({ distributorId }: { distributorId: number }) {
  const tz = useShopTimeZone();
  const time = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const n = (v: number) => localDigits(String(v), lang);
  const { statement, statementError, openStatement } = useDistributorsStore();
  const settings = useSettingsStore();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  useEffect(() => {
    if (!settings.loaded && !settings.loading) void settings.load();
  }, [settings]);
  useEffect(() => {
    void openStatement(distributorId, shopDaysFilter(from, to, tz));
  }, [distributorId, from, to, tz, openStatement]);

  const s = statement?.distributor.id === distributorId ? statement : null;
  const period = s ? `${s.from != null ? formatDate(s.from, tz, lang) : t.theStart} – ${s.to != null ? formatDate(s.to - 1, tz, lang) : t.today}` : '';
  const shop = settings.settings?.shop.name ?? '';

  return (
    <>
      <div className="no-print">
        <a href="#/distributors" className="back">
          {t.allDistributors}
        </a>
      </div>
      <PageHeader title={s ? t.statementOf(s.distributor.name) : t.statement} sub={s ? `${shop ? `${shop} · ` : ''}${period}` : undefined}>
        <div className="no-print toolbar" role="group" aria-label={t.period}>
          <label className="inline-field">
            {t.from}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-label={t.fromDay} />
          </label>
          <label className="inline-field">
            {t.to}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-label={t.toDay} />
          </label>
          <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!s}>
            {t.print}
          </button>
        </div>
      </PageHeader>
      {statementError ? <Banner>{statementError}</Banner> : null}
      {s ? (
        <div className="card statement" role="region" aria-label={t.statement} lang={lang}>
          <div className="statement-head">
            <div>
              <div className="strong">{s.distributor.name}</div>
              <div>{localPhone(s.distributor.phone, lang)}</div>
              <div className="muted">{t.commissionIs(describeCommission(s.distributor, lang))}</div>
            </div>
            <div className="muted">{t.printed(formatDateTime(Date.now(), time, lang))}</div>
          </div>
          <div className="mini-stats" aria-label={t.totals}>
            <Stat label={t.cardsTaken} value={n(s.taken)} />
            <Stat label={t.cardsUsed} value={n(s.used)} />
            <Stat label={t.faceValueUsed} value={formatTaka(s.faceValueUsed, lang)} />
            <Stat label={t.commission} value={formatTaka(s.commission, lang)} />
            <Stat label={t.owed} value={formatTaka(s.owed, lang)} />
            <Stat label={t.paid} value={formatTaka(s.paid, lang)} />
            <Stat label={t.balance} value={formatTaka(s.balance, lang)} tone={s.balance > 0 ? 'red' : 'green'} />
          </div>
          <h2>{t.cardsUsed}</h2>
          {s.cards.length === 0 ? (
            <p className="muted">{t.noCards}</p>
          ) : (
            <table className="table" aria-label={t.cardsUsed}>
              <thead>
                <tr>
                  <th>{t.used}</th>
                  <th>{t.card}</th>
                  <th>{t.package}</th>
                  <th className="num">{t.faceValue}</th>
                  <th className="num">{t.commission}</th>
                  <th className="num">{t.owed}</th>
                </tr>
              </thead>
              <tbody>
                {s.cards.map((c) => (
                  <tr key={c.voucherId}>
                    <td>{formatDateTime(c.redeemedAt, time, lang)}</td>
                    <td>{t.cardRef(n(c.voucherId), n(c.batchId))}</td>
                    <td>{c.packageName}</td>
                    <td className="num">{formatTaka(c.faceValue, lang)}</td>
                    <td className="num">{formatTaka(c.commission, lang)}</td>
                    <td className="num">{formatTaka(c.owed, lang)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={3}>{t.total}</td>
                  <td className="num">{formatTaka(s.faceValueUsed, lang)}</td>
                  <td className="num">{formatTaka(s.commission, lang)}</td>
                  <td className="num">{formatTaka(s.owed, lang)}</td>
                </tr>
              </tfoot>
            </table>
          )}
          <h2>{t.paymentsReceived}</h2>
          {s.payments.length === 0 ? (
            <p className="muted">{t.noPayments}</p>
          ) : (
            <table className="table" aria-label={t.paymentsReceived}>
              <thead>
                <tr>
                  <th>{t.when}</th>
                  <th>{t.note}</th>
                  <th className="num">{t.amount}</th>
                </tr>
              </thead>
              <tbody>
                {s.payments.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDateTime(p.createdAt, time, lang)}</td>
                    <td>{p.note ?? '—'}</td>
                    <td className="num">{formatTaka(p.amount, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : null}
      <PaymentForm distributorId={distributorId} onDone={() => void openStatement(distributorId, shopDaysFilter(from, to, tz))} />
    </>
  );
}

/** "10% of face value" or "৳2 per card". */
export function describeCommission(d: Pick<Distributor, 'commissionPercent' | 'commissionPerCard'>, lang: Lang = 'en'): string {
  const t = M[lang];
  return d.commissionPercent != null ? t.percentOf(localDigits(String(d.commissionPercent), lang)) : t.perCard(formatTaka(d.commissionPerCard ?? 0, lang));
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'green' | 'red' }) {
  return (
    <div className={`mini-stat${tone ? ` tone-${tone}` : ''}`}>
      <div className="mini-stat-value">{value}</div>
      <div className="mini-stat-label">{label}</div>
    </div>
  );
}

function PaymentForm({ distributorId, onDone }: { distributorId: number; onDone: () => void }) {
  const { recordPayment } = useDistributorsStore();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['amount', 'note'], 'distributors.recordPayment');
  const t = useT(M);
  const lang = useLang();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const paisa = parseTaka(amount);
    const local: Record<string, string> = paisa === null || paisa === 0 ? { amount: t.needAmount } : {};
    const input = { id: distributorId, amount: paisa ?? 0, ...(note.trim() ? { note: note.trim() } : {}) };
    const r = await submit(local, () => recordPayment(input), input);
    if (r) {
      setAmount('');
      setNote('');
      setDone(t.recorded(formatTaka(r.amount, lang)));
      onDone();
    }
  }

  return (
    <form className="form card no-print" onSubmit={onSubmit} noValidate aria-label={t.recordPayment}>
      <h2>{t.recordPayment}</h2>
      <FormBanners error={errors.banner} onClear={clear} done={done} onDoneClose={() => setDone(null)} />
      <div className="form-row">
        <Field label={t.amountReceived} error={errors.fields.amount}>
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" className="narrow" />
        </Field>
        <Field label={t.noteOptional} error={errors.fields.note} className="grow">
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder={t.notePlaceholder} />
        </Field>
        <div className="field field-button">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t.recording : t.record}
          </button>
        </div>
      </div>
    </form>
  );
}
