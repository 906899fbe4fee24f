import { Field } from './Field';

/** What the form will do with a write-only secret on save. */
export type SecretEdit = { kind: 'keep' } | { kind: 'replace'; value: string } | { kind: 'clear' };

interface SecretFieldProps {
  label: string;
  /** Whether the engine holds a value (it never sends the value itself). */
  isSet: boolean;
  edit: SecretEdit;
  onChange(edit: SecretEdit): void;
  error?: string;
  hint?: string;
}

/**
 * A write-only secret (an API key, a password): the page only knows whether it is set. Typing
 * replaces it, Clear removes it on save, and leaving it empty keeps what is saved.
 */
export function SecretField({ label, isSet, edit, onChange, error, hint }: SecretFieldProps) {
  const clearing = edit.kind === 'clear';
  return (
    <div className="secret-field">
      <Field label={label} error={error} hint={clearing ? 'Will be cleared when you save.' : hint}>
        <input
          type="password"
          autoComplete="off"
          className="mono"
          value={edit.kind === 'replace' ? edit.value : ''}
          disabled={clearing}
          placeholder={isSet ? '•••• set — type to replace' : 'not set'}
          onChange={(e) => onChange(e.target.value ? { kind: 'replace', value: e.target.value } : { kind: 'keep' })}
        />
      </Field>
      {isSet || clearing ? (
        <button type="button" className="btn btn-small" onClick={() => onChange(clearing ? { kind: 'keep' } : { kind: 'clear' })}>
          {clearing ? 'Keep it' : 'Clear'}
        </button>
      ) : null}
    </div>
  );
}
