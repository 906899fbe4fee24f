import type { z } from 'zod';
import type { MethodDef } from '../../../src-shared/api/def';
import type { Caller } from '../auth/caller';

type AnyDef = MethodDef<z.ZodType, unknown>;

/**
 * What a handler knows of its call besides the input: who called (most handlers ignore it; the
 * auth area needs it), and the audit log's actor, which sign-in sets to the name just signed in.
 */
export interface CallContext {
  caller: Caller;
  auditActor: string;
}

/** The handler of one method: its validated input in, its declared output (or a promise of it) out. */
export type HandlerFor<D> = D extends MethodDef<infer I, infer O> ? (input: z.output<I>, ctx: CallContext) => O | Promise<O> : never;

/**
 * Exactly one handler per method of an area (`typeof packagesApi` …). Each handlers/<area>.ts
 * `satisfies` it, so a missing handler or one for a method the area lacks is a compile error.
 */
export type AreaHandlers<A extends Record<string, AnyDef>> = { [M in keyof A]: HandlerFor<A[M]> };
