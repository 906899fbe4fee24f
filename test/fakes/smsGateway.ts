import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHeldRequests, stopFakeServer } from './heldRequests';

/**
 * A local SMS gateway that answers like BulkSMSBD and SSL Wireless (hotspot-protocols.md §6),
 * plus a generic endpoint for the template-driven adapter. It records every request, and can be
 * scripted per send: a 5xx, a held request (never answered: the client's timeout fires), a
 * vendor error code, or a normal reply.
 *
 *   BulkSMSBD:    GET|POST /api/smsapi   (api_key, type, number, senderid, message) → {response_code …}
 *                 GET /api/getBalanceApi?api_key=…  → {response_code: 202, balance}   [U]
 *   SSL Wireless: POST /api/v3/send-sms  JSON {api_token, sid, msisdn, sms, csms_id} → {status …}
 *   generic:      anything else → `genericReply` (HTTP 200)
 */
export type FakeAction = 'ok' | '5xx' | 'hold' | { code: string; message?: string };

export interface FakeRequest {
  api: 'bulksmsbd' | 'sslwireless' | 'generic' | 'balance';
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  query: Record<string, string>;
  /** Form fields (form bodies) or the JSON body's fields. */
  fields: Record<string, unknown>;
  raw: string;
  /** The text as the phone would show it (after the gateway's Unicode handling). */
  delivered?: string;
}

export interface FakeSmsGatewayOptions {
  apiKey?: string;
  /** Taka. Each BulkSMSBD message costs 0.35; at 0 it answers 1007. */
  balance?: number;
  /** [U] both plausible BulkSMSBD behaviours: Bangla with type=text arrives as "????", or fine. */
  bulkSmsBdUnicode?: 'needs-type-unicode' | 'auto';
  /** [U] both plausible SSL Wireless behaviours for Bangla: UTF-8 text, or UCS-2 hex. */
  sslWirelessUnicode?: 'utf8' | 'ucs2hex';
  genericReply?: string;
}

const BD_NUMBER = /^8801[3-9]\d{8}$/;

function fromUcs2Hex(hex: string): string {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

export async function startFakeSmsGateway(opts: FakeSmsGatewayOptions = {}) {
  const apiKey = opts.apiKey ?? 'test-key-0123456789';
  let balance = opts.balance ?? 100;
  const received: FakeRequest[] = [];
  const scriptQueue: FakeAction[] = [];
  const held = createHeldRequests();
  let nextId = 1000;

  function json(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  function bulkSmsBd(req: FakeRequest, action: FakeAction, res: http.ServerResponse) {
    const f = req.fields as Record<string, string | undefined>;
    const reply = (code: number, extra: Record<string, unknown> = {}) =>
      json(res, 200, { response_code: code, message_id: null, success_message: '', error_message: '', ...extra });
    if (typeof action === 'object') return reply(Number(action.code), { error_message: action.message ?? `error ${action.code}` });
    // Echoes a wrong key back, as some gateways do, so the tests prove we scrub it.
    if (f.api_key !== apiKey) return reply(1011, { error_message: `User not found for api_key ${f.api_key ?? ''}` });
    if (!f.number || !f.message || !f.type || !f.senderid) return reply(1003, { error_message: 'Please fill all fields' });
    if (!f.number.split(',').every((n) => BD_NUMBER.test(n))) return reply(1001, { error_message: 'Invalid Number' });
    if (balance <= 0) return reply(1007, { error_message: 'Insufficient balance' });
    const garbled = opts.bulkSmsBdUnicode !== 'auto' && f.type !== 'unicode';
    req.delivered = garbled ? f.message.replace(/[^\x20-\x7E]/g, '?') : f.message;
    balance = Math.round((balance - 0.35) * 100) / 100;
    return reply(202, { message_id: nextId++, success_message: 'SMS Submitted Successfully' });
  }

  function sslWireless(req: FakeRequest, action: FakeAction, res: http.ServerResponse) {
    const f = req.fields as Record<string, string | undefined>;
    const failed = (code: number, message: string) => json(res, 200, { status: 'FAILED', status_code: code, error_message: message });
    if (typeof action === 'object') return failed(Number(action.code), action.message ?? `error ${action.code}`);
    if (f.api_token !== apiKey) return failed(4001, 'Unauthorized api_token');
    if (!f.msisdn || !BD_NUMBER.test(f.msisdn)) return failed(4022, 'Invalid msisdn');
    if (!f.sms || !f.csms_id || !f.sid) return failed(4000, 'Required field missing');
    req.delivered = opts.sslWirelessUnicode === 'ucs2hex' && /^[0-9A-F]+$/.test(f.sms) && f.sms.length % 4 === 0 ? fromUcs2Hex(f.sms) : f.sms;
    return json(res, 200, {
      status: 'SUCCESS', status_code: 200, error_message: '',
      smsinfo: [{ sms_status: 'SUCCESS', status_message: 'Success', msisdn: f.msisdn, csms_id: f.csms_id, reference_id: `ssl-${nextId++}` }],
    });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const u = new URL(req.url ?? '/', 'http://fake');
      const query = Object.fromEntries(u.searchParams);
      let fields: Record<string, unknown> = { ...query };
      const type = req.headers['content-type'] ?? '';
      if (type.includes('json')) {
        try {
          fields = { ...fields, ...(JSON.parse(raw) as Record<string, unknown>) };
        } catch {
          // Recorded as is; the handlers then answer "missing fields".
        }
      } else if (type.includes('x-www-form-urlencoded')) {
        fields = { ...fields, ...Object.fromEntries(new URLSearchParams(raw)) };
      }
      const api: FakeRequest['api'] = u.pathname === '/api/smsapi' ? 'bulksmsbd'
        : u.pathname === '/api/v3/send-sms' ? 'sslwireless'
          : u.pathname === '/api/getBalanceApi' ? 'balance' : 'generic';
      const rec: FakeRequest = { api, method: req.method ?? '', path: u.pathname, headers: req.headers, query, fields, raw };
      received.push(rec);
      if (api === 'balance') {
        if (query.api_key !== apiKey) return json(res, 200, { response_code: 1011, error_message: 'User not found' });
        return json(res, 200, { response_code: 202, balance });
      }
      const action = scriptQueue.shift() ?? 'ok';
      if (action === 'hold') {
        held.add();
        return; // never answered; the client gives up
      }
      if (action === '5xx') return res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
      if (api === 'bulksmsbd') return bulkSmsBd(rec, action, res);
      if (api === 'sslwireless') return sslWireless(rec, action, res);
      if (typeof action === 'object') return res.writeHead(Number(action.code)).end(action.message ?? 'error');
      rec.delivered = String(rec.fields.text ?? rec.fields.message ?? rec.fields.sms ?? '');
      return res.writeHead(200, { 'content-type': 'text/plain' }).end(opts.genericReply ?? 'OK');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    received,
    /** What the next send requests get, in order; after that every send succeeds. */
    script(...actions: FakeAction[]) {
      scriptQueue.push(...actions);
    },
    /** Send requests only (not balance checks). */
    sends: () => received.filter((r) => r.api !== 'balance'),
    setBalance(taka: number) {
      balance = taka;
    },
    get balance() {
      return balance;
    },
    get held() {
      return held.count;
    },
    whenHeld: (n: number) => held.whenHeld(n),
    stop: () => stopFakeServer(server),
  };
}
export type FakeSmsGateway = Awaited<ReturnType<typeof startFakeSmsGateway>>;
