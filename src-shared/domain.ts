/**
 * Domain types as the admin API returns them (camelCase, times in epoch ms, money in paisa).
 * Secrets never appear here except where a method exists to show them to the owner
 * (`customers.get` returns the hotspot login so the owner can log a device in by hand).
 */

// The list itself lives in payments.ts (the API enum and the walled garden use it too).
import type { PaymentMethod, PaymentStatus, ReversalKind } from './payments';

export type { PaymentMethod, PaymentStatus };
export type SubscriptionStatus = 'queued' | 'active' | 'expired' | 'exhausted' | 'cancelled';
export type CustomerStatus = 'active' | 'disabled';

/**
 * When a package's validity counts (issue 12): from activation ('purchase', the default), from
 * the first login after activation ('firstLogin'), or only while online ('onlineTime':
 * validitySeconds is the online allowance, charged from the routers' Acct-Session-Time).
 */
export const packageClocks = ['purchase', 'firstLogin', 'onlineTime'] as const;
export type PackageClock = (typeof packageClocks)[number];
/** Buying the same package while it is active: queue a new one, or add to the active one. */
export const packageRepeats = ['queue', 'topUp'] as const;
export type PackageRepeat = (typeof packageRepeats)[number];

export interface Zone {
  id: number;
  name: string;
  ssid: string | null;
  routerIds: number[];
}

export interface RouterStatus {
  reachable: boolean | null;
  lastSyncAt: number | null;
  lastError: string | null;
  version: string | null;
  identity: string | null;
}

export interface Router {
  id: number;
  name: string;
  host: string | null;
  apiPort: number | null;
  apiTls: boolean;
  apiUser: string | null;
  hasApiPassword: boolean;
  nasIp: string;
  coaPort: number;
  zoneId: number | null;
  hotspotInterface: string | null;
  requireMessageAuthenticator: boolean;
  /**
   * The api-ssl certificate pinned on first use: SHA-256 fingerprint (colon-separated hex), or
   * 'anonymous' for an api-ssl service without a certificate; null until a TLS connection is made.
   */
  apiCertSha256: string | null;
  /** Another certificate the router showed since: router calls stop until the owner accepts it. */
  apiCertPendingSha256: string | null;
  /** The hotspot's DNS name and address as last read from the router (link-login-only check). */
  hotspotDnsName: string | null;
  hotspotAddress: string | null;
  status: RouterStatus;
  createdAt: number;
  updatedAt: number;
}

export interface Package {
  id: number;
  name: string;
  customerType: 'hotspot';
  price: number;
  validitySeconds: number | null;
  dataLimitBytes: number | null;
  downloadBps: number;
  uploadBps: number;
  devices: number;
  routerIds: number[];
  zoneIds: number[];
  clock: PackageClock;
  /** 'onlineTime' only: an overall limit counted from activation (null: none). */
  useWithinSeconds: number | null;
  onRepeat: PackageRepeat;
  active: boolean;
  rateLimit: string;
  createdAt: number;
  updatedAt: number;
}

export interface Device {
  id: number;
  mac: string;
  label: string | null;
  createdAt: number;
  lastSeenAt: number | null;
}

export interface Subscription {
  id: number;
  customerId: number;
  packageId: number;
  paymentId: number | null;
  packageName: string;
  price: number;
  status: SubscriptionStatus;
  startsAt: number | null;
  expiresAt: number | null;
  validitySeconds: number | null;
  dataLimitBytes: number | null;
  bytesUsed: number;
  downloadBps: number;
  uploadBps: number;
  devices: number;
  /** The package's clock as sold (a snapshot). */
  clock: PackageClock;
  useWithinSeconds: number | null;
  /** When validity began counting; null for a 'firstLogin' one not logged in yet (or queued). */
  clockStartedAt: number | null;
  /** Online time charged by accounting, in seconds. */
  secondsUsed: number;
  /**
   * Seconds left: to expiry, or for 'onlineTime' the online time left (capped by use-within).
   * Null when the package has no time limit, it is not active, or its clock has not started.
   */
  secondsLeft: number | null;
  /** Bytes left (null when the package has no data limit). */
  bytesLeft: number | null;
  endedAt: number | null;
  createdAt: number;
}

export interface CustomerSummary {
  id: number;
  phone: string;
  localPhone: string;
  name: string | null;
  status: CustomerStatus;
  hasPin: boolean;
  activePackage: string | null;
  activeUntil: number | null;
  createdAt: number;
}

export interface Customer extends CustomerSummary {
  subscriptions: Subscription[];
  devices: Device[];
  /** The router login for this customer's devices: the 11-digit local number. */
  hotspotUsername: string;
  hotspotPassword: string;
}

