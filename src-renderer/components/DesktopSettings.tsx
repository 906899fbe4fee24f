import { useState, type ChangeEvent } from 'react';
import type { SettingsView } from '../../src-shared/settings';
import { messages, useT } from '../i18n';
import { useSettingsStore } from '../stores/settingsStore';
import { Banner } from './Banner';
import { Field } from './Field';

const M = messages(
  {
    title: 'Desktop app',
    startAtLogin: 'Start HotspotDesk when this PC starts',
    hint: 'Keeps the hotspot running after Windows restarts (for updates or a power cut). Turned on by itself once the first-run setup is done; the desktop app on Windows only.',
    on: 'On',
    off: 'Off',
    saved: 'Saved.',
  },
  {
    title: 'ডেস্কটপ অ্যাপ',
    startAtLogin: 'এই পিসি চালু হলে HotspotDesk চালু করুন',
    hint: 'Windows আবার চালু হলে (আপডেট বা বিদ্যুৎ চলে গেলে) হটস্পট চালু থাকে। প্রথমবারের সেটআপ শেষ হলে নিজে থেকেই চালু হয়; শুধু Windows-এর ডেস্কটপ অ্যাপে।',
    on: 'চালু',
    off: 'বন্ধ',
    saved: 'সংরক্ষিত হয়েছে।',
  },
);

/**
 * Settings → Desktop app: start at login (`desktop.startAtLogin`), saved at once. The Electron
 * shell applies it (and the tray's checkbox writes the same setting); the headless server ignores it.
 */
export function DesktopSettings({ settings }: { settings: SettingsView }) {
  const t = useT(M);
  const update = useSettingsStore((s) => s.update);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onChange(e: ChangeEvent<HTMLSelectElement>) {
    setSaved(false);
    setError(null);
    setBusy(true);
    const r = await update({ desktop: { startAtLogin: e.target.value === 'true' } });
    setBusy(false);
    if (r.ok) setSaved(true);
    else setError(r.error.message);
  }

  return (
    <section className="card" aria-labelledby="desktop-settings">
      <h2 id="desktop-settings">{t.title}</h2>
      {error ? <Banner onClose={() => setError(null)}>{error}</Banner> : null}
      {saved ? <Banner kind="success">{t.saved}</Banner> : null}
      <div className="form-grid">
        <Field label={t.startAtLogin} hint={t.hint}>
          <select value={String(settings.desktop.startAtLogin)} onChange={(e) => void onChange(e)} disabled={busy}>
            <option value="true">{t.on}</option>
            <option value="false">{t.off}</option>
          </select>
        </Field>
      </div>
    </section>
  );
}
