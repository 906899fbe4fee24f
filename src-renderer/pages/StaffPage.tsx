import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '../../src-shared/api';
import type { StaffUser } from '../../src-shared/api/users';
import { formatDateTime } from '../../src-shared/format';
import { Banner } from '../components/Banner';
import { ConfirmButton } from '../components/ConfirmButton';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { useSubmit } from '../formErrors';
import { useShopTimeDisplay } from '../shopTime';
import { useStaffStore } from '../stores/staffStore';

const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', cashier: 'Cashier' };

/** Staff accounts: who signs in to the admin app in a browser, as owner or cashier. */
export function StaffPage() {
  const staff = useStaffStore();
  const tz = useShopTimeDisplay();
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
      <PageHeader title="Staff" sub="A cashier sells packages, redeems cards, prints and views. Only an owner changes settings, routers and packages." />
      {staff.error ? <Banner>{staff.error}</Banner> : null}
      {actionError ? <Banner onClose={() => setActionError(null)}>{actionError}</Banner> : null}
      <div className="card flush">
        <table className="table" aria-label="Staff accounts">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Status</th>
              <th>Last sign-in</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {staff.items.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{ROLE_LABEL[u.role]}</td>
                <td>
                  {u.status === 'disabled' ? 'Disabled' : u.lockedUntil ? `Paused until ${formatDateTime(u.lockedUntil, tz)}` : 'Active'}
                </td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, tz) : 'Never'}</td>
                <td className="num">
                  {u.status === 'active' ? (
                    <ConfirmButton confirm={`Disable ${u.name}?`} onConfirm={() => disable(u)}>
                      Disable
                    </ConfirmButton>
                  ) : null}
                </td>
              </tr>
            ))}
            {staff.loaded && staff.items.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  No accounts yet. Set the owner password on the sign-in screen of the shop PC, or create accounts here.
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
  const { busy, errors, submit, clear } = useSubmit(['name', 'role', 'password']);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Enter the staff member’s name.';
    if (password.length < 8) local.password = 'Use at least 8 characters.';
    const r = await submit(local, () => staff.create({ name: name.trim(), role, password }));
    if (r) {
      setDone(`${r.name} can now sign in as ${ROLE_LABEL[r.role].toLowerCase()}.`);
      setName('');
      setPassword('');
    }
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label="New staff account">
      <h2>New staff account</h2>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      {done ? (
        <Banner kind="success" onClose={() => setDone(null)}>
          {done}
        </Banner>
      ) : null}
      <div className="form-row">
        <Field label="Name" error={errors.fields.name} className="grow">
          <input autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Role" error={errors.fields.role}>
          <select value={role} onChange={(e) => setRole(e.target.value === 'owner' ? 'owner' : 'cashier')}>
            <option value="cashier">Cashier</option>
            <option value="owner">Owner</option>
          </select>
        </Field>
        <Field label="Password" error={errors.fields.password} hint="At least 8 characters; tell it to them in person.">
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Create account
        </button>
      </div>
    </form>
  );
}
