import type { Handlers } from '../index';
import type { Method } from '../../../src-shared/api';
import type { Billing } from '../../billing';
import type { RouterStore } from '../../routers';
import type { RouterOs } from '../../routeros';
import type { RadiusServer } from '../../radius';
import type { SettingsStore } from '../../deps';
import type { Clock } from '../../clock';
import { packagesHandlers } from './packages';
import { customersHandlers } from './customers';
import { vouchersHandlers } from './vouchers';
import { distributorsHandlers } from './distributors';
import { paymentsHandlers } from './payments';
import { routersHandlers } from './routers';
import { zonesHandlers } from './zones';
import { sessionsHandlers } from './sessions';
import { authLogHandlers } from './authLog';
import { radiusHandlers } from './radius';
import { dashboardHandlers } from './dashboard';
import { settingsHandlers } from './settings';
import { smsHandlers } from './sms';
import type { Sms } from '../../sms';
import { backupsHandlers } from './backups';
import type { Backups } from '../../backups';
import type { CustomerAuth } from '../../portal/customerAuth/types';
import type { Accounts } from '../auth/accounts';
import { authHandlers } from './auth';
import { usersHandlers } from './users';
import { gatewaysHandlers } from './gateways';
import { reportsHandlers } from './reports';
import { exportsHandlers } from './exports';
import { systemHandlers } from './system';
import { jobsHandlers } from './jobs';
import { createJobs, type Jobs } from '../../jobs';
import type { Gateways } from '../../gateways';

export interface HandlerDeps {
  billing: Billing;
  routers: RouterStore;
  routeros: RouterOs;
  radius: RadiusServer;
  settings: SettingsStore;
  sms: Sms;
  backups: Backups;
  /** The portal's customer auth: the owner's PIN reset texts the customer a code through it. */
  customerAuth: Pick<CustomerAuth, 'startPinReset'>;
  clock: Clock;
  accounts: Accounts;
  gateways: Gateways;
  /** Long jobs' progress (jobs.progress); default: one registry for these handlers. */
  jobs?: Jobs;
}

/**
 * Every admin API handler, one area module each (the same areas as src-shared/api/). Each area's
 * map is exact for its area; `Handlers` makes a forgotten area a compile error and the check
 * below an area the contract does not have.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const d = { ...deps, jobs: deps.jobs ?? createJobs(deps.clock) };
  const handlers = {
    ...packagesHandlers(d),
    ...customersHandlers(d),
    ...vouchersHandlers(d),
    ...distributorsHandlers(d),
    ...paymentsHandlers(d),
    ...routersHandlers(d),
    ...zonesHandlers(d),
    ...sessionsHandlers(d),
    ...authLogHandlers(d),
    ...radiusHandlers(d),
    ...dashboardHandlers(d),
    ...settingsHandlers(d),
    ...smsHandlers(d),
    ...backupsHandlers(d),
    ...authHandlers(d),
    ...usersHandlers(d),
    ...gatewaysHandlers(d),
    ...reportsHandlers(d),
    ...exportsHandlers(d),
    ...systemHandlers(),
    ...jobsHandlers(d),
  };
  // Spreads escape excess-property checks: a handler for a method missing from the contract fails here.
  const noExtra: Record<Exclude<keyof typeof handlers, Method>, never> = {};
  void noExtra;
  return handlers;
}
