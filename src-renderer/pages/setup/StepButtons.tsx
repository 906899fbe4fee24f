import { messages, useT } from '../../i18n';

const M = messages(
  { back: 'Back', saving: 'Saving…', next: 'Save and continue', skip: 'Skip this step' },
  { back: 'পেছনে', saving: 'সেভ হচ্ছে…', next: 'সেভ করে এগিয়ে যান', skip: 'এই ধাপ বাদ দিন' },
);

/** Back / save-and-continue / skip, the same on every wizard step. */
export function StepButtons({ onBack, busy, nextLabel, onSkip }: { onBack?(): void; busy?: boolean; nextLabel?: string; onSkip?(): void }) {
  const t = useT(M);
  return (
    <div className="form-actions">
      {onBack ? (
        <button type="button" className="btn" onClick={onBack}>
          {t.back}
        </button>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t.saving : (nextLabel ?? t.next)}
      </button>
      {onSkip ? (
        <button type="button" className="btn" onClick={onSkip}>
          {t.skip}
        </button>
      ) : null}
    </div>
  );
}