export interface Payment {
  id: number;
  invoiceNo: string;
  customerId: number | null;
  customerPhone: string | null;
  packageId: number | null;
  packageName: string | null;
  amount: number;
  method: PaymentMethod;
  status: PaymentStatus;
  gatewayRef: string | null;
  failureReason: string | null;
  createdAt: number;
  completedAt: number | null;
  /** The wallet's transaction id (gateway trxID, or the customer's Send Money TrxID), upper-case. */
  trxId: string | null;
  /** Why the owner must look at it (PAYMENT_AMOUNT_MISMATCH, PAYMENT_UNCONFIRMED …), else null. */
  problem: string | null;
  /** Send Money: the number the customer sent from. */
  senderPhone: string | null;
  /** A refund row: the payment it refunds. */
  refundOf: number | null;
  /** A reversal row: a refund, or the void of a mistaken cash sale; null for anything else. */
  reversal: ReversalKind | null;
  /** A reversed payment: its reversal row (it stays completed: the ledger never rewrites a row). */
  reversedBy: { id: number; kind: ReversalKind } | null;
  /** The refund's or void's reason, a sale's note. */
  note: string | null;
  /** Who recorded it: the staff member's name for a counter sale, else 'portal', 'voucher', 'sms' … */
  createdBy: string | null;
  /** A pending online payment: when the engine asks the gateway next (null: not scheduled). */
  nextCheckAt: number | null;
}

/**
 * A recharge card's state. `assigned` is a new card handed to a distributor (it redeems like a
 * new one); `expired` is computed from the batch's expiry when read, so no job has to run.
 */
export type VoucherState = 'new' | 'assigned' | 'used' | 'expired' | 'disabled';
export type VoucherAlphabet = 'default' | 'digits';

export interface VoucherBatch {
  id: number;
  packageId: number;
  packageName: string;
  prefix: string;
  alphabet: VoucherAlphabet;
  count: number;
  used: number;
  /** The package price when the batch was made (paisa): what each card sells for. */
  faceValue: number;
  /** After this (epoch ms) the batch's unused cards are expired; null = never. */
  expiresAt: number | null;
  createdAt: number;
  disabledAt: number | null;
}

export interface Voucher {
  id: number;
  code: string;
  batchId: number;
  packageId: number;
  status: VoucherState;
  customerId: number | null;
  distributorId: number | null;
  distributorName: string | null;
  assignedAt: number | null;
  expiresAt: number | null;
  redeemedAt: number | null;
  createdAt: number;
}

export interface Distributor {
  id: number;
  name: string;
  phone: string;
  localPhone: string;
  /** Exactly one of these is set: percent of face value (two decimals), or paisa per card. */
  commissionPercent: number | null;
  commissionPerCard: number | null;
  /** Cards assigned to them and not yet used, expired or disabled. */
  cardsHeld: number;
  /** All time: what they owe for used cards minus what they paid (paisa). */
  balance: number;
  createdAt: number;
}

export interface DistributorPayment {
  id: number;
  distributorId: number;
  amount: number;
  note: string | null;
  createdAt: number;
}

/** One used card on a statement (the code is left out: the card is spent, its id identifies it). */
export interface DistributorCardLine {
  voucherId: number;
  batchId: number;
  packageName: string;
  faceValue: number;
  commission: number;
  owed: number;
  redeemedAt: number;
}

export interface DistributorStatement {
  distributor: Distributor;
  from: number | null;
  to: number | null;
  /** Cards assigned to them in the period (by assignment time). */
  taken: number;
  /** Cards of theirs redeemed in the period (by redeem time). */
  used: number;
  faceValueUsed: number;
  commission: number;
  /** faceValueUsed − commission. */
  owed: number;
  /** Payments received in the period (by payment time). */
  paid: number;
  /** owed − paid for the period. */
  balance: number;
  cards: DistributorCardLine[];
  payments: DistributorPayment[];
}

export interface Sale {
  customerId: number;
  subscriptionId: number;
  paymentId: number;
}

export interface DashboardSummary {
  salesTodayCount: number;
  salesTodayAmount: number;
  activeSubscriptions: number;
  customers: number;
  online: number | null;
  routers: number;
  /** The SMS gateway as last checked: balance in paisa where the gateway reports one. */
  sms: { provider: string; balance: number | null; balanceAt: number | null; lowBalance: boolean };
  /** Things the owner should act on (the same list as dashboard.overview's: code, plain words, what to do, where). */
  warnings: Array<{ code: string; message: string }>;
  /** Sales today, this week (from Saturday) and this month, on the shop's calendar, by method. */
  salesByMethod: Record<'today' | 'week' | 'month', SalesWindow>;
}

/** One method's money in a dashboard window (paisa). */
export interface MethodSales {
  method: PaymentMethod;
  /** Completed sales made in the window and their sum. */
  count: number;
  amount: number;
  /** Refunds made in the window (new ledger rows, status refunded) and their sum. */
  refunds: number;
  refunded: number;
}

/** A dashboard window: [from, to) epoch ms, its totals, and each method that moved money in it. */
export interface SalesWindow {
  from: number;
  to: number;
  count: number;
  amount: number;
  refunded: number;
  /** Only methods with a sale or a refund in the window, in PAYMENT_METHODS order. */
  byMethod: MethodSales[];
}

export interface Page<T> {
  items: T[];
  total: number;
}
