import { useEffect, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import { formatData, formatDateTime, localDigits } from '../../src-shared/format';
import { ActionError } from '../components/ActionError';
import { Banner } from '../components/Banner';
import { BusyButton } from '../components/BusyButton';
import { ConfirmButton } from '../components/ConfirmButton';
import { PageHeader } from '../components/PageHeader';
import { useShopTimeDisplay } from '../shopTime';
import { useBackupsStore } from '../stores/backupsStore';
import { useSettingsStore } from '../stores/settingsStore';
import { messages, useLang, useT } from '../i18n';

const M = messages(
  {
    title: 'Backups',
    sub: (schedule: string) => `Copies of all your data (customers, packages, cards, payments, settings). ${schedule} Change this in Settings.`,
    autoOff: 'Automatic backups are off.',
    auto: (hours: number, keep: number) => `Automatic: every ${hours} hours, keeping the last ${keep}.`,
    backingUp: 'Backing up…',
    backUpNow: 'Back up now',
    backedUp: (file: string) => `Backed up to ${file}.`,
    restored: (from: string, keptAs: string) => `Restored from ${from}. The data in use before was kept as ${keptAs} in the data folder.`,
    restoreQ: 'Replace all data now in HotspotDesk with this backup? The current data is kept aside.',
    folder: 'Folder:',
    lastBackup: 'Last backup:',
    never: 'never',
    next: 'Next:',
    none: 'No backups yet. Press “Back up now” to make the first one.',
    taken: 'Taken',
    file: 'File',
    size: 'Size',
    canRestore: 'Can restore',
    actions: 'Actions',
    yes: 'Yes',
    no: 'No:',
    restore: 'Restore',
    restoreEllipsis: 'Restore…',
    restoreOther: 'Restore another file',
    restoreOtherLabel: 'Restore from another file (full path)',
    pathPlaceholder: 'D:\\HotspotDesk-backups\\hotspotdesk.db',
    restoreFile: 'Restore file…',
  },
  {
    title: 'ব্যাকআপ',
    sub: (schedule) => `আপনার সব তথ্যের কপি (গ্রাহক, প্যাকেজ, কার্ড, পেমেন্ট, সেটিংস)। ${schedule} সেটিংস পাতায় এটি বদলাতে পারেন।`,
    autoOff: 'স্বয়ংক্রিয় ব্যাকআপ বন্ধ।',
    auto: (hours, keep) => `স্বয়ংক্রিয়: প্রতি ${localDigits(String(hours), 'bn')} ঘণ্টায়, শেষ ${localDigits(String(keep), 'bn')}টি রাখা হয়।`,
    backingUp: 'ব্যাকআপ হচ্ছে…',
    backUpNow: 'এখনই ব্যাকআপ নিন',
    backedUp: (file) => `${file}-এ ব্যাকআপ নেওয়া হয়েছে।`,
    restored: (from, keptAs) => `${from} থেকে ফিরিয়ে আনা হয়েছে। আগের তথ্য ডেটা ফোল্ডারে ${keptAs} নামে রাখা আছে।`,
    restoreQ: 'HotspotDesk-এর এখনকার সব তথ্যের জায়গায় এই ব্যাকআপ বসাবেন? এখনকার তথ্য আলাদা করে রাখা হবে।',
    folder: 'ফোল্ডার:',
    lastBackup: 'শেষ ব্যাকআপ:',
    never: 'কখনো হয়নি',
    next: 'পরেরটি:',
    none: 'এখনো কোনো ব্যাকআপ নেই। প্রথমটি নিতে “এখনই ব্যাকআপ নিন” চাপুন।',
    taken: 'নেওয়ার সময়',
    file: 'ফাইল',
    size: 'আকার',
    canRestore: 'ফিরিয়ে আনা যাবে',
    actions: 'কাজ',
    yes: 'হ্যাঁ',
    no: 'না:',
    restore: 'ফিরিয়ে আনুন',
    restoreEllipsis: 'ফিরিয়ে আনুন…',
    restoreOther: 'অন্য ফাইল থেকে ফিরিয়ে আনুন',
    restoreOtherLabel: 'অন্য ফাইল থেকে ফিরিয়ে আনুন (পুরো ঠিকানা)',
    pathPlaceholder: 'D:\\HotspotDesk-backups\\hotspotdesk.db',
    restoreFile: 'ফাইল ফিরিয়ে আনুন…',
  },
);

export function BackupsPage() {
  const { list, loaded, error, load, create, restore } = useBackupsStore();
  const backupSettings = useSettingsStore((s) => s.settings?.backups);
  const tz = useShopTimeDisplay();
  const t = useT(M);
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [otherFile, setOtherFile] = useState('');
  useEffect(() => {
    void load();
  }, [load]);

  const backUp = async () => {
    setBusy(true);
    setActionError(null);
    setDone(null);
    const r = await create();
    setBusy(false);
    if (r.ok) setDone(t.backedUp(r.value.file));
    else setActionError(r.error);
  };

  const restoreFrom = async (file: string) => {
    setActionError(null);
    setDone(null);
    const r = await restore(file);
    if (r.ok) setDone(t.restored(r.value.restoredFrom, r.value.keptAs));
    else setActionError(r.error);
  };

  const schedule = backupSettings
    ? backupSettings.intervalHours === 0
      ? t.autoOff
      : t.auto(backupSettings.intervalHours, backupSettings.keep)
    : '';

  return (
    <>
      <PageHeader title={t.title} sub={t.sub(schedule)}>
        <BusyButton primary busy={busy} busyLabel={t.backingUp} onClick={() => void backUp()}>
          {t.backUpNow}
        </BusyButton>
      </PageHeader>
      {error ? <Banner>{error}</Banner> : null}
      <ActionError error={actionError} onClose={() => setActionError(null)} />
      {done ? (
        <Banner kind="success" onClose={() => setDone(null)}>
          {done}
        </Banner>
      ) : null}
      {list ? (
        <p className="muted">
          {t.folder} <code>{list.folder}</code> · {t.lastBackup} {list.lastBackupAt ? formatDateTime(list.lastBackupAt, tz, lang) : t.never}
          {list.nextBackupAt ? ` · ${t.next} ${formatDateTime(list.nextBackupAt, tz, lang)}` : ''}
        </p>
      ) : null}
      {loaded && list && list.backups.length === 0 ? <div className="empty card"><p>{t.none}</p></div> : null}
      {list && list.backups.length > 0 ? (
        <div className="card flush">
          <table className="table" aria-label={t.title}>
            <thead>
              <tr>
                <th>{t.taken}</th>
                <th>{t.file}</th>
                <th className="num">{t.size}</th>
                <th>{t.canRestore}</th>
                <th aria-label={t.actions} />
              </tr>
            </thead>
            <tbody>
              {list.backups.map((b) => (
                <tr key={b.file}>
                  <td>{formatDateTime(b.at, tz, lang)}</td>
                  <td>
                    <code>{b.file}</code>
                  </td>
                  <td className="num">{formatData(b.size, lang)}</td>
                  <td>{b.readable ? t.yes : <span title={b.problem ?? ''}>{t.no} {b.problem}</span>}</td>
                  <td className="row-actions">
                    <ConfirmButton confirm={t.restoreQ} confirmLabel={t.restore} disabled={!b.readable} onConfirm={() => restoreFrom(b.file)}>
                      {t.restoreEllipsis}
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form
        className="toolbar"
        aria-label={t.restoreOther}
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <label className="inline-field">
          {t.restoreOtherLabel}
          <input type="text" value={otherFile} placeholder={t.pathPlaceholder} onChange={(e) => setOtherFile(e.target.value)} />
        </label>
        <ConfirmButton confirm={t.restoreQ} confirmLabel={t.restore} disabled={otherFile.trim() === ''} onConfirm={() => restoreFrom(otherFile.trim())}>
          {t.restoreFile}
        </ConfirmButton>
      </form>
    </>
  );
}
