import { httpCall, isTransientStatus } from '../httpCall';
import type { HttpGatewayConfig, OutgoingSms, SmsProvider } from '../types';

type Escape = (v: string) => string;

const urlEscape: Escape = (v) => encodeURIComponent(v);
// JSON.stringify escapes quotes, backslashes and control characters; drop its surrounding quotes
// because the template already has them ("text":"{text}").
const jsonEscape: Escape = (v) => JSON.stringify(v).slice(1, -1);

function fill(template: string, values: Record<string, string>, escape: Escape): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    return v === undefined ? whole : escape(v);
  });
}

/** The generic adapter's placeholder values for one message. */
function placeholderValues(msg: OutgoingSms, apiKey: string, senderId: string): Record<string, string> {
  return { to: msg.to, text: msg.text, apiKey, senderId, ref: msg.ref, unicode: msg.unicode ? '1' : '0' };
}

/**
 * A gateway described by templates (DESIGN: each provider's base URL is a setting). Success is
 * HTTP 2xx, and the reply containing `successContains` when set. 5xx/408/429 and network errors
 * are transient; any other reply is a permanent configuration problem (not retried: it would
 * fail the same way, and a gateway that did send would send twice).
 */
export function httpGatewayProvider(cfg: HttpGatewayConfig, apiKey: string | null, senderId: string): SmsProvider {
  return {
    name: 'http',
    numberFormat: cfg.numberFormat,
    async send(msg, ctx) {
      if (!cfg.url.trim()) return { ok: false, kind: 'config', error: 'No gateway URL is set in the SMS settings', response: null };
      const values = placeholderValues(msg, apiKey ?? '', senderId);
      const url = fill(cfg.url, values, urlEscape);
      let body: string | undefined;
      const headers: Record<string, string> = {};
      if (cfg.method === 'POST' && cfg.bodyTemplate.trim() !== '') {
        const json = cfg.contentType === 'json';
        body = fill(cfg.bodyTemplate, values, json ? jsonEscape : urlEscape);
        headers['content-type'] = json ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded; charset=utf-8';
      }
      const r = await httpCall(ctx, url, { method: cfg.method, headers, body });
      if (!r.ok) return { ok: false, kind: 'transient', error: r.error, response: null };
      if (isTransientStatus(r.status)) {
        return { ok: false, kind: 'transient', error: `the gateway answered HTTP ${r.status}`, response: r.body };
      }
      if (r.status < 200 || r.status > 299) {
        return { ok: false, kind: 'config', error: `the gateway refused the message (HTTP ${r.status}); check the URL and key`, response: r.body };
      }
      if (cfg.successContains && !r.body.includes(cfg.successContains)) {
        return { ok: false, kind: 'config', error: `the gateway's reply did not contain "${cfg.successContains}"`, response: r.body };
      }
      return { ok: true, ref: null, response: r.body };
    },
  };
}
