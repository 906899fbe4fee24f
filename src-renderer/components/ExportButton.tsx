import { useState } from 'react';
import type { CsvExport } from '../../src-shared/api/exports';
import type { ApiReply } from '../../src-shared/api';
import { downloadText } from '../download';
import { messages, useT } from '../i18n';

const M = messages({ exportCsv: 'Export CSV', exporting: 'Exporting…' }, { exportCsv: 'CSV এক্সপোর্ট', exporting: 'এক্সপোর্ট হচ্ছে…' });

/** "Export CSV": asks the engine for the file and downloads it; a refusal shows beside the button. */
export function ExportButton({ label, run }: { label?: string; run: () => Promise<ApiReply<CsvExport>> }) {
  const t = useT(M);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="export-button">
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const r = await run();
          setBusy(false);
          if (r.ok) {
            setError(null);
            downloadText(r.value.filename, r.value.csv);
          } else setError(r.error.message);
        }}
      >
        {busy ? t.exporting : (label ?? t.exportCsv)}
      </button>
      {error ? <span className="field-error"> {error}</span> : null}
    </span>
  );
}
