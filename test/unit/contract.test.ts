import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../src-shared/api';
import { REDACTED, redactPaths } from '../../src-shared/api/redact';
import { fieldPaths, secretSamples } from '../helpers/contractSamples';

const methods = Object.keys(contract) as Method[];

// Words that make a field look like a secret (split from camelCase: storePasswd → store, passwd).
const SECRET_WORDS = new Set(['password', 'passwd', 'pass', 'pin', 'secret', 'code', 'token', 'key', 'otp', 'credential', 'credentials', 'salt']);
/** Fields named like a secret that are not one: say why, or declare the field secret. */
const NOT_SECRET: Partial<Record<Method, Record<string, string>>> = {
  'customers.update': { resetHotspotPassword: 'a yes/no flag; the new password is made by the engine' },
  'customers.sellPackage': { idempotencyKey: 'a per-form nonce that only deduplicates a double click' },
  'settings.update': {
    otp: 'the section of OTP limits, not a code',
    'otp.pinMaxAttempts': 'a count of tries',
    'otp.pinLockMinutes': 'a duration',
    'bkash.appKey': 'bKash sends the app key in a header beside the secret; issue #10 lists it as non-secret',
    'nagad.gatewayPublicKey': "Nagad's public key",
  },
  'gateways.configure': {
    appKey: 'bKash sends the app key in a header beside the secret; issue #10 lists it as non-secret',
    gatewayPublicKey: "Nagad's public key",
  },
};

function words(field: string): string[] {
  return field.split(/(?=[A-Z])|[_\-.]/).map((w) => w.toLowerCase());
}

describe('the admin API contract', () => {
  it('declares every method a query or a command, with a list of secret fields', () => {
    expect(methods.length).toBeGreaterThan(30);
    for (const m of methods) {
      expect(['query', 'command'], m).toContain(contract[m].kind);
      expect(Array.isArray(contract[m].secret), m).toBe(true);
    }
  });

  it('keeps what was audited before the declarations: reads are queries, changes are commands', () => {
    const queries: Method[] = [
      'packages.list', 'customers.list', 'customers.get', 'vouchers.list', 'payments.list', 'routers.list', 'zones.list',
      'settings.get', 'dashboard.summary', 'sessions.list', 'authLog.list', 'radius.status',
      'routers.test', 'routers.plan', 'routers.walledGarden', 'routers.activeSessions', 'routers.diagnose',
    ];
    const commands: Method[] = [
      'packages.create', 'packages.update', 'packages.archive', 'customers.create', 'customers.update', 'customers.sellPackage',
      'customers.addDevice', 'customers.removeDevice', 'customers.cancelSubscription', 'vouchers.generate', 'vouchers.disableBatch',
      'vouchers.redeem', 'routers.create', 'routers.update', 'routers.remove', 'zones.create', 'settings.update', 'sessions.kick',
      'routers.configure', 'routers.pushWalledGarden', 'routers.addWalledGardenEntry', 'routers.removeWalledGardenEntry', 'routers.kick',
    ];
    for (const m of queries) expect(contract[m].kind, m).toBe('query');
    for (const m of commands) expect(contract[m].kind, m).toBe('command');
  });

  it('declares secret every field named like one (password, pin, secret, code, token, key …)', () => {
    const undeclared: string[] = [];
    for (const m of methods) {
      const declared = new Set(contract[m].secret);
      for (const path of fieldPaths(contract[m].input)) {
        const field = path.split('.').pop() ?? path;
        if (!words(field).some((w) => SECRET_WORDS.has(w))) continue;
        if (declared.has(path) || NOT_SECRET[m]?.[path]) continue;
        undeclared.push(`${m}: ${path}`);
      }
    }
    expect(undeclared, 'declare these in the method: command<…>()(schema, { secret: [...] }), or add them to NOT_SECRET with a reason').toEqual([]);
  });

  it('declares only secret paths that are fields of the input', () => {
    for (const m of methods) {
      const paths = new Set(fieldPaths(contract[m].input));
      for (const s of contract[m].secret) expect(paths.has(s), `${m}: ${s}`).toBe(true);
    }
  });

  it('has a sample input for each method that declares a secret, valid for its schema', () => {
    const withSecrets = methods.filter((m) => contract[m].secret.length > 0).sort();
    expect(Object.keys(secretSamples).sort()).toEqual(withSecrets);
    for (const [m, input] of Object.entries(secretSamples)) {
      expect(contract[m as Method].input.safeParse(input).success, m).toBe(true);
    }
  });
});

describe('redactPaths', () => {
  it('redacts dotted paths through nested objects, arrays and union shapes without touching the original', () => {
    const input = {
      pin: '1234',
      sms: { apiKey: 'k-1', sender: 'SHOP' },
      gateways: [{ id: 'bkash', appSecret: 's-1' }, { id: 'nagad' }],
      cleared: null,
    };
    const out = redactPaths(input, ['pin', 'sms.apiKey', 'gateways.appSecret', 'cleared', 'absent.field']);
    expect(out).toEqual({
      pin: REDACTED,
      sms: { apiKey: REDACTED, sender: 'SHOP' },
      gateways: [{ id: 'bkash', appSecret: REDACTED }, { id: 'nagad' }],
      cleared: null,
    });
    expect(input.sms.apiKey).toBe('k-1');
    expect(redactPaths([{ code: 'X' }, 'plain'], ['code'])).toEqual([{ code: REDACTED }, 'plain']);
  });
});
