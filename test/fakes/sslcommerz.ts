import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHeldRequests, stopFakeServer } from './heldRequests';

/**
 * A local SSLCommerz v4 (hotspot-protocols.md §5.3):
 *
 *   POST /gwprocess/v4/api.php  form {store_id, store_passwd, total_amount, currency, tran_id, success_url …}
 *        → {status: "SUCCESS", sessionkey, GatewayPageURL} | {status: "FAILED", failedreason}
 *   GET  /gwprocess/v4/gw.php?Q=pay&SESSIONKEY=…[&outcome=success|fail|cancel]  the customer's page;
 *        with an outcome it settles the payment, sends the IPN(s) and answers an auto-submitting form
 *        POST to success_url / fail_url / cancel_url, as SSLCommerz does
 *   GET  /validator/api/validationserverAPI.php?val_id=&store_id=&store_passwd=&v=1&format=json
 *        → VALID the first time, VALIDATED after; {APIConnect: "DONE", status: "INVALID_TRANSACTION"} for an unknown val_id
 *   GET  /validator/api/merchantTransIDvalidationAPI.php?tran_id=…  → {APIConnect, no_of_trans_found, element: […]}
 *        ?bank_tran_id=&refund_amount=&refund_remarks=  → a refund; ?refund_ref_id=  → its status
 *
 * Wrong store credentials get APIConnect "FAILED" on the validators and "Store Credential Error Or
 * Store is De-active" on the session API. IPNs are signed with the store password by SSLCommerz's
 * verify_key/verify_sign rule. It can hold requests (time outs), report another amount or a risky
 * payment, send IPNs before or after the browser and more than once, and send forged ones.
 */
export type SslKind = 'session' | 'validate' | 'query' | 'refund';
export type SslOutcome = 'success' | 'fail' | 'cancel';

export interface FakeSslcommerzOptions {
  storeId?: string;
  storePassword?: string;
  /** When ipn_url was given: send the IPN before the browser's post (default), after it, or not at all. */
  ipn?: 'before' | 'after' | 'none';
  /** How many copies of each IPN (duplicates). */
  ipnCopies?: number;
}

export interface FakeSslSession {
  tranId: string;
  sessionkey: string;
  form: Record<string, string>;
  status: 'PENDING' | 'VALID' | 'FAILED' | 'CANCELLED';
  valId: string | null;
  bankTranId: string | null;
  validations: number;
  reportedAmount: string;
  riskLevel: '0' | '1';
}

export interface FakeSslRequest {
  kind: SslKind | 'page' | 'other';
  method: string;
  path: string;
  query: Record<string, string>;
  fields: Record<string, string>;
}

const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');

const REQUIRED = ['total_amount', 'currency', 'tran_id', 'success_url', 'fail_url', 'cancel_url', 'cus_name', 'cus_email',
  'cus_add1', 'cus_city', 'cus_country', 'cus_phone', 'shipping_method', 'product_name', 'product_category', 'product_profile'];

