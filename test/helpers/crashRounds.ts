import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadVendorDictionaries } from '../../src-main/radius/dictionary';
import { VirtualNas, type NasSession } from '../virtual-mikrotik/nas';
import { VirtualHotspot } from '../virtual-mikrotik/hotspot-http';
import { EXECUTE_ANSWER_BY_MS } from '../../src-main/gateways/checkout';
import { startFakeBkash, type FakeBkash } from '../fakes/bkash';
import { links, phoneBrowser } from './phoneBrowser';
import { httpCall, okFor, type ApiCall, type Ok } from './api';
import { killHard, pickPorts, startCrashServer, stopClean, type CrashPorts, type RunningCrashServer } from './crashServer';
import { prng } from './prng';

/**
 * The crash-safety rounds (issue #13), shared by `npm run stress:crash` (50 rounds) and the CI test
 * (test/integration/crashSafety.test.ts, 3 rounds). Each round: load on every door of the BUILT
 * server (RADIUS accounting and logins over UDP with a router's retransmits, cash sales and card
 * redeems over the admin API, a Send Money payment confirmed by the forwarded SMS, a bKash
 * checkout against the fake bKash in this process, a backup), SIGKILL at a random moment, start
 * again on the same data dir, and check that everything the load generator was told was done is
 * in the database, once.
 */

const radius = loadVendorDictionaries();
const SECRET = 'crash-radius-secret';
const SMS_TOKEN = 'crash-sms-hook-token';
const SHOP_BKASH = '01811111111';
const PRICE = 5000; // paisa: ৳50, the SMS says "Tk 50.00"
const RADIUS_CUSTOMERS = 6;
const LANES = 4;
const ACK_TIMEOUT_MS = 250;
// A router retries for a while; 8 × 250 ms spans a restart, so some retransmits land on the new process.
const ACK_TRIES = 8;
/** The engine's stale rule with the default interim interval: 3 × 60 s without an update. */
const STALE_AFTER_MS = 3 * 60_000;

