import express from 'express';
import type http from 'node:http';
import type { ReactElement } from 'react';
import { normalizePhone, toLocalPhone } from '../../src-shared/phone';
import { normalizeVoucherCode } from '../billing/vouchers';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { CardGuardStore, CardLimits } from './cardGuard';
import { chapPassword } from './chap';
import { seeOther } from './seeOther';
import type { CustomerAuth, OtpPurpose, OtpRequestRefusal, OtpVerifyResult, PinLoginResult } from './customerAuth/types';
import { parseDigits } from './digits';
import { isAuthToken, isProofToken, isStepToken, readToken, signToken, type AuthToken, type StepToken } from './flowTokens';
import { formatData, formatRetry, formatShopTime, formatValidity, maskPhone, type PackageView } from './format';
import { describeTimeLeft, localDigits } from '../../src-shared/format';
import type { Messages } from './i18n';
import type { Chrome } from './pages/Layout';
import { AccountPage, LoginPage, type AccountView } from './pages/AccountPage';
import { CodePage, PhonePage, PinPage, SetPinPage } from './pages/StepPages';
import type { Hidden } from './pages/forms';
import type { LanguageMemory } from './languageMemory';
import { isRouterValues, type Params, type RouterValues } from './routerValues';
import type { CardRefusal, PortalCustomer, PortalShop } from './shopPort';
import { signState, verifyState } from './stateToken';
import type { PortalPayments } from './payPort';
import { payChoices, registerPayFlow } from './payFlow';
import type { FreeMinutes } from '../radius/freeMinutes';

/**
 * The customer's flow (issue #9 "The customer's flow"): known MAC → straight in or welcome back;
 * number → OTP → PIN (new) or number → PIN (returning), "forgot PIN" → OTP → new PIN; this
 * router's packages and a recharge card; then the browser posts the hotspot login to the router.
 * Every step is a plain form or link (JavaScript off works) and carries its state in signed
 * tokens (no cookies). customerAuth decides who the customer is; billing sells; RADIUS decides
 * access — nothing here trusts the router's values beyond choosing packages and where to log in.
 */
export interface FlowKit {
  log: Logger;
  clock: Clock;
  signingKey: Buffer;
  ttlMs: number;
  auth: CustomerAuth;
  shop: PortalShop;
  timezone: () => string;
  chrome(req: express.Request, explicitLang: unknown, hrefFor: (lang: 'en' | 'bn') => string): Chrome;
  /** chrome() from an Accept-Language value (the fast path's, without an express request). */
  chromeFor(acceptLanguage: string | undefined, explicitLang: unknown, hrefFor: (lang: 'en' | 'bn') => string): Chrome;
  send(res: express.Response, status: number, page: ReactElement): void;
  /** The first page, alike for every phone of a router but for the token `t` (kept rendered). */
  sendFirstPage(res: express.Response, kind: string, routerId: number, c: Chrome, t: string, page: () => ReactElement): void;
  /** What sendFirstPage would send, as bytes, when that page is already rendered; else null. */
  firstPageBytes(kind: string, routerId: number, c: Chrome, t: string): Buffer | null;
  problem(req: express.Request, res: express.Response, status: number, message: (m: Messages) => string): void;
  packageViews(routerId: number, c: Chrome): PackageView[];
  routerKnown(id: number): boolean;
  /** The wrong-card limit (cardGuard.ts); without it codes are not limited (the pages' own tests). */
  cardGuard?: CardGuardStore;
  cardLimits: CardLimits;
  /** The language a phone used last, for pages the router sends it back to without one. */
  languages: LanguageMemory;
  /** Online payments (payFlow.tsx); without them the account page offers the recharge card only. */
  payments?: PortalPayments;
  /** The portal's base URL as phones reach it (the gateways' return address), or null. */
  baseUrl(req: express.Request): string | null;
  /** The owner's configured portal URL (SSLCommerz's IPN goes there), or null. */
  configuredUrl(): string | null;
  /** "Free minutes to pay" logins (RADIUS issues them); without it the button never shows. */
  freeMinutes?: Pick<FreeMinutes, 'offer' | 'issue'>;
}

/** Recent card redeems (code → who, which subscription): a double submit shows the first success. */
const RECENT_REDEEMS_MAX = 10_000;

export interface Step {
  req: express.Request;
  res: express.Response;
  v: RouterValues;
  t: string;
  c: Chrome;
  /** Hidden fields every form of this page carries. */
  keep: Hidden;
}

