/** Back / save-and-continue / skip, the same on every wizard step. */
export function StepButtons({ onBack, busy, nextLabel = 'Save and continue', onSkip }: { onBack?(): void; busy?: boolean; nextLabel?: string; onSkip?(): void }) {
  return (
    <div className="form-actions">
      {onBack ? (
        <button type="button" className="btn" onClick={onBack}>
          Back
        </button>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Saving…' : nextLabel}
      </button>
      {onSkip ? (
        <button type="button" className="btn" onClick={onSkip}>
          Skip this step
        </button>
      ) : null}
    </div>
  );
}
