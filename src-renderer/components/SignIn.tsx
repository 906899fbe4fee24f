import { useState, type FormEvent } from 'react';
import type { AuthStatus } from '../../src-shared/api/auth';
import { call, setToken } from '../api';
import { useSubmit } from '../formErrors';
import { Banner } from './Banner';
import { Field } from './Field';
import { messages, useT } from '../i18n';
import { LangSwitch } from './LangSwitch';

const M = messages(
  {
    noPasswordTitle: 'No owner password yet',
    noPasswordBody: 'The first owner password can only be set on the shop PC itself. Open HotspotDesk there, or sign in below with the admin token.',
    atLeast8: 'Use at least 8 characters.',
    notSame: 'The two passwords are not the same.',
    setTitle: 'Set the owner password',
    setIntro: 'You will sign in with it in the browser. Staff get their own accounts later, under Staff.',
    newPassword: 'New password',
    atLeast8Hint: 'At least 8 characters.',
    repeatPassword: 'Repeat the password',
    setPassword: 'Set password',
    enterPassword: 'Enter your password.',
    signIn: 'Sign in',
    name: 'Name',
    nameHint: 'Staff: your name. The owner can leave it empty.',
    password: 'Password',
    useToken: 'Use the admin token instead',
    pasteToken: 'Paste the admin token.',
    wrongToken: 'That token is not right. Copy the whole line from the admin-token file.',
    tokenTitle: 'Sign in with the admin token',
    tokenHelpBefore: 'The token is in the',
    tokenHelpAfter: 'file in HotspotDesk’s data folder; the server printed the file’s path when it started. It acts as the owner.',
    adminToken: 'Admin token',
    usePassword: 'Use a password instead',
  },
  {
    noPasswordTitle: 'মালিকের পাসওয়ার্ড এখনো দেওয়া হয়নি',
    noPasswordBody: 'মালিকের প্রথম পাসওয়ার্ড শুধু দোকানের পিসিতেই দেওয়া যায়। সেখানে HotspotDesk খুলুন, অথবা নিচে অ্যাডমিন টোকেন দিয়ে সাইন ইন করুন।',
    atLeast8: 'অন্তত ৮টি অক্ষর দিন।',
    notSame: 'দুটি পাসওয়ার্ড এক নয়।',
    setTitle: 'মালিকের পাসওয়ার্ড দিন',
    setIntro: 'ব্রাউজারে এটি দিয়ে সাইন ইন করবেন। কর্মীরা পরে “কর্মী” পাতায় নিজেদের অ্যাকাউন্ট পাবেন।',
    newPassword: 'নতুন পাসওয়ার্ড',
    atLeast8Hint: 'অন্তত ৮টি অক্ষর।',
    repeatPassword: 'পাসওয়ার্ডটি আবার লিখুন',
    setPassword: 'পাসওয়ার্ড সেট করুন',
    enterPassword: 'আপনার পাসওয়ার্ড লিখুন।',
    signIn: 'সাইন ইন',
    name: 'নাম',
    nameHint: 'কর্মী: আপনার নাম। মালিক এটি খালি রাখতে পারেন।',
    password: 'পাসওয়ার্ড',
    useToken: 'এর বদলে অ্যাডমিন টোকেন ব্যবহার করুন',
    pasteToken: 'অ্যাডমিন টোকেনটি পেস্ট করুন।',
    wrongToken: 'টোকেনটি সঠিক নয়। admin-token ফাইলের পুরো লাইনটি কপি করুন।',
    tokenTitle: 'অ্যাডমিন টোকেন দিয়ে সাইন ইন',
    tokenHelpBefore: 'টোকেনটি HotspotDesk-এর ডেটা ফোল্ডারের',
    tokenHelpAfter: 'ফাইলে আছে; সার্ভার চালু হওয়ার সময় ফাইলটির ঠিকানা দেখিয়েছিল। এটি মালিক হিসেবে কাজ করে।',
    adminToken: 'অ্যাডমিন টোকেন',
    usePassword: 'এর বদলে পাসওয়ার্ড ব্যবহার করুন',
  },
);

