import express from 'express';
import { normalizePhone, toLocalPhone } from '../../src-shared/phone';
import { isGatewayId, SEND_MONEY_WALLETS, type GatewayId, type SendMoneyWallet } from '../../src-shared/payments';
import type { PaymentOutcome } from '../../src-shared/api/payments';
import { isAppError } from '../errors';
import type { FlowKit, Step } from './customerFlow';
import { parseDigits } from './digits';
import { signToken, type AuthToken } from './flowTokens';
import type { Messages } from './i18n';
import type { PayChoices } from './pages/PackageList';
import { PayResultPage, PayWaitingPage, RecoverPage, SendMoneyPage } from './pages/PayPages';
import type { PortalPayments } from './payPort';
import { readReturnState, signReturnState } from './returnToken';
import type { Params } from './routerValues';
import type { PortalCustomer } from './shopPort';
import { signState } from './stateToken';

/**
 * Paying online on the portal (issue #10 "Portal flow", "Send Money"): package → method → the
 * engine creates the payment and the portal sends the browser (303) to the gateway → the browser
 * comes back to /portal/pay/back, whose values are only hints → the engine asks the gateway →
 * paid: the same login as a card; pending: a page that refreshes itself; failed: plain words.
 * No cookies: the trip through the gateway carries a compact signed token (returnToken.ts),
 * every other page the flow's `t` and `a` tokens, like the rest of the portal.
 */
export interface PayKit extends FlowKit {
  payments: PortalPayments;
  step(req: express.Request, res: express.Response, params: Params, path: string, extra?: Record<string, string | undefined>): Step | null;
  authOf(s: Step, params: Params): AuthToken | null;
  login(s: Step, cust: PortalCustomer, aTok: string, info: string | null): void;
  renderAccount(s: Step, cust: PortalCustomer, a: string, o?: { welcomeBack?: boolean; error?: string | null; info?: string | null; status?: number }): void;
  href(path: string, q: Record<string, string | undefined>): string;
  redirect(s: Step, path: string, q: Record<string, string | undefined>): void;
  wrap(fn: (req: express.Request, res: express.Response) => Promise<void> | void): express.RequestHandler;
}

export const PAY_BACK_PATH = '/portal/pay/back';
export const IPN_PATH = '/portal/pay/ipn';
/** How often a waiting page reloads itself: often enough to feel live, rare enough for 200 phones. */
export const WAITING_REFRESH_SECONDS = 5;

const SEND_PREFIX = 'send_';

function gatewayLabel(m: Messages, g: GatewayId): string {
  return g === 'bkash' ? m.payBkash : g === 'nagad' ? m.payNagad : m.paySslcommerz;
}

function walletLabel(m: Messages, w: SendMoneyWallet): string {
  return w === 'bkash' ? m.payBkash : w === 'nagad' ? m.payNagad : 'Rocket';
}

/** The account page's "Pay with": only the enabled gateways, Send Money where the shop has a number. */
export function payChoices(payments: PortalPayments, s: Step, a: string): PayChoices & { recoverHref: string | null } {
  const { m } = s.c;
  const { gateways, sendMoney } = payments.methods();
  const methods = [
    ...gateways.map((g) => ({ value: g, label: gatewayLabel(m, g) })),
    ...SEND_MONEY_WALLETS.filter((w) => sendMoney[w]).map((w) => ({ value: `${SEND_PREFIX}${w}`, label: m.paySendMoney(walletLabel(m, w)) })),
  ];
  const q = new URLSearchParams({ t: s.t, a, lang: s.c.lang });
  return { hidden: { ...s.keep, a }, methods, cardHref: '#card', recoverHref: gateways.length > 0 ? `/portal/pay/recover?${q.toString()}` : null };
}

/**
 * The owner's portal URL, where SSLCommerz can post its IPN; none without one (the shop PC is
 * then only on the LAN, and the browser's return plus the engine's own query settle the payment).
 */
