import type { Db } from '../db';
import type { AuthLogEntry, SessionInfo } from '../../src-shared/api/radius';
import type { Page } from '../../src-shared/domain';
import { normalizeMac } from '../../src-shared/mac';
import { localPhonePrefix, phonePrefix } from '../../src-shared/phoneSearch';
import type { AuthLogSortKey } from '../../src-shared/api/authLog';
import type { Sort, SortDir } from '../../src-shared/api/listQuery';

/** Read-side SQL for the admin API (sessions.list, authLog.list); never on the packet path. */

interface SessionRow {
  id: number;
  router_id: number;
  router_name: string | null;
  acct_session_id: string;
  customer_id: number | null;
  phone: string | null;
  subscription_id: number | null;
  username: string | null;
  mac: string | null;
  ip: string | null;
  status: SessionInfo['status'];
  started_at: number;
  updated_at: number;
  stopped_at: number | null;
  session_time: number;
  input_octets: number;
  output_octets: number;
  terminate_cause: string | null;
}

export interface SessionFilter {
  status?: 'online' | 'stopped' | 'stale' | 'all';
  routerId?: number;
  customerId?: number;
  search?: string;
  limit?: number;
  offset?: number;
}

export interface AuthLogFilter {
  routerId?: number;
  username?: string;
  mac?: string;
  result?: 'accept' | 'reject' | 'drop';
  reason?: string;
  from?: number;
  to?: number;
  /** A prefix of the user name (a phone number in any form typed) or of the MAC. */
  search?: string;
  sort?: Sort<AuthLogSortKey>;
  limit?: number;
  offset?: number;
}

const authLogSortDefaults: Record<AuthLogSortKey, SortDir> = { at: 'desc', result: 'asc', reason: 'asc' };

/** A customer's most recent login as RADIUS saw it (the customer page's "last logged in"). */
export interface LastLogin {
  /** When the session started (epoch ms). */
  at: number;
  routerId: number;
  routerName: string | null;
  /** mac: the router let the device in by its MAC (the username is the MAC); password: a login with the phone number and password. */
  by: 'mac' | 'password';
}

/** `%` and `_` typed by the owner are literal characters, not wildcards. */
function like(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The auth log's search box: user names starting with the text (a phone number also in its local
 * form, the hotspot user name, whatever form was typed) or MACs starting with it (any separator).
 * Prefix ranges rather than LIKE: the search scans the log (no index but `at`), and a comparison
 * costs each row less than a LIKE does.
 */
function authLogSearch(text: string, cols: { username: string; mac: string } = { username: 'username', mac: 'mac' }): { sql: string; args: string[] } {
  const terms: string[] = [];
  const args: string[] = [];
  const range = (col: string, prefix: string) => {
    terms.push(`(${col} >= ? AND ${col} < ?)`);
    args.push(prefix, prefix + TOP);
  };
  const users = new Set([text]);
  const e164 = phonePrefix(text);
  const local = e164 ? localPhonePrefix(e164) : null;
  if (local) users.add(local);
  const macStart = text.toUpperCase().replace(/-/g, ':');
  // Digits alone are a number being typed; a MAC prefix shows itself by a separator or a hex letter.
  const isMac = /^[0-9A-F:]+$/.test(macStart) && /[:A-F]/.test(macStart);
  // RouterOS sends a MAC-authenticated device's MAC as its user name, upper-case by default.
  if (isMac) users.add(macStart);
  for (const u of users) range(cols.username, u);
  if (isMac) range(cols.mac, macStart);
  return { sql: `(${terms.join(' OR ')})`, args };
}

const TOP = String.fromCodePoint(0x10ffff);
/**
 * Log lines copied into the search mirror per step: ~0.6 ms of copying with its four indexes
 * (2,000 took 11-24 ms, too long for an Access-Request to wait behind; docs/performance.md).
 */
const MIRROR_CHUNK = 250;
/** Matches in the mirror up to which a search reads the log by id; more, and it scans in slices. */
const MIRROR_MAX_MATCHES = 5_000;
/** Up to this offset a slice's rows are read to skip them; deeper, they are counted and skipped. */
const SKIP_BY_READING = 500;

