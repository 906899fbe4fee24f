import type { z } from 'zod';
import type { MethodDef, MethodKind, MethodRole, Role } from './api/def';
import { packagesApi } from './api/packages';
import { customersApi } from './api/customers';
import { vouchersApi } from './api/vouchers';
import { distributorsApi } from './api/distributors';
import { paymentsApi } from './api/payments';
import { routersApi } from './api/routers';
import { zonesApi } from './api/zones';
import { sessionsApi } from './api/sessions';
import { authLogApi } from './api/authLog';
import { radiusApi } from './api/radius';
import { dashboardApi } from './api/dashboard';
import { settingsApi } from './api/settings';
import { smsApi } from './api/sms';
import { backupsApi } from './api/backups';
import { authApi } from './api/auth';
import { usersApi } from './api/users';
import { gatewaysApi } from './api/gateways';
import { reportsApi } from './api/reports';
import { exportsApi } from './api/exports';
import { systemApi } from './api/system';
import { jobsApi } from './api/jobs';
import type { FieldIssue } from './validate';

/**
 * The admin API contract: method name → zod input schema, output type, query or command, secret
 * fields. Served by the Electron IPC bridge and the headless HTTP bridge through the same handlers
 * (src-main/admin). Each area keeps its methods in src-shared/api/<area>.ts and its handlers in
 * src-main/admin/handlers/<area>.ts; add a new area to both lists.
 */
export const contract = {
  ...packagesApi,
  ...customersApi,
  ...vouchersApi,
  ...distributorsApi,
  ...paymentsApi,
  ...routersApi,
  ...zonesApi,
  ...sessionsApi,
  ...authLogApi,
  ...radiusApi,
  ...dashboardApi,
  ...settingsApi,
  ...smsApi,
  ...backupsApi,
  ...authApi,
  ...usersApi,
  ...gatewaysApi,
  ...reportsApi,
  ...exportsApi,
  ...systemApi,
  ...jobsApi,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** The input after validation/normalisation (phones E.164, MACs upper-case …). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;
export type { MethodKind, MethodRole, Role };

export interface ApiError {
  code: string;
  message: string;
  /** invalid_input: the first bad field (its problem is `message`, as `field: problem`). */
  field?: string;
  /** invalid_input from the schema: every bad field with its problem (the first is `field`). */
  issues?: FieldIssue[];
}
export type ApiReply<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isMethod(m: string): m is Method {
  return Object.prototype.hasOwnProperty.call(contract, m);
}

/** Every secret path any method declares (the logger redacts them all in a logged `input`). */
export const contractSecretPaths: readonly string[] = [
  ...new Set(Object.values(contract).flatMap((d: MethodDef<z.ZodType, unknown>) => d.secret)),
];
