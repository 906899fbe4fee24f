import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { DB_FILE } from '../../src-main/db';
import type { BackupTimer } from '../../src-main/backups';
import { backupFileName, parseBackupFileName } from '../../src-main/backups/names';
import { radiusWorld, until } from '../helpers/radius';
import { testConfig, testEngine } from '../helpers/engine';
import { okFor } from '../helpers/api';
import { tmpDir } from '../helpers/tmp';

const MAC_A = 'AA:BB:CC:00:00:01';
const MAC_B = 'AA:BB:CC:00:00:02';

async function refusal(engine: Engine, method: string, input: unknown) {
  const r = await engine.call(method, input);
  if (r.ok) throw new Error(`${method} was expected to fail`);
  return r.error;
}

/** Everything in the data folder and the backup folder, to show a refusal changed nothing. */
function filesOf(engine: Engine): string[] {
  const dir = engine.config.dataDir;
  const backups = path.join(dir, 'backups');
  const list = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).map((f) => path.join(path.basename(d), f)) : []);
  return [...list(dir), ...list(backups)].sort();
}

describe('backups: create, list, restore', () => {
  it('restores exactly what the backup held, and RADIUS and admin answer on the same engine after it', async () => {
    const w = await radiusWorld();
    const before = await w.customer('01711000001');
    const backup = await w.ok('backups.create');
    expect(backup.file).toBe('hotspotdesk-2026-06-01_12-00-00+0600.db'); // 06:00 UTC in Dhaka
    expect(backup.readable).toBe(true);
    expect(backup.size).toBeGreaterThan(0);
    const after = await w.customer('01711000002');
    expect((await w.nas.login({ username: after.username, password: after.password, method: 'pap', mac: MAC_B, ip: '10.5.50.3' })).accepted).toBe(true);

    const listed = await w.ok('backups.list');
    expect(listed.backups.map((b) => b.file)).toEqual([backup.file]);
    expect(listed.folder).toBe(path.join(w.engine.config.dataDir, 'backups'));
    expect(listed.lastBackupAt).toBe(Date.UTC(2026, 5, 1, 6, 0, 0));

    const oldDb = w.engine.db;
    const result = await w.ok('backups.restore', { file: backup.file });
    expect(result.keptAs).toBe('before-restore-hotspotdesk-2026-06-01_12-00-00+0600.db');
    // The database in use before is kept aside, whole, in the data folder.
    const kept = new Database(path.join(w.engine.config.dataDir, result.keptAs), { readonly: true });
    expect((kept.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(2);
    kept.close();

    // Same engine object, rebuilt on the restored file.
    expect(oldDb.open).toBe(false);
    expect(w.engine.db).not.toBe(oldDb);
    expect(w.engine.status().state).toBe('running');
    expect(w.engine.radius.ports()).toEqual(w.ports);

    // Exactly the data the backup held.
    expect((await w.ok('customers.get', { phone: '01711000001' })).id).toBe(before.customerId);
    expect((await refusal(w.engine, 'customers.get', { phone: '01711000002' })).code).toBe('not_found');
    expect((await w.ok('customers.list')).total).toBe(1);

    // RADIUS on the same ports: the customer from before the backup logs in, the later one is refused.
    expect((await w.nas.login({ username: before.username, password: before.password, method: 'pap', mac: MAC_A, ip: '10.5.50.2' })).accepted).toBe(true);
    expect((await w.nas.login({ username: after.username, password: after.password, method: 'pap', mac: MAC_B, ip: '10.5.50.3' })).accepted).toBe(false);

    // Admin keeps working, writes included, and the restore is audited in the restored database.
    await w.ok('packages.create', { name: 'After restore', price: 1000, validitySeconds: 3600, downloadBps: 1_000_000, uploadBps: 1_000_000 });
    const audit = w.engine.db.prepare('SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 2').all() as Array<{ action: string; detail: string }>;
    expect(audit.map((a) => a.action)).toEqual(['packages.create', 'backups.restore']);
    expect(JSON.parse(audit[1]!.detail)).toEqual({ file: backup.file });
    // The backup itself is still there to restore again.
    expect((await w.ok('backups.list')).backups.map((b) => b.file)).toEqual([backup.file]);
    expect(fs.existsSync(path.join(w.engine.config.dataDir, `${DB_FILE}.restoring`))).toBe(false);
  });

  it('keeps the newest N of its own backups and never touches other files in the folder', async () => {
    const { engine, clock, ok } = await testEngine({ start: true });
    const folder = tmpDir('hsd-backups-');
    await ok('settings.update', { backups: { folder, keep: 3 } });
    const others = ['notes.txt', 'hotspotdesk.db', 'hotspotdesk-old.db', 'hotspotdesk-2026-13-01_00-00-00+0600.db'];
    for (const f of others) fs.writeFileSync(path.join(folder, f), 'not ours');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await ok('backups.create')).file);
      clock.advance(3_600_000);
    }
    // Two in the same second get distinct names.
    clock.advance(-3_600_000);
    made.push((await ok('backups.create')).file);
    expect(made.at(-1)).toBe(`${made.at(-2)!.slice(0, -3)}-2.db`);

    const list = await ok('backups.list');
    expect(list.folder).toBe(folder);
    expect(list.backups.map((b) => b.file)).toEqual([made[5], made[4], made[3]]);
    expect(fs.readdirSync(folder).sort()).toEqual([...others, made[3]!, made[4]!, made[5]!].sort());
    expect(engine.status()).toMatchObject({ backups: { lastBackupAt: clock.now() } });
  });

  it('the next backup removes a half-written copy a killed process left (ours only), and it was never listed', async () => {
    const { ok } = await testEngine({ start: true });
    const folder = tmpDir('hsd-backups-');
    await ok('settings.update', { backups: { folder } });
    // What a SIGKILL during backups.create leaves (seen in npm run stress:crash).
    const left = `${backupFileName(Date.UTC(2026, 0, 1), 'Asia/Dhaka')}.partial`;
    const notOurs = 'family-photos.db.partial';
    for (const f of [left, notOurs]) fs.writeFileSync(path.join(folder, f), 'half a database');
    expect((await ok('backups.list')).backups).toEqual([]);
    const made = await ok('backups.create');
    expect(fs.readdirSync(folder).sort()).toEqual([made.file, notOurs].sort());
  });

  it('refuses a damaged, a foreign and a too-new file, and a name that is not a backup, changing nothing', async () => {
    const w = await radiusWorld();
    await w.customer('01711000001');
    const backup = await w.ok('backups.create');
    await w.customer('01711000002');
    const dir = tmpDir('hsd-bad-');

    const damaged = path.join(dir, 'damaged.db');
    fs.copyFileSync(backup.path, damaged);
    // The schema stays readable (so it passes for ours); the customers table's root page is
    // overwritten, which only integrity_check finds.
    const d = new Database(damaged, { readonly: true });
    const root = (d.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'customers'").get() as { rootpage: number }).rootpage;
    const pageSize = d.pragma('page_size', { simple: true }) as number;
    d.close();
    const bytes = fs.readFileSync(damaged);
    bytes.fill(0x5a, (root - 1) * pageSize, root * pageSize);
    fs.writeFileSync(damaged, bytes);

    const tooNew = path.join(dir, 'too-new.db');
    fs.copyFileSync(backup.path, tooNew);
    const t = new Database(tooNew);
    t.pragma('user_version = 9999');
    t.close();

    const foreign = path.join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (\'hello\')');
    f.close();
    const text = path.join(dir, 'text.db');
    fs.writeFileSync(text, 'these are not the droids you are looking for\n'.repeat(200));

    const filesBefore = filesOf(w.engine);
    const dbBefore = w.engine.db;
    const expectations: Array<[string, string, RegExp]> = [
      [damaged, 'DB_CORRUPT', /That backup is damaged \(database disk image is malformed\)/],
      [tooNew, 'DB_TOO_NEW', /newer HotspotDesk.*9999/],
      [foreign, 'DB_CORRUPT', /not a HotspotDesk one/],
      [text, 'DB_CORRUPT', /not a HotspotDesk backup or is damaged|cannot be opened/],
    ];
    for (const [file, code, message] of expectations) {
      const e = await refusal(w.engine, 'backups.restore', { file });
      expect({ file: path.basename(file), code: e.code }).toEqual({ file: path.basename(file), code });
      expect(e.message).toMatch(message);
    }
    for (const file of ['../backups/x.db', 'backups/hotspotdesk.db', 'notes.txt', '..']) {
      const e = await refusal(w.engine, 'backups.restore', { file });
      expect(e).toMatchObject({ code: 'invalid_input', field: 'file' });
    }
    expect((await refusal(w.engine, 'backups.restore', { file: path.join(w.engine.config.dataDir, DB_FILE) })).code).toBe('invalid_input');
    expect((await refusal(w.engine, 'backups.restore', { file: backupFileName(Date.UTC(2020, 0, 1), 'Asia/Dhaka') })).code).toBe('not_found');

    // Nothing changed: the same database, both customers, no staging copy or kept-aside file.
    expect(w.engine.db).toBe(dbBefore);
    expect(filesOf(w.engine)).toEqual(filesBefore);
    expect((await w.ok('customers.list')).total).toBe(2);
    const listed = (await w.ok('backups.list')).backups;
    expect(listed).toHaveLength(1);
  });

  it('lists an unreadable file of ours as not readable, with the reason', async () => {
    const { ok } = await testEngine({ start: true });
    const good = await ok('backups.create');
    const bad = backupFileName(Date.UTC(2026, 5, 1, 7), 'Asia/Dhaka');
    fs.writeFileSync(path.join(path.dirname(good.path), bad), 'not a database at all'.repeat(100));
    const list = await ok('backups.list');
    expect(list.backups.map((b) => [b.file, b.readable])).toEqual([[bad, false], [good.file, true]]);
    expect(list.backups[0]!.problem).toMatch(/HotspotDesk/);
  });
});

