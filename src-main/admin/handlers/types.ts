import type { z } from 'zod';
import type { MethodDef } from '../../../src-shared/api/def';

type AnyDef = MethodDef<z.ZodType, unknown>;

/** The handler of one method: its validated input in, its declared output (or a promise of it) out. */
export type HandlerFor<D> = D extends MethodDef<infer I, infer O> ? (input: z.output<I>) => O | Promise<O> : never;

/**
 * Exactly one handler per method of an area (`typeof packagesApi` …). Each handlers/<area>.ts
 * `satisfies` it, so a missing handler or one for a method the area lacks is a compile error.
 */
export type AreaHandlers<A extends Record<string, AnyDef>> = { [M in keyof A]: HandlerFor<A[M]> };
