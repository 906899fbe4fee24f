import { z } from 'zod';
import { normalizePhone } from '../phone';
import { normalizeMac } from '../mac';

/**
 * One admin API method: its zod input schema, and (as a phantom type) its output.
 * `def<Output>()(inputSchema)` keeps the output type next to the schema without a runtime cost.
 */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  readonly __output?: O;
}

export function def<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}

// Shared field schemas. Every object is strict: an unknown or misspelt field is invalid_input
// naming that field, instead of being silently ignored.
export const id = z.number().int().positive();
export const paisa = z.number().int().nonnegative().max(100_000_000_00);
export const phone = z.string().transform((s, ctx) => {
  const r = normalizePhone(s);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r.e164;
});
export const mac = z.string().transform((s, ctx) => {
  const m = normalizeMac(s);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'Enter a MAC address such as AA:BB:CC:DD:EE:FF.' });
    return z.NEVER;
  }
  return m;
});
export const ipv4 = z.string().regex(/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/, 'must be an IPv4 address such as 192.168.88.1');
export const port = z.number().int().min(1).max(65535);
export const name = z.string().trim().min(1, 'must not be empty').max(100);
export const pageInput = {
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
};
