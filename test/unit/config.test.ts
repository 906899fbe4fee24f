import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { parseConfig } from '../../src-main/config';

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
});