export interface CrashOptions {
  rounds: number;
  /** Load time before the kill is drawn from [minLoadMs, maxLoadMs]. */
  minLoadMs?: number;
  maxLoadMs?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface CrashCounts {
  /** Accounting-Responses received (Start, Interim, Stop). */
  accountingAcks: number;
  /** Sessions whose every acknowledged record was checked against the database (per check). */
  sessionChecks: number;
  logins: number;
  sales: number;
  redeems: number;
  payments: number;
  /** bKash checkouts whose phone was shown "Paid. … is active now." (before or after a restart). */
  gatewayPayments: number;
  /** Payments the fake bKash says it executed (charged), each checked against our ledger. */
  gatewayCharged: number;
  /** Callbacks a killed server never answered that the phone's browser sent again after the restart. */
  gatewayCallbacksResent: number;
  /** Open bKash payments finished by payments.recheck (the owner's Recheck, what the retry job does). */
  gatewayRechecks: number;
  backups: number;
  /** Restarts that found a half-written backup (`*.partial`) a kill left; the next backup must remove it. */
  partialBackupsLeft: number;
  /** Accounting-On (router reboots) acknowledged. */
  reboots: number;
  /** Kills that landed while a request of that kind was in flight. */
  killedDuring: { accounting: number; sale: number; redeem: number; payment: number; gateway: number; executeHeld: number; backup: number };
  restartMs: number[];
}

export interface CrashReport {
  rounds: number;
  recordsChecked: number;
  counts: CrashCounts;
  /** One line per thing acknowledged and then missing or counted twice: must be empty. */
  lost: string[];
}


/** What a round's kill is aimed at: right after such a request goes out, or (any) at a random time. */
export type KillTarget = 'accounting' | 'sale' | 'redeem' | 'payment' | 'gateway' | 'backup';
/**
 * `gateway`: right after a phone's browser sends bKash's callback to us (the engine then claims,
 * executes and completes). `executeHeld`: the fake carries out the next execute (the money moves)
 * and holds its reply; the kill lands while the engine waits for it.
 */
const TARGETS: Array<KillTarget | 'any' | 'executeHeld'> = ['any', 'any', 'accounting', 'sale', 'redeem', 'payment', 'gateway', 'gateway', 'executeHeld', 'backup'];
/** How long after the request leaves the kill may land: within the time it takes to handle one. */
const JITTER_MS: Record<KillTarget | 'executeHeld', number> = { accounting: 8, sale: 10, redeem: 10, payment: 30, gateway: 25, executeHeld: 5, backup: 3 };

interface TrackedSession {
  s: NasSession;
  lane: number;
  customer: number;
  startAcked: boolean;
  stopSent: boolean;
  stopAcked: boolean;
  /** The largest totals a router was told were stored, and the largest it ever sent. */
  ackedIn: bigint;
  ackedOut: bigint;
  sentIn: bigint;
  sentOut: bigint;
  /** When the router last sent a record for it (the stale rule counts from the last one stored). */
  lastSentAt: number;
  /** An acknowledged Accounting-On (the router rebooted) closed it. */
  closedByOn: boolean;
}

type PhoneBrowser = ReturnType<typeof phoneBrowser>;

interface RadiusCustomer {
  phone: string;
  username: string;
  password: string;
  subscriptionId: number;
}

interface AckedSale {
  kind: 'sale' | 'redeem' | 'payment' | 'gateway';
  phone: string;
  paymentId: number;
  subscriptionId: number | null;
  ref: string;
}

/** The state of one run: what the load generator was told, and what is still unknown. */
class World {
  readonly sessions: TrackedSession[] = [];
  readonly acked: AckedSale[] = [];
  readonly backups: string[] = [];
  /** Sales whose reply never came: retried with the same idempotency key after the restart. */
  readonly unansweredSales: Array<{ phone: string; key: string }> = [];
  /** Send Money TrxIDs entered whose SMS was not acknowledged: the forwarder posts them again. */
  readonly unansweredSms: Array<{ phone: string; trx: string }> = [];
  /** bKash callbacks the server never answered (killed): the phone's browser may send them again. */
  readonly unansweredCallbacks: Array<{ phone: string; b: PhoneBrowser; callback: string; fakeId: string }> = [];
  /** Phones left on "We are checking your payment": the page reloads itself. */
  readonly checkingPhones: Array<{ phone: string; b: PhoneBrowser; fakeId: string }> = [];
  readonly inFlight = { accounting: 0, sale: 0, redeem: 0, payment: 0, gateway: 0, backup: 0 };
  private waiters: Array<{ kind: KillTarget; wake: () => void }> = [];
  /** A request of this kind is being sent now (wakes a kill aimed at it). */
  begin(kind: KillTarget): void {
    this.inFlight[kind]++;
    for (const x of this.waiters.filter((y) => y.kind === kind)) x.wake();
    this.waiters = this.waiters.filter((y) => y.kind !== kind);
  }
  end(kind: KillTarget): void {
    this.inFlight[kind]--;
  }
  next(kind: KillTarget): Promise<void> {
    return new Promise((wake) => this.waiters.push({ kind, wake }));
  }
  readonly counts: CrashCounts = {
    accountingAcks: 0, sessionChecks: 0, logins: 0, sales: 0, redeems: 0, payments: 0, backups: 0, reboots: 0, partialBackupsLeft: 0,
    gatewayPayments: 0, gatewayCharged: 0, gatewayCallbacksResent: 0, gatewayRechecks: 0,
    killedDuring: { accounting: 0, sale: 0, redeem: 0, payment: 0, gateway: 0, executeHeld: 0, backup: 0 }, restartMs: [],
  };
  readonly lost: string[] = [];
  readonly lostSubjects = new Set<string>();
  recordsChecked = 0;
  stopping = false;
  phoneSeq = 0;
  macSeq = 0;
  codes: string[] = [];
  constructor(
    readonly rnd: () => number,
    readonly dataDir: string,
    readonly ports: CrashPorts,
    readonly nas: VirtualNas,
    readonly bkash: FakeBkash,
  ) {}
  readonly customers: RadiusCustomer[] = [];
  packageId = 0;
  api!: Ok;
  /** For reads after a restart: one retry when the connection fails before any answer (see connect). */
  read!: Ok;
  call!: ApiCall;
  hotspot!: VirtualHotspot;
  /** Why a load step gave up (CRASH_DEBUG=1): a kill explains most; anything else is a generator bug. */
  debug: (line: string) => void = () => {};
  nextPhone(): string {
    // 017 numbers from a block the RADIUS customers do not use.
    return `0175${String(3_000_000 + this.phoneSeq++).padStart(7, '0')}`;
  }
  nextMac(): string {
    const n = this.macSeq++;
    return `02:CC:00:${((n >> 16) & 0xff).toString(16).padStart(2, '0')}:${((n >> 8) & 0xff).toString(16).padStart(2, '0')}:${(n & 0xff).toString(16).padStart(2, '0')}`.toUpperCase();
  }
}

function connect(w: World, server: RunningCrashServer): void {
  const token = fs.readFileSync(path.join(w.dataDir, 'admin-token'), 'utf8').trim();
  w.call = httpCall(server.adminUrl, token);
  w.api = okFor(w.call);
  // fetch keeps a pool per origin, and the new process listens on the old one's port: a pooled
  // socket of the killed process can be handed out once before its close is noticed ("fetch
  // failed" with no answer). Reads may retry that once; writes keep their own retry rules.
  const call = w.call;
  w.read = okFor(async (method, input) => {
    try {
      return await call(method, input);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      return call(method, input);
    }
  });
}

/** One Accounting-Request with a router's retransmits; true when an Accounting-Response that verifies came back. */
async function account(w: World, packet: Buffer): Promise<boolean> {
  w.begin('accounting');
  try {
    const res = await w.nas.exchange(packet, w.ports.acct);
    if (!res || res[0] !== 5) return false;
    return radius.verify_response({ request: packet, response: Buffer.from(res), secret: SECRET });
  } finally {
    w.end('accounting');
  }
}

/** A lane: one router's worth of phones coming and going, one request in flight per session. */
async function accountingLane(w: World, lane: number): Promise<void> {
  while (!w.stopping) {
    const mine = w.sessions.filter((t) => t.lane === lane && !t.stopSent);
    const r = w.rnd();
    if (mine.length < 3 || r < 0.08) {
      const ci = Math.floor(w.rnd() * w.customers.length);
      const c = w.customers[ci]!;
      // MAC authentication is tried with a MAC that logged in before (bound to its customer then).
      const pap = w.rnd() < 0.7;
      const known = w.sessions.filter((x) => x.lane === lane && x.stopSent && x.s.classValue);
      const mac = !pap && known.length > 0 ? known[Math.floor(w.rnd() * known.length)]!.s.mac : w.nextMac();
      const ip = `10.5.${50 + lane}.${(w.macSeq % 250) + 2}`;
      // Logins: PAP with the customer's hotspot login, or MAC authentication (username = MAC).
      let classValue: string | undefined;
      try {
        const res = await w.nas.login(pap ? { username: c.username, password: c.password, method: 'pap', mac, ip } : { username: mac, password: '', method: 'mac', mac, ip });
        w.counts.logins++;
        classValue = res.accepted ? res.classValue : undefined;
        if (!res.accepted && pap) continue;
      } catch {
        continue; // unanswered (killed): the phone tries again later
      }
      if (!classValue) continue;
      const s: NasSession = { acctSessionId: crypto.randomBytes(4).toString('hex').toUpperCase(), username: c.username, mac, ip, classValue, input: 0n, output: 0n, time: 0, stopped: false };
      const t: TrackedSession = { s, lane, customer: ci, startAcked: false, stopSent: false, stopAcked: false, ackedIn: 0n, ackedOut: 0n, sentIn: 0n, sentOut: 0n, lastSentAt: Date.now(), closedByOn: false };
      w.sessions.push(t);
      const ok = await account(w, w.nas.buildAccounting(s, 'Start'));
      if (ok) {
        t.startAcked = true;
        w.counts.accountingAcks++;
      }
      continue;
    }
    const t = mine[Math.floor(w.rnd() * mine.length)]!;
    // Counters only grow; a record is cumulative, as RouterOS sends them.
    t.s.input += BigInt(1 + Math.floor(w.rnd() * 3_000_000));
    t.s.output += BigInt(1 + Math.floor(w.rnd() * 30_000_000));
    t.s.time += 60;
    const stop = r > 0.93;
    if (stop) t.stopSent = true;
    const packet = w.nas.buildAccounting(t.s, stop ? 'Stop' : 'Interim-Update', stop ? [['Acct-Terminate-Cause', 'User-Request']] : []);
    const sentIn = t.s.input;
    const sentOut = t.s.output;
    if (sentIn > t.sentIn) t.sentIn = sentIn;
    if (sentOut > t.sentOut) t.sentOut = sentOut;
    t.lastSentAt = Date.now();
    if (await account(w, packet)) {
      w.counts.accountingAcks++;
      if (sentIn > t.ackedIn) t.ackedIn = sentIn;
      if (sentOut > t.ackedOut) t.ackedOut = sentOut;
      if (stop) t.stopAcked = true;
    }
  }
}

/** Cash sales and card redeems through the admin API, as the counter does them. */
async function counterLoad(w: World): Promise<void> {
  while (!w.stopping) {
    const phone = w.nextPhone();
    if (w.rnd() < 0.5 || w.codes.length === 0) {
      const key = crypto.randomBytes(8).toString('hex');
      w.begin('sale');
      try {
        const sale = await w.api('customers.sellPackage', { phone, packageId: w.packageId, method: 'cash', idempotencyKey: key });
        w.acked.push({ kind: 'sale', phone, paymentId: sale.paymentId, subscriptionId: sale.subscriptionId, ref: `cash:${key}` });
        w.counts.sales++;
      } catch {
        w.unansweredSales.push({ phone, key });
      } finally {
        w.end('sale');
      }
    } else {
      const code = w.codes.shift()!;
      w.begin('redeem');
      try {
        const sub = await w.api('vouchers.redeem', { code, phone });
        w.acked.push({ kind: 'redeem', phone, paymentId: sub.paymentId ?? -1, subscriptionId: sub.id, ref: `card for ${phone}` });
        w.counts.redeems++;
      } catch {
        // Not acknowledged: nothing is owed for it (the card may or may not be used now).
      } finally {
        w.end('redeem');
      }
    }
  }
}

const trxId = (rnd: () => number) => {
  const A = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const D = '0123456789';
  let s = '';
  for (let i = 0; i < 10; i++) s += i % 3 === 1 ? D[Math.floor(rnd() * 10)] : A[Math.floor(rnd() * A.length)];
  return s;
};

const smsText = (trx: string) => `You have received Tk ${(PRICE / 100).toFixed(2)} from 01533817247. Fee Tk 0.00. Balance Tk 1,117.78. TrxID ${trx} at 30/10/2025 21:02`;

async function postSms(w: World, trx: string): Promise<{ outcome: string; paymentId?: number } | null> {
  const res = await fetch(`http://127.0.0.1:${w.ports.portal}/hooks/sms-in`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-token': SMS_TOKEN }, body: JSON.stringify({ from: 'bKash', message: smsText(trx) }),
  });
  const body = (await res.json()) as { ok: boolean; value?: { outcome: string; paymentId?: number } };
  return body.ok && body.value ? body.value : null;
}

