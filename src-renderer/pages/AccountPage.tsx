import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { Banner } from '../components/Banner';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { useSubmit } from '../formErrors';
import { useAuthStore } from '../stores/authStore';
import { messages, useT } from '../i18n';
import { ROLE_LABEL_BN } from '../labels';
import type { Role } from '../../src-shared/api';

const M = messages(
  {
    title: 'My account',
    desktop: 'This is the desktop app on the shop PC: it acts as the owner.',
    token: 'Signed in with the admin token: it acts as the owner.',
    // The role as the API names it, as it always read here.
    signedInAs: (name: string, role: Role) => `Signed in as ${name} (${role}).`,
    enterCurrent: 'Enter your current password.',
    atLeast8: 'Use at least 8 characters.',
    notSame: 'The two new passwords are not the same.',
    formLabel: 'Change password',
    changeOwner: 'Change the owner password',
    changeMine: 'Change my password',
    changed: 'The password is changed. Use the new one next time you sign in.',
    current: 'Current password',
    next: 'New password',
    atLeast8Hint: 'At least 8 characters.',
    repeat: 'Repeat the new password',
    submit: 'Change password',
  },
  {
    title: 'আমার অ্যাকাউন্ট',
    desktop: 'এটি দোকানের পিসির ডেস্কটপ অ্যাপ: এটি মালিক হিসেবে কাজ করে।',
    token: 'অ্যাডমিন টোকেন দিয়ে সাইন ইন করেছেন: এটি মালিক হিসেবে কাজ করে।',
    signedInAs: (name, role) => `${name} হিসেবে সাইন ইন করেছেন (${ROLE_LABEL_BN[role]})।`,
    enterCurrent: 'আপনার এখনকার পাসওয়ার্ড লিখুন।',
    atLeast8: 'অন্তত ৮টি অক্ষর দিন।',
    notSame: 'দুটি নতুন পাসওয়ার্ড এক নয়।',
    formLabel: 'পাসওয়ার্ড বদলান',
    changeOwner: 'মালিকের পাসওয়ার্ড বদলান',
    changeMine: 'আমার পাসওয়ার্ড বদলান',
    changed: 'পাসওয়ার্ড বদলানো হয়েছে। পরের বার সাইন ইন করতে নতুনটি ব্যবহার করুন।',
    current: 'এখনকার পাসওয়ার্ড',
    next: 'নতুন পাসওয়ার্ড',
    atLeast8Hint: 'অন্তত ৮টি অক্ষর।',
    repeat: 'নতুন পাসওয়ার্ডটি আবার লিখুন',
    submit: 'পাসওয়ার্ড বদলান',
  },
);

/** The signed-in person's own account: who they are and their password. */
export function AccountPage() {
  const user = useAuthStore((s) => s.status?.user ?? null);
  const t = useT(M);
  const who = !user ? '' : user.via === 'desktop' ? t.desktop : user.via === 'token' ? t.token : t.signedInAs(user.name, user.role);
  return (
    <>
      <PageHeader title={t.title} sub={who} />
      <ChangePasswordForm ownerAccount={user?.via !== 'session'} />
    </>
  );
}

function ChangePasswordForm({ ownerAccount }: { ownerAccount: boolean }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { busy, errors, submit, clear } = useSubmit(['current', 'next', 'repeat'], 'auth.changePassword');
  const t = useT(M);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const local: Record<string, string> = {};
    if (!current) local.current = t.enterCurrent;
    if (next.length < 8) local.next = t.atLeast8;
    else if (repeat !== next) local.repeat = t.notSame;
    const r = await submit(local, () => call('auth.changePassword', { current, next }), { current, next });
    if (r) {
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t.formLabel}>
      <h2>{ownerAccount ? t.changeOwner : t.changeMine}</h2>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      {done ? <Banner kind="success">{t.changed}</Banner> : null}
      <Field label={t.current} error={errors.fields.current}>
        <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </Field>
      <Field label={t.next} error={errors.fields.next} hint={t.atLeast8Hint}>
        <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </Field>
      <Field label={t.repeat} error={errors.fields.repeat}>
        <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.submit}
        </button>
      </div>
    </form>
  );
}
