import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { CONFIG_OPTIONS, ENGINE_FLAGS, USAGE, defaultConfig, parseConfig } from '../../src-main/config';

describe('server config', () => {
  it('has the documented defaults', () => {
    const c = parseConfig([], {});
    expect(c).toMatchObject({ adminPort: 8090, adminBind: '127.0.0.1', portalPort: 8080, radiusAuthPort: 1812, radiusAcctPort: 1813, bind: '0.0.0.0' });
    expect(path.isAbsolute(c.dataDir)).toBe(true);
  });

  it('takes env, and flags over env, in both --flag v and --flag=v forms', () => {
    const c = parseConfig(['--admin-port', '9000', '--portal-port=0', '--data-dir', 'rel/dir'], {
      HOTSPOTDESK_ADMIN_PORT: '7000',
      HOTSPOTDESK_RADIUS_AUTH_PORT: '11812',
    });
    expect(c.adminPort).toBe(9000);
    expect(c.portalPort).toBe(0);
    expect(c.radiusAuthPort).toBe(11812);
    expect(c.dataDir).toBe(path.resolve('rel/dir'));
  });

  it('names the bad flag', () => {
    expect(() => parseConfig(['--admin-port', 'abc'], {})).toThrow(/--admin-port/);
    expect(() => parseConfig(['--admin-port', '70000'], {})).toThrow(/--admin-port/);
    expect(() => parseConfig(['--nope'], {})).toThrow(/--nope: unknown option/);
    expect(() => parseConfig(['--data-dir'], {})).toThrow(/--data-dir: needs a value/);
  });

  it('USAGE lists every option with its flag, env variable and default', () => {
    const options = Object.values(CONFIG_OPTIONS);
    expect(options.length).toBe(Object.keys(defaultConfig()).length);
    const lines = USAGE.split('\n').slice(1);
    expect(lines).toHaveLength(options.length);
    for (const o of options) {
      const line = lines.find((l) => l.trimStart().startsWith(`${o.flag} `));
      expect(line, o.flag).toBeDefined();
      expect(line).toContain(`(${o.env}; default ${o.default()})`);
    }
    expect(USAGE).toContain('--portal-port N         captive portal port (HOTSPOTDESK_PORTAL_PORT; default 8080)');
  });

  it('every option is read from its flag and its env variable, into its own key', () => {
    for (const [key, o] of Object.entries(CONFIG_OPTIONS)) {
      const value = o.kind === 'port' ? '4321' : key === 'dataDir' ? path.resolve('/tmp/x') : 'x';
      const expected = o.kind === 'port' ? 4321 : value;
      expect(parseConfig([o.flag, value], {})[key as keyof typeof CONFIG_OPTIONS], o.flag).toBe(expected);
      expect(parseConfig([], { [o.env]: value })[key as keyof typeof CONFIG_OPTIONS], o.env).toBe(expected);
    }
    expect(ENGINE_FLAGS).toEqual(Object.values(CONFIG_OPTIONS).map((o) => o.flag));
  });
});