/** A new phone joins the WiFi and registers its number (OTP, PIN): ends on the account page. */
async function registerPhone(w: World, b: PhoneBrowser, phone: string, lane: string): Promise<boolean> {
  await b.open(`${w.hotspot.url}/generate_204`);
  await b.autoSubmit();
  await b.submit('/portal/phone', { phone });
  const outbox = await w.api('sms.outbox', { limit: 20 });
  const code = /\b(\d{6})\b/.exec(outbox.items.find((i) => i.phone === `+88${phone}`)?.text ?? '')?.[1];
  if (!code) {
    w.debug(`${lane}: no OTP for ${phone} on ${b.page.url}: ${b.text.slice(0, 200)}`);
    return false;
  }
  await b.submit('/portal/code', { code });
  await b.submit('/portal/newpin', { pin: '4321', pin2: '4321' });
  return true;
}

/**
 * A phone on the portal pays with Send Money and the shop phone's forwarder posts the SMS: the
 * gateway "payment completed" path that needs no internet. Acknowledged = the hook answered
 * `matched` with the payment id (what the forwarder, and then the customer's page, is told).
 */
async function paymentLoad(w: World): Promise<void> {
  while (!w.stopping) {
    const phone = w.nextPhone();
    const mac = w.nextMac();
    const b = phoneBrowser(mac);
    const trx = trxId(w.rnd);
    let entered = false;
    const t0 = Date.now();
    try {
      // No code (in long runs: the per-address limit on codes): this lane rests until next round.
      if (!(await registerPhone(w, b, phone, 'payment'))) return;
      await b.submit(`pay-${w.packageId}`, { method: 'send_bkash' });
      await b.submit('/portal/pay/send', { trxId: trx, sender: '01533817247' });
      if (!b.text.includes('Waiting for the shop')) {
        w.debug(`payment: no waiting page on ${b.page.url}: ${b.text.slice(0, 300)}`);
        continue;
      }
      entered = true;
      w.debug(`payment: TrxID entered after ${Date.now() - t0} ms`);
      w.begin('payment');
      const r = await postSms(w, trx).finally(() => w.end('payment'));
      w.debug(`payment: SMS answered after ${Date.now() - t0} ms`);
      if (r?.outcome === 'matched' && r.paymentId) {
        w.acked.push({ kind: 'payment', phone, paymentId: r.paymentId, subscriptionId: null, ref: trx });
        w.counts.payments++;
      } else if (r === null) w.unansweredSms.push({ phone, trx });
    } catch (e) {
      w.debug(`payment: ${(e as Error).message.slice(0, 300)}`);
      if (entered) w.unansweredSms.push({ phone, trx });
    }
  }
}

