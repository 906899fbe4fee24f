import { useEffect, useState, type FormEvent } from 'react';
import { Banner } from '../components/Banner';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { formatDate, formatDateTime, formatTaka, localPhone } from '../../src-shared/format';
import { parseTaka } from '../../src-shared/units';
import { useSubmit } from '../formErrors';
import { shopDaysFilter, useShopTimeZone } from '../shopTime';
import { useDistributorsStore } from '../stores/distributorsStore';
import { useSettingsStore } from '../stores/settingsStore';
import type { Distributor } from '../../src-shared/domain';

/**
 * One distributor's statement for a period: cards used (by redeem time) with their face value and
 * commission, payments received (by payment time), and the balance. Printable: the sidebar,
 * the period picker and the payment form are left off paper (print CSS hides .nav and .no-print).
 */
export function DistributorStatementView({ distributorId }: { distributorId: number }) {
  const tz = useShopTimeZone();
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
  const period = s ? `${s.from != null ? formatDate(s.from, tz) : 'the start'} – ${s.to != null ? formatDate(s.to - 1, tz) : 'today'}` : '';
  const shop = settings.settings?.shop.name ?? '';

  return (
    <>
      <div className="no-print">
        <a href="#/distributors" className="back">
          ‹ All distributors
        </a>
      </div>
      <PageHeader title={s ? `Statement · ${s.distributor.name}` : 'Statement'} sub={s ? `${shop ? `${shop} · ` : ''}${period}` : undefined}>
        <div className="no-print toolbar" role="group" aria-label="Period">
          <label className="inline-field">
            From
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From day" />
          </label>
          <label className="inline-field">
            To
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-label="To day" />
          </label>
          <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!s}>
            Print statement
          </button>
        </div>
      </PageHeader>
      {statementError ? <Banner>{statementError}</Banner> : null}
      {s ? (
        <div className="card statement" role="region" aria-label="Statement">
          <div className="statement-head">
            <div>
              <div className="strong">{s.distributor.name}</div>
              <div>{localPhone(s.distributor.phone)}</div>
              <div className="muted">Commission: {describeCommission(s.distributor)}</div>
            </div>
            <div className="muted">Printed {formatDateTime(Date.now(), tz)}</div>
          </div>
          <div className="mini-stats" aria-label="Totals">
            <Stat label="Cards taken" value={String(s.taken)} />
            <Stat label="Cards used" value={String(s.used)} />
            <Stat label="Face value used" value={formatTaka(s.faceValueUsed)} />
            <Stat label="Commission" value={formatTaka(s.commission)} />
            <Stat label="Owed" value={formatTaka(s.owed)} />
            <Stat label="Paid" value={formatTaka(s.paid)} />
            <Stat label="Balance" value={formatTaka(s.balance)} tone={s.balance > 0 ? 'red' : 'green'} />
          </div>
          <h2>Cards used</h2>
          {s.cards.length === 0 ? (
            <p className="muted">No card of theirs was used in this period.</p>
          ) : (
            <table className="table" aria-label="Cards used">
              <thead>
                <tr>
                  <th>Used</th>
                  <th>Card</th>
                  <th>Package</th>
                  <th className="num">Face value</th>
                  <th className="num">Commission</th>
                  <th className="num">Owed</th>
                </tr>
              </thead>
              <tbody>
                {s.cards.map((c) => (
                  <tr key={c.voucherId}>
                    <td>{formatDateTime(c.redeemedAt, tz)}</td>
                    <td>
                      #{c.voucherId} (batch #{c.batchId})
                    </td>
                    <td>{c.packageName}</td>
                    <td className="num">{formatTaka(c.faceValue)}</td>
                    <td className="num">{formatTaka(c.commission)}</td>
                    <td className="num">{formatTaka(c.owed)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={3}>Total</td>
                  <td className="num">{formatTaka(s.faceValueUsed)}</td>
                  <td className="num">{formatTaka(s.commission)}</td>
                  <td className="num">{formatTaka(s.owed)}</td>
                </tr>
              </tfoot>
            </table>
          )}
          <h2>Payments received</h2>
          {s.payments.length === 0 ? (
            <p className="muted">No payment in this period.</p>
          ) : (
            <table className="table" aria-label="Payments received">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Note</th>
                  <th className="num">Amount</th>
                </tr>
              </thead>
              <tbody>
                {s.payments.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDateTime(p.createdAt, tz)}</td>
                    <td>{p.note ?? '—'}</td>
                    <td className="num">{formatTaka(p.amount)}</td>
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
export function describeCommission(d: Pick<Distributor, 'commissionPercent' | 'commissionPerCard'>): string {
  return d.commissionPercent != null ? `${d.commissionPercent}% of face value` : `${formatTaka(d.commissionPerCard ?? 0)} per card`;
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
  const { busy, errors, submit, clear } = useSubmit(['amount', 'note']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const paisa = parseTaka(amount);
    const local: Record<string, string> = paisa === null || paisa === 0 ? { amount: 'Enter the taka received, e.g. 500 or 120.50.' } : {};
    const r = await submit(local, () => recordPayment({ id: distributorId, amount: paisa ?? 0, ...(note.trim() ? { note: note.trim() } : {}) }));
    if (r) {
      setAmount('');
      setNote('');
      setDone(`Recorded ${formatTaka(r.amount)} received.`);
      onDone();
    }
  }

  return (
    <form className="form card no-print" onSubmit={onSubmit} noValidate aria-label="Record a payment">
      <h2>Record a payment</h2>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      {done ? (
        <Banner kind="success" onClose={() => setDone(null)}>
          {done}
        </Banner>
      ) : null}
      <div className="form-row">
        <Field label="Amount received (৳)" error={errors.fields.amount}>
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" className="narrow" />
        </Field>
        <Field label="Note (optional)" error={errors.fields.note} className="grow">
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder="e.g. cash, bKash trxID" />
        </Field>
        <div className="field field-button">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record payment'}
          </button>
        </div>
      </div>
    </form>
  );
}
