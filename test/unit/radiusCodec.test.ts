import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadVendorDictionaries } from '../../src-main/radius/dictionary';
import { Attr, Code, Mikrotik, Vendor, Wispr } from '../../src-main/radius/attributes';
import { decodePacket, encodePacket, findAttr, getInt, getIp, getString, attrBuffer, type Packet } from '../../src-main/radius/codec';
import {
  chapResponse, decryptUserPassword, encryptUserPassword, signRequest, signResponse, verifyChap,
  verifyMessageAuthenticator, verifyRequestAuthenticator, verifyResponseAuthenticator,
} from '../../src-main/radius/crypto';
import { createDuplicateCache } from '../../src-main/radius/duplicates';
import { fastNormalizeMac, fastNormalizePhone } from '../../src-main/radius/identity';
import { normalizeMac } from '../../src-shared/mac';
import { normalizePhone } from '../../src-shared/phone';
import { credentialsMatch } from '../../src-main/radius/credentials';
import { hmacMd5, md5 } from '../../src-main/radius/md5';

const radius = loadVendorDictionaries();
const SECRET = 'sekret-123';
const S = Buffer.from(SECRET);

function decoded(buf: Buffer): Packet {
  const p = decodePacket(buf);
  if (typeof p === 'string') throw new Error(p);
  return p;
}

describe('md5.ts equals node:crypto', () => {
  it('MD5 and HMAC-MD5 for lengths 0..300, split into parts, keys up to 100 bytes', () => {
    for (let len = 0; len <= 300; len++) {
      const data = crypto.randomBytes(len);
      const cut = crypto.randomInt(len + 1);
      const parts = [data.subarray(0, cut), data.subarray(cut)];
      expect(md5(parts).equals(crypto.createHash('md5').update(data).digest()), `md5 ${len}`).toBe(true);
      const key = crypto.randomBytes(1 + (len % 100));
      expect(hmacMd5(key, parts).equals(crypto.createHmac('md5', key).update(data).digest()), `hmac ${len}`).toBe(true);
    }
  });

  it('MD5 and HMAC-MD5 over many small parts (blocks straddling parts at every alignment) and long inputs', () => {
    for (let len = 0; len <= 200; len++) {
      const data = crypto.randomBytes(len);
      const parts: Buffer[] = [];
      for (let i = 0; i < len || parts.length === 0;) {
        const k = Math.min(len - i, crypto.randomInt(len % 2 ? 8 : 70)); // includes empty parts
        parts.push(data.subarray(i, i + k));
        i += k;
      }
      expect(md5(parts).equals(crypto.createHash('md5').update(data).digest()), `md5 ${len}`).toBe(true);
      const key = crypto.randomBytes(1 + crypto.randomInt(130));
      expect(hmacMd5(key, parts).equals(crypto.createHmac('md5', key).update(data).digest()), `hmac ${len}`).toBe(true);
    }
    const big = crypto.randomBytes(100_003);
    const bigParts = [big.subarray(0, 5), big.subarray(5, 70_001), big.subarray(70_001)];
    expect(md5(bigParts).equals(crypto.createHash('md5').update(big).digest())).toBe(true);
    expect(hmacMd5(S, bigParts).equals(crypto.createHmac('md5', S).update(big).digest())).toBe(true);
  });
});

