import { httpCall, isTransientStatus, joinUrl } from '../httpCall';
import type { FailureKind, ProviderContext, SendOutcome, SmsProvider } from '../types';

/**
 * BulkSMSBD (hotspot-protocols.md §6): `{base}/api/smsapi` with api_key, type, number (8801…),
 * senderid, message; JSON reply whose response_code 202 means submitted.
 *
 * The [U] parts (not confirmed by the reference) are these constants, so a real account's
 * behaviour is a one-line change: the tests run both plausible variants.
 */
export const bulkSmsBdDefaults = {
  /** Scheme and host only (the setting overrides it; the fakes plug in here). */
  baseUrl: 'https://bulksmsbd.net',
  sendPath: 'api/smsapi',
  /** The reference allows GET or POST; POST keeps the key out of URLs (proxies, gateway logs). */
  method: 'POST' as 'GET' | 'POST',
  /**
   * [U] The reference names only `type=text`. Many BD gateways of this family want
   * `type=unicode` for Bangla and turn it into "????" otherwise; set 'text' if this one
   * detects Unicode by itself.
   */
  unicodeType: 'unicode' as 'unicode' | 'text',
  /** [U] Not in the reference: the balance call its public clients use; null = no balance. */
  balancePath: 'api/getBalanceApi' as string | null,
};
export type BulkSmsBdOptions = typeof bulkSmsBdDefaults;

/** response_code → what it means for us (reference §6; 1013–1018 account/sender problems). */
const codes: Record<string, { kind: FailureKind; what: string }> = {
  '1001': { kind: 'number', what: 'invalid number' },
  '1002': { kind: 'config', what: 'sender ID wrong or disabled' },
  '1003': { kind: 'config', what: 'required fields missing' },
  '1005': { kind: 'transient', what: 'gateway internal error' },
  '1006': { kind: 'balance', what: 'balance validity expired' },
  '1007': { kind: 'balance', what: 'insufficient balance' },
  '1011': { kind: 'config', what: 'user not found (check the API key)' },
  '1012': { kind: 'config', what: 'masking SMS must be in Bengali' },
};
function describeCode(code: string): { kind: FailureKind; what: string } {
  const known = codes[code];
  if (known) return known;
  const n = Number(code);
  if (n >= 1013 && n <= 1018) return { kind: 'config', what: 'sender ID, gateway or account problem' };
  return { kind: 'config', what: 'unexpected reply' };
}

function parseJson(body: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function bulkSmsBdProvider(
  apiKey: string | null,
  senderId: string,
  baseUrl: string | undefined,
  options: Partial<BulkSmsBdOptions> = {},
): SmsProvider {
  const o = { ...bulkSmsBdDefaults, ...options };
  const base = baseUrl?.trim() || o.baseUrl;

  async function send(msg: { to: string; text: string; unicode: boolean }, ctx: ProviderContext): Promise<SendOutcome> {
    if (!apiKey) return { ok: false, kind: 'config', error: 'No BulkSMSBD API key is set in the SMS settings', response: null };
    const params = new URLSearchParams({
      api_key: apiKey,
      type: msg.unicode ? o.unicodeType : 'text',
      number: msg.to,
      senderid: senderId,
      message: msg.text,
    });
    const url = joinUrl(base, o.sendPath);
    const r = o.method === 'GET'
      ? await httpCall(ctx, `${url}?${params}`, { method: 'GET' })
      : await httpCall(ctx, url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: params.toString(),
      });
    if (!r.ok) return { ok: false, kind: 'transient', error: r.error, response: null };
    if (isTransientStatus(r.status)) return { ok: false, kind: 'transient', error: `BulkSMSBD answered HTTP ${r.status}`, response: r.body };
    const j = parseJson(r.body);
    const code = j ? String(j.response_code ?? '') : '';
    if (code === '202') {
      return { ok: true, ref: j?.message_id != null ? String(j.message_id) : null, response: r.body };
    }
    if (!j) return { ok: false, kind: 'config', error: `BulkSMSBD gave an unreadable reply (HTTP ${r.status})`, response: r.body };
    const d = describeCode(code);
    const detail = typeof j.error_message === 'string' && j.error_message ? `: ${j.error_message}` : '';
    return { ok: false, kind: d.kind, error: `BulkSMSBD ${code || 'error'} ${d.what}${detail}`, response: r.body };
  }

  const provider: SmsProvider = { name: 'bulksmsbd', numberFormat: '880', send };
  const balancePath = o.balancePath;
  if (balancePath) {
    provider.balance = async (ctx) => {
      if (!apiKey) return null;
      const r = await httpCall(ctx, `${joinUrl(base, balancePath)}?${new URLSearchParams({ api_key: apiKey })}`, { method: 'GET' });
      if (!r.ok || r.status !== 200) return null;
      const j = parseJson(r.body);
      const taka = Number(j?.balance);
      return j && j.balance != null && Number.isFinite(taka) ? Math.round(taka * 100) : null;
    };
  }
  return provider;
}
