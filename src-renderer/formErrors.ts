import { useCallback, useRef, useState } from 'react';
import { contract, type ApiError, type ApiReply, type Input, type Method } from '../src-shared/api';
import { fieldErrors, type FieldIssue } from '../src-shared/validate';

/**
 * Turns an API error into "this field: this problem" next to the right input, or a banner.
 * invalid_input replies carry `field` and/or a message of the form `field: problem`, and from the
 * schema also `issues` (every bad field), which all land next to their inputs in one round.
 */
export interface FormErrors {
  fields: Record<string, string>;
  banner: string | null;
}

export const noErrors: FormErrors = { fields: {}, banner: null };

const FIELD_PREFIX = /^([A-Za-z][\w.[\]-]*): (.+)$/s;

/**
 * A nested path belongs to the form's closest input: `routerIds.0` to routerIds, and
 * `portal.languages.1` to portal.languages where a form names its inputs by dotted path.
 */
function formFieldFor(field: string, formFields: readonly string[]): string | null {
  const parts = field.split(/[.[]/);
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    if (formFields.includes(key)) return key;
  }
  return null;
}

/**
 * Every issue next to its input (the first problem per input); those the form has no input for
 * go to the banner, listed as `field: problem`.
 */
function placeIssues(issues: readonly FieldIssue[], formFields: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const { field, message } of issues) {
    const key = formFieldFor(field, formFields);
    if (key) fields[key] ??= capitalise(message);
    else rest.push(`${field}: ${message}`);
  }
  return { fields, banner: rest.length ? rest.join('; ') : null };
}

export function splitError(error: ApiError, formFields: readonly string[]): FormErrors {
  if (error.issues?.length) return placeIssues(error.issues, formFields);
  let field = error.field ?? null;
  let text = error.message;
  const m = FIELD_PREFIX.exec(error.message);
  if (m) {
    field ??= m[1]!;
    if (m[1] === field) text = m[2]!;
  }
  const key = field === null ? null : formFieldFor(field, formFields);
  if (key) return { fields: { [key]: capitalise(text) }, banner: null };
  return { fields: {}, banner: error.message };
}

/**
 * What a form shows before sending: the contract schema's problems with `input` (the server's own
 * wording, from the same code) merged with the form's local checks, a local message (translated,
 * and knowing the form's units) winning for its field. Null when both pass.
 */
export function checkBeforeSend(method: Method, input: unknown, localErrors: Record<string, string>, formFields: readonly string[]): FormErrors | null {
  const schema = Object.entries(fieldErrors(contract[method].input, input)).map(([field, message]) => ({ field, message }));
  const placed = placeIssues(schema, formFields);
  const fields = { ...placed.fields, ...localErrors };
  if (Object.keys(fields).length === 0 && placed.banner === null) return null;
  return { fields, banner: placed.banner };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A form's submit state: busy flag, per-field errors and a banner. `submit` runs local checks
 * and, when the form names its contract method and passes the `input` it is about to send, that
 * method's schema too, showing every problem at once; then the API call, mapping its error.
 * `method` may change between renders (a form that creates or updates).
 */
export function useSubmit<M extends Method = Method>(formFields: readonly string[], method?: M) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const methodRef = useRef(method);
  methodRef.current = method;

  const submit = useCallback(
    async <T,>(localErrors: Record<string, string>, run: () => Promise<ApiReply<T>>, input?: Input<M>): Promise<T | null> => {
      const m = methodRef.current;
      const before =
        m !== undefined && input !== undefined
          ? checkBeforeSend(m, input, localErrors, formFields)
          : Object.keys(localErrors).length > 0
            ? { fields: localErrors, banner: null }
            : null;
      if (before) {
        setErrors(before);
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
    // formFields is a constant per form; the method is read through its ref.
    [],
  );

  const clear = useCallback(() => setErrors(noErrors), []);
  return { busy, errors, submit, clear, setErrors };
}
