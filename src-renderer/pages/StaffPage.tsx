import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '../../src-shared/api';
import type { StaffUser } from '../../src-shared/api/users';
import { formatDateTime } from '../../src-shared/format';
import { Banner, FormBanners } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { useSubmit } from '../formErrors';
import { useShopTimeDisplay } from '../shopTime';
import { useStaffStore } from '../stores/staffStore';
import { messages, useLang, useT } from '../i18n';
import { ROLE_LABEL_BN, roleLabelFor } from '../labels';

const M = messages(
  {
    title: 'Staff',
    sub: 'A cashier sells packages, redeems cards, prints and views. Only an owner changes settings, routers and packages.',
    tableLabel: 'Staff accounts',
    name: 'Name',
    role: 'Role',
    status: 'Status',
    lastSignIn: 'Last sign-in',
    disabled: 'Disabled',
    pausedUntil: (when: string) => `Paused until ${when}`,
    active: 'Active',
    never: 'Never',
    disableQ: (name: string) => `Disable ${name}?`,
    disable: 'Disable',
    none: 'No accounts yet. Set the owner password on the sign-in screen of the shop PC, or create accounts here.',
    enterName: 'Enter the staff member’s name.',
    atLeast8: 'Use at least 8 characters.',
    canSignIn: (name: string, role: Role) => `${name} can now sign in as ${role === 'owner' ? 'owner' : 'cashier'}.`,
    newAccount: 'New staff account',
    cashier: 'Cashier',
    owner: 'Owner',
    password: 'Password',
    passwordHint: 'At least 8 characters; tell it to them in person.',
    create: 'Create account',
  },
  {
    title: 'কর্মী',
    sub: 'ক্যাশিয়ার প্যাকেজ বিক্রি করেন, কার্ড রিডিম করেন, প্রিন্ট করেন ও দেখেন। সেটিংস, রাউটার আর প্যাকেজ শুধু মালিক বদলাতে পারেন।',
    tableLabel: 'কর্মীদের অ্যাকাউন্ট',
    name: 'নাম',
    role: 'পদ',
    status: 'অবস্থা',
    lastSignIn: 'শেষ সাইন ইন',
    disabled: 'বন্ধ',
    pausedUntil: (when) => `${when} পর্যন্ত স্থগিত`,
    active: 'চালু',
    never: 'কখনো না',
    disableQ: (name) => `${name}-কে বন্ধ করবেন?`,
    disable: 'বন্ধ করুন',
    none: 'এখনো কোনো অ্যাকাউন্ট নেই। দোকানের পিসির সাইন-ইন পাতায় মালিকের পাসওয়ার্ড দিন, অথবা এখানে অ্যাকাউন্ট তৈরি করুন।',
    enterName: 'কর্মীর নাম লিখুন।',
    atLeast8: 'অন্তত ৮টি অক্ষর দিন।',
    canSignIn: (name, role) => `${name} এখন ${ROLE_LABEL_BN[role]} হিসেবে সাইন ইন করতে পারবেন।`,
    newAccount: 'নতুন কর্মীর অ্যাকাউন্ট',
    cashier: 'ক্যাশিয়ার',
    owner: 'মালিক',
    password: 'পাসওয়ার্ড',
    passwordHint: 'অন্তত ৮টি অক্ষর; তাঁকে সামনাসামনি বলে দিন।',
    create: 'অ্যাকাউন্ট তৈরি করুন',
  },
);

/** Staff accounts: who signs in to the admin app in a browser, as owner or cashier. */
export function StaffPage() {
  const staff = useStaffStore();
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const roles = roleLabelFor(lang);
  const [actionError, setActionError] = useState<string | null>(null);
  useEffect(() => {
    if (!staff.loaded && !staff.loading) void staff.load();
  }, [staff]);

  async function disable(u: StaffUser) {
    const r = await staff.disable(u.id);
    setActionError(r.ok ? null : r.error.message);
  }

  return (
    <>
      <PageHeader title={t.title} sub={t.sub} />
      {staff.error ? <Banner>{staff.error}</Banner> : null}
      {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
      <div className="card flush">
        <table className="table" aria-label={t.tableLabel}>
          <thead>
            <tr>
              <th>{t.name}</th>
              <th>{t.role}</th>
              <th>{t.status}</th>
              <th>{t.lastSignIn}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {staff.items.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{roles[u.role]}</td>
                <td>
                  {u.status === 'disabled' ? t.disabled : u.lockedUntil ? t.pausedUntil(formatDateTime(u.lockedUntil, tz, lang)) : t.active}
                </td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, tz, lang) : t.never}</td>
                <td className="num">
                  {u.status === 'active' ? (
                    <ConfirmButton confirm={t.disableQ(u.name)} onConfirm={() => disable(u)}>
                      {t.disable}
                    </ConfirmButton>
                  ) : null}
                </td>
              </tr>
            ))}
            {staff.loaded && staff.items.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t.none}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <NewStaffForm />
    </>
  );
}

function NewStaffForm() {
  const staff = useStaffStore();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cashier');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, errors, submit, clear } = useSubmit(['name', 'role', 'password'], 'users.create');
  const t = useT(M);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = t.enterName;
    if (password.length < 8) local.password = t.atLeast8;
    const input = { name: name.trim(), role, password };
    const r = await submit(local, () => staff.create(input), input);
    if (r) {
      setDone(t.canSignIn(r.name, r.role));
      setName('');
      setPassword('');
    }
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={t.newAccount}>
      <h2>{t.newAccount}</h2>
      <FormBanners error={errors.banner} onClear={clear} done={done} onDoneClose={() => setDone(null)} />
      <div className="form-row">
        <Field label={t.name} error={errors.fields.name} className="grow">
          <input autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t.role} error={errors.fields.role}>
          <select value={role} onChange={(e) => setRole(e.target.value === 'owner' ? 'owner' : 'cashier')}>
            <option value="cashier">{t.cashier}</option>
            <option value="owner">{t.owner}</option>
          </select>
        </Field>
        <Field label={t.password} error={errors.fields.password} hint={t.passwordHint}>
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.create}
        </button>
      </div>
    </form>
  );
}
