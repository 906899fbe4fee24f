import { useState, type FormEvent } from 'react';
import { call, setToken } from '../api';
import { Field } from './Field';

/**
 * Headless mode only: the admin API needs the token from `<dataDir>/admin-token`. The server
 * prints where that file is when it starts; `…/#token=<token>` in the address works as well.
 */
export function SignIn({ onSignedIn }: { onSignedIn(): void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) {
      setError('Paste the admin token.');
      return;
    }
    setBusy(true);
    setToken(value);
    const r = await call('dashboard.summary', {});
    setBusy(false);
    if (r.ok) onSignedIn();
    else setError(r.error.code === 'unauthorized' ? 'That token is not right. Copy the whole line from the admin-token file.' : r.error.message);
  }

  return (
    <div className="signin">
      <form className="card signin-card form" onSubmit={onSubmit} noValidate aria-label="Sign in">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div className="brand-name dark">HotspotDesk</div>
        </div>
        <h1>Sign in</h1>
        <p className="muted">
          Paste the admin token. It is in the <span className="mono">admin-token</span> file in HotspotDesk’s data folder; the server printed
          the file’s path when it started.
        </p>
        <Field label="Admin token" error={error}>
          <input type="password" className="mono" autoComplete="off" autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Sign in
          </button>
        </div>
      </form>
    </div>
  );
}
