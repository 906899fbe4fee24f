import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../src-shared/api';
import { roleAllows } from '../../src-shared/api/def';
import { afterWrongPassword, isLocked, LOCK_MS } from '../../src-main/admin/auth/lockout';
import { isLoopback } from '../../src-main/admin/auth/caller';

const methods = Object.keys(contract) as Method[];
const withRole = (role: string) => methods.filter((m) => contract[m].role === role).sort();

describe('method roles (issue 11: a cashier sells, redeems cards, prints and views)', () => {
  it('declares a role for every method', () => {
    for (const m of methods) expect(['public', 'cashier', 'owner'], m).toContain(contract[m].role);
  });

  it('lets nobody signed in call anything but sign-in itself', () => {
    expect(withRole('public')).toEqual(['auth.login', 'auth.setup', 'auth.status']);
  });

  it('lets a cashier change only what the counter does: sell, redeem, register a customer and a device', () => {
    const cashierCommands = methods.filter((m) => contract[m].kind === 'command' && contract[m].role === 'cashier').sort();
    expect(cashierCommands).toEqual([
      'auth.changePassword',
      'auth.logout',
      'customers.addDevice',
      'customers.create',
      'customers.sellPackage',
      // A customer at the counter says "I paid": the cashier asks the gateway again / by trx id.
      'payments.recheck',
      'payments.recover',
      'vouchers.redeem',
    ]);
  });

  it('keeps settings, routers, packages, staff, voids and card batches for the owner', () => {
    const owner = new Set(withRole('owner'));
    const mustBeOwner: Method[] = [
      'settings.update', 'routers.create', 'routers.update', 'routers.remove', 'routers.configure', 'routers.pushWalledGarden',
      'routers.addWalledGardenEntry', 'routers.removeWalledGardenEntry', 'routers.kick', 'routers.test', 'routers.plan',
      'routers.diagnose', 'routers.walledGarden', 'packages.create', 'packages.update', 'packages.archive', 'zones.create',
      'customers.update', 'customers.removeDevice', 'customers.cancelSubscription', 'vouchers.generate', 'vouchers.disableBatch',
      'users.create', 'users.list', 'users.disable', 'sms.test', 'sms.outbox', 'sessions.kick',
    ];
    for (const m of mustBeOwner) expect(owner.has(m), m).toBe(true);
    // Every command not listed for the cashier above is the owner's: the default is the safe one.
    for (const m of methods.filter((x) => contract[x].kind === 'command' && contract[x].role === 'owner')) expect(owner.has(m)).toBe(true);
  });

  it('lets a cashier view: the lists and summaries the counter pages read', () => {
    for (const m of ['dashboard.summary', 'customers.list', 'customers.get', 'packages.list', 'vouchers.list', 'payments.list', 'sessions.list', 'authLog.list', 'routers.list', 'routers.activeSessions', 'settings.get'] as Method[]) {
      expect(contract[m].role, m).toBe('cashier');
    }
  });

  it('orders the roles: owner ⊃ cashier ⊃ nobody', () => {
    expect(roleAllows('owner', 'cashier')).toBe(false);
    expect(roleAllows('owner', 'owner')).toBe(true);
    expect(roleAllows('cashier', 'owner')).toBe(true);
    expect(roleAllows('cashier', null)).toBe(false);
    expect(roleAllows('public', null)).toBe(true);
  });
});

describe('lockout rule', () => {
  it('locks on the fifth wrong password in a row and gives five fresh tries after the pause', () => {
    const t = Date.UTC(2026, 5, 1);
    let s = { failedLogins: 0, lockedUntil: null as number | null };
    for (let i = 1; i <= 4; i++) {
      s = afterWrongPassword(s, t);
      expect(s).toEqual({ failedLogins: i, lockedUntil: null });
    }
    s = afterWrongPassword(s, t);
    expect(s).toEqual({ failedLogins: 0, lockedUntil: t + LOCK_MS });
    expect(isLocked(s, t + LOCK_MS - 1)).toBe(true);
    expect(isLocked(s, t + LOCK_MS)).toBe(false);
    expect(afterWrongPassword(s, t + LOCK_MS)).toEqual({ failedLogins: 1, lockedUntil: null });
  });
});

describe('isLoopback', () => {
  it('accepts 127/8, ::1 and IPv4-mapped loopback only', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a), a).toBe(true);
    for (const a of ['192.168.88.10', '::ffff:10.0.0.1', 'fd00::2', '', undefined, '127.0.0.1.example.com']) expect(isLoopback(a), String(a)).toBe(false);
  });
});