/** What a phone that came back from bKash was shown: online (paid), still checking, or something else. */
function paidPage(b: PhoneBrowser): 'paid' | 'checking' | 'other' {
  if (/Paid\. .* is active now\./.test(b.text)) return 'paid';
  return b.text.includes('We are checking your payment') ? 'checking' : 'other';
}

/** `withPayment`: the callback URL or the result page's, both carry our `payment=<id>`. */
function ackGateway(w: World, phone: string, b: PhoneBrowser, fakeId: string, withPayment: string): void {
  const paymentId = Number(new URL(withPayment).searchParams.get('payment'));
  // The ledger must carry the transaction bKash charged: the fake knows it once it executed.
  const trx = w.bkash.payments.get(fakeId)?.trxID ?? '(not charged at bKash)';
  w.acked.push({ kind: 'gateway', phone, paymentId, subscriptionId: null, ref: trx });
  w.counts.gatewayPayments++;
  w.debug(`gateway: ${phone} online with payment ${paymentId} (${b.page.url.slice(0, 60)})`);
}

/**
 * A phone on the portal pays online with bKash (tokenized checkout against the fake): package and
 * bKash → the portal's 303 to the fake's payment page → the customer pays there → the fake's 302
 * to our callback, which the phone's browser GETs (the engine claims, executes, completes) →
 * "Paid. … is active now." = acknowledged. The pay step is taken apart so the kill can be aimed
 * at the moment the callback leaves.
 */
async function gatewayLoad(w: World): Promise<void> {
  while (!w.stopping) {
    const phone = w.nextPhone();
    const b = phoneBrowser(w.nextMac());
    let callback: string | null = null;
    let fakeId = '';
    try {
      // No code (in long runs: the per-address limit on codes): this lane rests until next round.
      if (!(await registerPhone(w, b, phone, 'gateway'))) return;
      await b.submit(`pay-${w.packageId}`, { method: 'bkash' });
      if (!b.page.url.startsWith(`${w.bkash.origin}/pay?`)) {
        w.debug(`gateway: not on bKash's page: ${b.page.url}: ${b.text.slice(0, 200)}`);
        continue;
      }
      fakeId = new URL(b.page.url).searchParams.get('paymentId') ?? '';
      const pay = links(b.page.html).find((l) => l.id === 'success');
      if (!pay) throw new Error(`no Pay link on bKash's page for ${fakeId}`);
      // The customer pays on bKash's page; its answer sends the browser to our callback URL.
      const res = await fetch(new URL(pay.href, b.page.url), { redirect: 'manual' });
      const location = res.headers.get('location');
      await res.arrayBuffer();
      if (res.status !== 302 || !location) throw new Error(`bKash's page answered ${res.status} for ${fakeId}`);
      callback = location;
      w.begin('gateway');
      try {
        await b.open(callback);
      } finally {
        w.end('gateway');
      }
      const shown = paidPage(b);
      if (shown === 'paid') ackGateway(w, phone, b, fakeId, callback);
      else if (shown === 'checking') w.checkingPhones.push({ phone, b, fakeId });
      else w.debug(`gateway: after the callback ${b.page.url}: ${b.text.slice(0, 200)}`);
    } catch (e) {
      w.debug(`gateway: ${(e as Error).message.slice(0, 300)}`);
      // The kill cut the callback (or the pages after it) short: the browser shows an error page.
      if (callback) w.unansweredCallbacks.push({ phone, b, callback, fakeId });
    }
  }
}

async function backupOnce(w: World, atMs: number): Promise<void> {
  await new Promise((r) => setTimeout(r, atMs));
  if (w.stopping) return;
  w.begin('backup');
  try {
    const b = await w.api('backups.create', {});
    w.backups.push(b.path);
    w.counts.backups++;
  } catch {
    // Killed mid-backup: the check still requires the database itself to be intact.
  } finally {
    w.end('backup');
  }
}

function partialBackups(folder: string): string[] {
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.partial')) : [];
}

