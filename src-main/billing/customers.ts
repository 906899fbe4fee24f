import type { CoreDeps } from '../deps';
import type { Customer, CustomerSummary, Device, Page } from '../../src-shared/domain';
import { toLocalPhone } from '../../src-shared/phone';
import { AppError, notFound } from '../errors';
import { hashSecret, randomFromAlphabet, verifySecret } from '../secrets';
import { whereClause } from '../db/where';
import { orderBy, prefixRange } from '../db/listSql';
import { phonePrefix } from '../../src-shared/phoneSearch';
import type { CustomerSortKey } from '../../src-shared/api/customers';
import type { Sort, SortDir } from '../../src-shared/api/listQuery';
import { toDevice, toSubscription, type DeviceRow } from './rows';
import type { Subscriptions } from './subscriptions';

interface CustomerRow {
  id: number;
  phone: string;
  name: string | null;
  pin_hash: string | null;
  hotspot_password_enc: string;
  status: 'active' | 'disabled';
  created_at: number;
  updated_at: number;
}

// Hotspot passwords are typed by the owner on a customer's phone when logging a device in by
// hand: lower-case letters and digits without look-alikes (0/o, 1/l/i). 10 characters of a
// 31-symbol alphabet ≈ 49 bits, far beyond online guessing through a rate-limited router.
const HOTSPOT_PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function generateHotspotPassword(): string {
  return randomFromAlphabet(HOTSPOT_PASSWORD_ALPHABET, 10);
}

export interface CustomerListFilter {
  search?: string;
  status?: 'active' | 'disabled';
  sort?: Sort<CustomerSortKey>;
  limit?: number;
  offset?: number;
}

// Each key's column (an index orders its rows by it, then id: migration 0150), and its natural order.
const customerSortSql: Record<CustomerSortKey, string> = {
  createdAt: 'created_at',
  name: 'name COLLATE NOCASE',
  phone: 'phone',
  // Not a column: byActiveUntil reads it off subscriptions_expiry.
  activeUntil: 'id',
};
const customerSortIndex: Record<Exclude<CustomerSortKey, 'activeUntil'>, string> = {
  createdAt: 'customers_created',
  name: 'customers_name',
  phone: 'sqlite_autoindex_customers_1',
};
/** Matches above which a search walks the sort's index instead of the search's (see list). */
const BROAD_SEARCH = 2000;
const customerSortDefaults: Record<CustomerSortKey, SortDir> = { createdAt: 'desc', name: 'asc', phone: 'asc', activeUntil: 'desc' };

export type BindResult = 'bound' | 'already' | 'taken';

