import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { createHeldRequests } from './heldRequests';

/**
 * A local bKash Tokenized Checkout (hotspot-protocols.md §5.1), served under
 * `<url>/tokenized/checkout/…` where `url` ends in `/v1.2.0-beta` like the real base URLs:
 *
 *   POST token/grant, token/refresh   headers username/password, body app_key/app_secret(/refresh_token)
 *   POST create                       → paymentID, bkashURL (a page on this fake), transactionStatus Initiated
 *   GET  /pay?paymentId=…             the "bKash page": links to pay, fail or cancel
 *   GET  /pay/confirm?paymentId=…&outcome=success|failure|cancel → 302 to callbackURL?paymentID=…&status=…
 *   POST execute, payment/status, general/searchTransaction, payment/refund
 *
 * Errors come in the real envelopes: {statusCode, statusMessage} with HTTP 200 (or
 * {errorCode, errorMessage}, option `envelope`), and 401/403 from the "API gateway" for a bad
 * token or a mismatched X-APP-Key. Scripted per call (`next(op, action)`): an error code, a held
 * request (never answered: the client's timeout fires) that is still carried out ('hold') or not
 * ('holdBefore'), an HTTP status. Options cover a different amount in every reply, duplicate
 * callbacks from the payment page, and the [U] details (unpaid-execute code, callback joining).
 */
export type FakeBkashOp = 'grant' | 'refresh' | 'create' | 'execute' | 'query' | 'search' | 'refund';

export type FakeBkashAction =
  | 'ok'
  /** Carry the call out, then never answer (execute: the money moves, the client times out). */
  | 'hold'
  /** Never answer, and do nothing. */
  | 'holdBefore'
  | { statusCode: string; statusMessage?: string }
  | { http: number; body?: string };

export interface FakeBkashOptions {
  appKey?: string;
  appSecret?: string;
  username?: string;
  password?: string;
  /** Seconds, as grant returns it. */
  expiresIn?: number;
  /** Which error envelope bKash uses ([U]: both appear in public integrations). */
  envelope?: 'statusCode' | 'errorCode';
  /** Bad grant credentials: an HTTP 401 from the API gateway, or an HTTP 200 error envelope ([U]). */
  grantFailure?: 'http401' | 'envelope';
  /** What execute answers for a payment the customer never paid ([U]: 2056 or 2060 seen). */
  unpaidExecute?: { statusCode: string; statusMessage: string };
  /** Execute on a completed payment: 2062 (payment) or 2117 (execution) already completed. */
  repeatExecuteCode?: '2062' | '2117' | '2068';
  /** Every execute/query/search reply reports this amount instead of the created one. */
  answerAmount?: string;
  /** The payment page sends the browser to the callback twice (an iframe and the redirect). */
  duplicateCallbacks?: boolean;
  /** How the fake adds paymentID/status to a callbackURL that already has a query ([U]). */
  callbackJoin?: 'smart' | 'question';
}

export interface FakeBkashPayment {
  paymentID: string;
  amount: string;
  currency: string;
  invoice: string;
  payerReference: string;
  callbackURL: string;
  /** Initiated → (customer) Authorized → (execute) Completed; or Cancelled / Failed. */
  status: 'Initiated' | 'Authorized' | 'Completed' | 'Cancelled' | 'Failed';
  trxID: string | null;
  executeCalls: number;
  refunded: number;
  createTime: string;
  executeTime: string | null;
}

interface Out {
  json(status: number, body: unknown): void;
}

