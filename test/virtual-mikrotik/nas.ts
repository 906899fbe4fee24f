import crypto from 'node:crypto';
import dgram from 'node:dgram';
import type { Attribute, DecodedPacket } from 'radius';
import { loadVendorDictionaries } from '../../src-main/radius/dictionary';
import { encryptUserPassword } from '../../src-main/radius/crypto';

/**
 * A MikroTik hotspot as a RADIUS client, in software. It speaks through node-radius (an
 * implementation independent of our server's codec), sends what RouterOS sends (reference §1.2,
 * §1.4: Calling-Station-Id MAC, Called-Station-Id = hotspot server name, 8-hex Acct-Session-Id,
 * NAS-Port-Type Wireless-802.11, Mikrotik-Host-IP, WISPr location, Message-Authenticator) and
 * obeys Disconnect-Request on its CoA port: ACK plus an Accounting Stop (Admin-Reset) for a
 * session it has, NAK (Error-Cause 503) for one it has not. A CoA-Request for a session it has
 * is applied (the session's limits change) and ACKed; `coaRequestMode: 'nak'` refuses CoA while
 * still obeying Disconnect (a router that cannot change a hotspot session's limits).
 */
const radius = loadVendorDictionaries();

export interface NasOptions {
  /** Source address of its packets (the router's NAS IP). Any 127.x.y.z works on Linux loopback. */
  nasIp: string;
  secret: string;
  server: { host: string; authPort: number; acctPort: number };
  identity?: string;
  hotspotServer?: string;
  /** Add Message-Authenticator to Access-Requests (RouterOS ≥ 7.15 default). */
  messageAuthenticator?: boolean;
  /** Retransmit timeout and tries, like /radius timeout. */
  timeoutMs?: number;
  tries?: number;
  /** How to answer Disconnect-Requests: obey (ACK + Stop), nak everything, or ignore (no answer). */
  coaMode?: 'obey' | 'nak' | 'ignore';
  /** How to answer CoA-Requests; defaults to coaMode. */
  coaRequestMode?: 'obey' | 'nak' | 'ignore';
}

export type LoginMethod = 'pap' | 'chap' | 'mac';

/** A CHAP answer computed elsewhere (the phone's browser): ident byte, the challenge, the MD5. */
export interface ChapResponse {
  ident: number;
  challenge: Buffer;
  hash: Buffer;
}

export interface LoginResult {
  accepted: boolean;
  code: string;
  attributes: Record<string, any>;
  vsa: Record<string, any>;
  /** Class from the Accept (the subscription id), echoed in accounting. */
  classValue: string | undefined;
  raw: Buffer;
}

export interface NasSession {
  acctSessionId: string;
  username: string;
  mac: string;
  ip: string;
  classValue?: string;
  input: bigint;
  output: bigint;
  time: number;
  stopped: boolean;
  /** Limits a CoA-Request set on this session (tests read them). */
  limits?: { sessionTimeout?: number; totalLimit?: bigint; rateLimit?: string };
}

/** Limits a RADIUS message carries (Access-Accept or CoA-Request), decoded by node-radius. */
export function limitsOf(attributes: Record<string, any>): NonNullable<NasSession['limits']> {
  const vsa = (attributes['Vendor-Specific'] ?? {}) as Record<string, any>;
  const out: NonNullable<NasSession['limits']> = {};
  if (attributes['Session-Timeout'] !== undefined) out.sessionTimeout = attributes['Session-Timeout'] as number;
  if (vsa['Mikrotik-Total-Limit'] !== undefined) {
    out.totalLimit = BigInt(vsa['Mikrotik-Total-Limit'] as number) + (BigInt((vsa['Mikrotik-Total-Limit-Gigawords'] as number | undefined) ?? 0) << 32n);
  }
  if (vsa['Mikrotik-Rate-Limit'] !== undefined) out.rateLimit = vsa['Mikrotik-Rate-Limit'] as string;
  return out;
}

export interface ReceivedDisconnect {
  attributes: Record<string, any>;
  answered: 'ack' | 'nak' | 'ignored';
}

export class VirtualNas {
  readonly opts: Required<Omit<NasOptions, 'server'>> & { server: NasOptions['server'] };
  private socket: dgram.Socket | null = null;
  private coa: dgram.Socket | null = null;
  private nextId = 0;
  private pending = new Map<number, { resolve: (b: Buffer) => void }>();
  private sessionSeq = 0x80f00000 + crypto.randomInt(0xffff);
  readonly sessions = new Map<string, NasSession>();
  readonly disconnects: ReceivedDisconnect[] = [];
  private disconnectWaiters: Array<(d: ReceivedDisconnect) => void> = [];
  /** CoA-Requests received, answered per coaRequestMode. */
  readonly coas: ReceivedDisconnect[] = [];
  private coaWaiters: Array<(d: ReceivedDisconnect) => void> = [];
  /** Datagrams sent, including retransmits (tests count them). */
  sent = 0;

