import { useState, type FormEvent } from 'react';
import type { Router } from '../../src-shared/domain';
import { useSubmit } from '../formErrors';
import { useRoutersStore } from '../stores/routersStore';
import { Banner } from './Banner';
import { Field } from './Field';
import { messages, useT } from '../i18n';

const ROUTER_FIELDS = [
  'name', 'nasIp', 'secret', 'host', 'apiPort', 'apiTls', 'apiUser', 'apiPassword', 'coaPort', 'zoneId', 'hotspotInterface', 'requireMessageAuthenticator',
] as const;

const M = messages(
  {
    needName: 'Give the router a name, such as “Shop roof”.',
    needNasIp: 'Enter the IP address the router sends RADIUS from, such as 192.168.88.1.',
    needSecret: 'Enter the RADIUS secret (at least 6 characters), the same as on the router.',
    badPort: 'Enter a port number from 1 to 65535.',
    editLabel: 'Edit router',
    newLabel: 'New router',
    editTitle: (name: string) => `Edit ${name}`,
    addTitle: 'Add router',
    radius: 'RADIUS',
    name: 'Name',
    namePlaceholder: 'Shop roof',
    nasIp: 'NAS IP address',
    nasIpHint: 'The address its RADIUS requests come from.',
    secret: 'RADIUS secret',
    secretKeep: 'Leave empty to keep the current secret.',
    secretHint: 'The same secret as in the router’s /radius entry.',
    coaPort: 'CoA / Disconnect port',
    zone: 'Zone',
    noZone: 'No zone',
    hotspotInterface: 'Hotspot interface',
    requireMa: 'Require Message-Authenticator (recommended; RouterOS 6.43+ sends it)',
    apiTitle: 'RouterOS API (optional: for setup, live sessions and disconnects)',
    address: 'Address',
    apiPort: 'API port',
    apiPortHint: (port: number) => `Empty = ${port}`,
    apiUser: 'API user',
    apiPassword: 'API password',
    passwordKeep: 'Leave empty to keep the saved password.',
    useTls: 'Use TLS (api-ssl)',
    save: 'Save changes',
    add: 'Add router',
    cancel: 'Cancel',
  },
  {
    needName: 'রাউটারের একটি নাম দিন, যেমন “দোকানের ছাদ”।',
    needNasIp: 'রাউটার যে IP ঠিকানা থেকে RADIUS পাঠায় তা লিখুন, যেমন 192.168.88.1।',
    needSecret: 'RADIUS সিক্রেট লিখুন (অন্তত ৬ অক্ষর), রাউটারে যা আছে হুবহু তাই।',
    badPort: '১ থেকে ৬৫৫৩৫-এর মধ্যে একটি পোর্ট নম্বর লিখুন।',
    editLabel: 'রাউটার সম্পাদনা',
    newLabel: 'নতুন রাউটার',
    editTitle: (name) => `${name} সম্পাদনা`,
    addTitle: 'রাউটার যোগ করুন',
    radius: 'RADIUS',
    name: 'নাম',
    namePlaceholder: 'দোকানের ছাদ',
    nasIp: 'NAS IP ঠিকানা',
    nasIpHint: 'যে ঠিকানা থেকে এর RADIUS অনুরোধ আসে।',
    secret: 'RADIUS সিক্রেট',
    secretKeep: 'বর্তমান সিক্রেট রাখতে খালি রাখুন।',
    secretHint: 'রাউটারের /radius এন্ট্রিতে যে সিক্রেট আছে সেটিই।',
    coaPort: 'CoA / Disconnect পোর্ট',
    zone: 'জোন',
    noZone: 'কোনো জোন নয়',
    hotspotInterface: 'হটস্পট ইন্টারফেস',
    requireMa: 'Message-Authenticator বাধ্যতামূলক (পরামর্শ দেওয়া হয়; RouterOS 6.43+ এটি পাঠায়)',
    apiTitle: 'RouterOS API (ঐচ্ছিক: সেট-আপ, লাইভ সেশন ও সংযোগ বিচ্ছিন্ন করার জন্য)',
    address: 'ঠিকানা',
    apiPort: 'API পোর্ট',
    apiPortHint: (port) => `খালি = ${port}`,
    apiUser: 'API ইউজার',
    apiPassword: 'API পাসওয়ার্ড',
    passwordKeep: 'সংরক্ষিত পাসওয়ার্ড রাখতে খালি রাখুন।',
    useTls: 'TLS ব্যবহার করুন (api-ssl)',
    save: 'পরিবর্তন সংরক্ষণ করুন',
    add: 'রাউটার যোগ করুন',
    cancel: 'বাতিল',
  },
);

