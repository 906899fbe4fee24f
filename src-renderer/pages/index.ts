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
import { HealthPage } from './HealthPage';
import { messages, type Lang } from '../i18n';

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

/** The navigation's words (each page's own heading is in that page's catalogue). */
const TITLES = messages(
  {
    dashboard: 'Dashboard',
    online: 'Online',
    customers: 'Customers',
    packages: 'Packages',
    cards: 'Recharge cards',
    distributors: 'Distributors',
    payments: 'Payments',
    reports: 'Daily report',
    routers: 'Routers',
    'auth-log': 'Auth log',
    sms: 'SMS outbox',
    settings: 'Settings',
    backups: 'Backups',
    health: 'Health',
    staff: 'Staff',
    account: 'My account',
  },
  {
    dashboard: 'ড্যাশবোর্ড',
    online: 'অনলাইন',
    customers: 'গ্রাহক',
    packages: 'প্যাকেজ',
    cards: 'রিচার্জ কার্ড',
    distributors: 'বিক্রেতা',
    payments: 'পেমেন্ট',
    reports: 'দৈনিক হিসাব',
    routers: 'রাউটার',
    'auth-log': 'লগইন খাতা',
    sms: 'এসএমএস আউটবক্স',
    settings: 'সেটিংস',
    backups: 'ব্যাকআপ',
    health: 'অবস্থা',
    staff: 'কর্মী',
    account: 'আমার অ্যাকাউন্ট',
  },
);

/** A page's name in the navigation, in the admin language (a page not in TITLES: its English title). */
export function pageTitle(page: PageDef, lang: Lang): string {
  const titles: Record<string, string> = TITLES[lang];
  return titles[page.path] ?? page.title;
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
  { path: 'health', title: 'Health', component: HealthPage, ownerOnly: true },
  { path: 'staff', title: 'Staff', component: StaffPage, ownerOnly: true },
  { path: 'account', title: 'My account', component: AccountPage },
];