describe('codec against node-radius (an independent implementation)', () => {
  it('decodes what node-radius encodes: strings, ints, IPs, VSAs, MA, PAP', () => {
    const buf = radius.encode({
      code: 'Access-Request', identifier: 77, secret: SECRET, add_message_authenticator: true,
      attributes: [
        ['User-Name', '01712345678'], ['User-Password', 'a-password-longer-than-16-bytes!'], ['NAS-IP-Address', '10.0.0.1'],
        ['NAS-Port-Type', 'Wireless-802.11'], ['Calling-Station-Id', '30:39:26:86:CC:EA'],
        ['Vendor-Specific', 'Mikrotik', [['Mikrotik-Host-IP', '10.5.50.9'], ['Mikrotik-Realm', 'shop']]],
        ['Vendor-Specific', 'WISPr', [['WISPr-Location-Name', 'Dhaka']]],
      ],
    });
    const p = decoded(buf);
    expect(p.code).toBe(Code.AccessRequest);
    expect(p.identifier).toBe(77);
    expect(getString(p, Attr.UserName)).toBe('01712345678');
    expect(getIp(p, Attr.NasIpAddress)).toBe('10.0.0.1');
    expect(getInt(p, Attr.NasPortType)).toBe(19);
    expect(getIp(p, Mikrotik.HostIp, Vendor.Mikrotik)).toBe('10.5.50.9');
    expect(getString(p, Mikrotik.Realm, Vendor.Mikrotik)).toBe('shop');
    expect(getString(p, Wispr.LocationName, Vendor.WISPr)).toBe('Dhaka');
    const pw = findAttr(p, Attr.UserPassword)!;
    expect(decryptUserPassword(attrBuffer(p, pw), S, p.authenticator)).toBe('a-password-longer-than-16-bytes!');
    const ma = findAttr(p, Attr.MessageAuthenticator)!;
    expect(verifyMessageAuthenticator(p.raw, ma.start, S)).toBe(true);
    expect(verifyMessageAuthenticator(p.raw, ma.start, Buffer.from('other'))).toBe(false);
  });

  it('node-radius verifies the responses we sign (authenticator + Message-Authenticator) and reads VSAs', () => {
    const req = radius.encode({ code: 'Access-Request', identifier: 9, secret: SECRET, add_message_authenticator: true, attributes: [['User-Name', 'u'], ['Proxy-State', Buffer.from('ps1')]] });
    const p = decoded(req);
    const { packet, maOffset } = encodePacket(Code.AccessAccept, p.identifier, p.authenticator, [
      { type: Attr.SessionTimeout, value: 3600 },
      { type: Attr.Class, value: '42' },
      { type: Mikrotik.RateLimit, vendor: Vendor.Mikrotik, value: '2M/5M' },
      { type: Mikrotik.TotalLimitGigawords, vendor: Vendor.Mikrotik, value: 3 },
      { type: Attr.FramedIpAddress, value: { ip: '10.1.2.3' } },
      { type: Attr.ReplyMessage, value: '' }, // empty: omitted, never a zero-length attribute
    ], { messageAuthenticator: true, rawAttrs: [{ type: Attr.ProxyState, value: Buffer.from('ps1') }] });
    signResponse(packet, maOffset, S);
    expect(radius.verify_response({ request: req, response: Buffer.from(packet), secret: SECRET })).toBe(true);
    expect(verifyResponseAuthenticator(packet, p.authenticator, S)).toBe(true);
    const d = radius.decode({ packet, secret: SECRET });
    expect(d.code).toBe('Access-Accept');
    expect(d.attributes['Session-Timeout']).toBe(3600);
    expect(d.attributes['Vendor-Specific']).toEqual({ 'Mikrotik-Rate-Limit': '2M/5M', 'Mikrotik-Total-Limit-Gigawords': 3 });
    expect(d.attributes['Proxy-State'].toString()).toBe('ps1');
    expect(d.attributes['Reply-Message']).toBeUndefined();
    // Message-Authenticator goes first (BlastRADIUS hardening).
    expect(packet[20]).toBe(Attr.MessageAuthenticator);
    // A flipped bit anywhere breaks it.
    packet[packet.length - 1] = packet[packet.length - 1]! ^ 1;
    expect(radius.verify_response({ request: req, response: Buffer.from(packet), secret: SECRET })).toBe(false);
  });

  it('request authenticators (accounting, disconnect) match node-radius both ways', () => {
    const acct = radius.encode({ code: 'Accounting-Request', identifier: 1, secret: SECRET, attributes: [['Acct-Status-Type', 'Start'], ['Acct-Session-Id', 'x']] });
    expect(verifyRequestAuthenticator(acct, S)).toBe(true);
    expect(verifyRequestAuthenticator(acct, Buffer.from('nope'))).toBe(false);
    const { packet } = encodePacket(Code.DisconnectRequest, 5, Buffer.alloc(16), [{ type: Attr.AcctSessionId, value: '80f00003' }]);
    signRequest(packet, -1, S);
    const d = radius.decode({ packet, secret: SECRET }); // throws if the authenticator is wrong
    expect(d.attributes['Acct-Session-Id']).toBe('80f00003');
  });

  it('the numbers in attributes.ts match resources/dictionary.* as node-radius loads them', () => {
    expect(radius.vendor_name_to_id('Mikrotik')).toBe(String(Vendor.Mikrotik));
    expect(radius.vendor_name_to_id('WISPr')).toBe(String(Vendor.WISPr));
    const mk: Record<string, number> = {
      'Mikrotik-Recv-Limit': Mikrotik.RecvLimit, 'Mikrotik-Xmit-Limit': Mikrotik.XmitLimit, 'Mikrotik-Group': Mikrotik.Group,
      'Mikrotik-Rate-Limit': Mikrotik.RateLimit, 'Mikrotik-Realm': Mikrotik.Realm, 'Mikrotik-Host-IP': Mikrotik.HostIp,
      'Mikrotik-Recv-Limit-Gigawords': Mikrotik.RecvLimitGigawords, 'Mikrotik-Xmit-Limit-Gigawords': Mikrotik.XmitLimitGigawords,
      'Mikrotik-Total-Limit': Mikrotik.TotalLimit, 'Mikrotik-Total-Limit-Gigawords': Mikrotik.TotalLimitGigawords,
      'Mikrotik-Address-List': Mikrotik.AddressList,
    };
    for (const [name, n] of Object.entries(mk)) expect(radius.attr_name_to_id(name, Vendor.Mikrotik), name).toBe(String(n));
    for (const [name, n] of Object.entries({ 'WISPr-Location-ID': Wispr.LocationId, 'WISPr-Location-Name': Wispr.LocationName, 'WISPr-Logoff-URL': Wispr.LogoffUrl })) {
      expect(radius.attr_name_to_id(name, Vendor.WISPr), name).toBe(String(n));
    }
    const std: Record<string, number> = {
      'User-Name': Attr.UserName, 'User-Password': Attr.UserPassword, 'CHAP-Password': Attr.ChapPassword, 'Class': Attr.Class,
      'Session-Timeout': Attr.SessionTimeout, 'Idle-Timeout': Attr.IdleTimeout, 'Calling-Station-Id': Attr.CallingStationId,
      'Acct-Status-Type': Attr.AcctStatusType, 'Acct-Input-Gigawords': Attr.AcctInputGigawords, 'Acct-Output-Gigawords': Attr.AcctOutputGigawords,
      'CHAP-Challenge': Attr.ChapChallenge, 'Acct-Interim-Interval': Attr.AcctInterimInterval, 'Message-Authenticator': Attr.MessageAuthenticator,
      'Event-Timestamp': Attr.EventTimestamp, 'Error-Cause': Attr.ErrorCause, 'NAS-Port-Id': Attr.NasPortId, 'Proxy-State': Attr.ProxyState,
    };
    for (const [name, n] of Object.entries(std)) expect(radius.attr_name_to_id(name), name).toBe(String(n));
  });
});

