import { matchesQuery, type Row } from './apiQuery';

/**
 * The configuration database of a simulated RouterOS router: the menus HotspotDesk reads and
 * writes, with print/add/set/remove, `.id`s and the printing quirks that matter to a client
 * (booleans print as true/false, durations and lists are normalised, secrets need the
 * `sensitive` policy, version-gated properties). Transport-free: routeros-api.ts puts it on TCP.
 */

export interface Reply {
  type: '!re' | '!done' | '!trap' | '!empty';
  attrs: Row;
}

export interface SimUser {
  name: string;
  password: string;
  group: string;
}

export interface RouterStateOptions {
  /** RouterOS version as printed, e.g. '7.18.2'. 7.18+ answers `!empty` for empty prints. */
  version?: string;
  identity?: string;
  board?: string;
  users?: SimUser[];
  /** Start with a hotspot server as the Hotspot Setup wizard leaves it (else a blank router). */
  withHotspot?: boolean;
  /** SSID broadcast by the router's WiFi interface. */
  ssid?: string;
  /** The instant the router's clock shows (default: this machine's); tests skew or freeze it. */
  clockNow?: () => number;
}

const LIST_MENUS = [
  '/radius', '/ip/hotspot', '/ip/hotspot/profile', '/ip/hotspot/user/profile', '/ip/hotspot/walled-garden',
  '/ip/hotspot/walled-garden/ip', '/ip/hotspot/active', '/ip/hotspot/host', '/ip/hotspot/ip-binding', '/ip/address',
  '/interface', '/interface/wireless', '/interface/wifi', '/file', '/user', '/user/group',
];
/** Menus where only the router writes (remove still allowed where RouterOS allows it). */
const NO_ADD_SET = new Set(['/ip/hotspot/active', '/ip/hotspot/host', '/system/resource', '/system/device-mode']);
const BOOLEAN_KEYS = new Set([
  'disabled', 'use-radius', 'radius-accounting', 'accept', 'dynamic', 'invalid', 'running', 'default', 'authorized',
  'bypassed', 'accounting-backup', 'add-mac-cookie',
]);
const DURATION_KEYS = new Set(['timeout', 'idle-timeout', 'keepalive-timeout', 'login-timeout', 'http-cookie-lifetime']);
/** RouterOS prints `login-by` in its own order, whatever order it was given in. */
const LOGIN_BY_ORDER = ['mac', 'cookie', 'http-chap', 'https', 'http-pap', 'trial', 'mac-cookie'];

export function parseVersion(v: string): number[] {
  return (v.match(/^\d+(\.\d+)*/)?.[0] ?? '0').split('.').map(Number);
}

