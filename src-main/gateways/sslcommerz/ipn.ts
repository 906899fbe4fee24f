import crypto from 'node:crypto';
import { takaToPaisa } from '../takaAmount';

/**
 * SSLCommerz's IPN (reference §5.3): a server-to-server form POST to ipn_url. It is only a
 * trigger: the flow confirms with the validation API whatever the IPN says, so a valid hash
 * makes an IPN worth acting on at once, and a bad one is dropped, never believed.
 */

/** Statuses an IPN (or the browser's form post) carries. */
export const IPN_STATUSES = ['VALID', 'VALIDATED', 'FAILED', 'CANCELLED', 'UNATTEMPTED', 'EXPIRED'] as const;

export interface SslcommerzIpn {
  /** Our invoice: the reference to confirm. */
  tranId: string;
  valId: string;
  status: (typeof IPN_STATUSES)[number];
  /** In paisa, as claimed (untrusted); null when absent or not an amount. */
  amount: number | null;
  currency: string;
  bankTranId: string;
  /** Every field as received, for checkIpnSignature. */
  fields: Record<string, string>;
  /** What the flow passes as `complete(ctx, tranId, hints)`. */
  hints: Record<string, string>;
}

export type IpnParseResult = { ok: true; ipn: SslcommerzIpn } | { ok: false; field: string; message: string };

function asFields(body: string | Record<string, unknown>): Record<string, string> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
  }
  return out;
}

/** Reads an IPN body (the raw form text, or express's parsed body). Bad input names the field. */
export function parseIpn(body: string | Record<string, unknown>): IpnParseResult {
  const fields = asFields(body);
  const tranId = (fields.tran_id ?? '').trim();
  if (!tranId) return { ok: false, field: 'tran_id', message: 'tran_id is missing: this is not an SSLCommerz payment notification' };
  if (tranId.length > 100) return { ok: false, field: 'tran_id', message: 'tran_id is longer than SSLCommerz allows' };
  const status = (fields.status ?? '').trim().toUpperCase();
  if (!(IPN_STATUSES as readonly string[]).includes(status)) {
    return { ok: false, field: 'status', message: `status must be one of ${IPN_STATUSES.join(', ')}` };
  }
  const valId = (fields.val_id ?? '').trim();
  if ((status === 'VALID' || status === 'VALIDATED') && !valId) return { ok: false, field: 'val_id', message: 'val_id is missing for a successful payment' };
  const hints: Record<string, string> = { status };
  if (valId) hints.val_id = valId;
  return {
    ok: true,
    ipn: {
      tranId, valId, status: status as SslcommerzIpn['status'],
      amount: takaToPaisa(fields.amount), currency: fields.currency ?? '', bankTranId: fields.bank_tran_id ?? '',
      fields, hints,
    },
  };
}

const md5 = (s: string) => crypto.createHash('md5').update(s, 'utf8').digest('hex');

/**
 * SSLCommerz's hash rule, as its PHP library does it: take the fields named in verify_key (those
 * present), add store_passwd = md5(store password), sort by key, join `k=v` with `&`, md5, and
 * compare with verify_sign.
 */
export function checkIpnSignature(fields: Record<string, string>, storePassword: string): boolean {
  const verifyKey = fields.verify_key ?? '';
  const verifySign = (fields.verify_sign ?? '').toLowerCase();
  if (!verifyKey || !/^[0-9a-f]{32}$/.test(verifySign) || !storePassword) return false;
  const picked: Record<string, string> = {};
  for (const k of verifyKey.split(',')) {
    const v = fields[k];
    if (k && v !== undefined) picked[k] = v;
  }
  picked.store_passwd = md5(storePassword);
  const text = Object.keys(picked)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${k}=${picked[k]}`)
    .join('&');
  return crypto.timingSafeEqual(Buffer.from(md5(text)), Buffer.from(verifySign));
}
