import type { ComponentType } from 'react';
import { AuthLogPage } from './AuthLogPage';
import { CustomersPage } from './CustomersPage';
import { DashboardPage } from './DashboardPage';
import { DistributorsPage } from './DistributorsPage';
import { OnlinePage } from './OnlinePage';
import { PackagesPage } from './PackagesPage';
import { PaymentsPage } from './PaymentsPage';
import { RoutersPage } from './RoutersPage';
import { SettingsPage } from './SettingsPage';
import { VouchersPage } from './VouchersPage';

/**
 * The navigation list, in order. To add a page: write pages/<Name>Page.tsx (it gets the route's
 * second segment as `param`, e.g. `#/customers/12` → "12") and add one line here.
 */
export interface PageDef {
  path: string;
  title: string;
  component: ComponentType<{ param: string | null }>;
}

export const pages: PageDef[] = [
  { path: 'dashboard', title: 'Dashboard', component: DashboardPage },
  { path: 'online', title: 'Online', component: OnlinePage },
  { path: 'customers', title: 'Customers', component: CustomersPage },
  { path: 'packages', title: 'Packages', component: PackagesPage },
  { path: 'cards', title: 'Recharge cards', component: VouchersPage },
  { path: 'distributors', title: 'Distributors', component: DistributorsPage },
  { path: 'payments', title: 'Payments', component: PaymentsPage },
  { path: 'routers', title: 'Routers', component: RoutersPage },
  { path: 'auth-log', title: 'Auth log', component: AuthLogPage },
  { path: 'settings', title: 'Settings', component: SettingsPage },
];
