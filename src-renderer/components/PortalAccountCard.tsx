import { useState } from 'react';
import type { CustomerLastLogin, CustomerWithLastLogin } from '../../src-shared/api/customers';
import { formatDateTime } from '../../src-shared/format';
import { useShopTimeDisplay } from '../shopTime';
import { useCustomersStore } from '../stores/customersStore';
import { Banner } from './Banner';
import { ConfirmButton } from './ConfirmButton';

const LOGIN_BY: Record<CustomerLastLogin['by'], string> = {
  mac: 'recognised by the device’s MAC address',
  password: 'with the phone number and password (portal or card)',
};

type Outcome = { kind: 'success' | 'error'; text: string } | null;

/** The customer page's portal side: registration date, PIN, how they last logged in, PIN reset by text. */
export function PortalAccountCard({ c }: { c: CustomerWithLastLogin }) {
  const tz = useShopTimeDisplay();
  const { resetPin } = useCustomersStore();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const last = c.lastLogin;

  async function onReset() {
    setOutcome(null);
    const r = await resetPin(c.id);
    if (!r.ok) setOutcome({ kind: 'error', text: r.error.message });
    else if (r.value.sent) {
      setOutcome({ kind: 'success', text: `A code was sent to ${r.value.localPhone}. The customer opens the WiFi portal and sets a new PIN with it.` });
    } else setOutcome({ kind: 'error', text: r.value.error ?? 'The code was not sent.' });
  }

  return (
    <section className="card" aria-label="Portal account">
      <h2>Portal account</h2>
      {outcome ? (
        <Banner kind={outcome.kind} onClose={() => setOutcome(null)}>
          {outcome.text}
        </Banner>
      ) : null}
      <dl className="kv">
        <dt>Registered</dt>
        <dd data-testid="registered">{formatDateTime(c.createdAt, tz)}</dd>
        <dt>PIN</dt>
        <dd>{c.hasPin ? 'Has a PIN' : 'No PIN yet'}</dd>
        <dt>Last logged in</dt>
        <dd data-testid="last-login">
          {last ? (
            <>
              {formatDateTime(last.at, tz)} on {last.routerName ?? 'a removed router'}, {LOGIN_BY[last.by]}
            </>
          ) : (
            <span className="muted">Never</span>
          )}
        </dd>
      </dl>
      <ConfirmButton
        danger={false}
        disabled={c.status === 'disabled'}
        confirm={`Text ${c.localPhone} a code to set a new PIN?`}
        confirmLabel="Send code"
        onConfirm={onReset}
      >
        Reset PIN
      </ConfirmButton>
      {c.status === 'disabled' ? <p className="muted small">Enable the customer to reset the PIN.</p> : null}
    </section>
  );
}
