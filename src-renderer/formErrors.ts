import { useCallback, useState } from 'react';
import type { ApiError, ApiReply } from '../src-shared/api';

/**
 * Turns an API error into "this field: this problem" next to the right input, or a banner.
 * invalid_input replies carry `field` and/or a message of the form `field: problem`.
 */
export interface FormErrors {
  fields: Record<string, string>;
  banner: string | null;
}

export const noErrors: FormErrors = { fields: {}, banner: null };

const FIELD_PREFIX = /^([A-Za-z][\w.[\]-]*): (.+)$/s;

export function splitError(error: ApiError, formFields: readonly string[]): FormErrors {
  let field = error.field ?? null;
  let text = error.message;
  const m = FIELD_PREFIX.exec(error.message);
  if (m) {
    field ??= m[1]!;
    if (m[1] === field) text = m[2]!;
  }
  // A nested path belongs to the form's closest input: `routerIds.0` to routerIds, and
  // `portal.languages.1` to portal.languages where a form names its inputs by dotted path.
  const parts = field?.split(/[.[]/) ?? [];
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    if (formFields.includes(key)) return { fields: { [key]: capitalise(text) }, banner: null };
  }
  return { fields: {}, banner: error.message };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A form's submit state: busy flag, per-field errors and a banner. `submit` runs local checks
 * first (field → message), then the API call, and maps its error.
 */
export function useSubmit(formFields: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  const submit = useCallback(
    async <T,>(localErrors: Record<string, string>, run: () => Promise<ApiReply<T>>): Promise<T | null> => {
      if (Object.keys(localErrors).length > 0) {
        setErrors({ fields: localErrors, banner: null });
        return null;
      }
      setBusy(true);
      try {
        const r = await run();
        if (r.ok) {
          setErrors(noErrors);
          return r.value;
        }
        setErrors(splitError(r.error, formFields));
        return null;
      } finally {
        setBusy(false);
      }
    },
    // formFields is a constant per form.
    [],
  );

  const clear = useCallback(() => setErrors(noErrors), []);
  return { busy, errors, submit, clear, setErrors };
}