/** One line per thing lost: a subject (the text before the first colon) is reported once, not once per round. */
function loseOnce(w: World, what: string): void {
  const subject = what.split(':')[0]!;
  if (w.lostSubjects.has(subject)) return;
  w.lostSubjects.add(subject);
  w.lost.push(what);
}

function readDb<T>(w: World, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(w.dataDir, 'hotspotdesk.db'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * A bKash payment whose execute was out when the kill came (claimed, nobody asked since) is the
 * retry job's once nobody reloads its callback: the job must be booked to ask by the time the
 * execute would have answered, not at the abandoned-checkout look 10 minutes after the start.
 */
function checkRetryJobBooked(w: World): void {
  const rows = readDb(w, (db) =>
    db.prepare("SELECT id, execute_attempted_at AS tried, next_check_at AS next FROM payments WHERE method = 'bkash' AND status = 'pending' AND execute_attempted_at IS NOT NULL AND checking_since IS NULL").all() as Row[],
  );
  for (const r of rows) {
    w.recordsChecked++;
    const after = r.next === null ? null : Number(r.next) - Number(r.tried);
    if (after === null || after > EXECUTE_ANSWER_BY_MS) {
      loseOnce(w, `bKash payment ${r.id}: execute was out at the kill, but the retry job ${after === null ? 'never asks' : `first asks ${Math.round(after / 1000)} s later`}`);
    }
  }
}

/** bKash after a restart: reloaded callbacks, the owner's Recheck on what is open, the waiting pages' reloads. */
async function finishGatewayPayments(w: World): Promise<void> {
  checkRetryJobBooked(w);
  for (const u of w.unansweredCallbacks.splice(0)) {
    // About half the customers reload the error page (the same callback URL); the others close it.
    if (w.rnd() < 0.5) continue;
    w.counts.gatewayCallbacksResent++;
    try {
      await u.b.open(u.callback);
    } catch (e) {
      w.debug(`gateway: resent callback: ${(e as Error).message.slice(0, 200)}`);
      continue;
    }
    const shown = paidPage(u.b);
    if (shown === 'paid') ackGateway(w, u.phone, u.b, u.fakeId, u.callback);
    else if (shown === 'checking') w.checkingPhones.push({ phone: u.phone, b: u.b, fakeId: u.fakeId });
  }
  // The retry job would ask about these 0-35 s after the restart; the owner's Recheck (the same
  // confirmation, source 'owner') asks now, so a round does not wait for the job's timetable.
  const open = readDb(w, (db) => db.prepare("SELECT id FROM payments WHERE method = 'bkash' AND status = 'pending' AND gateway_ref IS NOT NULL").all() as Array<{ id: number }>);
  for (const { id } of open) {
    await w.api('payments.recheck', { id });
    w.counts.gatewayRechecks++;
  }
  for (const c of w.checkingPhones.splice(0)) {
    // The waiting page reloads itself every 5 s: the next load shows the result.
    await c.b.open(c.b.page.url);
    if (paidPage(c.b) === 'paid') ackGateway(w, c.phone, c.b, c.fakeId, c.b.page.url);
  }
}

/** After a restart: what a router, a counter, a forwarder and the backup schedule do next. */
async function retryUnanswered(w: World): Promise<void> {
  // The kill cut a backup short: the owner's next backup (run now) must clear what it left.
  const { folder } = await w.read('backups.list', {});
  if (partialBackups(folder).length > 0) {
    w.counts.partialBackupsLeft++;
    w.backups.push((await w.api('backups.create', {})).path);
    w.counts.backups++;
  }
  for (const u of w.unansweredSales.splice(0)) {
    // Same idempotency key: the first sale if it committed, a new one if it did not; never two.
    const sale = await w.api('customers.sellPackage', { phone: u.phone, packageId: w.packageId, method: 'cash', idempotencyKey: u.key });
    w.acked.push({ kind: 'sale', phone: u.phone, paymentId: sale.paymentId, subscriptionId: sale.subscriptionId, ref: `cash:${u.key}` });
    w.counts.sales++;
  }
  for (const u of w.unansweredSms.splice(0)) {
    const r = await postSms(w, u.trx);
    if (!r) continue;
    if (r.outcome === 'matched' || r.outcome === 'duplicate') {
      const p = (await w.read('payments.list', { trxId: u.trx })).items;
      if (p.length !== 1) w.lost.push(`payment ${u.trx}: ${p.length} payments after the forwarder's retry`);
      else {
        w.acked.push({ kind: 'payment', phone: u.phone, paymentId: p[0]!.id, subscriptionId: null, ref: u.trx });
        w.counts.payments++;
      }
    }
  }
  await finishGatewayPayments(w);
}

async function routerReboot(w: World): Promise<void> {
  const on: NasSession = { acctSessionId: '', username: '', mac: '', ip: '', input: 0n, output: 0n, time: 0, stopped: true };
  if (!(await account(w, w.nas.buildAccounting(on, 'Accounting-On')))) return;
  w.counts.accountingAcks++;
  w.counts.reboots++;
  for (const t of w.sessions) {
    if (t.stopSent) continue;
    t.stopSent = true;
    t.closedByOn = true;
  }
}

type Row = Record<string, number | string | null>;

/** Reads the database (read-only, while the restarted server runs) and the admin API; returns problems found. */
async function check(w: World): Promise<void> {
  const db = new Database(path.join(w.dataDir, 'hotspotdesk.db'), { readonly: true, fileMustExist: true });
  // One line per thing lost: a session short of its acknowledged usage stays short in every later
  // check, and is one loss, not one per round.
  const lose = (what: string) => loseOnce(w, what);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    w.recordsChecked++;
    if (integrity !== 'ok') lose(`integrity_check: ${String(integrity)}`);

    // Accounting: every acknowledged total is stored, nothing beyond what was sent, and the
    // subscription was charged each byte once (bytes_used = the sum of its sessions' charges).
    const routerId = (db.prepare('SELECT id FROM routers WHERE nas_ip = ?').get('127.0.0.1') as { id: number }).id;
    const byId = db.prepare('SELECT status, input_octets, output_octets, charged_bytes, subscription_id FROM sessions WHERE router_id = ? AND acct_session_id = ?');
    for (const t of w.sessions) {
      const acked = t.startAcked || t.ackedIn > 0n || t.stopAcked;
      const row = byId.get(routerId, t.s.acctSessionId) as Row | undefined;
      if (!acked) {
        if (row && (BigInt(row.input_octets as number) > t.sentIn || BigInt(row.output_octets as number) > t.sentOut)) lose(`session ${t.s.acctSessionId}: more usage than was ever sent`);
        continue;
      }
      w.counts.sessionChecks++;
      w.recordsChecked++;
      if (!row) {
        lose(`session ${t.s.acctSessionId}: acknowledged but not in the database`);
        continue;
      }
      const inB = BigInt(row.input_octets as number);
      const outB = BigInt(row.output_octets as number);
      if (inB < t.ackedIn || outB < t.ackedOut) lose(`session ${t.s.acctSessionId}: usage ${inB}/${outB} below acknowledged ${t.ackedIn}/${t.ackedOut}`);
      if (inB > t.sentIn || outB > t.sentOut) lose(`session ${t.s.acctSessionId}: usage ${inB}/${outB} above the most ever sent ${t.sentIn}/${t.sentOut}`);
      if (BigInt(row.charged_bytes as number) !== inB + outB) lose(`session ${t.s.acctSessionId}: charged ${row.charged_bytes} for ${inB + outB} bytes`);
      if ((t.stopAcked || t.closedByOn) && row.status !== 'stopped') lose(`session ${t.s.acctSessionId}: Stop acknowledged but ${row.status}`);
      // Open before the kill, open after (no Accounting-On is sent); or closed as stale by the rule,
      // once nothing came for 3 interim intervals (3 × 60 s here).
      const mayBeStale = Date.now() - t.lastSentAt > STALE_AFTER_MS - 10_000;
      if (!t.stopSent && row.status !== 'online' && !(row.status === 'stale' && mayBeStale)) lose(`session ${t.s.acctSessionId}: open on the router but ${row.status} after the restart`);
    }
    const doubleCharged = db
      .prepare(
        `SELECT s.id, s.bytes_used, COALESCE((SELECT SUM(charged_bytes) FROM sessions WHERE subscription_id = s.id), 0) AS charged
           FROM subscriptions s WHERE s.bytes_used <> COALESCE((SELECT SUM(charged_bytes) FROM sessions WHERE subscription_id = s.id), 0)`,
      )
      .all() as Row[];
    w.recordsChecked++;
    for (const d of doubleCharged) lose(`subscription ${d.id}: bytes_used ${d.bytes_used} but its sessions were charged ${d.charged}`);

    // Money: every acknowledged sale, redeem and payment is a completed payment with its subscription.
    const pay = db.prepare('SELECT id, status, method, gateway_ref, trx_id FROM payments WHERE id = ?');
    const subsOf = db.prepare("SELECT id, status FROM subscriptions WHERE payment_id = ?");
    for (const a of w.acked) {
      w.recordsChecked++;
      const p = pay.get(a.paymentId) as Row | undefined;
      if (!p || p.status !== 'completed') {
        lose(`${a.kind} ${a.ref} for ${a.phone}: payment ${a.paymentId} is ${p ? String(p.status) : 'missing'}`);
        continue;
      }
      if (a.kind === 'sale' && p.gateway_ref !== a.ref) lose(`sale ${a.ref}: payment ${a.paymentId} has ref ${String(p.gateway_ref)}`);
      if ((a.kind === 'payment' || a.kind === 'gateway') && p.trx_id !== a.ref) lose(`${a.kind} ${a.ref}: payment ${a.paymentId} has TrxID ${String(p.trx_id)}`);
      const subs = subsOf.all(a.paymentId) as Row[];
      if (subs.length !== 1) lose(`${a.kind} ${a.ref}: ${subs.length} subscriptions for payment ${a.paymentId}`);
      else if (!['active', 'queued'].includes(String(subs[0]!.status))) lose(`${a.kind} ${a.ref}: subscription ${subs[0]!.id} is ${subs[0]!.status}`);
      else if (a.subscriptionId !== null && subs[0]!.id !== a.subscriptionId) lose(`${a.kind} ${a.ref}: told subscription ${a.subscriptionId}, stored ${subs[0]!.id}`);
    }
    // No payment completed twice: one ledger row per reference, one subscription per payment.
    const twice = db
      .prepare(
        `SELECT 'payment ' || payment_id AS what, COUNT(*) AS n FROM subscriptions WHERE payment_id IS NOT NULL GROUP BY payment_id HAVING n > 1
         UNION ALL SELECT 'TrxID ' || trx_id, COUNT(*) FROM payments WHERE trx_id IS NOT NULL AND status = 'completed' GROUP BY trx_id HAVING COUNT(*) > 1
         UNION ALL SELECT 'ref ' || gateway_ref, COUNT(*) FROM payments WHERE gateway_ref IS NOT NULL GROUP BY gateway_ref HAVING COUNT(*) > 1`,
      )
      .all() as Row[];
    w.recordsChecked++;
    for (const d of twice) lose(`${d.what} completed ${d.n} times`);

    // bKash: the fake's word on what it charged against our ledger. Charged = completed once, with
    // bKash's transaction and one subscription; not charged = never completed; execute at most once.
    const byRef = db.prepare('SELECT id, status, trx_id FROM payments WHERE gateway_ref = ?');
    let charged = 0;
    for (const fp of w.bkash.payments.values()) {
      w.recordsChecked++;
      const row = byRef.get(fp.paymentID) as Row | undefined;
      if (fp.executeCalls > 1) lose(`bKash ${fp.paymentID}: execute called ${fp.executeCalls} times`);
      if (fp.status !== 'Completed') {
        if (row?.status === 'completed') lose(`bKash ${fp.paymentID}: payment ${row.id} completed, but bKash never charged it (${fp.status})`);
        continue;
      }
      charged++;
      if (!row || row.status !== 'completed') {
        lose(`bKash ${fp.paymentID}: charged at bKash (${fp.trxID}), but payment ${row ? `${row.id} is ${String(row.status)}` : 'is missing'}`);
        continue;
      }
      if (row.trx_id !== fp.trxID) lose(`bKash ${fp.paymentID}: payment ${row.id} has TrxID ${String(row.trx_id)}, bKash charged ${fp.trxID}`);
      const subs = subsOf.all(row.id) as Row[];
      if (subs.length !== 1 || !['active', 'queued'].includes(String(subs[0]!.status))) lose(`bKash ${fp.paymentID}: payment ${row.id} has ${subs.map((x) => String(x.status)).join(', ') || 'no'} subscription(s)`);
    }
    w.counts.gatewayCharged = charged;
    const completedRefs = db.prepare("SELECT id, gateway_ref FROM payments WHERE method = 'bkash' AND status = 'completed'").all() as Row[];
    w.recordsChecked++;
    for (const r of completedRefs) {
      if (w.bkash.payments.get(String(r.gateway_ref))?.status !== 'Completed') lose(`payment ${r.id}: a completed bKash payment bKash has no charge for (${String(r.gateway_ref)})`);
    }
  } finally {
    db.close();
  }
  // The admin API tells the owner the same: each acknowledged purchase's subscription is on its customer.
  const phones = [...new Set(w.acked.slice(-12).map((a) => a.phone))];
  for (const phone of phones) {
    const c = await w.read('customers.get', { phone });
    for (const a of w.acked.filter((x) => x.phone === phone)) {
      w.recordsChecked++;
      if (!c.subscriptions.some((s) => s.paymentId === a.paymentId && (s.status === 'active' || s.status === 'queued'))) lose(`${a.kind} ${a.ref}: customers.get ${phone} does not show its subscription`);
    }
  }
  // Every backup the owner is offered (listed as readable) is a whole database, and so is every
  // one acknowledged; a backup cut short by the kill is never listed.
  const listed = await w.read('backups.list', {});
  const offered = listed.backups.filter((b) => b.readable).map((b) => b.path);
  for (const file of [...new Set([...w.backups.splice(0), ...offered])]) {
    w.recordsChecked++;
    if (!fs.existsSync(file)) {
      lose(`backup ${file}: acknowledged but missing`);
      continue;
    }
    const b = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const r = b.pragma('integrity_check', { simple: true });
      if (r !== 'ok') lose(`backup ${file}: integrity_check ${String(r)}`);
    } finally {
      b.close();
    }
  }
  // A copy a kill cut short is gone once the next backup ran (retryUnanswered ran one): each is
  // as large as the database, and nobody else would ever remove it.
  const partials = partialBackups(listed.folder);
  if (partials.length > 0) lose(`backup folder: ${partials.join(', ')} left half-written after the next backup`);
}