/** A BackupTimer the test fires by hand: no sleeps, the manual clock says what time it is. */
function handTimer() {
  const timers: Array<{ fn: () => void; ms: number; live: boolean }> = [];
  const timer: BackupTimer = {
    set(fn, ms) {
      const t = { fn, ms, live: true };
      timers.push(t);
      return () => {
        t.live = false;
      };
    },
  };
  const armed = () => timers.filter((t) => t.live);
  return {
    timer,
    armed,
    /** Fires the one armed timer and waits until the scheduler has armed the next one. */
    async fire() {
      const live = armed();
      expect(live).toHaveLength(1);
      live[0]!.live = false;
      live[0]!.fn();
      await until(() => armed().length === 1, 'the next backup to be armed');
    },
  };
}

describe('backups: the schedule', () => {
  const engines: Engine[] = [];
  afterEach(async () => {
    for (const e of engines.splice(0)) await e.stop();
  });

  async function scheduled(dataDir: string, start: number) {
    const clock = manualClock(start);
    const hand = handTimer();
    const engine = await createEngine(testConfig({ dataDir }), { clock, log: silentLogger(), backups: { timer: hand.timer, soonMs: 60_000 } });
    engines.push(engine);
    await engine.start();
    const files = () => fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => parseBackupFileName(f));
    return { engine, clock, hand, ok: okFor((m, i) => engine.call(m, i)), files };
  }

  it('runs a missed backup soon after start, then every intervalHours, re-armed when the settings change', async () => {
    const dataDir = tmpDir();
    const t0 = Date.UTC(2026, 5, 1, 6, 0, 0);
    const s = await scheduled(dataDir, t0);
    // Never backed up: one minute after start, not at once and not in 24 hours.
    expect(s.hand.armed().map((t) => t.ms)).toEqual([60_000]);
    expect(s.engine.status()).toMatchObject({ backups: { lastBackupAt: null, nextBackupAt: t0 + 60_000 } });

    // A timer that fires before its time (the clock has not moved) backs nothing up.
    await s.hand.fire();
    expect(fs.existsSync(path.join(dataDir, 'backups'))).toBe(false);
    expect(s.hand.armed().map((t) => t.ms)).toEqual([60_000]);

    s.clock.advance(60_000);
    await s.hand.fire();
    expect(s.files()).toHaveLength(1);
    expect(s.engine.status()).toMatchObject({ backups: { lastBackupAt: t0 + 60_000, nextBackupAt: t0 + 60_000 + 24 * 3_600_000 } });
    expect(s.hand.armed().map((t) => t.ms)).toEqual([24 * 3_600_000]);

    s.clock.advance(24 * 3_600_000);
    await s.hand.fire();
    expect(s.files()).toHaveLength(2);

    // Off: nothing armed. Back on at 2 hours: armed for 2 hours after the last backup.
    await s.ok('settings.update', { backups: { intervalHours: 0 } });
    expect(s.hand.armed()).toHaveLength(0);
    expect(s.engine.status()).toMatchObject({ backups: { nextBackupAt: null } });
    s.clock.advance(30 * 60_000);
    await s.ok('settings.update', { backups: { intervalHours: 2 } });
    expect(s.hand.armed().map((t) => t.ms)).toEqual([90 * 60_000]);

    // A manual backup moves the next scheduled one.
    await s.ok('backups.create');
    expect(s.hand.armed().map((t) => t.ms)).toEqual([2 * 3_600_000]);
  });

  it('after a restart, a backup that fell due while the PC was off runs soon; one not yet due waits', async () => {
    const dataDir = tmpDir();
    const t0 = Date.UTC(2026, 5, 1, 6, 0, 0);
    const first = await scheduled(dataDir, t0);
    await first.ok('backups.create');
    await first.engine.stop();

    // Back 5 hours later: due at t0 + 24 h (read from the file's name), so it waits 19 hours.
    const soon = await scheduled(dataDir, t0 + 5 * 3_600_000);
    expect(soon.hand.armed().map((t) => t.ms)).toEqual([19 * 3_600_000]);
    expect(soon.engine.status()).toMatchObject({ backups: { lastBackupAt: t0 } });
    await soon.engine.stop();

    // Back three days later: overdue, so one minute after start.
    const late = await scheduled(dataDir, t0 + 3 * 24 * 3_600_000);
    expect(late.hand.armed().map((t) => t.ms)).toEqual([60_000]);
    late.clock.advance(60_000);
    await late.hand.fire();
    expect(late.files()).toHaveLength(2);
  });

  it('retries a failed scheduled backup later and says why in status', async () => {
    const dataDir = tmpDir();
    const s = await scheduled(dataDir, Date.UTC(2026, 5, 1, 6, 0, 0));
    // A file where the folder should be: the backup cannot be written.
    const blocked = path.join(tmpDir(), 'not-a-folder');
    fs.writeFileSync(blocked, 'x');
    await s.ok('settings.update', { backups: { folder: blocked } });
    s.clock.advance(60_000);
    await s.hand.fire();
    expect(s.hand.armed().map((t) => t.ms)).toEqual([15 * 60_000]);
    expect(s.engine.status()).toMatchObject({ backups: { lastBackupAt: null, lastError: expect.stringMatching(/could not be written/) } });
    const e = await s.engine.call('backups.create', {});
    expect(e).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED' } });
  });
});