export interface FakeBkashRequest {
  op: FakeBkashOp | 'page' | 'other';
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

const MESSAGES: Record<string, string> = {
  '2001': 'Invalid App Key',
  '2002': 'Invalid Payment ID',
  '2006': 'Invalid Amount',
  '2007': 'Invalid currency',
  '2008': 'Invalid intent',
  '2014': 'Wrong PIN',
  '2023': 'Insufficient Balance',
  '2026': 'The reversal amount cannot be greater than the original transaction amount',
  '2029': 'Duplicate for all transactions',
  '2033': 'Transaction not found', // [U] searchTransaction's code for an unknown trxID
  '2056': 'Invalid Payment State',
  '2060': "Payment execution pre-requisite hasn't been met",
  '2062': 'The payment has already been completed',
  '2065': 'Mandatory field missing',
  '2068': 'Transaction has already been completed',
  '2117': 'Payment execution already been called before',
  '9999': 'System Error',
};

const OPS: Record<string, FakeBkashOp> = {
  'token/grant': 'grant', 'token/refresh': 'refresh', create: 'create', execute: 'execute',
  'payment/status': 'query', 'general/searchTransaction': 'search', 'payment/refund': 'refund',
};

/** `2019-08-07T11:12:34:978 GMT+0600`, bKash's own timestamp shape. */
export function bkashTime(ms: number): string {
  const d = new Date(ms + 6 * 3600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}:${p(d.getUTCMilliseconds(), 3)} GMT+0600`;
}

function addQuery(url: string, params: Record<string, string>, join: 'smart' | 'question'): string {
  const q = new URLSearchParams(params).toString();
  return `${url}${join === 'question' || !url.includes('?') ? '?' : '&'}${q}`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

export async function startFakeBkash(opts: FakeBkashOptions = {}) {
  const creds = {
    appKey: opts.appKey ?? 'fake-app-key-4f6o0cjiki2rfm34',
    appSecret: opts.appSecret ?? 'fake-app-secret-2is7hdktrekvrblj',
    username: opts.username ?? 'sandboxTokenizedUser02',
    password: opts.password ?? 'sandboxTokenizedUser02@12345',
  };
  const requests: FakeBkashRequest[] = [];
  const payments = new Map<string, FakeBkashPayment>();
  const script = new Map<FakeBkashOp, FakeBkashAction[]>();
  const idTokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const sockets = new Set<Socket>();
  const held = createHeldRequests();
  let seq = 0;

  const token = (prefix: string) => `${prefix}.${randomBytes(24).toString('base64url')}`;
  const trxId = () => randomBytes(8).toString('hex').toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(10, 'X').slice(0, 10);

  function json(res: Out, status: number, body: unknown) {
    res.json(status, body);
  }
  const toHttp = (res: http.ServerResponse): Out => ({
    json: (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
  });
  // A held call is carried out, and its reply dropped.
  const sink: Out = { json: () => undefined };
  function fail(res: Out, code: string, message = MESSAGES[code] ?? 'Error') {
    if (opts.envelope === 'errorCode') return json(res, 200, { errorCode: code, errorMessage: message });
    return json(res, 200, { statusCode: code, statusMessage: message });
  }
  const ok = (res: Out, body: Record<string, unknown>) =>
    json(res, 200, { ...body, statusCode: '0000', statusMessage: 'Successful' });
  const amountOf = (p: FakeBkashPayment) => opts.answerAmount ?? p.amount;

  function grantReply(res: Out) {
    const id = token('id');
    const refresh = token('refresh');
    idTokens.add(id);
    refreshTokens.add(refresh);
    ok(res, { id_token: id, token_type: 'Bearer', expires_in: opts.expiresIn ?? 3600, refresh_token: refresh });
  }

  function tokenOp(op: 'grant' | 'refresh', req: FakeBkashRequest, res: Out) {
    const b = req.body;
    const goodHeaders = req.headers.username === creds.username && req.headers.password === creds.password;
    const goodBody = b.app_key === creds.appKey && b.app_secret === creds.appSecret;
    if (!goodHeaders || !goodBody) {
      if (opts.grantFailure === 'envelope') return fail(res, b.app_key === creds.appKey ? '2079' : '2001', b.app_key === creds.appKey ? 'Invalid username and password combination' : MESSAGES['2001']);
      return json(res, 401, { message: 'Unauthorized' });
    }
    if (op === 'refresh' && !refreshTokens.has(String(b.refresh_token))) return fail(res, '2079', 'Invalid refresh token');
    return grantReply(res);
  }

  /** The API gateway in front of every call but the token ones. */
  function gatewayDenies(req: FakeBkashRequest, res: Out): boolean {
    const auth = String(req.headers.authorization ?? '');
    if (!idTokens.has(auth) && !idTokens.has(auth.replace(/^Bearer\s+/i, ''))) {
      json(res, 401, { message: 'Unauthorized' });
      return true;
    }
    if (req.headers['x-app-key'] !== creds.appKey) {
      json(res, 403, { message: 'Forbidden' });
      return true;
    }
    return false;
  }

  function paymentBody(p: FakeBkashPayment) {
    return {
      paymentID: p.paymentID, mode: '0011', payerReference: p.payerReference,
      paymentCreateTime: p.createTime, ...(p.executeTime ? { paymentExecuteTime: p.executeTime } : {}),
      amount: amountOf(p), currency: p.currency, intent: 'sale', merchantInvoiceNumber: p.invoice,
      ...(p.trxID ? { trxID: p.trxID, customerMsisdn: '01770618575' } : {}),
      transactionStatus: p.status === 'Authorized' ? 'Initiated' : p.status,
      ...(p.status === 'Completed' ? { verificationStatus: 'Complete' } : {}),
    };
  }

  /** Carries an API call out. `silent`: do the work but the reply goes nowhere (a held request). */
  function api(op: FakeBkashOp, req: FakeBkashRequest, res: Out) {
    const b = req.body;
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    switch (op) {
      case 'grant':
      case 'refresh':
        return tokenOp(op, req, res);
      case 'create': {
        if (gatewayDenies(req, res)) return;
        for (const f of ['mode', 'payerReference', 'callbackURL', 'amount', 'currency', 'intent', 'merchantInvoiceNumber']) {
          if (typeof b[f] !== 'string' || !b[f]) return fail(res, '2065');
        }
        if (b.mode !== '0011') return fail(res, '2063', 'Mode is not valid as per request data');
        if (!/^\d{1,9}(\.\d{1,2})?$/.test(String(b.amount)) || Number(b.amount) <= 0) return fail(res, '2006');
        if (b.currency !== 'BDT') return fail(res, '2007');
        if (b.intent !== 'sale') return fail(res, '2008');
        if ([...payments.values()].some((p) => p.invoice === b.merchantInvoiceNumber)) return fail(res, '2029');
        const paymentID = `TR0011${String(++seq).padStart(4, '0')}${randomBytes(5).toString('hex')}`;
        const p: FakeBkashPayment = {
          paymentID, amount: String(b.amount), currency: 'BDT', invoice: String(b.merchantInvoiceNumber),
          payerReference: String(b.payerReference), callbackURL: String(b.callbackURL), status: 'Initiated',
          trxID: null, executeCalls: 0, refunded: 0, createTime: bkashTime(Date.now()), executeTime: null,
        };
        payments.set(paymentID, p);
        const cb = (status: string) => addQuery(p.callbackURL, { paymentID, status }, opts.callbackJoin ?? 'smart');
        return ok(res, {
          paymentID, bkashURL: `${origin}/pay?paymentId=${encodeURIComponent(paymentID)}`,
          callbackURL: p.callbackURL, successCallbackURL: cb('success'), failureCallbackURL: cb('failure'), cancelledCallbackURL: cb('cancel'),
          amount: p.amount, intent: 'sale', currency: 'BDT', paymentCreateTime: p.createTime,
          transactionStatus: 'Initiated', merchantInvoiceNumber: p.invoice,
        });
      }
      case 'execute': {
        if (gatewayDenies(req, res)) return;
        const p = payments.get(String(b.paymentID));
        if (!p) return fail(res, '2002');
        p.executeCalls++;
        if (p.status === 'Completed') return fail(res, opts.repeatExecuteCode ?? '2062');
        if (p.status !== 'Authorized') {
          const u = opts.unpaidExecute ?? { statusCode: '2056', statusMessage: MESSAGES['2056']! };
          return fail(res, u.statusCode, u.statusMessage);
        }
        p.status = 'Completed';
        p.trxID = trxId();
        p.executeTime = bkashTime(Date.now());
        return ok(res, paymentBody(p));
      }
      case 'query': {
        if (gatewayDenies(req, res)) return;
        const p = payments.get(String(b.paymentID));
        if (!p) return fail(res, '2002');
        return ok(res, paymentBody(p));
      }
      case 'search': {
        if (gatewayDenies(req, res)) return;
        const p = [...payments.values()].find((x) => x.trxID && x.trxID === String(b.trxID));
        if (!p) return fail(res, '2033');
        // The real reply has no paymentID and no merchantInvoiceNumber.
        return ok(res, {
          trxID: p.trxID, initiationTime: p.createTime, completedTime: p.executeTime,
          transactionType: 'bKash Tokenized Checkout via API', customerMsisdn: '01770618575',
          transactionStatus: 'Completed', amount: amountOf(p), currency: p.currency, organizationShortCode: '50022',
        });
      }
      case 'refund': {
        if (gatewayDenies(req, res)) return;
        for (const f of ['paymentID', 'trxID', 'amount', 'reason', 'sku']) if (typeof b[f] !== 'string' || !b[f]) return fail(res, '2065');
        const p = payments.get(String(b.paymentID));
        if (!p || p.trxID !== b.trxID || p.status !== 'Completed') return fail(res, '2002');
        const paisa = Math.round(Number(b.amount) * 100);
        if (!(paisa > 0) || p.refunded + paisa > Math.round(Number(p.amount) * 100)) return fail(res, '2026');
        p.refunded += paisa;
        return ok(res, {
          completedTime: bkashTime(Date.now()), transactionStatus: 'Completed', originalTrxID: p.trxID,
          refundTrxID: trxId(), amount: String(b.amount), currency: 'BDT', charge: '0.00',
        });
      }
    }
  }

  function page(u: URL, res: http.ServerResponse) {
    const id = u.searchParams.get('paymentId') ?? '';
    const p = payments.get(id);
    if (!p) return res.writeHead(404, { 'content-type': 'text/plain' }).end('unknown payment');
    if (u.pathname === '/pay') {
      const link = (outcome: string, label: string) => `<p><a id="${outcome}" href="/pay/confirm?paymentId=${encodeURIComponent(id)}&amp;outcome=${outcome}">${label}</a></p>`;
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><meta name="viewport" content="width=device-width"><title>bKash (fake)</title>` +
        `<h1>bKash</h1><p>Pay ৳${esc(p.amount)} for ${esc(p.invoice)}</p>` +
        link('success', 'Pay') + link('failure', 'Fail') + link('cancel', 'Cancel'),
      );
    }
    const outcome = u.searchParams.get('outcome');
    if (outcome !== 'success' && outcome !== 'failure' && outcome !== 'cancel') return res.writeHead(400).end('bad outcome');
    const target = markPaid(id, outcome);
    if (opts.duplicateCallbacks) {
      // Two arrivals of the same callback: the iframe and the redirect race.
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><meta http-equiv="refresh" content="0;url=${esc(target)}"><iframe src="${esc(target)}"></iframe>`,
      );
    }
    return res.writeHead(302, { location: target }).end();
  }

  /** What the customer does on the payment page; the callback URL the browser is sent to. */
  function markPaid(paymentID: string, outcome: 'success' | 'failure' | 'cancel'): string {
    const p = payments.get(paymentID);
    if (!p) throw new Error(`fake bKash: no payment ${paymentID}`);
    if (p.status === 'Initiated') p.status = outcome === 'success' ? 'Authorized' : outcome === 'cancel' ? 'Cancelled' : 'Failed';
    return addQuery(p.callbackURL, { paymentID, status: outcome }, opts.callbackJoin ?? 'smart');
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const u = new URL(req.url ?? '/', 'http://fake');
        let body: Record<string, unknown> = {};
        try {
          const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
          if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
        } catch {
          body = {};
        }
        const m = /\/tokenized\/checkout\/(.+)$/.exec(u.pathname);
        const op = m ? OPS[m[1]!] : undefined;
        const rec: FakeBkashRequest = { op: op ?? (u.pathname.startsWith('/pay') ? 'page' : 'other'), path: u.pathname, headers: req.headers, body };
        requests.push(rec);
        if (rec.op === 'page' && req.method === 'GET') return page(u, res);
        const out = toHttp(res);
        if (!op || req.method !== 'POST') return json(out, 404, { message: 'Not Found' });
        const action = script.get(op)?.shift() ?? 'ok';
        if (action === 'holdBefore') {
          held.add();
          return; // never answered; the socket is destroyed at stop()
        }
        if (action === 'hold') {
          // Carry the call out against a sink, then leave the client waiting.
          api(op, rec, sink);
          held.add();
          return;
        }
        if (action !== 'ok' && 'http' in action) return res.writeHead(action.http, { 'content-type': 'text/html' }).end(action.body ?? '<html>error</html>');
        if (action !== 'ok') return fail(out, action.statusCode, action.statusMessage);
        return api(op, rec, out);
      } catch (err) {
        toHttp(res).json(500, { message: (err as Error).message });
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    /** Put this in the bKash baseUrl setting. */
    url: `${origin}/v1.2.0-beta`,
    origin,
    host: '127.0.0.1',
    credentials: creds,
    requests,
    payments,
    /** Calls of one API operation so far. */
    count: (op: FakeBkashOp) => requests.filter((r) => r.op === op).length,
    /** Script the next call(s) of an operation. */
    next(op: FakeBkashOp, ...actions: FakeBkashAction[]) {
      script.set(op, [...(script.get(op) ?? []), ...actions]);
    },
    /** Drops the scripted actions of an operation not used yet (a hold meant for a moment that passed). */
    unscript(op: FakeBkashOp) {
      script.delete(op);
    },
    /** Requests held so far ('hold' carried out first, 'holdBefore' not): never answered. */
    get held() {
      return held.count;
    },
    /** Resolves once `n` requests have been held (a held execute has moved the money by then). */
    whenHeld: (n: number) => held.whenHeld(n),
    /** The customer pays (or fails, or cancels) on the payment page; returns the callback URL. */
    pay: markPaid,
    /** A callback URL for a payment the customer never paid (forged or replayed). */
    forgedCallback(paymentID: string, status = 'success') {
      const p = payments.get(paymentID);
      if (!p) throw new Error(`fake bKash: no payment ${paymentID}`);
      return addQuery(p.callbackURL, { paymentID, status }, opts.callbackJoin ?? 'smart');
    },
    /** Revoke every token handed out: the next API call gets 401 (as after a token expiry). */
    expireTokens() {
      idTokens.clear();
    },
    /** Also revoke refresh tokens (the refresh call then fails and a grant is needed). */
    expireRefreshTokens() {
      refreshTokens.clear();
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeBkash = Awaited<ReturnType<typeof startFakeBkash>>;