/** First start: a router (our NAS), a package, customers for the RADIUS load, cards, Send Money. */
async function setUp(w: World, rounds: number): Promise<void> {
  const { api } = w;
  await api('settings.update', {
    setup: { done: true },
    otp: { perIpPerHour: 500, perMacPerHour: 50, perNumberPerHour: 20, perNumberPerDay: 100 },
    sendMoney: { bkashNumber: SHOP_BKASH, smsWebhookToken: SMS_TOKEN },
  });
  // The built server's bKash module talks to the fake in this process: its base URL is the
  // gateway's own setting (as a new bKash host would be), nothing test-only in the server.
  const { bkash } = w;
  await api('gateways.configure', {
    gateway: 'bkash', enabled: true, baseUrl: bkash.url, appKey: bkash.credentials.appKey, appSecret: bkash.credentials.appSecret,
    username: bkash.credentials.username, password: bkash.credentials.password,
  });
  await api('routers.create', { name: 'Crash router', nasIp: '127.0.0.1', secret: SECRET, coaPort: w.nas.coaPort() });
  for (let i = 0; i < RADIUS_CUSTOMERS; i++) {
    const phone = `0171${String(5_000_000 + i).padStart(7, '0')}`;
    const sale = await api('customers.sellPackage', { phone, packageId: w.packageId, method: 'cash' });
    const c = await api('customers.get', { id: sale.customerId });
    w.customers.push({ phone, username: c.hotspotUsername, password: c.hotspotPassword, subscriptionId: sale.subscriptionId });
  }
  const cards = await api('vouchers.generate', { packageId: w.packageId, count: Math.min(10_000, 60 * rounds + 100) });
  w.codes = cards.codes;
}

