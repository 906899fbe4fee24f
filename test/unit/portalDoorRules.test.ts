import { describe, expect, it } from 'vitest';
import { createWindowCounter, postedMac, tooLongField, LONG_FIELD_CHARS } from '../../src-main/portal/limits';
import { inFallbackRange, isAllowedLoginUrl, safeHttpUrl } from '../../src-main/portal/safeUrls';

describe('safeUrls: where the portal may send a phone', () => {
  it('only absolute http(s) URLs are links; javascript:, data: and tricks around them are not', () => {
    expect(safeHttpUrl('http://example.com/a?b=1')).toBe('http://example.com/a?b=1');
    expect(safeHttpUrl(' HTTPS://Example.com ')).toBe('https://example.com/');
    for (const bad of [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'DATA:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox', 'file:///etc/passwd',
      '//evil.example/', '/relative', 'http://', '', ' ', `http://x/${'a'.repeat(1001)}`,
    ]) expect(safeHttpUrl(bad), bad).toBeNull();
    // Attribute breakers come out percent-encoded, never raw.
    expect(safeHttpUrl('http://x/"><script>')).toBe('http://x/%22%3E%3Cscript%3E');
  });

  it('the fallback ranges: RFC 1918, CGNAT 100.64/10, loopback; nothing public', () => {
    for (const ip of ['10.0.0.1', '10.5.50.1', '172.16.0.1', '172.31.255.254', '192.168.88.1', '100.64.0.1', '100.127.255.1', '127.0.0.1']) expect(inFallbackRange(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.15.255.255', '172.32.0.1', '192.169.0.1', '100.63.255.255', '100.128.0.1', '11.0.0.1', '169.254.1.1', 'login.wifi', '::1']) expect(inFallbackRange(ip), ip).toBe(false);
  });

  it('link-login-only: the router\'s known hotspot host only, else a private IPv4 literal', () => {
    expect(isAllowedLoginUrl('http://10.5.50.1/login', null)).toBe(true);
    expect(isAllowedLoginUrl('https://192.168.88.1:8443/login', [])).toBe(true);
    expect(isAllowedLoginUrl('http://203.0.113.9/login', null)).toBe(false);
    expect(isAllowedLoginUrl('http://evil.example/login', null)).toBe(false);
    // A host name that merely starts with a private address is a name, not the address.
    expect(isAllowedLoginUrl('http://10.5.50.1.evil.example/login', null)).toBe(false);
    expect(isAllowedLoginUrl('http://10.5.50.1@evil.example/login', null)).toBe(false);
    expect(isAllowedLoginUrl('javascript:alert(1)', null)).toBe(false);
    // Known: the router's DNS name or address, case-insensitive; a private address it is not is refused.
    expect(isAllowedLoginUrl('http://Login.WiFi/login', ['login.wifi', '10.5.50.1'])).toBe(true);
    expect(isAllowedLoginUrl('http://10.5.50.1/login', ['login.wifi', '10.5.50.1'])).toBe(true);
    expect(isAllowedLoginUrl('http://10.9.9.9/login', ['login.wifi', '10.5.50.1'])).toBe(false);
  });
});

describe('limits: the pure parts', () => {
  it('tooLongField names the first field over its bound; tokens and router URLs have the long bound', () => {
    expect(tooLongField({ phone: '0'.repeat(200) }, 200)).toBeNull();
    expect(tooLongField({ phone: '0'.repeat(201) }, 200)).toEqual({ field: 'phone', max: 200 });
    expect(tooLongField({ code: ['ok', 'x'.repeat(300)] }, 200)).toEqual({ field: 'code', max: 200 });
    expect(tooLongField({ t: 'x'.repeat(3000) }, 200)).toBeNull();
    expect(tooLongField({ verify_key: 'amount,bank_tran_id,'.repeat(30) }, 200)).toBeNull();
    expect(tooLongField({ t: 'x'.repeat(LONG_FIELD_CHARS + 1) }, 200)).toEqual({ field: 't', max: LONG_FIELD_CHARS });
    expect(tooLongField({ ['k'.repeat(201)]: '' }, 200)?.field).toBe(`${'k'.repeat(40)}…`);
  });

  it('postedMac: the token\'s MAC when there is a token, else the router\'s mac field, normalised', () => {
    expect(postedMac({ t: 'tok', mac: '30:39:26:86:cc:ea' }, () => 'AA:BB:CC:DD:EE:FF')).toBe('AA:BB:CC:DD:EE:FF');
    expect(postedMac({ t: 'bad' }, () => null)).toBeNull();
    expect(postedMac({ mac: '30:39:26:86:cc:ea' }, () => null)).toBe('30:39:26:86:CC:EA');
    expect(postedMac({ mac: '---' }, () => null)).toBeNull();
  });

  it('the window counter counts per key, starts again each minute and stays bounded', () => {
    const c = createWindowCounter(60_000, 3);
    const t0 = 120_000;
    expect(c.hit('a', t0).count).toBe(1);
    expect(c.hit('a', t0 + 1000)).toEqual({ count: 2, retryAfterSeconds: 59 });
    expect(c.hit('b', t0).count).toBe(1);
    expect(c.hit('a', t0 + 60_000).count).toBe(1);
    c.hit('x', t0 + 60_000);
    c.hit('y', t0 + 60_000);
    // A fourth key in a full window starts the map again rather than growing it.
    expect(c.hit('z', t0 + 60_000).count).toBe(1);
    expect(c.hit('a', t0 + 60_000).count).toBe(1);
  });
});
