import crypto from 'node:crypto';
import express from 'express';
import type { Logger } from '../../log';
import type { SmsInResult } from '../sendMoney';

export const SMS_IN_PATH = '/hooks/sms-in';

const SENDER_FIELDS = ['from', 'sender', 'number', 'phone', 'address'];
const TEXT_FIELDS = ['message', 'text', 'body', 'content', 'msg'];
const TOKEN_FIELDS = ['token', 'key', 'secret'];

function firstString(body: Record<string, unknown>, fields: string[]): string | null {
  for (const f of fields) {
    const v = body[f];
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return null;
}

function sameToken(given: string, expected: string): boolean {
  // Hashing first makes the comparison constant-time whatever the lengths.
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * `POST /hooks/sms-in`: the shop phone's SMS forwarder app posts each incoming SMS here (on the
 * LAN, through the portal's door). JSON or form bodies, the shapes forwarder apps use (sender
 * under from/sender/number, text under message/text/body/content); the token from settings
 * (sendMoney.smsWebhookToken) in a header (X-Webhook-Token, or Authorization: Bearer) or a field.
 * Without a token set, the hook is off. Neither the token nor the SMS text is ever logged.
 */
export function createSmsInRouter(deps: { log: Logger; token: () => string | null; receive: (sms: { sender: string | null; text: string }) => Promise<SmsInResult> }): express.Router {
  const router = express.Router();
  const parsers = [express.json({ limit: '32kb' }), express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 50 })];
  router.post(SMS_IN_PATH, ...parsers, (req, res) => {
    const fail = (status: number, code: string, message: string, field?: string) =>
      void res.status(status).json({ ok: false, error: { code, message, ...(field ? { field } : {}) } });
    const expected = deps.token();
    if (!expected) return fail(403, 'SMS_WEBHOOK_TOKEN', 'The SMS webhook is off: set its token in Settings → Payments first.');
    const body: Record<string, unknown> = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
    const auth = req.get('authorization');
    const given =
      req.get('x-webhook-token') ?? req.get('x-token') ?? (auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : null) ?? firstString(body, TOKEN_FIELDS) ??
      (typeof req.query.token === 'string' ? req.query.token : null);
    if (!given || !sameToken(given, expected)) return fail(401, 'SMS_WEBHOOK_TOKEN', 'Wrong or missing token: copy it from Settings → Payments into the forwarder app.');
    const text = firstString(body, TEXT_FIELDS);
    if (!text) return fail(400, 'invalid_input', `message: the SMS text is missing (send it as one of: ${TEXT_FIELDS.join(', ')})`, 'message');
    if (text.length > 2000) return fail(400, 'invalid_input', 'message: must be at most 2000 characters', 'message');
    const sender = firstString(body, SENDER_FIELDS)?.slice(0, 100) ?? null;
    deps.receive({ sender, text }).then(
      (r) => void res.json({ ok: true, value: r }),
      (err: unknown) => {
        deps.log.error({ err }, 'forwarded SMS could not be handled');
        fail(500, 'internal', 'Something went wrong inside HotspotDesk; the log has the details.');
      },
    );
  });
  // A bad body (broken JSON, too large) is the sender's mistake, in the same envelope.
  router.use(SMS_IN_PATH, ((err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: number }).status ?? 400;
    res.status(status >= 400 && status < 500 ? status : 400).json({ ok: false, error: { code: 'invalid_input', message: 'body: must be JSON or a form' } });
  }) as express.ErrorRequestHandler);
  return router;
}
