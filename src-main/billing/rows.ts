import type { Package, PackageClock, PackageRepeat, Subscription, Device, Payment, Voucher, VoucherAlphabet, VoucherBatch, VoucherState } from '../../src-shared/domain';
import { mikrotikRateLimit } from '../../src-shared/units';
import { secondsLeft } from './spent';
import { reversalKind, VOID_REF_PREFIX } from '../../src-shared/payments';

/** Row shapes as SQLite returns them, and their mapping to the API's domain types. */
export interface PackageRow {
  id: number;
  name: string;
  customer_type: string;
  price: number;
  validity_seconds: number | null;
  data_limit_bytes: number | null;
  download_bps: number;
  upload_bps: number;
  devices: number;
  clock: PackageClock;
  use_within_seconds: number | null;
  on_repeat: PackageRepeat;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface SubscriptionRow {
  id: number;
  customer_id: number;
  package_id: number;
  payment_id: number | null;
  package_name: string;
  price: number;
  validity_seconds: number | null;
  data_limit_bytes: number | null;
  download_bps: number;
  upload_bps: number;
  devices: number;
  router_ids: string;
  zone_ids: string;
  status: Subscription['status'];
  starts_at: number | null;
  expires_at: number | null;
  bytes_used: number;
  clock: PackageClock;
  use_within_seconds: number | null;
  clock_started_at: number | null;
  seconds_used: number;
  ended_at: number | null;
  created_at: number;
}

export interface DeviceRow {
  id: number;
  mac: string;
  customer_id: number;
  label: string | null;
  created_at: number;
  last_seen_at: number | null;
}

export function toPackage(r: PackageRow, routerIds: number[], zoneIds: number[]): Package {
  return {
    id: r.id,
    name: r.name,
    customerType: 'hotspot',
    price: r.price,
    validitySeconds: r.validity_seconds,
    dataLimitBytes: r.data_limit_bytes,
    downloadBps: r.download_bps,
    uploadBps: r.upload_bps,
    devices: r.devices,
    routerIds,
    zoneIds,
    clock: r.clock,
    useWithinSeconds: r.use_within_seconds,
    onRepeat: r.on_repeat,
    active: r.active === 1,
    rateLimit: mikrotikRateLimit(r.upload_bps, r.download_bps),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toSubscription(r: SubscriptionRow, now: number): Subscription {
  const live = r.status === 'active';
  return {
    id: r.id,
    customerId: r.customer_id,
    packageId: r.package_id,
    paymentId: r.payment_id,
    packageName: r.package_name,
    price: r.price,
    status: r.status,
    startsAt: r.starts_at,
    expiresAt: r.expires_at,
    validitySeconds: r.validity_seconds,
    dataLimitBytes: r.data_limit_bytes,
    bytesUsed: r.bytes_used,
    downloadBps: r.download_bps,
    uploadBps: r.upload_bps,
    devices: r.devices,
    clock: r.clock,
    useWithinSeconds: r.use_within_seconds,
    clockStartedAt: r.clock_started_at,
    secondsUsed: r.seconds_used,
    secondsLeft: live ? floorOrNull(secondsLeft(spendable(r), now)) : null,
    bytesLeft: r.data_limit_bytes != null ? Math.max(0, r.data_limit_bytes - r.bytes_used) : null,
    endedAt: r.ended_at,
    createdAt: r.created_at,
  };
}

const floorOrNull = (n: number | null): number | null => (n === null ? null : Math.floor(n));

/** A subscription row in the shape of billing's spent rule (billing/spent.ts). */
export function spendable(r: SubscriptionRow) {
  return {
    expiresAt: r.expires_at,
    dataLimitBytes: r.data_limit_bytes,
    bytesUsed: r.bytes_used,
    clock: r.clock,
    validitySeconds: r.validity_seconds,
    secondsUsed: r.seconds_used,
  };
}

export function toDevice(r: DeviceRow): Device {
  return { id: r.id, mac: r.mac, label: r.label, createdAt: r.created_at, lastSeenAt: r.last_seen_at };
}

export interface PaymentRow {
  id: number;
  invoice_no: string;
  customer_id: number | null;
  customer_phone: string | null;
  package_id: number | null;
  package_name: string | null;
  amount: number;
  method: Payment['method'];
  status: Payment['status'];
  gateway_ref: string | null;
  failure_reason: string | null;
  created_at: number;
  completed_at: number | null;
  trx_id: string | null;
  problem: string | null;
  sender_phone: string | null;
  refund_of: number | null;
  execute_attempted_at: number | null;
  next_check_at: number | null;
  check_step: number;
  checking_since: number | null;
  note: string | null;
  created_by: string | null;
  /** The listing join: the reversal row (refund or void) of this payment, if any. */
  reversed_by: number | null;
  reversed_by_ref: string | null;
}

export function toPayment(r: PaymentRow): Payment {
  return {
    id: r.id,
    invoiceNo: r.invoice_no,
    customerId: r.customer_id,
    customerPhone: r.customer_phone,
    packageId: r.package_id,
    packageName: r.package_name,
    amount: r.amount,
    method: r.method,
    status: r.status,
    // Voucher payments reference the card by id, never by code (codes are secrets).
    gatewayRef: r.gateway_ref,
    failureReason: r.failure_reason,
    createdAt: r.created_at,
    completedAt: r.completed_at,
    trxId: r.trx_id,
    problem: r.problem,
    senderPhone: r.sender_phone,
    refundOf: r.refund_of,
    reversal: reversalKind(r.status, r.gateway_ref),
    reversedBy: r.reversed_by === null ? null : { id: r.reversed_by, kind: r.reversed_by_ref?.startsWith(VOID_REF_PREFIX) ? 'void' : 'refund' },
    note: r.note,
    createdBy: r.created_by,
    nextCheckAt: r.status === 'pending' ? r.next_check_at : null,
  };
}

/** A card as billing/vouchers.ts selects it: the stored row plus its computed state and batch terms. */
export interface VoucherRow {
  id: number;
  code: string;
  batch_id: number;
  package_id: number;
  /** Stored: 'new' | 'used' | 'disabled'. What the card is now is `state`. */
  status: 'new' | 'used' | 'disabled';
  state: VoucherState;
  customer_id: number | null;
  subscription_id: number | null;
  distributor_id: number | null;
  distributor_name: string | null;
  assigned_at: number | null;
  expires_at: number | null;
  face_value: number;
  redeemed_at: number | null;
  created_at: number;
}

export function toVoucher(r: VoucherRow): Voucher {
  return {
    id: r.id,
    code: r.code,
    batchId: r.batch_id,
    packageId: r.package_id,
    status: r.state,
    customerId: r.customer_id,
    distributorId: r.distributor_id,
    distributorName: r.distributor_name,
    assignedAt: r.assigned_at,
    expiresAt: r.expires_at,
    redeemedAt: r.redeemed_at,
    createdAt: r.created_at,
  };
}

export interface VoucherBatchRow {
  id: number;
  package_id: number;
  package_name: string;
  prefix: string;
  alphabet: VoucherAlphabet;
  count: number;
  used: number;
  face_value: number;
  expires_at: number | null;
  created_at: number;
  disabled_at: number | null;
}

export function toVoucherBatch(r: VoucherBatchRow): VoucherBatch {
  return {
    id: r.id,
    packageId: r.package_id,
    packageName: r.package_name,
    prefix: r.prefix,
    alphabet: r.alphabet,
    count: r.count,
    used: r.used,
    faceValue: r.face_value,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}