describe('decoder never throws and classifies bad input', () => {
  it('too short, bad length, oversized, bad attribute; padding after Length is ignored', () => {
    expect(decodePacket(Buffer.alloc(19))).toBe('too_short');
    const b = Buffer.alloc(20);
    b.writeUInt16BE(19, 2);
    expect(decodePacket(b)).toBe('bad_length');
    b.writeUInt16BE(21, 2);
    expect(decodePacket(b)).toBe('bad_length');
    expect(decodePacket(Buffer.alloc(4097))).toBe('oversized');
    const zeroLenAttr = Buffer.concat([Buffer.alloc(20), Buffer.from([1, 0])]);
    zeroLenAttr.writeUInt16BE(22, 2);
    expect(decodePacket(zeroLenAttr)).toBe('bad_attribute');
    const overrun = Buffer.concat([Buffer.alloc(20), Buffer.from([1, 9, 65])]);
    overrun.writeUInt16BE(23, 2);
    expect(decodePacket(overrun)).toBe('bad_attribute');
    const padded = Buffer.concat([Buffer.alloc(20), Buffer.from([1, 3, 65]), Buffer.from('garbage')]);
    padded.writeUInt16BE(23, 2);
    const p = decoded(padded);
    expect(p.raw.length).toBe(23);
    expect(getString(p, Attr.UserName)).toBe('A');
  });

  it('a VSA in a non-standard layout is kept whole instead of failing the packet', () => {
    const vsa = Buffer.from([26, 9, 0, 0, 0x3a, 0x8c, 8, 200, 1]); // sub-attribute length overruns
    const pkt = Buffer.concat([Buffer.alloc(20), vsa]);
    pkt.writeUInt16BE(pkt.length, 2);
    const p = decoded(pkt);
    expect(p.attrs).toEqual([{ type: 26, vendor: 0, start: 22, end: 29 }]);
  });

  it('100,000 random buffers and mutations of valid packets: no throw', () => {
    const seed = radius.encode({ code: 'Access-Request', identifier: 1, secret: SECRET, add_message_authenticator: true, attributes: [['User-Name', 'x'], ['User-Password', 'y'], ['Vendor-Specific', 'Mikrotik', [['Mikrotik-Realm', 'r']]]] });
    let ok = 0;
    for (let i = 0; i < 100_000; i++) {
      let b: Buffer;
      if (i % 2) b = crypto.randomBytes(crypto.randomInt(0, 200));
      else {
        b = Buffer.from(seed);
        for (let k = crypto.randomInt(1, 6); k > 0; k--) b[crypto.randomInt(b.length)] = crypto.randomInt(256);
      }
      const p = decodePacket(b);
      if (typeof p !== 'string') {
        ok++;
        for (const a of p.attrs) {
          expect(a.start).toBeGreaterThanOrEqual(20);
          expect(a.end).toBeLessThanOrEqual(p.raw.length);
        }
      }
    }
    expect(ok).toBeGreaterThan(0);
  });
});

