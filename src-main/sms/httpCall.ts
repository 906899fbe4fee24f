import type { ProviderContext } from './types';

export type HttpResult =
  | { ok: true; status: number; body: string }
  | { ok: false; error: string };

/** Replies are kept for the owner but never need to be long. */
const MAX_BODY = 2000;

/**
 * One HTTP request with a per-attempt timeout that also ends when the subsystem stops. Network
 * errors and timeouts come back as values (both are transient for the retry rule), never throws.
 */
export async function httpCall(
  ctx: ProviderContext,
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
): Promise<HttpResult> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), ctx.timeoutMs);
  const onStop = () => timeout.abort();
  ctx.signal.addEventListener('abort', onStop, { once: true });
  try {
    const res = await ctx.fetch(url, { ...init, signal: timeout.signal, redirect: 'manual' });
    const body = (await res.text()).slice(0, MAX_BODY);
    return { ok: true, status: res.status, body };
  } catch (err) {
    if (ctx.signal.aborted) return { ok: false, error: 'HotspotDesk was stopping; the request was cut short' };
    if (timeout.signal.aborted) return { ok: false, error: `the gateway did not answer within ${Math.round(ctx.timeoutMs / 100) / 10} s` };
    // undici says "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND …) in cause.
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).message;
    return { ok: false, error: `the gateway could not be reached (${why})` };
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', onStop);
  }
}

/** HTTP statuses worth one more try: the gateway is overloaded or restarting. */
export function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** `https://host/api/` + `smsapi` without doubled or missing slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
