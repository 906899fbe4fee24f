import type { GatewayContext } from './types';

export type GatewayReply =
  | { ok: true; status: number; body: string; json: unknown }
  | { ok: false; why: 'timeout' | 'unreachable'; detail: string };

/** Replies are only read for a few fields or shown to the owner: no reason to hold more. */
const MAX_BODY = 64_000;

/**
 * One HTTP call to a gateway with the context's per-call timeout. Timeouts and network errors are
 * values (the flow answers them `pending`), never throws. The URL is never put in `detail`: some
 * gateways (SSLCommerz's validator) take the store password in the query string.
 */
export async function callGateway(
  ctx: Pick<GatewayContext, 'fetch' | 'timeoutMs'>,
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
): Promise<GatewayReply> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), ctx.timeoutMs);
  try {
    const res = await ctx.fetch(url, { ...init, signal: timeout.signal, redirect: 'manual' });
    const body = (await res.text()).slice(0, MAX_BODY);
    let json: unknown = null;
    try {
      json = JSON.parse(body);
    } catch {
      // Not JSON (an HTML error page from a proxy): callers treat it as an unreadable answer.
    }
    return { ok: true, status: res.status, body, json };
  } catch (err) {
    if (timeout.signal.aborted) return { ok: false, why: 'timeout', detail: `no answer within ${Math.round(ctx.timeoutMs / 100) / 10} s` };
    // undici says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND …) in cause.
    const cause = (err as { cause?: { code?: string } }).cause;
    return { ok: false, why: 'unreachable', detail: cause?.code ?? 'network error' };
  } finally {
    clearTimeout(timer);
  }
}

/** A plain object's string-ish field, or '' (gateway JSON is loosely typed: numbers, nulls). */
export function field(obj: unknown, name: string): string {
  if (!obj || typeof obj !== 'object') return '';
  const v = (obj as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Removes secrets a gateway might echo back (a wrong password in an error text) before we show or log it. */
export function scrub(text: string, secrets: Array<string | undefined>): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out.slice(0, 300);
}

/** Hostname of a configured base URL, or null when it does not parse. */
export function hostOf(baseUrl: string): string | null {
  try {
    return new URL(baseUrl).hostname || null;
  } catch {
    return null;
  }
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
