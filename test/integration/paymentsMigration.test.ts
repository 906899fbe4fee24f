import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db';
import { tmpDir } from '../helpers/tmp';

const MIGRATIONS = path.join(__dirname, '..', '..', 'src-main', 'db', 'migrations');

describe('migration 0120 (payments rebuilt for online payments)', () => {
  it('keeps every payment with its id, and the subscriptions that reference them', () => {
    const old = tmpDir();
    for (const f of fs.readdirSync(MIGRATIONS).filter((f) => f < '0120')) fs.copyFileSync(path.join(MIGRATIONS, f), path.join(old, f));
    const file = path.join(tmpDir(), 'hotspotdesk.db');
    const before = openDatabase(file, { migrationsDir: old });
    before.exec(`
      INSERT INTO customers (id, phone, hotspot_password_enc, created_at, updated_at) VALUES (1, '+8801712345678', 'x', 1, 1);
      INSERT INTO packages (id, name, price, validity_seconds, download_bps, upload_bps, created_at, updated_at) VALUES (1, 'p', 3000, 86400, 1, 1, 1, 1);
      INSERT INTO payments (id, invoice_no, customer_id, package_id, amount, method, status, gateway_ref, created_at, completed_at)
        VALUES (7, 'HD-260601-000007', 1, 1, 3000, 'bkash', 'completed', 'REF-7', 1, 2);
      INSERT INTO subscriptions (customer_id, package_id, payment_id, package_name, price, download_bps, upload_bps, devices, status, created_at)
        VALUES (1, 1, 7, 'p', 3000, 1, 1, 1, 'active', 1);`);
    before.close();

    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT id, status, gateway_ref, problem, trx_id FROM payments').all()).toEqual([{ id: 7, status: 'completed', gateway_ref: 'REF-7', problem: null, trx_id: null }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare('SELECT payment_id FROM subscriptions').all()).toEqual([{ payment_id: 7 }]);
      // Still append-only after the rebuild.
      expect(() => db.prepare('DELETE FROM payments').run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE payments SET status = 'failed' WHERE id = 7").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
