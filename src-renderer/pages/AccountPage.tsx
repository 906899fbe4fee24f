import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { Banner } from '../components/Banner';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { useSubmit } from '../formErrors';
import { useAuthStore } from '../stores/authStore';

/** The signed-in person's own account: who they are and their password. */
export function AccountPage() {
  const user = useAuthStore((s) => s.status?.user ?? null);
  const who =
    !user ? '' : user.via === 'desktop' ? 'This is the desktop app on the shop PC: it acts as the owner.' : user.via === 'token' ? 'Signed in with the admin token: it acts as the owner.' : `Signed in as ${user.name} (${user.role}).`;
  return (
    <>
      <PageHeader title="My account" sub={who} />
      <ChangePasswordForm ownerAccount={user?.via !== 'session'} />
    </>
  );
}

function ChangePasswordForm({ ownerAccount }: { ownerAccount: boolean }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { busy, errors, submit, clear } = useSubmit(['current', 'next', 'repeat']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const local: Record<string, string> = {};
    if (!current) local.current = 'Enter your current password.';
    if (next.length < 8) local.next = 'Use at least 8 characters.';
    else if (repeat !== next) local.repeat = 'The two new passwords are not the same.';
    const r = await submit(local, () => call('auth.changePassword', { current, next }));
    if (r) {
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="Change password">
      <h2>{ownerAccount ? 'Change the owner password' : 'Change my password'}</h2>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      {done ? <Banner kind="success">The password is changed. Use the new one next time you sign in.</Banner> : null}
      <Field label="Current password" error={errors.fields.current}>
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </Field>
      <Field label="New password" error={errors.fields.next} hint="At least 8 characters.">
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </Field>
      <Field label="Repeat the new password" error={errors.fields.repeat}>
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Change password
        </button>
      </div>
    </form>
  );
}
