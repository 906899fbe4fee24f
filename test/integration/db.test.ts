import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadMigrations, openDatabase, schemaVersion } from '../../src-main/db';
import { tmpDir } from '../helpers/tmp';

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('database migrations', () => {
  it('creates every table on a fresh database, WAL and foreign keys on', () => {
    const db = openDatabase(path.join(tmpDir(), 'h.db'));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r: any) => r.name);
    for (const t of ['routers', 'zones', 'packages', 'customers', 'devices', 'subscriptions', 'payments', 'vouchers', 'voucher_batches',
      'sessions', 'otp_challenges', 'sms_outbox', 'auth_log', 'audit_log', 'settings', 'admin_users', 'disconnects']) {
      expect(tables).toContain(t);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(loadMigrations().at(-1)!.version);
    db.close();
  });

  it('upgrades an older database, keeping its data, and re-opening changes nothing', () => {
    const dir = tmpDir();
    const migDir = path.join(dir, 'mig');
    fs.mkdirSync(migDir);
    for (const m of loadMigrations()) fs.writeFileSync(path.join(migDir, m.name), m.sql);
    const file = path.join(dir, 'h.db');
    let db = openDatabase(file, { migrationsDir: migDir });
    db.prepare("INSERT INTO zones (name, created_at) VALUES ('old', 1)").run();
    const before = schemaVersion(db);
    db.close();
    fs.writeFileSync(path.join(migDir, '9990_test_upgrade.sql'), 'ALTER TABLE zones ADD COLUMN note TEXT;');
    db = openDatabase(file, { migrationsDir: migDir });
    expect(schemaVersion(db)).toBe(9990);
    expect(before).toBeLessThan(9990);
    expect(db.prepare('SELECT name, note FROM zones').all()).toEqual([{ name: 'old', note: null }]);
    db.close();
    db = openDatabase(file, { migrationsDir: migDir });
    expect(schemaVersion(db)).toBe(9990);
    db.close();
  });

  it('a failing migration leaves the previous schema version', () => {
    const dir = tmpDir();
    const migDir = path.join(dir, 'mig');
    fs.mkdirSync(migDir);
    for (const m of loadMigrations()) fs.writeFileSync(path.join(migDir, m.name), m.sql);
    const file = path.join(dir, 'h.db');
    openDatabase(file, { migrationsDir: migDir }).close();
    fs.writeFileSync(path.join(migDir, '9991_broken.sql'), 'CREATE TABLE x (a); THIS IS NOT SQL;');
    expect(() => openDatabase(file, { migrationsDir: migDir })).toThrow();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(loadMigrations().at(-1)!.version);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'x'").get()).toBeUndefined();
    raw.close();
  });

  it('refuses a database from a newer version and leaves it byte-for-byte untouched', () => {
    const file = path.join(tmpDir(), 'h.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x); INSERT INTO future VALUES (1);');
    raw.pragma('user_version = 99999');
    raw.close();
    const hash = sha(file);
    const files = fs.readdirSync(path.dirname(file));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    expect(sha(file)).toBe(hash);
    expect(fs.readdirSync(path.dirname(file))).toEqual(files);
  });

  it('refuses a file that is not a database with DB_CORRUPT', () => {
    const file = path.join(tmpDir(), 'h.db');
    fs.writeFileSync(file, 'this is not sqlite '.repeat(100));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
  });

  it('keeps the payments ledger append-only', () => {
    const db = openDatabase(path.join(tmpDir(), 'h.db'));
    db.prepare("INSERT INTO payments (invoice_no, amount, method, status, created_at) VALUES ('A', 100, 'cash', 'pending', 1)").run();
    db.prepare("UPDATE payments SET status = 'completed', completed_at = 2 WHERE invoice_no = 'A'").run();
    expect(() => db.prepare("UPDATE payments SET status = 'failed' WHERE invoice_no = 'A'").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE payments SET amount = 1 WHERE invoice_no = 'A'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM payments WHERE invoice_no = 'A'").run()).toThrow(/append-only/);
    expect(db.prepare("SELECT amount, status FROM payments").get()).toEqual({ amount: 100, status: 'completed' });
    db.close();
  });
});