function notifyUrl(kit: PayKit): string | null {
  const base = kit.configuredUrl();
  return base ? `${base.replace(/\/+$/, '')}${IPN_PATH}` : null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** Our own parameters on the return URL; everything else the gateway added is a hint. */
const OWN = new Set(['r', 'payment', 't', 'a', 'lang']);

export function registerPayFlow(app: express.Express, kit: PayKit): void {
  const { payments, signingKey: key } = kit;
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 80 });
  const now = () => kit.clock.now();
  const body = (req: express.Request): Params => (req.body ?? {}) as Params;

  /** The customer's account and the package chosen, or a page saying why not (already sent). */
  function account(s: Step, params: Params): { a: AuthToken; aTok: string; cust: PortalCustomer } | null {
    const a = kit.authOf(s, params);
    if (!a) return null;
    const cust = kit.shop.customer(a.cid);
    if (!cust) {
      kit.problem(s.req, s.res, 400, (m) => m.startAgain);
      return null;
    }
    return { a, aTok: String(params.a), cust };
  }

  function packageOf(s: Step, raw: unknown) {
    const id = Number(raw);
    return Number.isInteger(id) ? (kit.packageViews(s.v.routerId, s.c).find((p) => p.id === id) ?? null) : null;
  }

  const accountHref = (s: Step, aTok: string) => kit.href('/portal/account', { t: s.t, a: aTok, lang: s.c.lang });
  const recoverHref = (s: Step, aTok: string) => (payments.methods().gateways.length > 0 ? kit.href('/portal/pay/recover', { t: s.t, a: aTok, lang: s.c.lang }) : null);

  // --- package + method → the gateway (or the Send Money page) ---
  app.post('/portal/pay', form, kit.wrap(async (req, res) => {
    const s = kit.step(req, res, body(req), '/portal');
    if (!s) return;
    const acc = account(s, body(req));
    if (!acc) return;
    const { m } = s.c;
    const pkg = packageOf(s, body(req).package);
    const method = str(body(req).method) ?? '';
    const offered = payments.methods();
    if (!pkg) return kit.renderAccount(s, acc.cust, acc.aTok, { error: m.payMethodOff, status: 400 });
    if (method.startsWith(SEND_PREFIX)) {
      const wallet = method.slice(SEND_PREFIX.length) as SendMoneyWallet;
      if (!offered.sendMoney[wallet]) return kit.renderAccount(s, acc.cust, acc.aTok, { error: m.payMethodOff, status: 400 });
      return kit.redirect(s, '/portal/pay/send', { a: acc.aTok, package: String(pkg.id), wallet });
    }
    if (!isGatewayId(method) || !offered.gateways.includes(method)) return kit.renderAccount(s, acc.cust, acc.aTok, { error: m.payMethodOff, status: 400 });
    const base = kit.baseUrl(req);
    if (!base) return kit.problem(req, res, 400, (mm) => mm.startAgain);
    const r = signReturnState(key, { v: s.v, customerId: acc.a.cid, lang: s.c.lang }, now() + kit.ttlMs);
    try {
      const started = await payments.startCheckout({
        customerId: acc.a.cid, packageId: pkg.id, gateway: method, returnUrlBase: `${base}${PAY_BACK_PATH}?r=${r}`, notifyUrl: notifyUrl(kit),
      });
      kit.log.info({ customerId: acc.a.cid, paymentId: started.paymentId, gateway: method }, 'portal: sent to the payment gateway');
      res.redirect(303, started.redirectUrl);
    } catch (e) {
      if (!isAppError(e)) throw e;
      kit.log.warn({ customerId: acc.a.cid, gateway: method, code: e.code }, 'portal: payment could not start');
      kit.renderAccount(s, acc.cust, acc.aTok, { error: e.code === 'GATEWAY_NOT_ENABLED' ? m.payMethodOff : m.payStartFailed, status: 503 });
    }
  }));

  // --- the browser comes back from the gateway (bKash/Nagad: GET; SSLCommerz: POST) ---
  const back = kit.wrap(async (req, res) => {
    const q = req.query as Params;
    const rs = readReturnState(key, q.r, now());
    const paymentId = Number(q.payment);
    if (!rs || !Number.isInteger(paymentId) || paymentId <= 0) return kit.problem(req, res, 400, (m) => m.tokenExpired);
    if (!kit.routerKnown(rs.v.routerId)) return kit.problem(req, res, 404, (m) => m.unknownRouter);
    const own = payments.payment(paymentId);
    // The payment must be this customer's: a return URL cannot be pointed at someone else's.
    if (!own || own.outcome.customerId !== rs.customerId) return kit.problem(req, res, 400, (m) => m.startAgain);
    const hints: Record<string, string> = {};
    for (const src of [q, body(req)]) for (const [k, v] of Object.entries(src)) if (!OWN.has(k) && typeof v === 'string') hints[k] = v.slice(0, 200);
    try {
      await payments.confirm(paymentId, hints);
    } catch (e) {
      // The gateway's answer could not be had: the page shows "checking" and the job asks again.
      kit.log.warn({ paymentId, err: (e as Error).message }, 'portal: confirmation after the return failed');
    }
    const t = signState(key, rs.v, now() + kit.ttlMs);
    const a = signToken(key, { k: 'a', cid: rs.customerId, mac: rs.v.mac }, now() + kit.ttlMs);
    // Post/redirect/get: a reload or the back button shows the result, never confirms again.
    res.redirect(303, kit.href('/portal/pay/done', { t, a, payment: String(paymentId), lang: rs.lang }));
  });
  app.get(PAY_BACK_PATH, back);
  app.post(PAY_BACK_PATH, form, back);

  // --- the result, read from the ledger (a reload never asks the gateway: the retry job does) ---
  app.get('/portal/pay/done', (req, res) => {
    const s = kit.step(req, res, req.query, '/portal/pay/done', { a: str(req.query.a), payment: str(req.query.payment) });
    if (!s) return;
    const acc = account(s, req.query);
    if (!acc) return;
    const paymentId = Number(req.query.payment);
    const p = Number.isInteger(paymentId) ? payments.payment(paymentId) : null;
    if (!p || p.outcome.customerId !== acc.a.cid) return kit.problem(req, res, 400, (m) => m.startAgain);
    showOutcome(s, acc, p.outcome, { method: p.method, trxId: p.trxId, paymentId });
  });

  function showOutcome(s: Step, acc: { aTok: string; cust: PortalCustomer; a: AuthToken }, o: PaymentOutcome, p: { method: string; trxId: string | null; paymentId: number }): void {
    const { m } = s.c;
    const again = { againHref: accountHref(s, acc.aTok), againLabel: m.tryAgain };
    switch (o.state) {
      case 'completed':
        // The same path as a card: active → the login form to the router; queued → the account page.
        return kit.redirect(s, '/portal/bought', { a: acc.aTok, sub: o.subscriptionId !== null ? String(o.subscriptionId) : undefined });
      case 'checking': {
        const sendMoney = p.method.endsWith('_send_money');
        // Re-signed on every load: a customer waiting for the shop's confirmation is not sent back to the start after 30 minutes.
        const t = signState(kit.signingKey, s.v, now() + kit.ttlMs);
        const a = signToken(kit.signingKey, { k: 'a', cid: acc.a.cid, mac: s.v.mac }, now() + kit.ttlMs);
        const self = kit.href('/portal/pay/done', { t, a, payment: String(p.paymentId), lang: s.c.lang });
        kit.send(
          s.res,
          200,
          <PayWaitingPage
            chrome={s.c}
            title={sendMoney ? m.waitingShopTitle : m.checkingTitle}
            body={sendMoney ? m.waitingShopBody(p.trxId ?? '') : m.checkingBody}
            refreshHref={self}
            refreshSeconds={WAITING_REFRESH_SECONDS}
            recoverHref={sendMoney ? null : recoverHref(s, acc.aTok)}
            backHref={accountHref(s, acc.aTok)}
          />,
        );
        return;
      }
      case 'failed':
        return kit.send(s.res, 200, <PayResultPage chrome={s.c} title={m.payFailedTitle} body={/cancel/i.test(o.message) ? m.payCancelledBody : m.payFailedBody} {...again} />);
      case 'needs_review':
        // Never online on a payment the owner has to look at (an amount that differs above all).
        return o.problem === 'PAYMENT_AMOUNT_MISMATCH'
          ? kit.send(s.res, 200, <PayResultPage chrome={s.c} title={m.mismatchTitle} body={m.mismatchBody} againHref={accountHref(s, acc.aTok)} againLabel={m.backToPackages} />)
          : kit.send(s.res, 200, <PayResultPage chrome={s.c} title={m.reviewTitle} body={m.reviewBody} againHref={accountHref(s, acc.aTok)} againLabel={m.backToPackages} />);
      case 'refunded':
        return kit.send(s.res, 200, <PayResultPage chrome={s.c} title={m.payFailedTitle} body={m.refundedBody} {...again} />);
    }
  }

  // --- Send Money: the number and the amount, then the TrxID ---
  function sendMoneyPage(s: Step, aTok: string, wallet: SendMoneyWallet, packageId: number, o: { error?: string | null; trxId?: string; sender?: string; status?: number } = {}): void {
    const { m } = s.c;
    const pkg = packageOf(s, packageId);
    const number = payments.methods().sendMoney[wallet];
    if (!pkg || !number) return kit.problem(s.req, s.res, 400, (mm) => mm.payMethodOff);
    kit.send(
      s.res,
      o.status ?? 200,
      <SendMoneyPage
        chrome={s.c}
        wallet={walletLabel(m, wallet)}
        number={s.c.lang === 'bn' ? toBn(toLocalPhone(number)) : toLocalPhone(number)}
        amount={pkg.price}
        packageName={pkg.name}
        hidden={{ ...s.keep, a: aTok, package: String(pkg.id), wallet }}
        error={o.error ?? null}
        trxId={o.trxId}
        sender={o.sender}
        backHref={accountHref(s, aTok)}
      />,
    );
  }

  const walletOf = (v: unknown): SendMoneyWallet | null => ((SEND_MONEY_WALLETS as readonly string[]).includes(String(v)) ? (v as SendMoneyWallet) : null);

  app.get('/portal/pay/send', (req, res) => {
    const s = kit.step(req, res, req.query, '/portal/pay/send', { a: str(req.query.a), package: str(req.query.package), wallet: str(req.query.wallet) });
    if (!s) return;
    const acc = account(s, req.query);
    if (!acc) return;
    const wallet = walletOf(req.query.wallet);
    if (!wallet) return kit.problem(req, res, 400, (m) => m.payMethodOff);
    sendMoneyPage(s, acc.aTok, wallet, Number(req.query.package));
  });

  app.post('/portal/pay/send', form, kit.wrap(async (req, res) => {
    const s = kit.step(req, res, body(req), '/portal');
    if (!s) return;
    const acc = account(s, body(req));
    if (!acc) return;
    const { m } = s.c;
    const wallet = walletOf(body(req).wallet);
    const pkg = packageOf(s, body(req).package);
    if (!wallet || !pkg) return kit.problem(req, res, 400, (mm) => mm.payMethodOff);
    const trxTyped = (str(body(req).trxId) ?? '').slice(0, 30);
    const senderTyped = (str(body(req).sender) ?? '').slice(0, 20);
    const again = (error: string, status = 400) => sendMoneyPage(s, acc.aTok, wallet, pkg.id, { error, trxId: trxTyped, sender: senderTyped, status });
    const sender = normalizePhone(parseDigits(senderTyped));
    if (!sender.ok) return again(m.badPhone);
    try {
      const r = await payments.startSendMoney({ customerId: acc.a.cid, packageId: pkg.id, wallet, trxId: parseDigits(trxTyped), senderPhone: sender.e164 });
      kit.log.info({ customerId: acc.a.cid, paymentId: r.paymentId, wallet }, 'portal: Send Money TrxID entered');
      kit.redirect(s, '/portal/pay/done', { a: acc.aTok, payment: String(r.paymentId) });
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (e.code === 'invalid_input') return again(m.badTrxId);
      if (e.code === 'TRX_ID_USED') return again(m.trxUsed, 409);
      if (e.code === 'SEND_MONEY_OFF') return again(m.payMethodOff, 409);
      throw e;
    }
  }));

  // --- "I paid but have no internet" ---
  function recoverPage(s: Step, aTok: string, o: { error?: string | null; info?: string | null; trxId?: string; status?: number } = {}): void {
    const { m } = s.c;
    const gateways = payments.methods().gateways.map((g) => ({ value: g, label: gatewayLabel(m, g) }));
    kit.send(
      s.res,
      o.status ?? 200,
      <RecoverPage chrome={s.c} gateways={gateways} hidden={{ ...s.keep, a: aTok }} error={o.error ?? null} info={o.info ?? null} trxId={o.trxId} backHref={accountHref(s, aTok)} />,
    );
  }

  app.get('/portal/pay/recover', (req, res) => {
    const s = kit.step(req, res, req.query, '/portal/pay/recover', { a: str(req.query.a) });
    if (!s) return;
    const acc = account(s, req.query);
    if (!acc) return;
    recoverPage(s, acc.aTok);
  });

  app.post('/portal/pay/recover', form, kit.wrap(async (req, res) => {
    const s = kit.step(req, res, body(req), '/portal');
    if (!s) return;
    const acc = account(s, body(req));
    if (!acc) return;
    const { m } = s.c;
    const gateway = str(body(req).gateway) ?? '';
    const trxTyped = (str(body(req).trxId) ?? '').trim().slice(0, 40);
    if (!isGatewayId(gateway) || !payments.methods().gateways.includes(gateway)) return recoverPage(s, acc.aTok, { error: m.payMethodOff, trxId: trxTyped, status: 400 });
    const trxId = parseDigits(trxTyped).replace(/\s+/g, '');
    if (!/^[A-Za-z0-9]{4,40}$/.test(trxId)) return recoverPage(s, acc.aTok, { error: m.badTrxId, trxId: trxTyped, status: 400 });
    let o: PaymentOutcome;
    try {
      o = await payments.recover(gateway, trxId);
    } catch (e) {
      if (!isAppError(e)) throw e;
      const words = e.code === 'TRX_ID_USED' ? m.trxUsed : e.code === 'GATEWAY_UNAVAILABLE' ? m.recoverUnavailable : m.trxNotFound;
      kit.log.info({ customerId: acc.a.cid, gateway, code: e.code }, 'portal: payment recovery refused');
      return recoverPage(s, acc.aTok, { error: words, trxId: trxTyped, status: e.code === 'GATEWAY_UNAVAILABLE' ? 503 : 404 });
    }
    // Paid, but on another customer's invoice: activated for them, never for whoever typed the id.
    if (o.customerId !== acc.a.cid) return recoverPage(s, acc.aTok, { info: m.recoverOther });
    const p = payments.payment(o.paymentId);
    showOutcome(s, acc, o, { method: p?.method ?? gateway, trxId: p?.trxId ?? null, paymentId: o.paymentId });
  }));

  // --- SSLCommerz IPN (server to server; only reachable when the owner has a public URL) ---
  app.post(IPN_PATH, express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 120 }), kit.wrap(async (req, res) => {
    const r = await payments.ipn(body(req));
    if (!r.ok) {
      kit.log.warn({ ipn: 'refused', field: r.field }, 'portal: SSLCommerz IPN refused');
      return void res.status(r.status).json({ ok: false, error: { code: r.status === 404 ? 'PAYMENT_NOT_FOUND' : 'invalid_input', field: r.field, message: r.message } });
    }
    res.json({ ok: true, value: { state: r.outcome.state } });
  }));
}

function toBn(s: string): string {
  return s.replace(/[0-9]/g, (d) => '০১২৩৪৫৬৭৮৯'[Number(d)]!);
}
