import { useState, type FormEvent } from 'react';
import type { Router } from '../../src-shared/domain';
import { useSubmit } from '../formErrors';
import { useRoutersStore } from '../stores/routersStore';
import { Banner } from './Banner';
import { Field } from './Field';

const ROUTER_FIELDS = [
  'name', 'nasIp', 'secret', 'host', 'apiPort', 'apiTls', 'apiUser', 'apiPassword', 'coaPort', 'zoneId', 'hotspotInterface', 'requireMessageAuthenticator',
] as const;

/** Add or edit a router: RADIUS (NAS IP, secret, CoA) and the optional RouterOS API login. */
export function RouterForm({ editing, onDone, onSaved }: { editing: Router | null; onDone(): void; onSaved?(r: Router): void }) {
  const { zones, create, update } = useRoutersStore();
  const [f, setF] = useState({
    name: editing?.name ?? '',
    nasIp: editing?.nasIp ?? '',
    secret: '',
    host: editing?.host ?? '',
    apiPort: editing?.apiPort ? String(editing.apiPort) : '',
    apiTls: editing?.apiTls ?? false,
    apiUser: editing?.apiUser ?? '',
    apiPassword: '',
    coaPort: String(editing?.coaPort ?? 3799),
    zoneId: editing?.zoneId ? String(editing.zoneId) : '',
    hotspotInterface: editing?.hotspotInterface ?? '',
    requireMessageAuthenticator: editing?.requireMessageAuthenticator ?? true,
  });
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF({ ...f, [k]: v });
  const { busy, errors, submit, clear } = useSubmit(ROUTER_FIELDS);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!f.name.trim()) local.name = 'Give the router a name, such as “Shop roof”.';
    if (!f.nasIp.trim()) local.nasIp = 'Enter the IP address the router sends RADIUS from, such as 192.168.88.1.';
    if (!editing && f.secret.length < 6) local.secret = 'Enter the RADIUS secret (at least 6 characters), the same as on the router.';
    const port = (s: string, key: string) => {
      if (!s.trim()) return null;
      const n = Number(s);
      if (!/^\d+$/.test(s.trim()) || n < 1 || n > 65535) local[key] = 'Enter a port number from 1 to 65535.';
      return n;
    };
    const apiPort = port(f.apiPort, 'apiPort');
    const coaPort = port(f.coaPort, 'coaPort');
    const input = {
      name: f.name.trim(),
      nasIp: f.nasIp.trim(),
      ...(f.secret ? { secret: f.secret } : {}),
      host: f.host.trim() || null,
      apiPort,
      apiTls: f.apiTls,
      apiUser: f.apiUser.trim() || null,
      ...(f.apiPassword ? { apiPassword: f.apiPassword } : {}),
      ...(coaPort ? { coaPort } : {}),
      zoneId: f.zoneId ? Number(f.zoneId) : null,
      hotspotInterface: f.hotspotInterface.trim() || null,
      requireMessageAuthenticator: f.requireMessageAuthenticator,
    };
    const saved = await submit(local, () => (editing ? update({ id: editing.id, ...input }) : create({ ...input, secret: f.secret })));
    if (saved) {
      onSaved?.(saved);
      onDone();
    }
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={editing ? 'Edit router' : 'New router'}>
      <h2>{editing ? `Edit ${editing.name}` : 'Add router'}</h2>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <h3>RADIUS</h3>
      <div className="form-grid">
        <Field label="Name" error={errors.fields.name}>
          <input value={f.name} onChange={(e) => set('name', e.target.value)} placeholder="Shop roof" />
        </Field>
        <Field label="NAS IP address" error={errors.fields.nasIp} hint="The address its RADIUS requests come from.">
          <input className="mono" value={f.nasIp} onChange={(e) => set('nasIp', e.target.value)} placeholder="192.168.88.1" />
        </Field>
        <Field label="RADIUS secret" error={errors.fields.secret} hint={editing ? 'Leave empty to keep the current secret.' : 'The same secret as in the router’s /radius entry.'}>
          <input type="password" autoComplete="new-password" value={f.secret} onChange={(e) => set('secret', e.target.value)} />
        </Field>
        <Field label="CoA / Disconnect port" error={errors.fields.coaPort}>
          <input inputMode="numeric" value={f.coaPort} onChange={(e) => set('coaPort', e.target.value)} />
        </Field>
        <Field label="Zone" error={errors.fields.zoneId}>
          <select value={f.zoneId} onChange={(e) => set('zoneId', e.target.value)}>
            <option value="">No zone</option>
            {zones.map((z) => (
              <option key={z.id} value={String(z.id)}>
                {z.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Hotspot interface" error={errors.fields.hotspotInterface}>
          <input value={f.hotspotInterface} onChange={(e) => set('hotspotInterface', e.target.value)} placeholder="bridge-hotspot" />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={f.requireMessageAuthenticator} onChange={(e) => set('requireMessageAuthenticator', e.target.checked)} />
        Require Message-Authenticator (recommended; RouterOS 6.43+ sends it)
      </label>
      <h3>RouterOS API (optional: for setup, live sessions and disconnects)</h3>
      <div className="form-grid">
        <Field label="Address" error={errors.fields.host}>
          <input className="mono" value={f.host} onChange={(e) => set('host', e.target.value)} placeholder="192.168.88.1" />
        </Field>
        <Field label="API port" error={errors.fields.apiPort} hint={`Empty = ${f.apiTls ? 8729 : 8728}`}>
          <input inputMode="numeric" value={f.apiPort} onChange={(e) => set('apiPort', e.target.value)} />
        </Field>
        <Field label="API user" error={errors.fields.apiUser}>
          <input value={f.apiUser} autoComplete="off" onChange={(e) => set('apiUser', e.target.value)} placeholder="hotspotdesk" />
        </Field>
        <Field label="API password" error={errors.fields.apiPassword} hint={editing?.hasApiPassword ? 'Leave empty to keep the saved password.' : undefined}>
          <input type="password" autoComplete="new-password" value={f.apiPassword} onChange={(e) => set('apiPassword', e.target.value)} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={f.apiTls} onChange={(e) => set('apiTls', e.target.checked)} />
        Use TLS (api-ssl)
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? 'Save changes' : 'Add router'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
