import type { z } from 'zod';
import type { MethodDef } from './api/def';
import { coreApi } from './api/core';
import { radiusApi } from './api/radius';
import { routersApi } from './api/routers';
import { settingsApi } from './api/settings';

/**
 * The admin API contract: method name → zod input schema + output type. Served by the Electron
 * IPC bridge and the headless HTTP bridge through the same handlers (src-main/admin).
 * Each area keeps its methods in src-shared/api/<area>.ts; add the area here.
 */
export const contract = {
  ...coreApi,
  ...radiusApi,
  ...routersApi,
  ...settingsApi,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** The input after validation/normalisation (phones E.164, MACs upper-case …). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export interface ApiError {
  code: string;
  message: string;
  field?: string;
}
export type ApiReply<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isMethod(m: string): m is Method {
  return Object.prototype.hasOwnProperty.call(contract, m);
}