describe('PAP, CHAP, credentials', () => {
  it('User-Password round-trips for lengths 0..128 and matches node-radius', () => {
    const auth = crypto.randomBytes(16);
    for (const len of [0, 1, 15, 16, 17, 31, 32, 100, 128]) {
      const pw = 'p'.repeat(len);
      const hidden = encryptUserPassword(pw, S, auth);
      expect(hidden.length % 16).toBe(0);
      expect(decryptUserPassword(hidden, S, auth)).toBe(pw);
    }
    // Odd lengths and over-long values are "not a password" (null), never an exception.
    expect(decryptUserPassword(Buffer.alloc(15), S, auth)).toBeNull();
    expect(decryptUserPassword(Buffer.alloc(144), S, auth)).toBeNull();
    // A zero-length attribute is the empty password.
    expect(decryptUserPassword(Buffer.alloc(0), S, auth)).toBe('');
    const viaLib = radius.encode({ code: 'Access-Request', identifier: 3, secret: SECRET, attributes: [['User-Password', 'πassword-ünicode']] });
    const p = decoded(viaLib);
    expect(decryptUserPassword(attrBuffer(p, findAttr(p, Attr.UserPassword)!), S, p.authenticator)).toBe('πassword-ünicode');
  });

  it('CHAP: with CHAP-Challenge or the Request Authenticator; wrong length or password fails', () => {
    const challenge = crypto.randomBytes(16);
    const chap = Buffer.concat([Buffer.of(7), chapResponse(7, 'secret-pw', challenge)]);
    expect(verifyChap(chap, challenge, 'secret-pw')).toBe(true);
    expect(verifyChap(chap, challenge, 'secret-pX')).toBe(false);
    expect(verifyChap(chap.subarray(0, 16), challenge, 'secret-pw')).toBe(false);
    expect(credentialsMatch({ kind: 'chap', chapPassword: chap, challenge }, 'secret-pw')).toBe(true);
    expect(credentialsMatch({ kind: 'pap', password: 'a' }, 'a')).toBe(true);
    expect(credentialsMatch({ kind: 'pap', password: 'a' }, 'ab')).toBe(false);
    expect(credentialsMatch({ kind: 'pap', password: null }, '')).toBe(false);
    expect(credentialsMatch({ kind: 'none' }, '')).toBe(false);
  });
});

