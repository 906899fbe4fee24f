import { useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../src-shared/api/auth';
import { call, setToken } from '../api';
import { useSubmit } from '../formErrors';
import { Banner } from './Banner';
import { Field } from './Field';

/**
 * Headless mode only (the desktop window needs no password). Before the owner has a password,
 * this PC offers to set one; afterwards staff sign in with name and password (the owner needs no
 * name). The admin token from `<dataDir>/admin-token` keeps working, as scripts use it.
 */
export function SignIn({ status, onSignedIn }: { status: AuthStatus; onSignedIn(): void }) {
  const [useToken, setUseToken] = useState(!status.passwordSet);
  return (
    <div className="signin">
      <div className="signin-stack">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div className="brand-name dark">HotspotDesk</div>
        </div>
        {!status.passwordSet ? <FirstPassword canSetUp={status.canSetUp} onSignedIn={onSignedIn} /> : null}
        {status.passwordSet && !useToken ? <PasswordSignIn onSignedIn={onSignedIn} onUseToken={() => setUseToken(true)} /> : null}
        {useToken ? (
          <TokenSignIn onSignedIn={onSignedIn} onUsePassword={status.passwordSet ? () => setUseToken(false) : undefined} />
        ) : null}
      </div>
    </div>
  );
}

function FirstPassword({ canSetUp, onSignedIn }: { canSetUp: boolean; onSignedIn(): void }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, errors, submit, clear } = useSubmit(['password', 'repeat']);
  if (!canSetUp) {
    return (
      <div className="card signin-card">
        <h1>No owner password yet</h1>
        <p className="muted">The first owner password can only be set on the shop PC itself. Open HotspotDesk there, or sign in below with the admin token.</p>
      </div>
    );
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (password.length < 8) local.password = 'Use at least 8 characters.';
    else if (repeat !== password) local.repeat = 'The two passwords are not the same.';
    const r = await submit(local, () => call('auth.setup', { password }));
    if (r) onSignedIn();
  }

  return (
    <form className="card signin-card form" onSubmit={onSubmit} noValidate aria-label="Set the owner password">
      <h1>Set the owner password</h1>
      <p className="muted">You will sign in with it in the browser. Staff get their own accounts later, under Staff.</p>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <Field label="New password" error={errors.fields.password} hint="At least 8 characters.">
        <input type="password" autoComplete="new-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <Field label="Repeat the password" error={errors.fields.repeat}>
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Set password
        </button>
      </div>
    </form>
  );
}

function PasswordSignIn({ onSignedIn, onUseToken }: { onSignedIn(): void; onUseToken(): void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, errors, submit, clear, setErrors } = useSubmit(['name', 'password']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!password) local.password = 'Enter your password.';
    const n = name.trim();
    const r = await submit(local, async () => {
      const reply = await call('auth.login', { ...(n ? { name: n } : {}), password });
      // A wrong password belongs under the password; a pause is for the whole form.
      if (!reply.ok && reply.error.code === 'AUTH_WRONG_PASSWORD') return { ok: false as const, error: { ...reply.error, field: 'password' } };
      return reply;
    });
    if (r) onSignedIn();
    else setPassword('');
  }

  return (
    <form className="card signin-card form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <h1>Sign in</h1>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <Field label="Name" error={errors.fields.name} hint="Staff: your name. The owner can leave it empty.">
        <input autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Password" error={errors.fields.password}>
        <input
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            if (errors.fields.password) setErrors({ fields: {}, banner: errors.banner });
          }}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Sign in
        </button>
        <button type="button" className="link-button" onClick={onUseToken}>
          Use the admin token instead
        </button>
      </div>
    </form>
  );
}

function TokenSignIn({ onSignedIn, onUsePassword }: { onSignedIn(): void; onUsePassword?: () => void }) {
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
    <form className="card signin-card form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <h2>Sign in with the admin token</h2>
      <p className="muted">
        The token is in the <span className="mono">admin-token</span> file in HotspotDesk’s data folder; the server printed the file’s path when it
        started. It acts as the owner.
      </p>
      <Field label="Admin token" error={error}>
        <input type="password" className="mono" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Sign in
        </button>
        {onUsePassword ? (
          <button type="button" className="link-button" onClick={onUsePassword}>
            Use a password instead
          </button>
        ) : null}
      </div>
    </form>
  );
}