export async function startFakeSslcommerz(opts: FakeSslcommerzOptions = {}) {
  const storeId = opts.storeId ?? 'rahim6543f1a2b3c4';
  const storePassword = opts.storePassword ?? 'rahim6543f1a2b3c4@ssl';
  const sessions = new Map<string, FakeSslSession>();
  const byValId = new Map<string, FakeSslSession>();
  const refunds = new Map<string, { bankTranId: string; amount: string; remarks: string; status: string }>();
  const requests: FakeSslRequest[] = [];
  const ipnsSent: Array<{ status: number; fields: Record<string, string> }> = [];
  const holds: Record<SslKind, number> = { session: 0, validate: 0, query: 0, refund: 0 };
  const held = createHeldRequests();
  let seq = 1;
  let url = '';

  const json = (res: http.ServerResponse, body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  /** Signs fields SSLCommerz's way: verify_key names them, verify_sign = md5 of the sorted k=v list with md5(store_passwd). */
  function sign(fields: Record<string, string>, password = storePassword): Record<string, string> {
    const keys = Object.keys(fields).sort();
    const picked: Record<string, string> = { ...fields, store_passwd: md5(password) };
    const text = Object.keys(picked).sort().map((k) => `${k}=${picked[k]}`).join('&');
    return { ...fields, verify_key: keys.join(','), verify_sign: md5(text) };
  }

  function record(s: FakeSslSession): Record<string, string> {
    return {
      status: s.validations > 0 ? 'VALIDATED' : 'VALID',
      tran_date: '2025-01-31 12:00:00', tran_id: s.tranId, val_id: s.valId ?? '',
      amount: s.reportedAmount, store_amount: s.reportedAmount, currency: 'BDT',
      bank_tran_id: s.bankTranId ?? '', card_type: 'BKASH-BKash', card_no: '', card_issuer: 'BKash Mobile Banking',
      card_brand: 'MOBILEBANKING', card_issuer_country: 'Bangladesh', card_issuer_country_code: 'BD',
      currency_type: 'BDT', currency_amount: s.reportedAmount, currency_rate: '1.0000', base_fair: '0.00',
      value_a: s.form.value_a ?? '', value_b: '', value_c: '', value_d: '',
      risk_level: s.riskLevel, risk_title: s.riskLevel === '1' ? 'Risky' : 'Safe',
    };
  }

  /** What SSLCommerz posts (browser and IPN) for the session's current state. */
  function postFields(s: FakeSslSession): Record<string, string> {
    if (s.status === 'VALID') {
      const r = record(s);
      r.status = 'VALID';
      return sign(r);
    }
    return sign({ status: s.status, tran_id: s.tranId, tran_date: '2025-01-31 12:00:00', amount: s.form.total_amount ?? '', currency: 'BDT', error: s.status === 'FAILED' ? 'Transaction declined' : '' });
  }

  async function sendIpn(s: FakeSslSession, fields = postFields(s), copies = opts.ipnCopies ?? 1) {
    const target = s.form.ipn_url;
    if (!target) return;
    for (let i = 0; i < copies; i++) {
      const r = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
      await r.text();
      ipnsSent.push({ status: r.status, fields });
    }
  }

  async function pay(tranId: string, outcome: SslOutcome, o: { amount?: string; risky?: boolean } = {}) {
    const s = sessions.get(tranId);
    if (!s) throw new Error(`fake sslcommerz: no session ${tranId}`);
    s.status = outcome === 'success' ? 'VALID' : outcome === 'fail' ? 'FAILED' : 'CANCELLED';
    if (outcome === 'success') {
      s.valId ??= `${new Date(Date.UTC(2025, 0, 31)).toISOString().slice(2, 10).replace(/-/g, '')}${String(seq++).padStart(6, '0')}${crypto.randomBytes(4).toString('hex')}`;
      s.bankTranId ??= `BK${String(seq++).padStart(8, '0')}`;
      s.reportedAmount = o.amount ?? s.form.total_amount ?? '';
      s.riskLevel = o.risky ? '1' : '0';
      byValId.set(s.valId, s);
    }
    const fields = postFields(s);
    if ((opts.ipn ?? 'before') === 'before') await sendIpn(s, fields);
    const target = outcome === 'success' ? s.form.success_url : outcome === 'fail' ? s.form.fail_url : s.form.cancel_url;
    return { url: target ?? '', fields, afterBrowser: () => ((opts.ipn ?? 'before') === 'after' ? sendIpn(s, fields) : Promise.resolve()) };
  }

  function credsOk(q: Record<string, string>) {
    return q.store_id === storeId && q.store_passwd === storePassword;
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, rec: FakeSslRequest) {
    const q = rec.query;
    if (rec.path === '/gwprocess/v4/api.php' && req.method === 'POST') {
      const f = rec.fields;
      if (f.store_id !== storeId || f.store_passwd !== storePassword) return json(res, { status: 'FAILED', failedreason: 'Store Credential Error Or Store is De-active', sessionkey: '', GatewayPageURL: '' });
      const missing = REQUIRED.find((k) => !f[k]);
      if (missing) return json(res, { status: 'FAILED', failedreason: `Invalid Information! '${missing}' is missing.` });
      if (!(Number(f.total_amount) >= 10)) return json(res, { status: 'FAILED', failedreason: 'Invalid Amount! Minimum 10 BDT.' });
      const sessionkey = crypto.randomBytes(16).toString('hex').toUpperCase();
      sessions.set(f.tran_id!, { tranId: f.tran_id!, sessionkey, form: f, status: 'PENDING', valId: null, bankTranId: null, validations: 0, reportedAmount: f.total_amount!, riskLevel: '0' });
      return json(res, { status: 'SUCCESS', failedreason: '', sessionkey, GatewayPageURL: `${url}/gwprocess/v4/gw.php?Q=pay&SESSIONKEY=${sessionkey}`, storeBanner: '', storeLogo: '', desc: [] });
    }
    if (rec.path === '/gwprocess/v4/gw.php') {
      const s = [...sessions.values()].find((x) => x.sessionkey === q.SESSIONKEY);
      if (!s) return res.writeHead(404, { 'content-type': 'text/plain' }).end('Invalid session');
      const outcome = q.outcome;
      if (outcome === 'success' || outcome === 'fail' || outcome === 'cancel') {
        const { url: target, fields, afterBrowser } = await pay(s.tranId, outcome);
        const inputs = Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${k}" value="${v.replace(/"/g, '&quot;')}">`).join('');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<!doctype html><form id="back" method="post" action="${target}">${inputs}</form><script>document.getElementById('back').submit()</script>`);
        await afterBrowser();
        return;
      }
      const link = (o: string) => `<p><a id="${o}" href="?Q=pay&SESSIONKEY=${s.sessionkey}&outcome=${o}">${o}</a></p>`;
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>SSLCommerz</title><h1>Pay ৳${s.form.total_amount}</h1>${link('success')}${link('fail')}${link('cancel')}`);
    }
    if (rec.path === '/validator/api/validationserverAPI.php') {
      if (!credsOk(q)) return json(res, { APIConnect: 'FAILED' });
      const s = byValId.get(q.val_id ?? '');
      if (!s || s.status !== 'VALID') return json(res, { APIConnect: 'DONE', status: 'INVALID_TRANSACTION' });
      const body = { ...record(s), APIConnect: 'DONE', validated_on: '2025-01-31 12:00:05', gw_version: 'fake' };
      s.validations++;
      return json(res, body);
    }
    if (rec.path === '/validator/api/merchantTransIDvalidationAPI.php') {
      if (!credsOk(q)) return json(res, { APIConnect: 'FAILED' });
      if (q.refund_ref_id) {
        const r = refunds.get(q.refund_ref_id);
        return json(res, r ? { APIConnect: 'DONE', bank_tran_id: r.bankTranId, refund_ref_id: q.refund_ref_id, status: r.status, initiated_on: '2025-02-01 10:00:00' } : { APIConnect: 'DONE', status: 'failed', errorReason: 'Invalid refund_ref_id' });
      }
      if (q.bank_tran_id) {
        const s = [...sessions.values()].find((x) => x.bankTranId === q.bank_tran_id && x.status === 'VALID');
        if (!s) return json(res, { APIConnect: 'DONE', bank_tran_id: q.bank_tran_id, status: 'failed', errorReason: 'Invalid bank_tran_id' });
        if (!(Number(q.refund_amount) > 0) || Number(q.refund_amount) > Number(s.reportedAmount)) return json(res, { APIConnect: 'DONE', bank_tran_id: q.bank_tran_id, status: 'failed', errorReason: 'Refund amount exceeds the transaction amount' });
        const refundRef = `RF${String(seq++).padStart(10, '0')}`;
        refunds.set(refundRef, { bankTranId: q.bank_tran_id, amount: q.refund_amount ?? '', remarks: q.refund_remarks ?? '', status: 'processing' });
        return json(res, { APIConnect: 'DONE', bank_tran_id: q.bank_tran_id, trans_id: s.tranId, refund_ref_id: refundRef, status: 'success', errorReason: '' });
      }
      const s = sessions.get(q.tran_id ?? '');
      if (!s || s.status === 'PENDING') return json(res, { APIConnect: 'DONE', no_of_trans_found: 0, element: [] });
      const el = s.status === 'VALID'
        ? { ...record(s), status: s.validations > 0 ? 'VALIDATED' : 'VALID' }
        : { tran_id: s.tranId, status: s.status, amount: s.form.total_amount, currency: 'BDT', val_id: '', bank_tran_id: '', error: s.status === 'FAILED' ? 'Transaction declined' : '' };
      return json(res, { APIConnect: 'DONE', no_of_trans_found: 1, element: [el] });
    }
    return res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://fake');
      const query = Object.fromEntries(u.searchParams);
      const raw = Buffer.concat(chunks).toString('utf8');
      const fields = (req.headers['content-type'] ?? '').includes('x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : {};
      const kind: FakeSslRequest['kind'] = u.pathname === '/gwprocess/v4/api.php' ? 'session'
        : u.pathname === '/gwprocess/v4/gw.php' ? 'page'
          : u.pathname === '/validator/api/validationserverAPI.php' ? 'validate'
            : u.pathname === '/validator/api/merchantTransIDvalidationAPI.php' ? (query.bank_tran_id || query.refund_ref_id ? 'refund' : 'query') : 'other';
      const rec: FakeSslRequest = { kind, method: req.method ?? '', path: u.pathname, query, fields };
      requests.push(rec);
      if (kind !== 'page' && kind !== 'other' && holds[kind] > 0) {
        holds[kind]--;
        held.add();
        return; // never answered: the client's timeout fires
      }
      route(req, res, rec).catch((err: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    storeId,
    storePassword,
    sessions,
    requests,
    refunds,
    /** IPNs delivered to ipn_url, with our server's HTTP status for each. */
    ipnsSent,
    /**
     * The customer pays (or fails, or cancels): settles the session, sends the IPN(s) when set to
     * "before", and returns where the browser posts back and what it posts. `afterBrowser()` sends
     * the IPN(s) when set to "after".
     */
    pay,
    /** Fields of an IPN / browser post for the session's state, signed with `password` (a forged one signs with a wrong password). */
    signedFields(tranId: string, over: Record<string, string> = {}, password = storePassword): Record<string, string> {
      const s = sessions.get(tranId);
      if (!s) throw new Error(`fake sslcommerz: no session ${tranId}`);
      const base = postFields(s);
      delete base.verify_key;
      delete base.verify_sign;
      return sign({ ...base, ...over }, password);
    },
    /** Sends an IPN now (again: a duplicate), optionally with other fields. */
    async sendIpn(tranId: string, fields?: Record<string, string>, copies = 1) {
      const s = sessions.get(tranId);
      if (!s) throw new Error(`fake sslcommerz: no session ${tranId}`);
      await sendIpn(s, fields ?? postFields(s), copies);
    },
    hold(kind: SslKind, times = 1) {
      holds[kind] += times;
    },
    get held() {
      return held.count;
    },
    whenHeld: (n: number) => held.whenHeld(n),
    stop: () => stopFakeServer(server),
  };
}
export type FakeSslcommerz = Awaited<ReturnType<typeof startFakeSslcommerz>>;