/** The two statements of one filtered-search shape (parameters: id range, filter values, page). */
interface ScanStatements {
  count: { get(...params: unknown[]): unknown };
  page: { all(...params: unknown[]): unknown[] };
}

/** `scanChunk`: auth-log rows per step of a filtered search (tests make it small). */
export function createQueries(db: Db, opts: { scanChunk?: number } = {}) {
  const scanChunk = opts.scanChunk ?? 20_000;
  const onlineCount = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM sessions WHERE status = 'online'");

  function listSessions(f: SessionFilter): Page<SessionInfo> {
    const where: string[] = [];
    const args: unknown[] = [];
    const status = f.status ?? 'online';
    if (status !== 'all') {
      where.push('s.status = ?');
      args.push(status);
    }
    if (f.routerId !== undefined) {
      where.push('s.router_id = ?');
      args.push(f.routerId);
    }
    if (f.customerId !== undefined) {
      where.push('s.customer_id = ?');
      args.push(f.customerId);
    }
    if (f.search) {
      where.push("(s.username LIKE ? ESCAPE '\\' OR s.mac LIKE ? ESCAPE '\\' OR s.ip LIKE ? ESCAPE '\\' OR c.phone LIKE ? ESCAPE '\\')");
      const l = like(f.search);
      args.push(l, l, l, l);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Read-only joins into billing's and the router store's tables, for the names in the listing
    // (the marker lets test/unit/tableOwnership.test.ts tell them from a foreign read).
    const from = `FROM sessions s
      LEFT JOIN customers c ON c.id = s.customer_id -- listing join
      LEFT JOIN routers r ON r.id = s.router_id -- listing join
      ${clause}`;
    const total = (db.prepare(`SELECT COUNT(*) AS n ${from}`).get(...args) as { n: number }).n;
    const rows = db
      .prepare(
        `SELECT s.*, c.phone AS phone, r.name AS router_name ${from}
          ORDER BY s.updated_at DESC, s.id DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, f.limit ?? 100, f.offset ?? 0) as SessionRow[];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        routerId: r.router_id,
        routerName: r.router_name,
        acctSessionId: r.acct_session_id,
        customerId: r.customer_id,
        phone: r.phone,
        subscriptionId: r.subscription_id,
        username: r.username,
        mac: r.mac,
        ip: r.ip,
        status: r.status,
        startedAt: r.started_at,
        updatedAt: r.updated_at,
        stoppedAt: r.stopped_at,
        sessionTime: r.session_time,
        inputBytes: r.input_octets,
        outputBytes: r.output_octets,
        terminateCause: r.terminate_cause,
      })),
    };
  }

  type AuthLogRow = {
    id: number; at: number; router_id: number | null; nas_ip: string | null; username: string | null; mac: string | null;
    customer_id: number | null; result: AuthLogEntry['result']; reason: string | null; detail: string | null;
  };
  const toEntry = (r: AuthLogRow): AuthLogEntry => ({
    id: r.id, at: r.at, routerId: r.router_id, nasIp: r.nas_ip, username: r.username, mac: r.mac,
    customerId: r.customer_id, result: r.result, reason: r.reason, detail: r.detail,
  });
  const AUTH_LOG_COLUMNS = 'id, at, router_id, nas_ip, username, mac, customer_id, result, reason, detail';
  // The id span to scan: pruning deletes from the oldest end, so years of ids need not be walked.
  const authLogIdSpan = db.prepare<[], [number | null, number | null]>('SELECT MIN(id), MAX(id) FROM auth_log').raw();
  // One pair of statements per filter shape (at most 2^7), prepared on first use.
  const scanStatements = new Map<string, ScanStatements>();

  /**
   * The auth log has only its `at` index (every other index cost each login a random B-tree insert:
   * migration 0030). A time-only query uses that index directly. Any other filter scans the log
   * newest first by id range, `scanChunk` rows per step, and yields to the event loop between steps
   * so RADIUS keeps answering while an owner searches (~1-2 ms per 20,000 rows here). Rows written
   * after the search began are not included; the total is exact for the rows it covered.
   */
  const mirrorTop = db.prepare<[], number | null>('SELECT MAX(id) FROM auth_log_search').pluck();
  const logTop = db.prepare<[], number | null>('SELECT MAX(id) FROM auth_log').pluck();
  const mirrorCopy = db.prepare<[number, number]>('INSERT OR IGNORE INTO auth_log_search (id, username, mac, result, reason) SELECT id, username, mac, result, reason FROM auth_log WHERE id > ? AND id <= ?');
  let catchingUp: Promise<void> | null = null;
  let mirrorStopped = false;

  /**
   * Brings the search mirror (migration 0151) up to the log's newest line, MIRROR_CHUNK lines per
   * transaction, yielding between them so RADIUS keeps answering. A search pays for the lines
   * logged since the last one; the first search over a large log pays once (docs/performance.md).
   */
  async function copyToMirror(): Promise<void> {
    const top = logTop.get() ?? 0;
    // Pruned lines are below the log's oldest id: start there rather than walk the gap.
    let from = Math.max(mirrorTop.get() ?? 0, ((authLogIdSpan.get() ?? [null])[0] ?? 1) - 1);
    while (from < top && !mirrorStopped) {
      const to = Math.min(top, from + MIRROR_CHUNK);
      mirrorCopy.run(from, to);
      from = to;
      if (from < top) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  // Searches at once share one catch-up. (Cleared in .finally, which runs after the assignment
  // even when the copy had nothing to do and finished synchronously.)
  function catchUpMirror(): Promise<void> {
    catchingUp ??= copyToMirror().finally(() => {
      catchingUp = null;
    });
    return catchingUp;
  }

  async function listAuthLog(f: AuthLogFilter): Promise<Page<AuthLogEntry>> {
    const search = f.search?.trim();
    const filtered = [f.routerId, f.username, f.mac, f.result, f.reason, f.from, f.to].some((v) => v !== undefined);
    const by = f.sort?.by ?? 'at';
    const viaMirror = search ? await searchByMirror(f) : by !== 'at' && !filtered ? await sortByMirror(f, by) : null;
    if (viaMirror) return viaMirror;
    return scanAuthLog(f);
  }

  /** The whole log sorted by result or reason: a page of ids off the mirror's index, then their rows. */
  async function sortByMirror(f: AuthLogFilter, by: 'result' | 'reason'): Promise<Page<AuthLogEntry> | null> {
    try {
      await catchUpMirror();
    } catch {
      return null;
    }
    const d = (f.sort?.dir ?? authLogSortDefaults[by]) === 'asc' ? 'ASC' : 'DESC';
    const total = db.prepare('SELECT COUNT(*) FROM auth_log').pluck().get() as number;
    const ids = db
      .prepare(`SELECT id FROM auth_log_search ORDER BY ${by} ${d}, id ${d} LIMIT ? OFFSET ?`)
      .pluck()
      .all(f.limit ?? 100, f.offset ?? 0) as number[];
    if (ids.length === 0) return { total, items: [] };
    const rows = new Map(
      (db.prepare(`SELECT ${AUTH_LOG_COLUMNS} FROM auth_log WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as AuthLogRow[]).map((r) => [r.id, r]),
    );
    // A line pruned between the two reads is left out rather than shown half.
    return { total, items: ids.flatMap((id) => (rows.has(id) ? [toEntry(rows.get(id)!)] : [])) };
  }

  /** The auth log filter's equality columns, as SQL conditions (both the mirror search and the scan). */
  function addColumnFilters(f: AuthLogFilter, where: string[], args: unknown[]): void {
    const eq = (col: string, v: unknown) => {
      if (v !== undefined) {
        where.push(`${col} = ?`);
        args.push(v);
      }
    };
    eq('router_id', f.routerId);
    eq('username', f.username);
    eq('mac', f.mac);
    eq('result', f.result);
    eq('reason', f.reason);
  }

  /** [from, to) on the line's time. */
  function addTimeRange(f: AuthLogFilter, where: string[], args: unknown[]): void {
    if (f.from !== undefined) {
      where.push('at >= ?');
      args.push(f.from);
    }
    if (f.to !== undefined) {
      where.push('at < ?');
      args.push(f.to);
    }
  }

  /**
   * A search through the mirror's user-name and MAC indexes: the matching ids, then the log's rows
   * for them with the other filters, sorted and paged. null when the prefix is too broad (017 …):
   * reading thousands of rows by id would cost more than the slice scan.
   */
  async function searchByMirror(f: AuthLogFilter): Promise<Page<AuthLogEntry> | null> {
    try {
      await catchUpMirror();
    } catch {
      // The write lock is held elsewhere (the checkpointer's valve, a sqlite3 shell): scan instead.
      return null;
    }
    const terms = authLogSearch(f.search!.trim());
    const ids = `SELECT id FROM auth_log_search WHERE ${terms.sql}`;
    const n = db.prepare(`SELECT COUNT(*) FROM (${ids} LIMIT ${MIRROR_MAX_MATCHES + 1})`).pluck().get(...terms.args) as number;
    if (n > MIRROR_MAX_MATCHES) return null;
    const where = [`id IN (${ids})`];
    const args: unknown[] = [...terms.args];
    addColumnFilters(f, where, args);
    addTimeRange(f, where, args);
    const by = f.sort?.by ?? 'at';
    const d = (f.sort?.dir ?? authLogSortDefaults[by]) === 'asc' ? 'ASC' : 'DESC';
    const order = by === 'at' ? `id ${d}` : `${by} ${d}, id ${d}`;
    const clause = where.join(' AND ');
    const total = db.prepare(`SELECT COUNT(*) FROM auth_log WHERE ${clause}`).pluck().get(...args) as number;
    const rows = db
      .prepare(`SELECT ${AUTH_LOG_COLUMNS} FROM auth_log WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...args, f.limit ?? 100, f.offset ?? 0) as AuthLogRow[];
    return { total, items: rows.map(toEntry) };
  }

  async function scanAuthLog(f: AuthLogFilter): Promise<Page<AuthLogEntry>> {
    const where: string[] = [];
    const args: unknown[] = [];
    addColumnFilters(f, where, args);
    const search = f.search?.trim();
    if (search) {
      const t = authLogSearch(search);
      where.push(t.sql);
      args.push(...t.args);
    }
    const scan = where.length > 0;
    addTimeRange(f, where, args);
    const limit = f.limit ?? 100;
    const offset = f.offset ?? 0;
    const by = f.sort?.by ?? 'at';
    const dir = f.sort?.dir ?? authLogSortDefaults[by];
    const d = dir === 'asc' ? 'ASC' : 'DESC';
    // Log order: ids are given as lines are written, so id order is time order.
    if (!scan && by === 'at') {
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM auth_log ${clause}`).get(...args) as { n: number }).n;
      const rows = db.prepare(`SELECT ${AUTH_LOG_COLUMNS} FROM auth_log ${clause} ORDER BY id ${d} LIMIT ? OFFSET ?`)
        .all(...args, limit, offset) as AuthLogRow[];
      return { total, items: rows.map(toEntry) };
    }

    const shape = `${where.length ? where.join(' AND ') : '1'} | ${by} ${d}`;
    let st = scanStatements.get(shape);
    if (!st) {
      const range = `id <= ? AND id > ?${where.length ? ` AND ${where.join(' AND ')}` : ''}`;
      const order = by === 'at' ? `id ${d}` : `${by} ${d}, id ${d}`;
      st = {
        count: db.prepare(`SELECT COUNT(*) FROM auth_log WHERE ${range}`).pluck(),
        page: db.prepare(`SELECT ${AUTH_LOG_COLUMNS} FROM auth_log WHERE ${range} ORDER BY ${order} LIMIT ? OFFSET ?`),
      };
      scanStatements.set(shape, st);
    }
    const [minId, maxId] = authLogIdSpan.get() ?? [null, null];
    const floor = (minId ?? 1) - 1;
    const top = maxId ?? 0;
    // The id slices in the order the page reads them (newest first unless ascending).
    const slices: Array<[hi: number, lo: number]> = [];
    for (let hi = top; hi > floor; hi -= scanChunk) slices.push([hi, Math.max(floor, hi - scanChunk)]);
    if (dir === 'asc') slices.reverse();
    const step = () => new Promise<void>((resolve) => setImmediate(resolve));

    let total = 0;
    if (by === 'at') {
      // Slices are in page order: skip whole slices up to the offset, then take rows in order.
      const items: AuthLogEntry[] = [];
      let skip = offset;
      for (const [i, [hi, lo]] of slices.entries()) {
        const want = skip + limit - items.length;
        if (items.length < limit && skip <= SKIP_BY_READING) {
          // Read the rows the page still needs; a slice that has fewer is counted by them, which
          // spares a sparse search (a number, a MAC) its second pass over every slice.
          const rows = st.page.all(hi, lo, ...args, want, 0) as AuthLogRow[];
          total += rows.length < want ? rows.length : (st.count.get(hi, lo, ...args) as number);
          for (const r of rows.slice(skip)) items.push(toEntry(r));
          skip = Math.max(0, skip - rows.length);
        } else {
          const n = st.count.get(hi, lo, ...args) as number;
          total += n;
          if (items.length < limit) {
            if (skip >= n) skip -= n;
            else {
              const rows = st.page.all(hi, lo, ...args, limit - items.length, skip) as AuthLogRow[];
              for (const r of rows) items.push(toEntry(r));
              skip = 0;
            }
          }
        }
        if (i < slices.length - 1) await step();
      }
      return { total, items };
    }

    // Sorted by result or reason: each slice's first offset+limit rows in that order, merged. The
    // page is among them (no slice can hold more of it than its own first offset+limit).
    const want = offset + limit;
    const key = (r: AuthLogRow) => (by === 'result' ? r.result : r.reason);
    const sign = dir === 'asc' ? 1 : -1;
    const cmp = (a: AuthLogRow, b: AuthLogRow) => {
      const ka = key(a);
      const kb = key(b);
      // SQLite's order: NULL first ascending.
      const k = ka === kb ? 0 : ka === null ? -1 : kb === null ? 1 : ka < kb ? -1 : 1;
      return sign * (k !== 0 ? k : a.id - b.id);
    };
    let best: AuthLogRow[] = [];
    for (const [i, [hi, lo]] of slices.entries()) {
      const rows = st.page.all(hi, lo, ...args, want, 0) as AuthLogRow[];
      total += rows.length < want ? rows.length : (st.count.get(hi, lo, ...args) as number);
      if (rows.length > 0) best = best.concat(rows).sort(cmp).slice(0, want);
      if (i < slices.length - 1) await step();
    }
    return { total, items: best.slice(offset).map(toEntry) };
  }

  const exists = db.prepare<[number], { id: number }>('SELECT id FROM sessions WHERE id = ?');

  // sessions_customer (customer_id, status) narrows this to one customer's sessions; sorting those
  // few is cheap, so no extra index (each one costs every accounting Start an insert).
  const lastLogin = db.prepare<[number], { started_at: number; router_id: number; router_name: string | null; username: string | null; mac: string | null }>(
    `SELECT s.started_at, s.router_id, r.name AS router_name, s.username, s.mac FROM sessions s
      LEFT JOIN routers r ON r.id = s.router_id -- listing join
      WHERE s.customer_id = ? ORDER BY s.started_at DESC, s.id DESC LIMIT 1`,
  );

  function lastLoginOf(customerId: number): LastLogin | null {
    const row = lastLogin.get(customerId);
    if (!row) return null;
    // RouterOS sends a MAC-authenticated device's MAC as its username (in whichever of the MAC
    // layouts it is set to); a password login's username is the customer's number. Comparing with
    // the Calling-Station-Id keeps an all-digit username from passing for a MAC.
    const userMac = row.username === null ? null : normalizeMac(row.username);
    const by = userMac !== null && (row.mac === null || row.mac === userMac) ? 'mac' : 'password';
    return { at: row.started_at, routerId: row.router_id, routerName: row.router_name, by };
  }

  return {
    /** Housekeeping keeps the mirror near the log, so a search rarely has lines to copy first. */
    catchUpAuthLogMirror: catchUpMirror,
    /** On stop: no further copy step (the database closes next); resolves when the current one ends. */
    stopAuthLogMirror: async () => {
      mirrorStopped = true;
      await catchingUp?.catch(() => undefined);
      mirrorStopped = false;
    },
    sessionExists: (id: number) => exists.get(id) !== undefined,
    lastLoginOf,
    listSessions,
    listAuthLog,
    onlineCount: () => onlineCount.get()!.n,
  };
}
