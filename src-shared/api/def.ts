import { z } from 'zod';
import { normalizePhone } from '../phone';
import { normalizeMac } from '../mac';

/**
 * One admin API method: its zod input schema, whether it changes anything, which input fields are
 * secret, who may call it, and (as a phantom type) its output. Declared with `query<Output>()(schema)`
 * or `command<Output>()(schema, { secret: [...], role: 'cashier' })`, so everything around a method
 * (validation, the audit log, log redaction, the role check) reads one definition instead of lists
 * kept by name elsewhere.
 */
export interface MethodDef<I extends z.ZodType, O> {
  /** query: reads only, never audited. command: changes something, written to the audit log. */
  kind: MethodKind;
  input: I;
  /** Dotted paths into the input ('pin', 'sms.apiKey'); arrays are walked through. */
  secret: readonly string[];
  /** The least role that may call it (see MethodRole). */
  role: MethodRole;
  readonly __output?: O;
}

export type MethodKind = 'query' | 'command';

/** Who works the admin app: the owner changes everything; a cashier sells, redeems cards and views. */
export const roles = ['owner', 'cashier'] as const;
export type Role = (typeof roles)[number];
/**
 * The role a method needs: 'public' before anyone signs in (sign-in itself, first password set-up),
 * 'cashier' for any signed-in user, 'owner' for owners only.
 */
export type MethodRole = 'public' | Role;

/** Does a caller with `role` (null: nobody signed in) pass a method that needs `needed`? */
export function roleAllows(needed: MethodRole, role: Role | null): boolean {
  if (needed === 'public') return true;
  if (role === null) return false;
  return needed === 'cashier' || role === 'owner';
}

// Values a secret path cannot descend into.
type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date;

/**
 * Every dotted field path into T: through nested objects, array elements (a path names fields,
 * not indices) and each member of a union, so a secret declared on a field that does not exist
 * (a typo, a renamed field) is a compile error. Depth-limited to keep the compiler fast.
 */
export type FieldPath<T, Depth extends unknown[] = []> = Depth['length'] extends 6
  ? never
  : T extends readonly (infer E)[]
    ? FieldPath<E, Depth>
    : T extends Leaf
      ? never
      : T extends object
        ? { [K in keyof T & string]-?: K | `${K}.${FieldPath<NonNullable<T[K]>, [...Depth, 1]>}` }[keyof T & string]
        : never;

export interface MethodOptions<I extends z.ZodType> {
  /** Input fields redacted in the audit log and in log lines (passwords, PINs, card codes, keys). */
  secret?: readonly FieldPath<z.input<I>>[];
  /**
   * Who may call it. Defaults: a query 'cashier' (viewing is a cashier's job), a command 'owner',
   * so a new command is owner-only until its area says a cashier may do it (selling, redeeming).
   */
  role?: MethodRole;
}

/** A read-only method: not audited; any signed-in user unless it says otherwise. */
export function query<O>() {
  return <I extends z.ZodType>(input: I, opts: MethodOptions<I> = {}): MethodDef<I, O> => ({
    kind: 'query',
    input,
    secret: opts.secret ?? [],
    role: opts.role ?? 'cashier',
  });
}

/** A method that changes something: audited, secrets redacted; owner-only unless it says otherwise. */
export function command<O>() {
  return <I extends z.ZodType>(input: I, opts: MethodOptions<I> = {}): MethodDef<I, O> => ({
    kind: 'command',
    input,
    secret: opts.secret ?? [],
    role: opts.role ?? 'owner',
  });
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