export function registerCustomerFlow(app: express.Express, kit: FlowKit) {
  const { auth, shop, signingKey: key } = kit;
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 50 });
  const now = () => kit.clock.now();
  const recent = new Map<string, { cid: number; sub: number }>();

  function href(path: string, q: Record<string, string | undefined>): string {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) u.set(k, v);
    return `${path}?${u.toString()}`;
  }

  /**
   * The router's token and the language asked for (a `lang` given, else the one remembered for
   * this MAC): what step() and the fast path's newPhonePage() both start from.
   */
  function routerToken(t: unknown, lang: unknown): { ok: true; v: RouterValues; explicit: unknown } | { ok: false; status: 400 | 404 | 410; words: (m: Messages) => string } {
    const check = verifyState(key, t, now(), isRouterValues);
    if (!check.ok) return check.reason === 'expired' ? { ok: false, status: 410, words: (m) => m.tokenExpired } : { ok: false, status: 400, words: (m) => m.tokenInvalid };
    if (!kit.routerKnown(check.value.routerId)) return { ok: false, status: 404, words: (m) => m.unknownRouter };
    const explicit = typeof lang === 'string' && lang !== '' ? lang : kit.languages.recall(check.value.mac);
    return { ok: true, v: check.value, explicit };
  }

  /** The router's token (and the language) from a form or a link; a problem page when it is not good. */
  function step(req: express.Request, res: express.Response, params: Params, path: string, extra: Record<string, string | undefined> = {}): Step | null {
    const r = routerToken(params.t, params.lang);
    if (!r.ok) {
      kit.problem(req, res, r.status, r.words);
      return null;
    }
    const t = String(params.t);
    // A GET page switches language in place; a posted page goes back to the flow's start.
    const c = kit.chrome(req, r.explicit, (l) => (req.method === 'GET' ? href(path, { t, ...extra, lang: l }) : href('/portal', { t, lang: l })));
    return { req, res, v: r.v, t, c, keep: { t, lang: c.lang } };
  }

  function authOf(s: Step, params: Params): AuthToken | null {
    const a = readToken(key, params.a, now(), isAuthToken);
    // Bound to the device it was issued for: a link copied to another phone starts again.
    if (!a || a.mac !== s.v.mac) {
      kit.problem(s.req, s.res, 400, (m) => m.startAgain);
      return null;
    }
    return a;
  }

  function stepToken(s: Step, params: Params): StepToken | null {
    const st = readToken(key, params.s, now(), isStepToken);
    if (!st) kit.problem(s.req, s.res, 400, (m) => m.startAgain);
    return st;
  }

  const issueAuth = (s: Step, cid: number) => signToken(key, { k: 'a', cid, mac: s.v.mac }, now() + kit.ttlMs);
  const issueStep = (st: Omit<StepToken, 'k'>) => signToken(key, { k: 's', ...st }, now() + kit.ttlMs);
  const redirect = (s: Step, path: string, q: Record<string, string | undefined>) => seeOther(s.res, href(path, { t: s.t, ...q, lang: s.c.lang }));
  const requester = (s: Step) => ({ mac: s.v.mac, ip: clientIp(s.req) });
  const localOf = (e164: string) => (s: { c: Chrome }) => localDigits(toLocalPhone(e164), s.c.lang);

  function otpRefusal(m: Messages, r: { reason: OtpRequestRefusal; retryAt?: number }, s: Step): string {
    const when = formatRetry(r.retryAt, now(), s.c.lang, m, kit.timezone());
    switch (r.reason) {
      case 'limit_number_hour':
      case 'limit_number_day':
        return m.limitNumber(when);
      case 'limit_mac':
        return m.limitDevice(when);
      case 'limit_ip':
        return m.limitNetwork(when);
      case 'resend_too_soon':
        return m.resendTooSoon(when);
      case 'sms_failed':
        return m.smsFailed;
      case 'disabled':
        return m.accountDisabled;
      case 'wrong_purpose':
        return m.startAgain;
    }
  }

  function verifyRefusal(m: Messages, r: Extract<OtpVerifyResult, { ok: false }>, s: Step): string {
    switch (r.reason) {
      case 'wrong_code':
        return m.wrongCode(num(s, r.attemptsLeft ?? 0));
      case 'too_many_attempts':
        return m.codeTooMany;
      case 'expired':
        return m.codeExpired;
      case 'unknown':
        return m.codeUnknown;
    }
  }

  function pinRefusal(m: Messages, r: Extract<PinLoginResult, { ok: false }>, s: Step): string {
    switch (r.reason) {
      case 'wrong_pin':
        return m.wrongPin(num(s, r.attemptsLeft ?? 0));
      case 'locked':
        return m.pinLocked(formatRetry(r.lockedUntil, now(), s.c.lang, m, kit.timezone()));
      case 'no_pin':
      case 'unknown_number':
        return m.unknownNumber;
      case 'disabled':
        return m.accountDisabled;
    }
  }

  function cardRefusal(m: Messages, r: CardRefusal): string {
    const words: Record<CardRefusal, string> = {
      used: m.cardUsed, unknown: m.cardUnknown, disabled: m.cardDisabled, expired: m.cardExpired, customer_disabled: m.accountDisabled, failed: m.cardFailed,
    };
    return words[r];
  }

  const num = (s: { c: Chrome }, n: number) => localDigits(String(n), s.c.lang);

  function accountView(s: { c: Chrome }, cust: PortalCustomer): AccountView {
    const { lang, m } = s.c;
    const tz = kit.timezone();
    const a = cust.active;
    // Queued packages start one after another when the one before ends; a data-only package's end is unknown.
    let startAt: number | null = a ? a.expiresAt : now();
    const queued = cust.queued.map((q) => {
      const starts = startAt !== null ? m.startsAt(formatShopTime(startAt, lang, tz)) : m.startsAfterData;
      startAt = startAt !== null && q.validitySeconds !== null ? startAt + q.validitySeconds * 1000 : null;
      return { name: q.packageName, starts };
    });
    return {
      phone: maskPhone(localOf(cust.phone)(s)),
      active: a
        ? {
            name: a.packageName,
            // Clock-aware (issue #12): "2 h 10 m online time left", "starts at first login"; a
            // package counted from purchase shows its plain countdown.
            timeLeft:
              a.clock === 'purchase'
                ? a.secondsLeft !== null ? formatValidity(a.secondsLeft, lang, m) : m.noTimeLimit
                : (describeTimeLeft(a, lang) ?? m.noTimeLimit),
            dataLeft: a.bytesLeft !== null ? formatData(a.bytesLeft, lang, m) : m.unlimited,
          }
        : null,
      queued,
      ended: cust.lastEnded,
      devicesOnline: a ? `${num(s, cust.onlineMacs.length)} / ${num(s, a.devices)}` : null,
    };
  }

  function renderAccount(s: Step, cust: PortalCustomer, a: string, o: { welcomeBack?: boolean; error?: string | null; info?: string | null; status?: number } = {}) {
    const loginHref = cust.active && s.v.linkLoginOnly ? href('/portal/login', { t: s.t, a, lang: s.c.lang }) : null;
    // Only for a phone with nothing to go online with, behind a router it can log in to.
    const free = !cust.active && s.v.linkLoginOnly && s.v.mac ? kit.freeMinutes?.offer() : null;
    kit.send(
      s.res,
      o.status ?? 200,
      <AccountPage
        chrome={s.c}
        view={accountView(s, cust)}
        welcomeBack={o.welcomeBack ?? false}
        packages={kit.packageViews(s.v.routerId, s.c)}
        hidden={{ ...s.keep, a }}
        loginHref={loginHref}
        routerError={s.v.error}
        error={o.error ?? null}
        info={o.info ?? null}
        pay={kit.payments ? payChoices(kit.payments, s, a) : undefined}
        freeMinutes={free ? num(s, free.minutes) : null}
      />,
    );
  }

  function renderPhone(s: Step, o: { error?: string | null; phone?: string; status?: number } = {}) {
    const page = () => <PhonePage chrome={s.c} packages={kit.packageViews(s.v.routerId, s.c)} routerError={s.v.error} error={o.error ?? null} hidden={s.keep} phone={o.phone} />;
    // The page every new phone lands on: the same for all of them but for the token.
    if (!o.error && o.phone === undefined && o.status === undefined && !s.v.error) return kit.sendFirstPage(s.res, 'phone', s.v.routerId, s.c, s.t, page);
    kit.send(s.res, o.status ?? 200, page());
  }

  function renderPin(s: Step, st: StepToken, error: string | null, status = 200) {
    const sTok = issueStep({ phone: st.phone, need: 'pin', ch: null, resendAt: null });
    kit.send(s.res, status, <PinPage chrome={s.c} phone={localOf(st.phone)(s)} hidden={{ ...s.keep, s: sTok }} forgotHref={href('/portal/forgot', { t: s.t, s: sTok, lang: s.c.lang })} error={error} />);
  }

  function renderCode(s: Step, st: StepToken, sTok: string, error: string | null, status = 200) {
    const wait = st.resendAt !== null ? Math.max(0, Math.ceil((st.resendAt - now()) / 1000)) : 0;
    kit.send(
      s.res,
      status,
      <CodePage chrome={s.c} phone={localOf(st.phone)(s)} hidden={{ ...s.keep, s: sTok }} resendHref={href('/portal/resend', { t: s.t, s: sTok, lang: s.c.lang })} waitSeconds={wait} error={error} info={null} />,
    );
  }

  /** Sends a code; on success to the code form, else `onRefused` renders the page it came from with the reason. */
  async function sendCode(s: Step, phone: string, purpose: OtpPurpose, onRefused: (message: string) => void): Promise<void> {
    let r;
    try {
      r = await auth.requestOtp({ phone, purpose, lang: s.c.lang, ...requester(s) });
    } catch (e) {
      kit.log.warn({ err: (e as Error).message }, 'portal: OTP request failed');
      return onRefused(s.c.m.smsFailed);
    }
    if (!r.ok) {
      // Registering a number that has a PIN meanwhile: ask for the PIN instead.
      if (r.reason === 'wrong_purpose' && purpose === 'register') return renderPin(s, { k: 's', phone, need: 'pin', ch: null, resendAt: null }, null);
      return onRefused(otpRefusal(s.c.m, r, s));
    }
    redirect(s, '/portal/code', { s: issueStep({ phone, need: purpose, ch: r.challengeId, resendAt: r.resendAt }) });
  }

  /** After the customer proved who they are: online at once when a package is active, else the packages. */
  function signedIn(s: Step, cid: number): void {
    const a = issueAuth(s, cid);
    const cust = shop.customer(cid);
    redirect(s, cust?.active && s.v.linkLoginOnly ? '/portal/login' : '/portal/account', { a });
  }

  const body = (req: express.Request): Params => (req.body ?? {}) as Params;
  const wrap = (fn: (req: express.Request, res: express.Response) => Promise<void> | void) => (req: express.Request, res: express.Response, next: express.NextFunction) => {
    Promise.resolve(fn(req, res)).catch(next);
  };

  app.post('/portal/phone', form, wrap(async (req, res) => {
    const s = step(req, res, body(req), '/portal');
    if (!s) return;
    const typed = str(body(req).phone) ?? '';
    const phone = normalizePhone(parseDigits(typed));
    if (!phone.ok) return renderPhone(s, { error: s.c.m.badPhone, phone: typed.slice(0, 20), status: 400 });
    const who = auth.lookup(phone.e164);
    if (who.known && who.disabled) return renderPhone(s, { error: s.c.m.accountDisabled, phone: typed.slice(0, 20), status: 403 });
    if (who.known && who.hasPin) return renderPin(s, { k: 's', phone: phone.e164, need: 'pin', ch: null, resendAt: null }, null);
    await sendCode(s, phone.e164, 'register', (message) => renderPhone(s, { error: message, phone: typed.slice(0, 20), status: 429 }));
  }));

  app.get('/portal/code', (req, res) => {
    const s = step(req, res, req.query, '/portal/code', { s: str(req.query.s) });
    if (!s) return;
    const st = stepToken(s, req.query);
    if (!st || st.ch === null) return;
    renderCode(s, st, String(req.query.s), null);
  });

  app.post('/portal/code', form, (req, res) => {
    const s = step(req, res, body(req), '/portal');
    if (!s) return;
    const st = stepToken(s, body(req));
    if (!st || st.ch === null || st.need === 'pin') return;
    const r = auth.verifyOtp({ phone: st.phone, challengeId: st.ch, code: parseDigits(str(body(req).code) ?? '').slice(0, 12), ...requester(s) });
    if (!r.ok) return renderCode(s, st, String(body(req).s), verifyRefusal(s.c.m, r, s), 400);
    redirect(s, '/portal/newpin', { p: signToken(key, { k: 'p', phone: st.phone, proof: r.proof, purpose: st.need }, now() + kit.ttlMs) });
  });

  app.get('/portal/resend', wrap(async (req, res) => {
    const s = step(req, res, req.query, '/portal');
    if (!s) return;
    const st = stepToken(s, req.query);
    if (!st || st.need === 'pin') return;
    await sendCode(s, st.phone, st.need, (message) => renderCode(s, st, String(req.query.s), message, 429));
  }));

  app.get('/portal/forgot', wrap(async (req, res) => {
    const s = step(req, res, req.query, '/portal');
    if (!s) return;
    const st = stepToken(s, req.query);
    if (!st) return;
    await sendCode(s, st.phone, 'pinReset', (message) => renderPin(s, st, message, 429));
  }));

  app.get('/portal/newpin', (req, res) => {
    const s = step(req, res, req.query, '/portal/newpin', { p: str(req.query.p) });
    if (!s) return;
    if (!readToken(key, req.query.p, now(), isProofToken)) return kit.problem(req, res, 400, (m) => m.startAgain);
    kit.send(res, 200, <SetPinPage chrome={s.c} hidden={{ ...s.keep, p: String(req.query.p) }} error={null} />);
  });

  app.post('/portal/newpin', form, (req, res) => {
    const s = step(req, res, body(req), '/portal');
    if (!s) return;
    const p = readToken(key, body(req).p, now(), isProofToken);
    if (!p) return kit.problem(req, res, 400, (m) => m.startAgain);
    const again = (error: string) => kit.send(res, 400, <SetPinPage chrome={s.c} hidden={{ ...s.keep, p: String(body(req).p) }} error={error} />);
    const pin = parseDigits(str(body(req).pin) ?? '');
    if (!/^\d{4,6}$/.test(pin)) return again(s.c.m.badPin);
    if (pin !== parseDigits(str(body(req).pin2) ?? '')) return again(s.c.m.pinMismatch);
    const r = auth.setPin({ proof: p.proof, pin });
    if (!r.ok) return r.reason === 'bad_pin' ? again(s.c.m.badPin) : kit.problem(req, res, 400, (m) => m.startAgain);
    signedIn(s, r.customerId);
  });

  app.post('/portal/pin', form, (req, res) => {
    const s = step(req, res, body(req), '/portal');
    if (!s) return;
    const st = stepToken(s, body(req));
    if (!st) return;
    const r = auth.loginWithPin({ phone: st.phone, pin: parseDigits(str(body(req).pin) ?? '').slice(0, 12), ...requester(s) });
    if (!r.ok) return renderPin(s, st, pinRefusal(s.c.m, r, s), r.reason === 'locked' ? 429 : 400);
    signedIn(s, r.customerId);
  });

  app.get('/portal/account', (req, res) => {
    const s = step(req, res, req.query, '/portal/account', { a: str(req.query.a) });
    if (!s) return;
    const a = authOf(s, req.query);
    if (!a) return;
    const cust = shop.customer(a.cid);
    if (!cust) return kit.problem(req, res, 400, (m) => m.startAgain);
    renderAccount(s, cust, String(req.query.a));
  });

  app.post('/portal/card', form, (req, res) => {
    const s = step(req, res, body(req), '/portal');
    if (!s) return;
    const a = authOf(s, body(req));
    if (!a) return;
    const aTok = String(body(req).a);
    const cust = shop.customer(a.cid);
    if (!cust) return kit.problem(req, res, 400, (m) => m.startAgain);
    // Codes as typed on a phone: spaces, dashes, lower case, Bangla digits.
    const code = normalizeVoucherCode(parseDigits(str(body(req).code) ?? '')).slice(0, 40);
    if (!code) return renderAccount(s, cust, aTok, { error: s.c.m.cardEmpty, status: 400 });
    // Guessing limit: checked before the redeem, so even a right code is not tried while blocked.
    const who = { customerId: a.cid, mac: s.v.mac };
    const tooMany = (until: number) => {
      kit.log.info({ customerId: a.cid, until }, 'portal: recharge cards blocked after wrong codes');
      renderAccount(s, cust, aTok, { error: s.c.m.cardTooMany(formatRetry(until, now(), s.c.lang, s.c.m, kit.timezone())), status: 429 });
    };
    const blocked = kit.cardGuard?.blockedUntil(who, now(), kit.cardLimits) ?? null;
    if (blocked !== null) {
      const first = recent.get(code);
      if (first?.cid === a.cid) return redirect(s, '/portal/bought', { a: aTok, sub: String(first.sub) });
      return tooMany(blocked);
    }
    const r = shop.redeemCard(code, cust.phone);
    if (r.ok) {
      if (recent.size >= RECENT_REDEEMS_MAX) recent.clear();
      recent.set(code, { cid: a.cid, sub: r.subscription.id });
      kit.log.info({ customerId: a.cid, subscriptionId: r.subscription.id }, 'portal: recharge card redeemed');
      return redirect(s, '/portal/bought', { a: aTok, sub: String(r.subscription.id) });
    }
    // The same customer's second submit of one card (a double tap, a re-post): the first one's success.
    const first = recent.get(code);
    if (r.reason === 'used' && first?.cid === a.cid) return redirect(s, '/portal/bought', { a: aTok, sub: String(first.sub) });
    kit.log.info({ customerId: a.cid, reason: r.reason }, 'portal: recharge card refused');
    // Only a code no card has is a guess; a used, disabled or expired card is a real card.
    if (r.reason === 'unknown' && kit.cardGuard) {
      const until = kit.cardGuard.recordWrong(who, now(), kit.cardLimits);
      if (until !== null) return tooMany(until);
    }
    renderAccount(s, cust, aTok, { error: cardRefusal(s.c.m, r.reason), status: 400 });
  });

  app.get('/portal/bought', (req, res) => {
    const s = step(req, res, req.query, '/portal/bought', { a: str(req.query.a), sub: str(req.query.sub) });
    if (!s) return;
    const a = authOf(s, req.query);
    if (!a) return;
    const cust = shop.customer(a.cid);
    if (!cust) return kit.problem(req, res, 400, (m) => m.startAgain);
    const subId = Number(req.query.sub);
    const aTok = String(req.query.a);
    if (cust.active?.id === subId) return login(s, cust, aTok, s.c.m.boughtActive(cust.active.packageName));
    const view = accountView(s, cust);
    const qi = cust.queued.findIndex((q) => q.id === subId);
    const info = qi >= 0 ? s.c.m.boughtQueued(cust.queued[qi]!.packageName, view.queued[qi]!.starts) : null;
    renderAccount(s, cust, aTok, { info });
  });

  app.get('/portal/login', (req, res) => {
    const s = step(req, res, req.query, '/portal/login', { a: str(req.query.a) });
    if (!s) return;
    const a = authOf(s, req.query);
    if (!a) return;
    const cust = shop.customer(a.cid);
    if (!cust) return kit.problem(req, res, 400, (m) => m.startAgain);
    login(s, cust, String(req.query.a), null);
  });

  // "Get N free minutes to pay" (issue #10): a one-time login from RADIUS for this device, posted
  // to the router like the customer's own login. Refusals are plain words on the account page.
  app.post('/portal/free', form, (req, res) => {
    const s = step(req, res, body(req), '/portal');
    if (!s) return;
    const a = authOf(s, body(req));
    if (!a) return;
    const aTok = String(body(req).a);
    const cust = shop.customer(a.cid);
    if (!cust) return kit.problem(req, res, 400, (m) => m.startAgain);
    if (cust.active || !s.v.linkLoginOnly) return login(s, cust, aTok, null);
    const r = kit.freeMinutes?.issue({ mac: s.v.mac, customerId: cust.customerId }) ?? { ok: false as const, reason: 'off' as const };
    if (!r.ok) {
      kit.log.info({ customerId: cust.customerId, reason: r.reason }, 'portal: free minutes refused');
      const words = { off: s.c.m.freeOff, no_device: s.c.m.freeNoDevice, used_today: s.c.m.freeUsedToday };
      return renderAccount(s, cust, aTok, { error: words[r.reason], status: r.reason === 'used_today' ? 409 : 400 });
    }
    let pw = r.password;
    if (s.v.chapId && s.v.chapChallenge) {
      const hashed = chapPassword(s.v.chapId, r.password, s.v.chapChallenge);
      if (!hashed) return kit.problem(req, res, 400, (mm) => mm.badRouterValue('chap-id'));
      pw = hashed;
    }
    kit.log.info({ customerId: cust.customerId, minutes: r.minutes }, 'portal: free minutes to pay issued');
    kit.languages.remember(s.v.mac, s.c.lang);
    const fields = { username: r.username, password: pw, dst: s.v.linkOrig ?? undefined, popup: 'true' };
    kit.send(res, 200, <LoginPage chrome={s.c} action={s.v.linkLoginOnly} fields={fields} info={s.c.m.freeGranted(num(s, r.minutes))} />);
  });

  /** The login form to link-login-only, or the reason it would be refused (no package, all devices online). */
  function login(s: Step, cust: PortalCustomer, aTok: string, info: string | null): void {
    const { m } = s.c;
    if (!cust.active || !s.v.linkLoginOnly) return renderAccount(s, cust, aTok, { info });
    const others = cust.onlineMacs.filter((mac) => mac !== s.v.mac).length;
    if (others >= cust.active.devices) return renderAccount(s, cust, aTok, { error: m.deviceLimit(num(s, cust.active.devices)), status: 409 });
    const { username, password } = shop.hotspotLogin(cust.customerId);
    let pw = password;
    if (s.v.chapId && s.v.chapChallenge) {
      const hashed = chapPassword(s.v.chapId, password, s.v.chapChallenge);
      if (!hashed) return kit.problem(s.req, s.res, 400, (mm) => mm.badRouterValue('chap-id'));
      pw = hashed;
    }
    kit.languages.remember(s.v.mac, s.c.lang);
    kit.send(s.res, 200, <LoginPage chrome={s.c} action={s.v.linkLoginOnly} fields={{ username, password: pw, dst: s.v.linkOrig ?? undefined, popup: 'true' }} info={info} />);
  }

  if (kit.payments) registerPayFlow(app, { ...kit, payments: kit.payments, step, authOf, login, renderAccount, href, redirect, wrap });

  return {
    /** GET /portal?t=: a known MAC goes straight in (or to "welcome back"); a new phone gets the number form. */
    entry(req: express.Request, res: express.Response): void {
      const s = step(req, res, req.query, '/portal');
      if (!s) return;
      const owner = s.v.mac ? shop.deviceOwner(s.v.mac) : null;
      const cust = owner !== null ? shop.customer(owner) : null;
      if (cust && !cust.disabled) {
        const a = issueAuth(s, cust.customerId);
        // After a refused login (the router's $(error)) never log in again by itself: no loop.
        if (cust.active && !s.v.error && s.v.linkLoginOnly) return redirect(s, '/portal/login', { a });
        return renderAccount(s, cust, a, { welcomeBack: true });
      }
      renderPhone(s);
    },

    /**
     * The fast path's GET /portal?t= (fastPath.ts): the bytes entry() would send when it would
     * send a new phone's first page from the page cache; null for every other outcome (a bad or
     * expired token, a known MAC, the router's error, a page not rendered yet), which entry()
     * then answers. Shares step()'s token and language reading (routerToken); the new-phone test
     * mirrors entry()'s: keep the two in step.
     */
    newPhonePage(q: { t: string; lang: string | undefined }, acceptLanguage: string | undefined): Buffer | null {
      const r = routerToken(q.t, q.lang);
      if (!r.ok) return null;
      const v = r.v;
      if (v.error || (v.mac && shop.deviceOwner(v.mac) !== null)) return null;
      const c = kit.chromeFor(acceptLanguage, r.explicit, (l) => href('/portal', { t: q.t, lang: l }));
      return kit.firstPageBytes('phone', v.routerId, c, q.t);
    },

    /** The customer a status page or RFC 8908 query is about: by the router's MAC (display only). */
    customerByMac(mac: string | null): PortalCustomer | null {
      const owner = mac ? shop.deviceOwner(mac) : null;
      return owner !== null ? shop.customer(owner) : null;
    },

    view(c: Chrome, cust: PortalCustomer): AccountView {
      return accountView({ c }, cust);
    },

    authFor(v: RouterValues, cid: number): { t: string; a: string } {
      const t = signState(key, v, now() + kit.ttlMs);
      return { t, a: signToken(key, { k: 'a', cid, mac: v.mac }, now() + kit.ttlMs) };
    },
  };
}

export type CustomerFlow = ReturnType<typeof registerCustomerFlow>;

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The phone's address as this request shows it (IPv4-mapped IPv6 written as IPv4). */
export function clientIp(req: Pick<http.IncomingMessage, 'socket'>): string {
  const a = req.socket.remoteAddress ?? 'unknown';
  return a.startsWith('::ffff:') ? a.slice(7) : a;
}
