import type { z } from 'zod';
import { contract, isMethod, type ApiReply, type Method, type Output, type ParsedInput } from '../../src-shared/api';
import type { Db } from '../db';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { AppError, errorMessages, isAppError } from '../errors';
import { redactPaths } from '../../src-shared/api/redact';
import { roleAllows } from '../../src-shared/api/def';
import { isFieldIssueList, zodIssues } from '../../src-shared/validate';
import { desktopCaller, type Caller } from './auth/caller';
import type { CallContext } from './handlers/types';

export type { Caller } from './auth/caller';
export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>>;
/** Every contract method must have a handler: a missing one is a compile error. */
export type Handlers = { [M in Method]: Handler<M> };

export interface AdminDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  handlers: Handlers;
}

/**
 * zod issues → invalid_input naming the first bad field (`items.0.price: must be …`) and carrying
 * every bad field in `issues`, so a form can mark them all in one round. The naming is shared with
 * the admin UI's own pre-send check (src-shared/validate.ts).
 */
function zodError(err: z.ZodError): AppError {
  const issues = zodIssues(err);
  const first = issues[0] ?? { field: 'input', message: 'is not valid' };
  return new AppError('invalid_input', `${first.field}: ${first.message}`, { field: first.field, issues });
}

/**
 * The admin API dispatcher shared by the IPC bridge and the HTTP bridge: check the caller's role
 * against the method's declared one, validate with the contract's zod schema (bad input never
 * reaches SQL), run the handler, audit a command with who did it, and turn every outcome into
 * `{ ok, value }` or `{ ok: false, error: { code, message, field?, issues? } }`. Never throws.
 */
export function createAdmin({ db, clock, log, handlers }: AdminDeps) {
  const audit = db.prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)');

  // The method's own declaration says which fields are secret (src-shared/api/<area>.ts).
  function auditDetail(input: unknown, secret: readonly string[]): string | null {
    if (input == null || typeof input !== 'object') return null;
    return JSON.stringify(redactPaths(input, secret));
  }

  return {
    /** `caller` defaults to the desktop window (IPC and in-process callers act as the owner). */
    async call(method: string, rawInput: unknown, caller: Caller = desktopCaller): Promise<ApiReply<unknown>> {
      if (!isMethod(method)) {
        return { ok: false, error: { code: 'unknown_method', message: `${errorMessages.unknown_method} (${method})` } };
      }
      try {
        const def = contract[method];
        // Before validation: someone who may not call a method learns nothing of its input.
        if (!roleAllows(def.role, caller.role)) {
          throw caller.role === null ? new AppError('unauthorized') : new AppError('forbidden', `Only the owner can do that (${method}). Ask the owner to sign in.`);
        }
        const parsed = def.input.safeParse(rawInput ?? {});
        if (!parsed.success) throw zodError(parsed.error);
        // What was asked, for tracing at debug level. The input goes under `input`, where the
        // logger redacts every path the method declares secret (log.ts): the secrets-leak test
        // runs at this level to hold that line.
        log.debug({ method, actor: caller.actor, via: caller.via, input: parsed.data }, 'admin call');
        const handler = handlers[method] as (i: unknown, ctx: CallContext) => unknown;
        const ctx: CallContext = { caller, auditActor: caller.actor };
        const value = await handler(parsed.data, ctx);
        // Commands (declared with command() in the contract) are audited; queries are not.
        // A restore closed this database and swapped in another: the engine audits it there (record).
        if (def.kind === 'command' && db.open) {
          try {
            audit.run(clock.now(), ctx.auditActor, method, null, auditDetail(parsed.data, def.secret));
          } catch (err) {
            log.warn({ err, method }, 'audit log write failed');
          }
        }
        return { ok: true, value: value ?? null };
      } catch (err) {
        if (isAppError(err)) {
          const field = typeof err.detail?.field === 'string' ? err.detail.field : undefined;
          const issues = isFieldIssueList(err.detail?.issues) ? err.detail.issues : undefined;
          return { ok: false, error: { code: err.code, message: err.message, ...(field ? { field } : {}), ...(issues ? { issues } : {}) } };
        }
        // Unexpected: log with the method (never the input, which may hold secrets).
        log.error({ err, method }, 'admin handler failed');
        return { ok: false, error: { code: 'internal', message: errorMessages.internal } };
      }
    },

    /** Audits a command that ran through another database's dispatcher (a restore, in the restored database). */
    record(method: Method, input: unknown, actor = 'admin'): void {
      audit.run(clock.now(), actor, method, null, auditDetail(input, contract[method].secret));
    },
  };
}

export type Admin = ReturnType<typeof createAdmin>;