export function versionAtLeast(v: string, min: string): boolean {
  const a = parseVersion(v);
  const b = parseVersion(min);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** '1100ms' | '1.1s' | '00:00:01' | '1s100ms' → milliseconds; null when not a duration. */
export function durationMs(v: string): number | null {
  const t = v.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const hms = t.match(/^(\d+):(\d{2}):(\d{2})(?:\.(\d+))?$/);
  if (hms) return ((Number(hms[1]) * 60 + Number(hms[2])) * 60 + Number(hms[3])) * 1000 + Number((hms[4] ?? '0').padEnd(3, '0').slice(0, 3));
  const units: Record<string, number> = { w: 604800000, d: 86400000, h: 3600000, m: 60000, s: 1000, ms: 1 };
  let total = 0;
  let rest = t;
  while (rest.length > 0) {
    const m = rest.match(/^(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/);
    if (!m) return null;
    total += Number(m[1]) * units[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return t.length > 0 ? Math.round(total) : null;
}

function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  for (const [u, n] of [['w', 604800000], ['d', 86400000], ['h', 3600000], ['m', 60000], ['s', 1000], ['ms', 1]] as const) {
    if (ms >= n) {
      parts.push(`${Math.floor(ms / n)}${u}`);
      ms %= n;
    }
  }
  return parts.join('');
}

export class TrapError extends Error {
  constructor(message: string, readonly category?: string) {
    super(message);
  }
}

export class RouterState {
  readonly version: string;
  private lists = new Map<string, Row[]>();
  private singles = new Map<string, Row>();
  private nextId = new Map<string, number>();
  readonly users: SimUser[];
  /** Addresses the router can ping (null: all). */
  reachable: Set<string> | null = null;
  /** What `/system/clock` shows: an instant, printed in Asia/Dhaka (+06:00) like a shop's router. */
  clockNow: () => number;

  constructor(opts: RouterStateOptions = {}) {
    this.version = opts.version ?? '7.18.2';
    this.users = opts.users ?? [{ name: 'admin', password: 'admin-pass', group: 'full' }];
    this.clockNow = opts.clockNow ?? Date.now;
    const v7 = this.atLeast('7.0');
    for (const m of LIST_MENUS) this.lists.set(m, []);
    this.singles.set('/system/identity', { name: opts.identity ?? 'MikroTik' });
    this.singles.set('/system/resource', {
      version: `${this.version} (stable)`, 'board-name': opts.board ?? 'hAP ax2', 'architecture-name': 'arm64', uptime: '1h2m3s',
    });
    this.singles.set('/radius/incoming', { accept: 'false', port: '3799' });
    if (v7) this.singles.set('/system/device-mode', { mode: 'advanced', hotspot: 'true' });
    for (const g of [
      { name: 'full', policy: 'local,telnet,ssh,ftp,reboot,read,write,policy,test,winbox,password,web,sniff,sensitive,api,romon,rest-api' },
      { name: 'read', policy: 'local,telnet,ssh,reboot,read,test,winbox,password,web,sniff,api,romon,rest-api,!ftp,!write,!policy,!sensitive' },
    ]) this.insert('/user/group', g);
    for (const u of this.users) this.insert('/user', { name: u.name, group: u.group, disabled: 'false' });
    this.insert('/interface', { name: 'ether1', type: 'ether', running: 'true', disabled: 'false' });
    this.insert('/interface', { name: 'bridge', type: 'bridge', running: 'true', disabled: 'false' });
    this.insert('/ip/address', { address: '192.168.88.1/24', network: '192.168.88.0', interface: 'bridge', disabled: 'false' });
    const ssid = opts.ssid ?? 'MikroTik-5A1B2C';
    if (v7) {
      this.insert('/interface', { name: 'wifi1', type: 'wifi', running: 'true', disabled: 'false' });
      this.insert('/interface/wifi', { name: 'wifi1', 'configuration.ssid': ssid, disabled: 'false' });
    } else {
      this.insert('/interface', { name: 'wlan1', type: 'wlan', running: 'true', disabled: 'false' });
      this.insert('/interface/wireless', { name: 'wlan1', ssid, disabled: 'false' });
    }
    this.insert('/ip/hotspot/profile', {
      name: 'default', default: 'true', 'hotspot-address': '', 'dns-name': '', 'html-directory': 'hotspot',
      'login-by': 'cookie,http-chap', 'use-radius': 'false', 'radius-accounting': 'true', 'radius-interim-update': 'received',
      'mac-auth-mode': 'mac-as-username', 'radius-mac-format': 'XX:XX:XX:XX:XX:XX', 'nas-port-type': 'wireless-802.11',
    });
    this.insert('/ip/hotspot/user/profile', { name: 'default', default: 'true', 'shared-users': '1', 'add-mac-cookie': 'true' });
    if (opts.withHotspot) {
      this.insert('/ip/hotspot/profile', {
        name: 'hsprof1', default: 'false', 'hotspot-address': '10.5.50.1', 'dns-name': 'login.wifi', 'html-directory': 'hotspot',
        'login-by': 'cookie,http-chap', 'use-radius': 'false', 'radius-accounting': 'true', 'radius-interim-update': 'received',
        'mac-auth-mode': 'mac-as-username', 'radius-mac-format': 'XX:XX:XX:XX:XX:XX', 'nas-port-type': 'wireless-802.11',
      });
      this.insert('/ip/hotspot', { name: 'hotspot1', interface: 'bridge', profile: 'hsprof1', 'address-pool': 'hs-pool-1', disabled: 'false', 'idle-timeout': '5m', 'addresses-per-mac': '2' });
      this.insert('/file', { name: 'hotspot', type: 'directory' });
      this.insert('/file', { name: 'hotspot/login.html', type: '.html file', size: '3300', contents: '<html>MikroTik default login</html>' });
    }
  }

  /** `/system/clock` as RouterOS prints it: `2026-12-01` from 7.10 on, `dec/01/2026` before. */
  private clockRow(): Row {
    const wall = new Date(this.clockNow() + 6 * 3_600_000);
    const p2 = (n: number) => String(n).padStart(2, '0');
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    const date = this.atLeast('7.10')
      ? `${wall.getUTCFullYear()}-${p2(wall.getUTCMonth() + 1)}-${p2(wall.getUTCDate())}`
      : `${months[wall.getUTCMonth()]}/${p2(wall.getUTCDate())}/${wall.getUTCFullYear()}`;
    return {
      time: `${p2(wall.getUTCHours())}:${p2(wall.getUTCMinutes())}:${p2(wall.getUTCSeconds())}`,
      date, 'time-zone-autodetect': 'true', 'time-zone-name': 'Asia/Dhaka', 'gmt-offset': '+06:00', 'dst-active': 'false',
    };
  }

  atLeast(min: string): boolean {
    return versionAtLeast(this.version, min);
  }

  // ---- direct access for tests -------------------------------------------------------------

  rows(menu: string): Row[] {
    return this.list(menu);
  }

  single(menu: string): Row {
    const s = this.singles.get(menu);
    if (!s) throw new Error(`no single menu ${menu}`);
    return s;
  }

  /** Adds a row as the router would store it; returns its `.id`. */
  insert(menu: string, props: Row): string {
    const rows = this.list(menu);
    const n = (this.nextId.get(menu) ?? 0) + 1;
    this.nextId.set(menu, n);
    const id = `*${n.toString(16).toUpperCase()}`;
    rows.push({ '.id': id, ...this.normalise(menu, props) });
    return id;
  }

  // ---- the API commands ---------------------------------------------------------------------

  /** print/getall, add, set, remove on a menu. Throws TrapError for a `!trap`. */
  menuCommand(menu: string, verb: string, attrs: Row, queries: string[], user: SimUser): Reply[] {
    // The clock moves: printed fresh each time it is asked.
    if (menu === '/system/clock') this.singles.set(menu, this.clockRow());
    const isList = this.lists.has(menu);
    const isSingle = this.singles.has(menu);
    if (!isList && !isSingle) throw new TrapError('no such command prefix', '0');
    if (verb !== 'print' && verb !== 'getall') this.requireWrite(user);
    const sensitive = this.policy(user).has('sensitive');
    switch (verb) {
      case 'print':
      case 'getall': {
        const source = isList ? this.list(menu) : [this.singles.get(menu)!];
        const proplist = attrs['.proplist']?.split(',').filter(Boolean);
        const rows = source
          .filter((r) => matchesQuery(r, queries))
          .map((r) => {
            const out: Row = {};
            for (const [k, v] of Object.entries(r)) {
              if (k === 'secret' && !sensitive) continue;
              if (proplist && !proplist.includes(k)) continue;
              out[k] = v;
            }
            return out;
          });
        const replies: Reply[] = rows.map((r) => ({ type: '!re', attrs: r }));
        // RouterOS 7.18 changelog: "console - put !empty sentence when API query returns nothing".
        if (rows.length === 0 && this.atLeast('7.18')) replies.push({ type: '!empty', attrs: {} });
        replies.push({ type: '!done', attrs: {} });
        return replies;
      }
      case 'add': {
        if (!isList || NO_ADD_SET.has(menu)) throw new TrapError('failure: this menu does not allow add');
        this.checkProps(menu, attrs);
        const { '.id': _ignored, ...props } = attrs;
        if (menu === '/ip/hotspot/profile' || menu === '/ip/hotspot') {
          if (!props.name) throw new TrapError('failure: name must be set');
          if (this.list(menu).some((r) => r.name === props.name)) throw new TrapError('failure: entry with this name already exists');
        }
        if (menu === '/ip/hotspot/profile') props.default = 'false';
        if (menu === '/ip/hotspot') {
          if (!this.list('/interface').some((i) => i.name === props.interface)) throw new TrapError(`input does not match any value of interface`);
          if (this.list('/ip/hotspot').some((h) => h.interface === props.interface)) throw new TrapError('failure: hotspot already exists on this interface');
          props.disabled ??= 'false';
          props.profile ??= 'default';
        }
        if (menu === '/radius') {
          props.disabled ??= 'false';
          props['authentication-port'] ??= '1812';
          props['accounting-port'] ??= '1813';
          props.timeout ??= '300ms';
        }
        const id = this.insert(menu, props);
        return [{ type: '!done', attrs: { ret: id } }];
      }
      case 'set': {
        if (NO_ADD_SET.has(menu)) throw new TrapError('failure: read-only menu');
        this.checkProps(menu, attrs);
        const { '.id': id, numbers, ...props } = attrs;
        const normalised = this.normalise(menu, props);
        if (isSingle) {
          Object.assign(this.singles.get(menu)!, normalised);
        } else {
          const target = this.find(menu, id ?? numbers);
          Object.assign(target, normalised);
        }
        return [{ type: '!done', attrs: {} }];
      }
      case 'remove': {
        if (!isList) throw new TrapError('no such command');
        const ids = (attrs['.id'] ?? attrs.numbers ?? '').split(',').filter(Boolean);
        if (ids.length === 0) throw new TrapError('no such item');
        for (const id of ids) this.find(menu, id);
        const rows = this.list(menu);
        if (menu === '/ip/hotspot/profile' && rows.some((r) => ids.includes(r['.id']!) && r.default === 'true')) {
          throw new TrapError('failure: cannot remove default profile');
        }
        this.lists.set(menu, rows.filter((r) => !ids.includes(r['.id']!)));
        return [{ type: '!done', attrs: {} }];
      }
      default:
        throw new TrapError('no such command', '0');
    }
  }

  /** `/ping`: one row per probe and a running summary, like RouterOS. */
  ping(attrs: Row): Reply[] | 'forever' {
    const address = attrs.address;
    if (!address) throw new TrapError('missing value(s) of argument(s) address');
    if (attrs.count === undefined) return 'forever'; // the real router pings until cancelled
    const count = Number(attrs.count);
    const ok = this.reachable === null || this.reachable.has(address);
    const replies: Reply[] = [];
    for (let seq = 0; seq < count; seq++) {
      const sent = seq + 1;
      const received = ok ? sent : 0;
      const row: Row = { seq: String(seq), host: address, sent: String(sent), received: String(received), 'packet-loss': String(Math.round(((sent - received) * 100) / sent)) };
      if (ok) Object.assign(row, { size: '56', ttl: '64', time: '1ms', 'min-rtt': '1ms', 'avg-rtt': '1ms', 'max-rtt': '1ms' });
      else row.status = 'timeout';
      replies.push({ type: '!re', attrs: row });
    }
    replies.push({ type: '!done', attrs: {} });
    return replies;
  }

  /** `/tool/fetch`: downloads over real HTTP and stores the file, reporting progress rows. */
  async fetch(attrs: Row, user: SimUser): Promise<Reply[]> {
    this.requireWrite(user);
    const url = attrs.url;
    if (!url) throw new TrapError('missing value(s) of argument(s) url');
    let body: Buffer;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new TrapError(`failure: closing connection: <${res.status} ${res.statusText}> ${new URL(url).host}`);
      body = Buffer.from(await res.arrayBuffer());
    } catch (e) {
      if (e instanceof TrapError) throw e;
      throw new TrapError(`failure: could not connect to ${safeHost(url)}`);
    }
    const dst = attrs['dst-path'] ?? new URL(url).pathname.split('/').pop() ?? 'fetched';
    const dir = dst.includes('/') ? dst.slice(0, dst.lastIndexOf('/')) : null;
    if (dir && !this.list('/file').some((f) => f.name === dir)) this.insert('/file', { name: dir, type: 'directory' });
    const existing = this.list('/file').find((f) => f.name === dst);
    const file: Row = { name: dst, type: '.html file', size: String(body.length) };
    // RouterOS shows `contents` only for small files (under 4 KiB).
    if (body.length < 4096) file.contents = body.toString('latin1');
    if (existing) {
      delete existing.contents;
      Object.assign(existing, file);
    } else this.insert('/file', file);
    const kib = String(Math.ceil(body.length / 1024));
    return [
      { type: '!re', attrs: { status: 'connecting', '.section': '0' } },
      { type: '!re', attrs: { status: 'finished', downloaded: kib, total: kib, duration: '0s', '.section': '1' } },
      { type: '!done', attrs: {} },
    ];
  }

  policy(user: SimUser): Set<string> {
    const group = this.list('/user/group').find((g) => g.name === user.group);
    return new Set((group?.policy ?? '').split(',').filter((p) => p && !p.startsWith('!')));
  }

  // ---- internals ----------------------------------------------------------------------------

  private requireWrite(user: SimUser): void {
    if (!this.policy(user).has('write')) throw new TrapError('not enough permissions (9)', '9');
  }

  private list(menu: string): Row[] {
    const rows = this.lists.get(menu);
    if (!rows) throw new Error(`no list menu ${menu}`);
    return rows;
  }

  private find(menu: string, id: string | undefined): Row {
    const row = this.list(menu).find((r) => r['.id'] === id || (id !== undefined && r.name === id));
    if (!row) throw new TrapError('no such item');
    return row;
  }

  private checkProps(menu: string, attrs: Row): void {
    if (menu === '/radius' && 'require-message-auth' in attrs && !this.atLeast('7.15')) {
      throw new TrapError('unknown parameter require-message-auth');
    }
  }

  private normalise(menu: string, props: Row): Row {
    const out: Row = {};
    for (const [k, v] of Object.entries(props)) {
      if (BOOLEAN_KEYS.has(k)) out[k] = v === 'yes' || v === 'true' ? 'true' : v === 'no' || v === 'false' ? 'false' : v;
      else if (DURATION_KEYS.has(k) && durationMs(v) !== null) out[k] = formatDuration(durationMs(v)!);
      else if (k === 'login-by') {
        const set = new Set(v.split(',').filter(Boolean));
        out[k] = LOGIN_BY_ORDER.filter((x) => set.has(x)).join(',');
      } else out[k] = v;
    }
    return out;
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'host';
  }
}
