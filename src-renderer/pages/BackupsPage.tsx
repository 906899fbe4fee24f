import { useEffect, useState } from 'react';
import type { ApiError } from '../../src-shared/api';
import { formatData, formatDateTime } from '../../src-shared/format';
import { ActionError } from '../components/ActionError';
import { Banner } from '../components/Banner';
import { BusyButton } from '../components/BusyButton';
import { ConfirmButton } from '../components/ConfirmButton';
import { PageHeader } from '../components/PageHeader';
import { useShopTimeDisplay } from '../shopTime';
import { useBackupsStore } from '../stores/backupsStore';
import { useSettingsStore } from '../stores/settingsStore';

const RESTORE_QUESTION = 'Replace all data now in HotspotDesk with this backup? The current data is kept aside.';

export function BackupsPage() {
  const { list, loaded, error, load, create, restore } = useBackupsStore();
  const backupSettings = useSettingsStore((s) => s.settings?.backups);
  const tz = useShopTimeDisplay();
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
    if (r.ok) setDone(`Backed up to ${r.value.file}.`);
    else setActionError(r.error);
  };

  const restoreFrom = async (file: string) => {
    setActionError(null);
    setDone(null);
    const r = await restore(file);
    if (r.ok) setDone(`Restored from ${r.value.restoredFrom}. The data in use before was kept as ${r.value.keptAs} in the data folder.`);
    else setActionError(r.error);
  };

  const schedule = backupSettings
    ? backupSettings.intervalHours === 0
      ? 'Automatic backups are off.'
      : `Automatic: every ${backupSettings.intervalHours} hours, keeping the last ${backupSettings.keep}.`
    : '';

  return (
    <>
      <PageHeader title="Backups" sub={`Copies of all your data (customers, packages, cards, payments, settings). ${schedule} Change this in Settings.`}>
        <BusyButton primary busy={busy} busyLabel="Backing up…" onClick={() => void backUp()}>
          Back up now
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
          Folder: <code>{list.folder}</code> · Last backup: {list.lastBackupAt ? formatDateTime(list.lastBackupAt, tz) : 'never'}
          {list.nextBackupAt ? ` · Next: ${formatDateTime(list.nextBackupAt, tz)}` : ''}
        </p>
      ) : null}
      {loaded && list && list.backups.length === 0 ? <div className="empty card"><p>No backups yet. Press “Back up now” to make the first one.</p></div> : null}
      {list && list.backups.length > 0 ? (
        <div className="card flush">
          <table className="table" aria-label="Backups">
            <thead>
              <tr>
                <th>Taken</th>
                <th>File</th>
                <th className="num">Size</th>
                <th>Can restore</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {list.backups.map((b) => (
                <tr key={b.file}>
                  <td>{formatDateTime(b.at, tz)}</td>
                  <td>
                    <code>{b.file}</code>
                  </td>
                  <td className="num">{formatData(b.size)}</td>
                  <td>{b.readable ? 'Yes' : <span title={b.problem ?? ''}>No: {b.problem}</span>}</td>
                  <td className="row-actions">
                    <ConfirmButton confirm={RESTORE_QUESTION} confirmLabel="Restore" disabled={!b.readable} onConfirm={() => restoreFrom(b.file)}>
                      Restore…
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
        aria-label="Restore another file"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <label className="inline-field">
          Restore from another file (full path)
          <input type="text" value={otherFile} placeholder="D:\HotspotDesk-backups\hotspotdesk.db" onChange={(e) => setOtherFile(e.target.value)} />
        </label>
        <ConfirmButton confirm={RESTORE_QUESTION} confirmLabel="Restore" disabled={otherFile.trim() === ''} onConfirm={() => restoreFrom(otherFile.trim())}>
          Restore file…
        </ConfirmButton>
      </form>
    </>
  );
}