  constructor(opts: NasOptions) {
    this.opts = {
      identity: 'MikroTik',
      hotspotServer: 'hotspot1',
      messageAuthenticator: true,
      timeoutMs: 1000,
      tries: 3,
      coaMode: 'obey',
      ...opts,
      coaRequestMode: opts.coaRequestMode ?? opts.coaMode ?? 'obey',
    };
  }

  /** Binds the RADIUS client socket and the CoA listener (OS-assigned port, see coaPort()). */
  async start(): Promise<void> {
    this.socket = dgram.createSocket('udp4');
    this.socket.on('message', (m) => {
      const w = this.pending.get(m[1]!);
      if (w) {
        this.pending.delete(m[1]!);
        w.resolve(m);
      }
    });
    await new Promise<void>((r) => this.socket!.bind(0, this.opts.nasIp, r));
    this.coa = dgram.createSocket('udp4');
    this.coa.on('message', (m, rinfo) => this.onCoa(m, rinfo));
    await new Promise<void>((r) => this.coa!.bind(0, this.opts.nasIp, r));
  }

  coaPort(): number {
    return this.coa!.address().port;
  }

  async stop(): Promise<void> {
    const sockets = [this.socket, this.coa];
    this.socket = this.coa = null;
    for (const s of sockets) if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  private allocId(): number {
    for (let i = 0; i < 256; i++) {
      const id = (this.nextId + i) & 0xff;
      if (!this.pending.has(id)) {
        this.nextId = (id + 1) & 0xff;
        return id;
      }
    }
    throw new Error('256 requests in flight');
  }

  /** Sends one datagram and does not wait for an answer (floods, fuzzing, drops). */
  send(packet: Buffer, port: number): Promise<void> {
    this.sent++;
    return new Promise((resolve, reject) => this.socket!.send(packet, port, this.opts.server.host, (err) => (err ? reject(err) : resolve())));
  }

  /** Sends a request and waits for the reply, retransmitting the identical datagram on timeout. */
  async exchange(packet: Buffer, port: number): Promise<Buffer | null> {
    const id = packet[1]!;
    return new Promise((resolve) => {
      let tries = 0;
      let timer: NodeJS.Timeout;
      this.pending.set(id, {
        resolve: (b) => {
          clearTimeout(timer);
          resolve(b);
        },
      });
      const send = () => {
        if (tries++ >= this.opts.tries || !this.socket) {
          this.pending.delete(id);
          resolve(null);
          return;
        }
        this.sent++;
        this.socket!.send(packet, port, this.opts.server.host);
        timer = setTimeout(send, this.opts.timeoutMs);
      };
      send();
    });
  }

  private identityAttrs(mac: string, ip: string): Attribute[] {
    return [
      ['NAS-IP-Address', this.opts.nasIp],
      ['NAS-Identifier', this.opts.identity],
      ['NAS-Port', 2_163_212_291],
      ['NAS-Port-Type', 'Wireless-802.11'],
      ['NAS-Port-Id', 'bridge-hotspot'],
      ['Service-Type', 'Login-User'],
      ['Called-Station-Id', this.opts.hotspotServer],
      ['Calling-Station-Id', mac],
      ['Framed-IP-Address', ip],
      ['Vendor-Specific', 'Mikrotik', [['Mikrotik-Host-IP', ip]]],
      ['Vendor-Specific', 'WISPr', [['WISPr-Logoff-URL', 'http://10.5.50.1/logout']]],
    ];
  }

  /** Builds an Access-Request as a RouterOS hotspot does for each login-by method. */
  buildAccessRequest(a: { username: string; password?: string; method: LoginMethod; mac: string; ip: string; secret?: string; chap?: ChapResponse }): Buffer {
    const id = this.allocId();
    const attrs: Attribute[] = [['User-Name', a.username], ...this.identityAttrs(a.mac, a.ip)];
    const secret = a.secret ?? this.opts.secret;
    if (a.method === 'chap' && a.chap) {
      // The hotspot HTTP front: the browser already hashed with the challenge the router issued.
      attrs.push(['CHAP-Password', Buffer.concat([Buffer.of(a.chap.ident), a.chap.hash])], ['CHAP-Challenge', a.chap.challenge]);
    } else if (a.method === 'chap') {
      // http-chap: the browser hashed MD5(chap-id + password + chap-challenge); the router forwards
      // it with the challenge it issued.
      const ident = crypto.randomInt(256);
      const challenge = crypto.randomBytes(16);
      const hash = crypto.createHash('md5').update(Buffer.of(ident)).update(a.password ?? '').update(challenge).digest();
      attrs.push(['CHAP-Password', Buffer.concat([Buffer.of(ident), hash])], ['CHAP-Challenge', challenge]);
    } else if (a.password) {
      attrs.push(['User-Password', a.password]);
    } else {
      // An empty password travels as one hidden block of padding (RFC 2865 §5.2 pads to 16);
      // node-radius would send a zero-length attribute that it cannot decode itself.
      const authenticator = crypto.randomBytes(16);
      attrs.push([2, encryptUserPassword('', Buffer.from(secret), authenticator)]);
      return radius.encode({ code: 'Access-Request', identifier: id, secret, authenticator, attributes: attrs, add_message_authenticator: this.opts.messageAuthenticator });
    }
    return radius.encode({ code: 'Access-Request', identifier: id, secret, attributes: attrs, add_message_authenticator: this.opts.messageAuthenticator });
  }

  async login(a: { username: string; password?: string; method: LoginMethod; mac: string; ip: string; chap?: ChapResponse }): Promise<LoginResult> {
    const req = this.buildAccessRequest(a);
    const res = await this.exchange(req, this.opts.server.authPort);
    if (!res) throw new Error('no answer to Access-Request');
    // RouterOS (require-message-auth) refuses a response without a valid Message-Authenticator.
    if (!radius.verify_response({ request: req, response: Buffer.from(res), secret: this.opts.secret })) {
      throw new Error('response authenticator / Message-Authenticator does not verify');
    }
    const d = radius.decode({ packet: res, secret: this.opts.secret });
    if (!d.attributes['Message-Authenticator']) throw new Error('response without Message-Authenticator');
    const cls = d.attributes.Class as Buffer | undefined;
    return {
      accepted: d.code === 'Access-Accept',
      code: d.code,
      attributes: d.attributes,
      vsa: d.attributes['Vendor-Specific'] ?? {},
      classValue: cls ? cls.toString('utf8') : undefined,
      raw: res,
    };
  }

  private newSessionId(): string {
    return (this.sessionSeq++ >>> 0).toString(16).padStart(8, '0');
  }

  buildAccounting(s: NasSession, status: 'Start' | 'Interim-Update' | 'Stop' | 'Accounting-On' | 'Accounting-Off', extra: Attribute[] = []): Buffer {
    const attrs: Attribute[] = [['Acct-Status-Type', status], ['Acct-Delay-Time', 0]];
    if (status !== 'Accounting-On' && status !== 'Accounting-Off') {
      attrs.push(['User-Name', s.username], ['Acct-Session-Id', s.acctSessionId], ...this.identityAttrs(s.mac, s.ip));
      if (s.classValue) attrs.push(['Class', Buffer.from(s.classValue)]);
      if (status !== 'Start') {
        attrs.push(
          ['Acct-Session-Time', s.time],
          ['Acct-Input-Octets', Number(s.input & 0xffffffffn)],
          ['Acct-Input-Gigawords', Number(s.input >> 32n)],
          ['Acct-Output-Octets', Number(s.output & 0xffffffffn)],
          ['Acct-Output-Gigawords', Number(s.output >> 32n)],
          ['Acct-Input-Packets', 10],
          ['Acct-Output-Packets', 20],
        );
      }
    } else {
      attrs.push(['NAS-IP-Address', this.opts.nasIp], ['NAS-Identifier', this.opts.identity]);
    }
    attrs.push(...extra);
    return radius.encode({ code: 'Accounting-Request', identifier: this.allocId(), secret: this.opts.secret, attributes: attrs });
  }

  async account(packet: Buffer): Promise<void> {
    const res = await this.exchange(packet, this.opts.server.acctPort);
    if (!res) throw new Error('no Accounting-Response');
    if (!radius.verify_response({ request: packet, response: Buffer.from(res), secret: this.opts.secret })) {
      throw new Error('Accounting-Response authenticator does not verify');
    }
  }

  /** Accounting Start for a logged-in client; returns the session the router now tracks. */
  async startSession(a: { username: string; mac: string; ip: string; classValue?: string }): Promise<NasSession> {
    const s: NasSession = { ...a, acctSessionId: this.newSessionId(), input: 0n, output: 0n, time: 0, stopped: false };
    this.sessions.set(s.acctSessionId, s);
    await this.account(this.buildAccounting(s, 'Start'));
    return s;
  }

  /** Traffic flows (counters only grow), then an Interim-Update with the cumulative totals. */
  async interim(s: NasSession, upload: bigint | number, download: bigint | number, seconds = 60): Promise<void> {
    s.input += BigInt(upload);
    s.output += BigInt(download);
    s.time += seconds;
    await this.account(this.buildAccounting(s, 'Interim-Update'));
  }

  async stopSession(s: NasSession, cause: string = 'User-Request'): Promise<void> {
    s.stopped = true;
    this.sessions.delete(s.acctSessionId);
    await this.account(this.buildAccounting(s, 'Stop', [['Acct-Terminate-Cause', cause]]));
  }

  /** A reboot: RouterOS sends Accounting-On and has no sessions any more. */
  async reboot(): Promise<void> {
    this.sessions.clear();
    const dummy: NasSession = { acctSessionId: '', username: '', mac: '', ip: '', input: 0n, output: 0n, time: 0, stopped: true };
    await this.account(this.buildAccounting(dummy, 'Accounting-On'));
  }

  /** Resolves with the next Disconnect-Request received (already answered per coaMode). */
  nextDisconnect(): Promise<ReceivedDisconnect> {
    return new Promise((resolve) => this.disconnectWaiters.push(resolve));
  }

  /** Resolves with the next CoA-Request received (already answered per coaRequestMode). */
  nextCoa(): Promise<ReceivedDisconnect> {
    return new Promise((resolve) => this.coaWaiters.push(resolve));
  }

  private onCoa(msg: Buffer, rinfo: dgram.RemoteInfo): void {
    let d: DecodedPacket;
    try {
      // Verifies the Request Authenticator with our secret (node-radius throws on mismatch).
      d = radius.decode({ packet: msg, secret: this.opts.secret });
    } catch {
      return;
    }
    if (d.code !== 'Disconnect-Request' && d.code !== 'CoA-Request') return;
    const sid = d.attributes['Acct-Session-Id'] as string | undefined;
    const s = sid ? this.sessions.get(sid) : undefined;
    // A hotspot needs the session named precisely: the IP must match too when given.
    const matches = !!s && (!d.attributes['Framed-IP-Address'] || d.attributes['Framed-IP-Address'] === s.ip);
    if (d.code === 'CoA-Request') {
      this.onCoaRequest(d, rinfo, matches ? s : undefined);
      return;
    }
    let answered: ReceivedDisconnect['answered'] = 'ignored';
    if (this.opts.coaMode !== 'ignore') {
      const ack = this.opts.coaMode === 'obey' && matches;
      const reply = radius.encode_response({
        packet: d,
        code: ack ? 'Disconnect-ACK' : 'Disconnect-NAK',
        secret: this.opts.secret,
        attributes: ack ? [] : [['Error-Cause', 503]],
      });
      this.coa?.send(reply, rinfo.port, rinfo.address);
      answered = ack ? 'ack' : 'nak';
      if (ack && s) void this.stopSession(s, 'Admin-Reset').catch(() => {});
    }
    const rec = { attributes: d.attributes, answered };
    this.disconnects.push(rec);
    for (const w of this.disconnectWaiters.splice(0)) w(rec);
  }

  /** CoA-Request: apply the new limits to the session and ACK, or NAK / ignore per the mode. */
  private onCoaRequest(d: DecodedPacket, rinfo: dgram.RemoteInfo, s: NasSession | undefined): void {
    let answered: ReceivedDisconnect['answered'] = 'ignored';
    const mode = this.opts.coaRequestMode;
    if (mode !== 'ignore') {
      const ack = mode === 'obey' && !!s;
      const reply = radius.encode_response({
        packet: d,
        code: ack ? 'CoA-ACK' : 'CoA-NAK',
        secret: this.opts.secret,
        attributes: ack ? [] : [['Error-Cause', 503]],
      });
      this.coa?.send(reply, rinfo.port, rinfo.address);
      answered = ack ? 'ack' : 'nak';
      if (ack && s) s.limits = { ...s.limits, ...limitsOf(d.attributes) };
    }
    const rec = { attributes: d.attributes, answered };
    this.coas.push(rec);
    for (const w of this.coaWaiters.splice(0)) w(rec);
  }
}
