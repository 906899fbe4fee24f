import { httpCall, isTransientStatus, joinUrl } from '../httpCall';
import type { FailureKind, SmsProvider } from '../types';

/**
 * SSL Wireless SMS Plus API v3 (hotspot-protocols.md §6): POST JSON `{base}/api/v3/send-sms`
 * with api_token, sid, msisdn (8801…), sms, csms_id. csms_id is our outbox reference, the same
 * on the retry, so a gateway that got the first try can refuse the duplicate instead of texting
 * twice. Reply: status SUCCESS/FAILED, status_code, error_message.
 *
 * The [U] parts are these constants (the tests run both plausible variants).
 */
export const sslWirelessDefaults = {
  baseUrl: 'https://smsplus.sslwireless.com',
  sendPath: 'api/v3/send-sms',
  /**
   * [U] How Bangla goes: 'utf8' = the text as is (what v3's JSON suggests); 'ucs2hex' = the
   * UTF-16BE hex string the older SSL push API wanted for Unicode.
   */
  unicode: 'utf8' as 'utf8' | 'ucs2hex',
};
export type SslWirelessOptions = typeof sslWirelessDefaults;

/** status_code → meaning. Only 4003 is in the reference; the others are matched on words [U]. */
function classify(code: string, message: string): { kind: FailureKind; what: string } {
  if (code === '4003') return { kind: 'config', what: "IP blacklisted: ask SSL Wireless to whitelist this PC's public IP" };
  if (/try (again )?later|temporar|busy|timeout/i.test(message)) return { kind: 'transient', what: 'gateway busy' };
  if (/balance|credit/i.test(message)) return { kind: 'balance', what: 'not enough balance' };
  if (/msisdn|number/i.test(message)) return { kind: 'number', what: 'invalid number' };
  return { kind: 'config', what: 'refused' };
}

/** UTF-16BE code units as upper-case hex (the old API's Unicode form). */
export function toUcs2Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return out;
}

export function sslWirelessProvider(
  apiKey: string | null,
  senderId: string,
  baseUrl: string | undefined,
  options: Partial<SslWirelessOptions> = {},
): SmsProvider {
  const o = { ...sslWirelessDefaults, ...options };
  const base = baseUrl?.trim() || o.baseUrl;
  return {
    name: 'sslwireless',
    numberFormat: '880',
    async send(msg, ctx) {
      if (!apiKey) return { ok: false, kind: 'config', error: 'No SSL Wireless API token is set in the SMS settings', response: null };
      const sms = msg.unicode && o.unicode === 'ucs2hex' ? toUcs2Hex(msg.text) : msg.text;
      const r = await httpCall(ctx, joinUrl(base, o.sendPath), {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        body: JSON.stringify({ api_token: apiKey, sid: senderId, msisdn: msg.to, sms, csms_id: msg.ref }),
      });
      if (!r.ok) return { ok: false, kind: 'transient', error: r.error, response: null };
      if (isTransientStatus(r.status)) return { ok: false, kind: 'transient', error: `SSL Wireless answered HTTP ${r.status}`, response: r.body };
      let j: Record<string, unknown> | null = null;
      try {
        const v: unknown = JSON.parse(r.body);
        if (v && typeof v === 'object') j = v as Record<string, unknown>;
      } catch {
        j = null;
      }
      if (!j) return { ok: false, kind: 'config', error: `SSL Wireless gave an unreadable reply (HTTP ${r.status})`, response: r.body };
      if (String(j.status).toUpperCase() === 'SUCCESS') {
        // [U] the reference id's place in the reply; fall back to our own csms_id.
        const info = Array.isArray(j.smsinfo) ? (j.smsinfo[0] as Record<string, unknown> | undefined) : undefined;
        return { ok: true, ref: info?.reference_id != null ? String(info.reference_id) : msg.ref, response: r.body };
      }
      const code = String(j.status_code ?? '');
      const message = typeof j.error_message === 'string' ? j.error_message : '';
      const d = classify(code, message);
      return { ok: false, kind: d.kind, error: `SSL Wireless ${code || 'error'} ${d.what}${message ? `: ${message}` : ''}`, response: r.body };
    },
  };
}