/** Add or edit a router: RADIUS (NAS IP, secret, CoA) and the optional RouterOS API login. */
export function RouterForm({ editing, onDone, onSaved }: { editing: Router | null; onDone(): void; onSaved?(r: Router): void }) {
  const t = useT(M);
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
  const { busy, errors, submit, clear } = useSubmit(ROUTER_FIELDS, editing ? 'routers.update' : 'routers.create');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!f.name.trim()) local.name = t.needName;
    if (!f.nasIp.trim()) local.nasIp = t.needNasIp;
    if (!editing && f.secret.length < 6) local.secret = t.needSecret;
    const port = (s: string, key: string) => {
      if (!s.trim()) return null;
      const n = Number(s);
      if (!/^\d+$/.test(s.trim()) || n < 1 || n > 65535) local[key] = t.badPort;
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
    // Checked with the method's schema before sending (the address and lengths the local checks leave to it).
    const saved = editing
      ? await submit(local, () => update({ id: editing.id, ...input }), { id: editing.id, ...input })
      : await submit(local, () => create({ ...input, secret: f.secret }), { ...input, secret: f.secret });
    if (saved) {
      onSaved?.(saved);
      onDone();
    }
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-label={editing ? t.editLabel : t.newLabel}>
      <h2>{editing ? t.editTitle(editing.name) : t.addTitle}</h2>
      {errors.banner ? <Banner onClose={clear}>{errors.banner}</Banner> : null}
      <h3>{t.radius}</h3>
      <div className="form-grid">
        <Field label={t.name} error={errors.fields.name}>
          <input value={f.name} onChange={(e) => set('name', e.target.value)} placeholder={t.namePlaceholder} />
        </Field>
        <Field label={t.nasIp} error={errors.fields.nasIp} hint={t.nasIpHint}>
          <input className="mono" value={f.nasIp} onChange={(e) => set('nasIp', e.target.value)} placeholder="192.168.88.1" />
        </Field>
        <Field label={t.secret} error={errors.fields.secret} hint={editing ? t.secretKeep : t.secretHint}>
          <input type="password" autoComplete="new-password" value={f.secret} onChange={(e) => set('secret', e.target.value)} />
        </Field>
        <Field label={t.coaPort} error={errors.fields.coaPort}>
          <input inputMode="numeric" value={f.coaPort} onChange={(e) => set('coaPort', e.target.value)} />
        </Field>
        <Field label={t.zone} error={errors.fields.zoneId}>
          <select value={f.zoneId} onChange={(e) => set('zoneId', e.target.value)}>
            <option value="">{t.noZone}</option>
            {zones.map((z) => (
              <option key={z.id} value={String(z.id)}>
                {z.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.hotspotInterface} error={errors.fields.hotspotInterface}>
          <input value={f.hotspotInterface} onChange={(e) => set('hotspotInterface', e.target.value)} placeholder="bridge-hotspot" />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={f.requireMessageAuthenticator} onChange={(e) => set('requireMessageAuthenticator', e.target.checked)} />
        {t.requireMa}
      </label>
      <h3>{t.apiTitle}</h3>
      <div className="form-grid">
        <Field label={t.address} error={errors.fields.host}>
          <input className="mono" value={f.host} onChange={(e) => set('host', e.target.value)} placeholder="192.168.88.1" />
        </Field>
        <Field label={t.apiPort} error={errors.fields.apiPort} hint={t.apiPortHint(f.apiTls ? 8729 : 8728)}>
          <input inputMode="numeric" value={f.apiPort} onChange={(e) => set('apiPort', e.target.value)} />
        </Field>
        <Field label={t.apiUser} error={errors.fields.apiUser}>
          <input value={f.apiUser} autoComplete="off" onChange={(e) => set('apiUser', e.target.value)} placeholder="hotspotdesk" />
        </Field>
        <Field label={t.apiPassword} error={errors.fields.apiPassword} hint={editing?.hasApiPassword ? t.passwordKeep : undefined}>
          <input type="password" autoComplete="new-password" value={f.apiPassword} onChange={(e) => set('apiPassword', e.target.value)} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" checked={f.apiTls} onChange={(e) => set('apiTls', e.target.checked)} />
        {t.useTls}
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? t.save : t.add}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
