import { useState, type FormEvent } from 'react';
import type { PaymentOutcome } from '../../src-shared/api/payments';
import { GATEWAYS, type GatewayId } from '../../src-shared/payments';
import { call } from '../api';
import { useSubmit } from '../formErrors';
import { GATEWAY_NAMES } from '../labels';
import { outcomeText } from '../paymentLabels';
import { Banner } from './Banner';
import { Field } from './Field';

/**
 * "I paid but have no internet", at the counter: the owner types the wallet's transaction id
 * from the customer's SMS; the engine asks the gateway and activates it if it is paid and unused.
 */
export function RecoverPayment({ onDone }: { onDone(): void }) {
  const [gateway, setGateway] = useState<GatewayId>('bkash');
  const [trxId, setTrxId] = useState('');
  const [result, setResult] = useState<PaymentOutcome | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['gateway', 'trxId']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    const local: Record<string, string> = trxId.trim() ? {} : { trxId: 'Enter the transaction ID from the customer’s payment SMS.' };
    const r = await submit(local, () => call('payments.recover', { gateway, trxId: trxId.trim() }));
    if (r) {
      setResult(r);
      onDone();
    }
  }

  const shown = result ? outcomeText(result) : null;
  return (
    <section className="card" aria-label="Recover a payment">
      <h2>Recover by transaction ID</h2>
      <p className="muted small">A customer paid online but is not online: ask the gateway about the transaction ID in their payment SMS.</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Recover">
        {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
        <div className="form-row tight">
          <Field label="Gateway" error={errors.fields.gateway}>
            <select value={gateway} onChange={(e) => setGateway(e.target.value as GatewayId)}>
              {GATEWAYS.map((g) => (
                <option key={g} value={g}>
                  {GATEWAY_NAMES[g]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Transaction ID" error={errors.fields.trxId}>
            <input className="mono" value={trxId} onChange={(e) => setTrxId(e.target.value)} placeholder="CJU0PZQ3U6" maxLength={40} autoComplete="off" />
          </Field>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={busy} aria-busy={busy || undefined}>
              {busy ? 'Asking…' : 'Recover'}
            </button>
          </div>
        </div>
      </form>
      {shown ? <Banner kind={shown.ok ? 'success' : 'error'}>{shown.text}</Banner> : null}
    </section>
  );
}