/** The names each language is shown by (always in its own script), as in the sidebar. */
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
        {/* Before sign-in there is no sidebar: a cashier who reads Bangla picks it here. */}
        <LangSwitch className="signin-lang" />
      </div>
    </div>
  );
}

function FirstPassword({ canSetUp, onSignedIn }: { canSetUp: boolean; onSignedIn(): void }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, errors, submit, clear } = useSubmit(['password', 'repeat'], 'auth.setup');
  const t = useT(M);
  if (!canSetUp) {
    return (
      <div className="card signin-card">
        <h1>{t.noPasswordTitle}</h1>
        <p className="muted">{t.noPasswordBody}</p>
      </div>
    );
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (password.length < 8) local.password = t.atLeast8;
    else if (repeat !== password) local.repeat = t.notSame;
    const r = await submit(local, () => call('auth.setup', { password }), { password });
    if (r) onSignedIn();
  }

  return (
    <form className="card signin-card form" onSubmit={onSubmit} noValidate aria-label={t.setTitle}>
      <h1>{t.setTitle}</h1>
      <p className="muted">{t.setIntro}</p>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <Field label={t.newPassword} error={errors.fields.password} hint={t.atLeast8Hint}>
        <input type="password" autoComplete="new-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <Field label={t.repeatPassword} error={errors.fields.repeat}>
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.setPassword}
        </button>
      </div>
    </form>
  );
}

function PasswordSignIn({ onSignedIn, onUseToken }: { onSignedIn(): void; onUseToken(): void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, errors, submit, clear, setErrors } = useSubmit(['name', 'password'], 'auth.login');
  const t = useT(M);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!password) local.password = t.enterPassword;
    const n = name.trim();
    const input = { ...(n ? { name: n } : {}), password };
    const r = await submit(local, async () => {
      const reply = await call('auth.login', input);
      // A wrong password belongs under the password; a pause is for the whole form.
      if (!reply.ok && reply.error.code === 'AUTH_WRONG_PASSWORD') return { ok: false as const, error: { ...reply.error, field: 'password' } };
      return reply;
    }, input);
    if (r) onSignedIn();
    else setPassword('');
  }

  return (
    <form className="card signin-card form" onSubmit={onSubmit} noValidate aria-label={t.signIn}>
      <h1>{t.signIn}</h1>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <Field label={t.name} error={errors.fields.name} hint={t.nameHint}>
        <input autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t.password} error={errors.fields.password}>
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
          {t.signIn}
        </button>
        <button type="button" className="link-button" onClick={onUseToken}>
          {t.useToken}
        </button>
      </div>
    </form>
  );
}

function TokenSignIn({ onSignedIn, onUsePassword }: { onSignedIn(): void; onUsePassword?: () => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const t = useT(M);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) {
      setError(t.pasteToken);
      return;
    }
    setBusy(true);
    setToken(value);
    const r = await call('dashboard.summary', {});
    setBusy(false);
    if (r.ok) onSignedIn();
    else setError(r.error.code === 'unauthorized' ? t.wrongToken : r.error.message);
  }

  return (
    <form className="card signin-card form" onSubmit={onSubmit} noValidate aria-label={t.signIn}>
      <h2>{t.tokenTitle}</h2>
      <p className="muted">
        {t.tokenHelpBefore} <span className="mono">admin-token</span> {t.tokenHelpAfter}
      </p>
      <Field label={t.adminToken} error={error}>
        <input type="password" className="mono" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.signIn}
        </button>
        {onUsePassword ? (
          <button type="button" className="link-button" onClick={onUsePassword}>
            {t.usePassword}
          </button>
        ) : null}
      </div>
    </form>
  );
}