/** Customers (one per phone number) and their devices (one customer per MAC). */
export function createCustomers(deps: Pick<CoreDeps, 'db' | 'clock' | 'secrets' | 'events'>, subscriptions: Subscriptions) {
  const { db, clock, secrets, events } = deps;
  const byId = db.prepare<[number], CustomerRow>('SELECT * FROM customers WHERE id = ?');
  const byPhone = db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE phone = ?');
  // Lean lookups for RADIUS accounting (one per session start): ids only.
  const idOfPhone = db.prepare<[string], { id: number }>('SELECT id FROM customers WHERE phone = ?');
  const ownerOfMac = db.prepare<[string], { customer_id: number }>('SELECT customer_id FROM devices WHERE mac = ?');
  const devicesOf = db.prepare<[number], DeviceRow>('SELECT * FROM devices WHERE customer_id = ? ORDER BY id');
  const deviceByMac = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE mac = ?');
  // Prepared once: bindDevice runs on a customer's first RADIUS login from a device.
  const insertDevice = db.prepare<[string, number, string | null, number, number | null]>(
    'INSERT OR IGNORE INTO devices (mac, customer_id, label, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
  );
  const activeSummary = db.prepare<[number], { package_name: string; expires_at: number | null }>(
    "SELECT package_name, expires_at FROM subscriptions WHERE customer_id = ? AND status = 'active'",
  );

  function row(id: number): CustomerRow {
    const r = byId.get(id);
    if (!r) throw notFound(`customer ${id}`);
    return r;
  }

  function summary(r: CustomerRow): CustomerSummary {
    const a = activeSummary.get(r.id);
    return {
      id: r.id,
      phone: r.phone,
      localPhone: toLocalPhone(r.phone),
      name: r.name,
      status: r.status,
      hasPin: r.pin_hash != null,
      activePackage: a?.package_name ?? null,
      activeUntil: a?.expires_at ?? null,
      createdAt: r.created_at,
    };
  }

  function full(id: number): Customer {
    subscriptions.settle(id);
    const r = row(id);
    const now = clock.now();
    return {
      ...summary(r),
      subscriptions: subscriptions.listForCustomer(id).map((s) => toSubscription(s, now)),
      devices: devicesOf.all(id).map(toDevice),
      hotspotUsername: toLocalPhone(r.phone),
      hotspotPassword: secrets.decrypt(r.hotspot_password_enc),
    };
  }

  /**
   * Sorted by the active package's end: customers with one, in the order of subscriptions_expiry
   * (status, expires_at), then those without, newest first; both read in index order, so no sort
   * of the whole table. The filter applies to customers inside the subquery (its columns unqualified).
   */
  function byActiveUntil(w: ReturnType<typeof whereClause>, dir: SortDir, limit: number, offset: number): CustomerRow[] {
    const d = dir === 'asc' ? 'ASC' : 'DESC';
    const withActive = `FROM subscriptions s JOIN (SELECT * FROM customers ${w.sql}) c ON c.id = s.customer_id WHERE s.status = 'active'`;
    // Unfiltered, the count is subscriptions_expiry's alone (every subscription has its customer).
    const nActive = w.sql
      ? db.prepare<(string | number)[], number>(`SELECT COUNT(*) ${withActive}`).pluck().get(...w.args)!
      : db.prepare<[], number>("SELECT COUNT(*) FROM subscriptions WHERE status = 'active'").pluck().get()!;
    const rows: CustomerRow[] = [];
    if (offset < nActive) {
      rows.push(
        ...db
          .prepare<(string | number)[], CustomerRow>(`SELECT c.* ${withActive} ORDER BY s.expires_at ${d}, s.id ${d} LIMIT ? OFFSET ?`)
          .all(...w.args, limit, offset),
      );
    }
    if (rows.length < limit) {
      const none = `NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = customers.id AND s.status = 'active')`;
      rows.push(
        ...db
          .prepare<(string | number)[], CustomerRow>(`SELECT * FROM customers ${w.sql ? `${w.sql} AND` : 'WHERE'} ${none} ORDER BY id DESC LIMIT ? OFFSET ?`)
          .all(...w.args, limit - rows.length, Math.max(0, offset - nActive)),
      );
    }
    return rows;
  }

  function create(phone: string, opts: { name?: string | null; pin?: string } = {}): number {
    const now = clock.now();
    const { lastInsertRowid } = db
      .prepare('INSERT INTO customers (phone, name, pin_hash, hotspot_password_enc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(phone, opts.name ?? null, opts.pin ? hashSecret(opts.pin) : null, secrets.encrypt(generateHotspotPassword()), now, now);
    return Number(lastInsertRowid);
  }

  return {
    get: full,

    getByPhone(phone: string): Customer {
      const r = byPhone.get(phone);
      if (!r) throw notFound(`customer with phone ${phone}`);
      return full(r.id);
    },

    findIdByPhone(phone: string): number | null {
      return idOfPhone.get(phone)?.id ?? null;
    },

    /** The customer a device MAC is bound to, or null. */
    findIdByMac(mac: string): number | null {
      return ownerOfMac.get(mac)?.customer_id ?? null;
    },

    /** The customer id for a phone, creating the customer on first sight (sales, vouchers, portal). */
    ensure(phone: string): number {
      return idOfPhone.get(phone)?.id ?? create(phone);
    },

    create(phone: string, opts: { name?: string; pin?: string } = {}): Customer {
      if (byPhone.get(phone)) throw new AppError('conflict', `phone: a customer with ${toLocalPhone(phone)} already exists`, { field: 'phone' });
      return full(create(phone, opts));
    },

    list(f: CustomerListFilter): Page<CustomerSummary> {
      const w = whereClause().add(f.status, 'status = ?', f.status!);
      const search = f.search?.trim();
      if (search) {
        // A name prefix (any case), or a number in any of the forms owners type (017…, +88017…).
        const byName = prefixRange('name COLLATE NOCASE', search);
        const e164 = phonePrefix(search);
        const byPhone = e164 ? prefixRange('phone', e164) : null;
        w.add(true, byPhone ? `(${byName.sql} OR ${byPhone.sql})` : byName.sql, ...byName.args, ...(byPhone?.args ?? []));
      }
      const by = f.sort?.by ?? 'createdAt';
      const dir = f.sort?.dir ?? customerSortDefaults[by];
      const limit = f.limit ?? 100;
      const offset = f.offset ?? 0;
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM customers ${w.sql}`).get(...w.args) as { n: number }).n;
      if (by === 'activeUntil') return { items: byActiveUntil(w, dir, limit, offset).map(summary), total };
      // A broad prefix (017… matches most of a shop's customers) is read off the sort's own index,
      // filtered as it goes: a page turns up within a few hundred rows, where gathering every match
      // through the search's index to sort them all costs ~80 ms at 50,000 (docs/performance.md).
      const walk = search && total > BROAD_SEARCH ? `INDEXED BY ${customerSortIndex[by]}` : '';
      const items = db
        .prepare<(string | number)[], CustomerRow>(`SELECT * FROM customers ${walk} ${w.sql} ${orderBy(customerSortSql[by], 'id', dir)} LIMIT ? OFFSET ?`)
        .all(...w.args, limit, offset)
        .map(summary);
      return { items, total };
    },

    update(id: number, patch: { name?: string | null; status?: 'active' | 'disabled'; pin?: string; resetHotspotPassword?: boolean }): Customer {
      const before = row(id);
      const now = clock.now();
      events.tx(() => {
        if (patch.name !== undefined) db.prepare('UPDATE customers SET name = ?, updated_at = ? WHERE id = ?').run(patch.name, now, id);
        if (patch.status) db.prepare('UPDATE customers SET status = ?, updated_at = ? WHERE id = ?').run(patch.status, now, id);
        if (patch.pin) db.prepare('UPDATE customers SET pin_hash = ?, updated_at = ? WHERE id = ?').run(hashSecret(patch.pin), now, id);
        if (patch.resetHotspotPassword) {
          db.prepare('UPDATE customers SET hotspot_password_enc = ?, updated_at = ? WHERE id = ?').run(secrets.encrypt(generateHotspotPassword()), now, id);
        }
        if (patch.status === 'disabled' && before.status !== 'disabled') {
          events.afterCommit('customer.disabled', { customerId: id });
        }
      });
      return full(id);
    },

    isDisabled(id: number): boolean {
      return row(id).status === 'disabled';
    },

    checkPin(id: number, pin: string): boolean {
      const r = row(id);
      return r.pin_hash != null && verifySecret(pin, r.pin_hash);
    },

    hotspotPassword(id: number): string {
      return secrets.decrypt(row(id).hotspot_password_enc);
    },

    addDevice(customerId: number, mac: string, label?: string): Device {
      row(customerId);
      const existing = deviceByMac.get(mac);
      if (existing) {
        if (existing.customer_id !== customerId) throw new AppError('MAC_TAKEN', undefined, { field: 'mac' });
        return toDevice(existing);
      }
      insertDevice.run(mac, customerId, label ?? null, clock.now(), null);
      return toDevice(deviceByMac.get(mac)!);
    },

    /**
     * Binds a MAC to a customer after a successful credential login (RADIUS). Never moves a MAC
     * that belongs to someone else: that needs the owner (a phone can change hands).
     */
    bindDevice(customerId: number, mac: string): BindResult {
      const existing = deviceByMac.get(mac);
      if (existing) return existing.customer_id === customerId ? 'already' : 'taken';
      const now = clock.now();
      insertDevice.run(mac, customerId, null, now, now);
      return 'bound';
    },

    removeDevice(sel: { customerId: number; mac: string } | { id: number }): void {
      const res =
        'id' in sel
          ? db.prepare('DELETE FROM devices WHERE id = ?').run(sel.id)
          : db.prepare('DELETE FROM devices WHERE customer_id = ? AND mac = ?').run(sel.customerId, sel.mac);
      if (res.changes === 0) throw notFound('device');
    },

    count(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n;
    },
  };
}

export type Customers = ReturnType<typeof createCustomers>;
