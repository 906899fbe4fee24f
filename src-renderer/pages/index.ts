import type { ComponentType } from 'react';
import type { Role } from '../../src-shared/api';
import { AuthLogPage } from './AuthLogPage';
import { BackupsPage } from './BackupsPage';
import { CustomersPage } from './CustomersPage';
import { DashboardPage } from './DashboardPage';
import { DistributorsPage } from './DistributorsPage';
import { OnlinePage } from './OnlinePage';
import { PackagesPage } from './PackagesPage';
import { PaymentsPage } from './PaymentsPage';
import { ReportsPage } from './ReportsPage';
import { RoutersPage } from './RoutersPage';
import { SettingsPage } from './SettingsPage';
import { SmsOutboxPage } from './SmsOutboxPage';
import { VouchersPage } from './VouchersPage';
import { StaffPage } from './StaffPage';
import { AccountPage } from './AccountPage';

/**
 * The navigation list, in order. To add a page: write pages/<Name>Page.tsx (it gets the route's
 * second segment as `param`, e.g. `#/customers/12` → "12") and add one line here.
 */
export interface PageDef {
  path: string;
  title: string;
  component: ComponentType<{ param: string | null }>;
  /** Hidden from a cashier (its methods are owner-only on the server anyway). */
  ownerOnly?: true;
}

/** Whether the signed-in role sees the page (the desktop window and the token are the owner). */
export function pageAllowed(page: PageDef, role: Role | null): boolean {
  return !page.ownerOnly || role === 'owner';
}

export const pages: PageDef[] = [
  { path: 'dashboard', title: 'Dashboard', component: DashboardPage },
  { path: 'online', title: 'Online', component: OnlinePage },
  { path: 'customers', title: 'Customers', component: CustomersPage },
  { path: 'packages', title: 'Packages', component: PackagesPage },
  { path: 'cards', title: 'Recharge cards', component: VouchersPage },
  { path: 'distributors', title: 'Distributors', component: DistributorsPage },
  { path: 'payments', title: 'Payments', component: PaymentsPage },
  { path: 'reports', title: 'Daily report', component: ReportsPage },
  { path: 'routers', title: 'Routers', component: RoutersPage, ownerOnly: true },
  { path: 'auth-log', title: 'Auth log', component: AuthLogPage },
  { path: 'sms', title: 'SMS outbox', component: SmsOutboxPage, ownerOnly: true },
  { path: 'settings', title: 'Settings', component: SettingsPage, ownerOnly: true },
  { path: 'backups', title: 'Backups', component: BackupsPage, ownerOnly: true },
  { path: 'staff', title: 'Staff', component: StaffPage, ownerOnly: true },
  { path: 'account', title: 'My account', component: AccountPage },
];