export async function runCrashRounds(opts: CrashOptions): Promise<CrashReport> {
  const seed = opts.seed ?? crypto.randomInt(2 ** 31);
  const rnd = prng(seed);
  const log = opts.log ?? (() => {});
  const minLoad = opts.minLoadMs ?? 300;
  const maxLoad = opts.maxLoadMs ?? 1500;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotspotdesk-crash-'));
  const ports = await pickPorts();
  log(`seed=${seed} dataDir=${dataDir} ports admin=${ports.admin} portal=${ports.portal} auth=${ports.auth} acct=${ports.acct}`);
  const nas = new VirtualNas({ nasIp: '127.0.0.1', secret: SECRET, server: { host: '127.0.0.1', authPort: ports.auth, acctPort: ports.acct }, timeoutMs: ACK_TIMEOUT_MS, tries: ACK_TRIES });
  await nas.start();
  const bkash = await startFakeBkash();
  let server = await startCrashServer(dataDir, ports);
  const w = new World(rnd, dataDir, ports, nas, bkash);
  connect(w, server);
  if (process.env.CRASH_DEBUG) w.debug = (l) => log(`  debug ${l}`);
  try {
    w.packageId = (await w.api('packages.create', { name: 'Crash day', price: PRICE, validitySeconds: 86_400, downloadBps: 5_000_000, uploadBps: 2_000_000, devices: 100 })).id;
    await setUp(w, opts.rounds);
    const routerId = (await w.api('routers.list', {}))[0]!.id;
    w.hotspot = new VirtualHotspot({ portalUrl: `http://127.0.0.1:${ports.portal}`, routerId, nas, loginBy: ['http-chap', 'http-pap', 'mac'] });
    await w.hotspot.start();

    for (let round = 1; round <= opts.rounds; round++) {
      w.stopping = false;
      const loadMs = minLoad + Math.floor(rnd() * (maxLoad - minLoad));
      const workers = [
        ...Array.from({ length: LANES }, (_, i) => accountingLane(w, i)),
        counterLoad(w),
        paymentLoad(w),
        paymentLoad(w),
        gatewayLoad(w),
        backupOnce(w, Math.floor(rnd() * loadMs)),
      ].map((p) => p.catch((e: unknown) => w.lost.push(`load generator error: ${(e as Error).message}`)));
      const target = TARGETS[Math.floor(rnd() * TARGETS.length)]!;
      const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
      const heldBefore = bkash.held;
      if (target === 'any') await sleep(loadMs);
      else if (target === 'executeHeld') {
        // The next execute moves the money at the fake and is never answered; the kill lands while
        // the engine waits (its own timeout is 30 s), or at the end of a longer window.
        await sleep(Math.floor(rnd() * loadMs * 0.7));
        bkash.next('execute', 'hold');
        await Promise.race([bkash.whenHeld(heldBefore + 1).then(() => sleep(Math.floor(rnd() * JITTER_MS.executeHeld))), sleep(maxLoad * 3)]);
      } else {
        // Aimed: the kill lands while such a request is being handled (or at the end of a longer window).
        const jitter = JITTER_MS[target];
        await sleep(Math.floor(rnd() * loadMs * 0.7));
        await Promise.race([w.next(target).then(() => sleep(Math.floor(rnd() * jitter))), sleep(maxLoad * 3)]);
      }
      // The kill: no warning, whatever is in flight.
      for (const k of Object.keys(w.inFlight) as Array<keyof World['inFlight']>) if (w.inFlight[k] > 0) w.counts.killedDuring[k]++;
      if (bkash.held > heldBefore) w.counts.killedDuring.executeHeld++;
      w.stopping = true;
      await killHard(server);
      // A hold no execute reached this round must not catch one after the restart (30 s each).
      bkash.unscript('execute');
      server = await startCrashServer(dataDir, ports);
      w.counts.restartMs.push(server.startMs);
      connect(w, server);
      // In-flight router requests keep retransmitting into the new process; wait for them all.
      await Promise.all(workers);
      // Counted from here: the retries check things too (the retry job's booking for bKash).
      const before = w.lost.length;
      await retryUnanswered(w);
      // Now and then the router reboots between rounds: an Accounting-On closes all its sessions.
      if (rnd() < 0.15) await routerReboot(w);
      await check(w);
      log(
        `round ${round}/${opts.rounds}: kill ${target === 'any' ? `at ${loadMs} ms` : `in ${target}`}, restart ${server.startMs} ms, acks ${w.counts.accountingAcks}, ` +
          `sessions ${w.sessions.length}, sales ${w.counts.sales}, redeems ${w.counts.redeems}, payments ${w.counts.payments}, ` +
          `gateway payments ${w.counts.gatewayPayments} (charged ${w.counts.gatewayCharged}), backups ${w.counts.backups}, ` +
          `checked ${w.recordsChecked}, lost ${w.lost.length - before}`,
      );
      for (const l of w.lost.slice(before)) log(`  LOST ${l}`);
    }
  } catch (e) {
    // Not a loss but the harness or the server failing: say which, with the server's own words.
    const state = server.child.exitCode !== null || server.child.signalCode !== null ? `exited (${server.child.exitCode ?? server.child.signalCode})` : 'still running';
    log(`stopped by an error; the server is ${state}; its stderr ends:\n${server.stderr().slice(-3000)}`);
    w.lost.push(`the run stopped: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  } finally {
    await w.hotspot?.stop().catch(() => undefined);
    await nas.stop();
    await stopClean(server);
    await bkash.stop();
    if (w.lost.length === 0) fs.rmSync(dataDir, { recursive: true, force: true });
    else log(`data dir kept for a look: ${dataDir}`);
  }
  return { rounds: opts.rounds, recordsChecked: w.recordsChecked, counts: w.counts, lost: w.lost };
}