describe('duplicate cache (RFC 5080)', () => {
  it('same key + authenticator within the window is a duplicate; a new authenticator is a new request', () => {
    let t = 0;
    const c = createDuplicateCache(1000, () => t);
    const a1 = Buffer.alloc(16, 1);
    const a2 = Buffer.alloc(16, 2);
    expect(c.begin('k', a1).state).toBe('new');
    expect(c.begin('k', a1).state).toBe('pending');
    c.finish('k', a1, Buffer.from('reply'));
    expect(c.begin('k', a1)).toEqual({ state: 'done', reply: Buffer.from('reply') });
    expect(c.begin('k', a2).state).toBe('new'); // id reused with a new authenticator
    expect(c.begin('k', a1).state).toBe('new'); // the old one was replaced
    c.abort('k', a1);
    expect(c.begin('k', a1).state).toBe('new');
    t = 1000;
    expect(c.begin('other', a1).state).toBe('new');
    expect(c.size()).toBe(1); // 'k' expired and was evicted
  });

  it('stays bounded by (source, identifier) under load', () => {
    const c = createDuplicateCache(60_000, () => 0);
    for (let i = 0; i < 100_000; i++) {
      const key = `a|127.0.0.1|5000|${i & 0xff}`;
      c.begin(key, crypto.randomBytes(16));
    }
    expect(c.size()).toBe(256);
  });
});

describe('hot-path identity parsing (identity.ts) matches src-shared exactly', () => {
  it('fastNormalizeMac and fastNormalizePhone return what normalizeMac and normalizePhone return', () => {
    const inputs = [
      '', ' ', 'AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff', 'AA-BB-CC-DD-EE-FF', 'aabb.ccdd.eeff', 'AABBCCDDEEFF',
      ' AA:BB:CC:DD:EE:FF', 'AA:BB:CC:DD:EE:FF ', 'AA:BB-CC:DD:EE:FF', 'AA:BB:CC:DD:EE:FG', 'AA:BB:CC:DD:EE',
      '001122334455', '01712345678', ' 01712345678', '01712345678 ', '01212345678', '+8801712345678', '8801712345678',
      '1712345678', '017-1234-5678', '০১৭১২৩৪৫৬৭৮', '0171234567', '017123456789', 'user', '\u00a0AABBCCDDEEFF',
    ];
    const rnd = () => Array.from({ length: 1 + Math.floor(Math.random() * 18) }, () => '0123456789abcdefABCDEF:-. +'[Math.floor(Math.random() * 27)]).join('');
    for (let i = 0; i < 5000; i++) inputs.push(rnd());
    for (const s of inputs) {
      expect(fastNormalizeMac(s), JSON.stringify(s)).toEqual(normalizeMac(s));
      expect(fastNormalizePhone(s), JSON.stringify(s)).toEqual(normalizePhone(s));
    }
  });
});

describe('duplicate cache with numeric keys (as protocol.ts uses it)', () => {
  it('reuses the entry for a new authenticator without answering from the old one', () => {
    let t = 0;
    const c = createDuplicateCache(1000, () => t);
    const a1 = Buffer.alloc(16, 1);
    const a2 = Buffer.alloc(16, 2);
    expect(c.begin(7, a1).state).toBe('new');
    c.finish(7, a1, Buffer.from('r1'));
    expect(c.begin(7, a2).state).toBe('new');
    expect(c.begin(7, a2).state).toBe('pending'); // the entry now holds a2, not a1's reply
    c.finish(7, a2, Buffer.from('r2'));
    expect(c.begin(7, a2)).toEqual({ state: 'done', reply: Buffer.from('r2') });
    expect(c.begin(7, a1).state).toBe('new');
    t = 999;
    expect(c.begin(7, a1).state).toBe('pending');
    t = 2000; // past the window: not answered from the stale entry even before it is evicted
    expect(c.begin(7, a1).state).toBe('new');
    expect(c.size()).toBe(1);
  });
});
